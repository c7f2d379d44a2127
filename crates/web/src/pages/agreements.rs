//! Överenskommelser: each agreement's life cycle on one page (phase, remiss rounds
//! with answers and comment handling, anchoring, the parties' adoptions,
//! implementation), and Medel: grants and their allocation by decision.

use crate::AppState;
use crate::auth::PageSession;
use crate::error::{PageError, WebError};
use crate::forms::{SessionForm, back_with_error};
use crate::pages::Layout;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use samsyn_domain::agreement_cycle::Phase;
use samsyn_domain::governance::{self, Disposition, RemissPosition};
use samsyn_domain::policy;
use samsyn_store::governance::agreements::{AgreementRow, AgreementView, AllocationRow, GrantRow};
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Message {
    fel: String,
}

fn date(field: &'static str, text: &str) -> Result<time::Date, WebError> {
    Ok(governance::parse_meeting_date(field, text)?)
}

pub fn position_label(code: &Option<String>) -> &'static str {
    code.as_deref()
        .and_then(|c| RemissPosition::parse(c).ok())
        .map(|p| p.label())
        .unwrap_or("Inget svar än")
}

pub fn disposition_label(code: &Option<String>) -> &'static str {
    code.as_deref()
        .and_then(|c| Disposition::parse(c).ok())
        .map(|p| p.label())
        .unwrap_or("Ej hanterad")
}

pub fn phase_label(code: &str) -> &'static str {
    Phase::parse(code).map(|p| p.label()).unwrap_or("")
}

#[derive(Template)]
#[template(path = "agreements.html")]
struct ListPage {
    layout: Option<Layout>,
    csrf: String,
    error: Option<String>,
    rows: Vec<AgreementRow>,
    bodies: Vec<(String, String)>,
    phases: &'static [Phase],
}

pub async fn list(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Query(m): Query<Message>,
) -> Result<Html<String>, PageError> {
    let bodies = state
        .store
        .bodies()
        .await?
        .into_iter()
        .filter(|b| policy::can_keep_minutes(&session.principal, &b.code))
        .map(|b| (b.code, b.name))
        .collect();
    let page = ListPage {
        layout: Some(Layout::new(&session, "organ")),
        csrf: session.csrf_token.clone(),
        error: (!m.fel.is_empty()).then_some(m.fel),
        rows: state.store.agreement_documents().await?,
        bodies,
        phases: Phase::ALL,
    };
    Ok(Html(page.render().map_err(WebError::from)?))
}

#[derive(Deserialize)]
pub struct CreateForm {
    code: String,
    title: String,
    body: String,
    phase: String,
}

pub async fn create(
    State(state): State<AppState>,
    SessionForm(session, f): SessionForm<CreateForm>,
) -> Response {
    let r = async {
        let phase = Phase::parse(&f.phase)?;
        Ok::<_, WebError>(
            state
                .store
                .create_agreement(&session.principal, &f.code, &f.title, &f.body, phase)
                .await?,
        )
    }
    .await;
    match r {
        Ok(id) => Redirect::to(&format!("/overenskommelser/{id}")).into_response(),
        Err(e) => back_with_error("/overenskommelser", e),
    }
}

#[derive(Template)]
#[template(path = "agreement_cycle.html")]
struct ShowPage {
    layout: Option<Layout>,
    csrf: String,
    error: Option<String>,
    v: AgreementView,
    can_keep: bool,
    phases: &'static [Phase],
    positions: &'static [RemissPosition],
    dispositions: &'static [Disposition],
    anchoring_bodies: Vec<(String, String)>,
}

pub async fn show(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Path(id): Path<i64>,
    Query(m): Query<Message>,
) -> Result<Html<String>, PageError> {
    let v = state
        .store
        .agreement_document(id)
        .await?
        .ok_or_else(|| WebError::NotFound("överenskommelsen".into()))?;
    let can_keep = policy::can_keep_minutes(
        &session.principal,
        v.agreement.body_code.as_deref().unwrap_or_default(),
    );
    let anchoring_bodies = state
        .store
        .bodies()
        .await?
        .into_iter()
        .filter(|b| samsyn_domain::agreement_cycle::ANCHORING.contains(&b.kind.as_str()))
        .map(|b| (b.code, b.name))
        .collect();
    let page = ShowPage {
        layout: Some(Layout::new(&session, "organ")),
        csrf: session.csrf_token.clone(),
        error: (!m.fel.is_empty()).then_some(m.fel),
        v,
        can_keep,
        phases: Phase::ALL,
        positions: RemissPosition::ALL,
        dispositions: Disposition::ALL,
        anchoring_bodies,
    };
    Ok(Html(page.render().map_err(WebError::from)?))
}

