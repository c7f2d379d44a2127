//! Startsidan: each role lands on the work it most likely came to do.

use crate::AppState;
use crate::auth::PageSession;
use crate::error::PageError;
use crate::pages::Layout;
use askama::Template;
use axum::extract::State;
use axum::response::Html;
use samsyn_domain::policy::{self, StartPage};

struct Card {
    title: &'static str,
    href: &'static str,
    text: &'static str,
}

#[derive(Template)]
#[template(path = "start.html")]
struct StartView {
    layout: Option<Layout>,
    display_name: String,
    intro: String,
    roles: Vec<String>,
    cards: Vec<Card>,
    csrf: String,
    /// The unit's inbox, for staff: their start page.
    inbox: Option<samsyn_store::care::inbox::Inbox>,
    /// For a MAS: requests of their municipality with an open disagreement.
    disagreements: Vec<samsyn_store::care::inbox::InboxRequest>,
    /// For a body's secretary and chair: items whose underlag is missing at the deadline.
    underlag: Vec<samsyn_store::governance::UnderlagFlag>,
    /// For a body's secretary: assignments due within a week or overdue.
    reminders: Vec<samsyn_store::governance::AssignmentRow>,
}

const UNITS: Card = Card {
    title: "Enheter",
    href: "/enheter",
    text: "Länets vårdcentraler, kommunala hemsjukvårdsenheter, kliniker och avdelningar.",
};
const LOG: Card = Card {
    title: "Granskningslogg",
    href: "/granskningslogg",
    text: "Sök i loggen över vem som läst och ändrat uppgifter, och när.",
};
const AGREEMENT: Card = Card {
    title: "Överenskommelsen",
    href: "/overenskommelse",
    text: "Reglerna för inskrivning i hemsjukvården, version för version.",
};
const STATS: Card = Card {
    title: "Uppföljning",
    href: "/uppfoljning",
    text: "Tabell 1 och 2, insatser per KVÅ-kod och utförare, vårdbegäran och beslut – med diagram.",
};
const BODIES: Card = Card {
    title: "Organ och möten",
    href: "/organ",
    text: "Mötesplaner, dagordningar och underlag, protokoll att justera, uppdrag och överenskommelser.",
};
const API: Card = Card {
    title: "API-beskrivning",
    href: "/api/v1/openapi.json",
    text: "Maskinläsbar beskrivning (OpenAPI 3) av samsyns JSON-API.",
};

pub async fn show(
    State(state): State<AppState>,
    PageSession(session): PageSession,
) -> Result<Html<String>, PageError> {
    let p = &session.principal;
    let scope = [
        p.unit().map(|u| format!("enhet {u}")),
        p.party().map(|c| format!("part {c}")),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ");
    let (intro, cards) = match policy::start_page(p) {
        StartPage::Admin => (
            "Du administrerar samsyn: parter, enheter, användare och loggkontroll.",
            vec![STATS, UNITS, LOG, API],
        ),
        StartPage::Mas => (
            "Som MAS följer du upp vårdens kvalitet och säkerhet, följer oenigheter och gör loggkontroll för din kommun.",
            vec![LOG, STATS, AGREEMENT, UNITS],
        ),
        StartPage::Staff => (
            "Inkorgen visar det som väntar på din enhet.",
            vec![AGREEMENT, UNITS],
        ),
        StartPage::Body => (
            "Du deltar i arbetet i länets samverkansorgan.",
            vec![BODIES, UNITS],
        ),
        StartPage::Analyst => (
            "Du följer upp överenskommelsen på sammanställda uppgifter.",
            vec![STATS, UNITS, API],
        ),
    };
    let intro = if scope.is_empty() {
        intro.to_owned()
    } else {
        format!("{intro} Du är inloggad för {scope}.")
    };
    let inbox = state.store.inbox(p).await?;
    let disagreements = state.store.party_disagreements(p).await?;
    let today = time::OffsetDateTime::now_utc().date();
    let underlag = state.store.underlag_flags(p, today).await?;
    let reminders = state
        .store
        .assignments(today)
        .await?
        .into_iter()
        .filter(|a| a.reminder.is_some())
        .filter(|a| {
            a.body_code
                .as_deref()
                .is_some_and(|b| policy::can_keep_minutes(p, b))
        })
        .collect();
    let view = StartView {
        underlag,
        reminders,
        csrf: session.csrf_token.clone(),
        inbox,
        disagreements,
        layout: Some(Layout::new(&session, "start")),
        display_name: p.display_name.clone(),
        intro,
        roles: p
            .assignments
            .iter()
            .map(|a| {
                let mut text = a.role.label().to_owned();
                if let Some(u) = &a.unit {
                    text.push_str(&format!(" – enhet {u}"));
                } else if let Some(c) = &a.party {
                    text.push_str(&format!(" – part {c}"));
                }
                if let Some(b) = &a.body {
                    text.push_str(&format!(" – organ {b}"));
                }
                text
            })
            .collect(),
        cards,
    };
    Ok(Html(view.render()?))
}
