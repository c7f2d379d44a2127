//! Inskrivning in the browser: actions, follow-ups and avslut.

use super::care::Flash;
use crate::AppState;
use crate::api_dates::date;
use crate::auth::PageSession;
use crate::error::{PageError, WebError};
use crate::forms::{SessionForm, back_with_error};
use crate::pages::Layout;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use samsyn_domain::InvalidValue;
use samsyn_domain::care::{EpisodeStatus, FollowUpOutcome};
use samsyn_domain::kva::{KvaCode, PerformerKind};
use samsyn_domain::policy;
use samsyn_store::care::episodes::{EpisodeView, NewAction};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "episode.html")]
struct EpisodePage {
    layout: Option<Layout>,
    error: Option<String>,
    csrf: String,
    e: EpisodeView,
    status_label: &'static str,
    can_record: bool,
    kva: Vec<(String, String)>,
    today: String,
}

pub async fn show(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Path(id): Path<i64>,
    Query(flash): Query<Flash>,
) -> Result<Html<String>, PageError> {
    let e = state.store.episode(&session.principal, id).await?;
    let status = EpisodeStatus::parse(&e.status)?;
    let page = EpisodePage {
        layout: Some(Layout::new(&session, "start")),
        error: flash.fel,
        csrf: session.csrf_token.clone(),
        status_label: status.label(),
        can_record: status != EpisodeStatus::Closed
            && policy::acts_for_unit(&session.principal, &e.unit),
        kva: state.store.kva_codes().await?,
        today: time::OffsetDateTime::now_utc().date().to_string(),
        e,
    };
    Ok(Html(page.render()?))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ActionForm {
    kva_code: String,
    performed_on: String,
    performer_kind: String,
    minutes: String,
}

fn parse_action(f: &ActionForm) -> Result<NewAction, WebError> {
    let minutes = match f.minutes.trim() {
        "" => None,
        m => Some(
            m.parse::<i64>()
                .map_err(|_| InvalidValue::new("minutes", "minuter ska vara ett heltal"))?,
        ),
    };
    Ok(NewAction {
        kva: KvaCode::parse(&f.kva_code)?,
        performed_on: date("performed_on", &f.performed_on)?,
        performer: PerformerKind::parse(&f.performer_kind)?,
        minutes,
    })
}

pub async fn record_action(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    SessionForm(session, f): SessionForm<ActionForm>,
) -> Response {
    let back = format!("/inskrivning/{id}");
    let result = match parse_action(&f) {
        Ok(a) => state
            .store
            .record_action(&session.principal, id, a)
            .await
            .map_err(WebError::from),
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => Redirect::to(&back).into_response(),
        Err(e) => back_with_error(&back, e),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FollowUpForm {
    outcome: String,
    note: String,
    next_follow_up: String,
    reason: String,
}

pub async fn follow_up(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    SessionForm(session, f): SessionForm<FollowUpForm>,
) -> Response {
    let back = format!("/inskrivning/{id}");
    let parsed = (|| -> Result<_, WebError> {
        let outcome = FollowUpOutcome::parse(&f.outcome)?;
        let next = match f.next_follow_up.trim() {
            "" => None,
            d => Some(date("next_follow_up", d)?),
        };
        Ok((outcome, next))
    })();
    let result = match parsed {
        Ok((outcome, next)) => state
            .store
            .follow_up(&session.principal, id, outcome, &f.note, next)
            .await
            .map_err(WebError::from),
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => Redirect::to(&back).into_response(),
        Err(e) => back_with_error(&back, e),
    }
}

pub async fn close(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    SessionForm(session, f): SessionForm<FollowUpForm>,
) -> Response {
    let back = format!("/inskrivning/{id}");
    match state
        .store
        .close_episode(&session.principal, id, &f.reason)
        .await
    {
        Ok(_) => Redirect::to(&back).into_response(),
        Err(e) => back_with_error(&back, e.into()),
    }
}