/// Every step on the page posts here with `step` naming it.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StepForm {
    step: String,
    phase: String,
    note: String,
    in_force_from: String,
    parties: Vec<String>,
    sent_on: String,
    deadline: String,
    remiss: String,
    party: String,
    extended_to: String,
    reason: String,
    position: String,
    answered_on: String,
    comments: String,
    comment: String,
    disposition: String,
    body: String,
    decided_on: String,
    item: String,
    adopted_on: String,
    reference: String,
    name: String,
    contact: String,
    vc_unit: String,
    hsv_unit: String,
    gaps: String,
    action_plan: String,
    due_on: String,
    gap: String,
    follow_up: String,
    followed_up_on: String,
}

fn number(field: &'static str, text: &str) -> Result<i64, WebError> {
    text.trim().parse().map_err(|_| WebError::Invalid {
        field: field.into(),
        message: format!("«{text}» är inget nummer"),
    })
}

pub async fn step(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    SessionForm(session, f): SessionForm<Vec<(String, String)>>,
) -> Response {
    let back = format!("/overenskommelser/{id}");
    let r = async {
        // The fields, with `parties` repeated once per chosen party.
        let mut map = serde_json::Map::new();
        let mut parties = Vec::new();
        for (k, v) in f {
            if k == "parties" {
                parties.push(serde_json::Value::String(v));
            } else {
                map.insert(k, serde_json::Value::String(v));
            }
        }
        map.insert("parties".into(), serde_json::Value::Array(parties));
        let form: StepForm = serde_json::from_value(serde_json::Value::Object(map))
            .map_err(|e| WebError::BadRequest(format!("formuläret kunde inte läsas: {e}")))?;
        let f = form;
        let s = &state.store;
        let p = &session.principal;
        match f.step.as_str() {
            "fas" => {
                let to = Phase::parse(&f.phase)?;
                let from = (!f.in_force_from.trim().is_empty())
                    .then(|| date("in_force_from", &f.in_force_from))
                    .transpose()?;
                s.move_agreement(p, id, to, &f.note, from).await?
            }
            "remiss" => {
                s.send_remiss(
                    p,
                    id,
                    &f.parties,
                    date("sent_on", &f.sent_on)?,
                    date("deadline", &f.deadline)?,
                )
                .await?;
            }
            "anstand" => {
                s.extend_remiss(
                    p,
                    number("remiss", &f.remiss)?,
                    &f.party,
                    date("extended_to", &f.extended_to)?,
                    &f.reason,
                )
                .await?
            }
            "svar" => {
                let comments: Vec<String> = f.comments.lines().map(str::to_owned).collect();
                s.answer_remiss(
                    p,
                    number("remiss", &f.remiss)?,
                    &f.party,
                    RemissPosition::parse(&f.position)?,
                    date("answered_on", &f.answered_on)?,
                    &comments,
                )
                .await?;
            }
            "kommentar" => {
                s.handle_comment(
                    p,
                    number("comment", &f.comment)?,
                    Disposition::parse(&f.disposition)?,
                    &f.reason,
                )
                .await?
            }
            "forankring" => {
                s.anchor_agreement(p, id, &f.body, date("decided_on", &f.decided_on)?, None)
                    .await?
            }
            "antagande" => {
                s.adopt_agreement(
                    p,
                    id,
                    &f.party,
                    date("adopted_on", &f.adopted_on)?,
                    &f.reference,
                )
                .await?
            }
            "implementering" => {
                s.add_implementation_person(p, id, &f.party, &f.name, &f.contact)
                    .await?
            }
            "gap" => {
                s.add_gap_analysis(
                    p,
                    id,
                    &f.vc_unit,
                    &f.hsv_unit,
                    &f.gaps,
                    &f.action_plan,
                    date("due_on", &f.due_on)?,
                )
                .await?;
            }
            "uppfoljning" => {
                s.follow_up_gap(
                    p,
                    number("gap", &f.gap)?,
                    &f.follow_up,
                    date("followed_up_on", &f.followed_up_on)?,
                )
                .await?
            }
            other => return Err(WebError::BadRequest(format!("okänt steg «{other}»"))),
        }
        Ok(())
    }
    .await;
    match r {
        Ok(()) => Redirect::to(&back).into_response(),
        Err(e) => back_with_error(&back, e),
    }
}

struct YearTotal {
    year: i64,
    granted: i64,
    allocated: i64,
}

#[derive(Template)]
#[template(path = "funding.html")]
struct FundingPage {
    layout: Option<Layout>,
    csrf: String,
    error: Option<String>,
    grants: Vec<GrantRow>,
    allocations: Vec<AllocationRow>,
    totals: Vec<YearTotal>,
    can_manage: bool,
}

/// Kronor with a space between thousands, as Swedish texts write them.
pub fn kronor(amount: impl std::borrow::Borrow<i64>) -> String {
    let amount = amount.borrow();
    let digits = amount.abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    if *amount < 0 {
        out.insert(0, '−');
    }
    format!("{out}\u{a0}kr")
}

pub async fn funding(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Query(m): Query<Message>,
) -> Result<Html<String>, PageError> {
    let grants = state.store.grants().await?;
    let mut totals: Vec<YearTotal> = Vec::new();
    for g in &grants {
        match totals.iter_mut().find(|t| t.year == g.year) {
            Some(t) => {
                t.granted += g.amount_kr;
                t.allocated += g.allocated_kr;
            }
            None => totals.push(YearTotal {
                year: g.year,
                granted: g.amount_kr,
                allocated: g.allocated_kr,
            }),
        }
    }
    let p = &session.principal;
    let page = FundingPage {
        layout: Some(Layout::new(&session, "organ")),
        csrf: session.csrf_token.clone(),
        error: (!m.fel.is_empty()).then_some(m.fel),
        allocations: state.store.allocations(None).await?,
        grants,
        totals,
        can_manage: p.has_role(samsyn_domain::Role::Admin)
            || p.has_role(samsyn_domain::Role::Sekreterare),
    };
    Ok(Html(page.render().map_err(WebError::from)?))
}

#[derive(Deserialize)]
pub struct GrantForm {
    name: String,
    #[serde(default)]
    source: String,
    year: String,
    amount_kr: String,
}

fn amount(field: &'static str, text: &str) -> Result<i64, WebError> {
    let digits: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    digits.parse().map_err(|_| WebError::Invalid {
        field: field.into(),
        message: format!("«{text}» är inget belopp i hela kronor"),
    })
}

pub async fn add_grant(
    State(state): State<AppState>,
    SessionForm(session, f): SessionForm<GrantForm>,
) -> Response {
    let r = async {
        let year: i32 = f.year.trim().parse().map_err(|_| WebError::Invalid {
            field: "year".into(),
            message: format!("«{}» är inget år", f.year),
        })?;
        state
            .store
            .add_grant(
                &session.principal,
                &f.name,
                &f.source,
                year,
                amount("amount_kr", &f.amount_kr)?,
            )
            .await?;
        Ok::<_, WebError>(())
    }
    .await;
    match r {
        Ok(()) => Redirect::to("/medel").into_response(),
        Err(e) => back_with_error("/medel", e),
    }
}

#[derive(Deserialize)]
pub struct AllocationForm {
    grant: String,
    #[serde(default)]
    item: String,
    recipient: String,
    amount_kr: String,
    period_from: String,
    period_to: String,
    #[serde(default)]
    conditions: String,
}

pub async fn allocate(
    State(state): State<AppState>,
    SessionForm(session, f): SessionForm<AllocationForm>,
) -> Response {
    let r = async {
        let item = (!f.item.trim().is_empty())
            .then(|| number("item", &f.item))
            .transpose()?;
        state
            .store
            .allocate(
                &session.principal,
                number("grant", &f.grant)?,
                item,
                &f.recipient,
                amount("amount_kr", &f.amount_kr)?,
                date("period_from", &f.period_from)?,
                date("period_to", &f.period_to)?,
                &f.conditions,
            )
            .await?;
        Ok::<_, WebError>(())
    }
    .await;
    match r {
        Ok(()) => Redirect::to("/medel").into_response(),
        Err(e) => back_with_error("/medel", e),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn kronor_are_grouped_by_thousands() {
        assert_eq!(super::kronor(4_275_000), "4\u{a0}275\u{a0}000\u{a0}kr");
        assert_eq!(super::kronor(500), "500\u{a0}kr");
    }
}
