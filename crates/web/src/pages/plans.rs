//! Vårdplan and SIP in the browser.

use super::care::Flash;
use crate::AppState;
use crate::api_dates::date;
use crate::auth::PageSession;
use crate::error::{PageError, WebError};
use crate::forms::{SessionForm, back_with_error, checked};
use crate::pages::Layout;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use samsyn_domain::{UnitCode, policy};
use samsyn_store::care::plans::{NewPlan, PlanView};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct NewQuery {
    begaran: i64,
    fel: Option<String>,
}

#[derive(Template)]
#[template(path = "plan_new.html")]
struct NewPage {
    layout: Option<Layout>,
    error: Option<String>,
    csrf: String,
    request_id: i64,
    owner: String,
    units: Vec<(String, String)>,
}

pub async fn new(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Query(q): Query<NewQuery>,
) -> Result<Html<String>, PageError> {
    // Reading the request checks the relationship (and audits the read).
    state.store.request(&session.principal, q.begaran).await?;
    let owner = session
        .principal
        .unit()
        .map(|u| u.to_string())
        .ok_or_else(|| WebError::Forbidden("en plan upprättas av personal i en enhet".into()))?;
    let units = state
        .store
        .units()
        .await?
        .into_iter()
        .map(|u| (u.code.clone(), format!("{} ({})", u.name, u.code)))
        .collect();
    let page = NewPage {
        layout: Some(Layout::new(&session, "start")),
        error: q.fel,
        csrf: session.csrf_token.clone(),
        request_id: q.begaran,
        owner,
        units,
    };
    Ok(Html(page.render()?))
}

/// The plan form; `participants` may repeat, so the form arrives as pairs.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PlanForm {
    care_request_id: i64,
    kind: String,
    title: String,
    responsible_unit: String,
    follow_up_on: String,
    competence_transfer_secured: Option<String>,
    physician_contact: String,
}

pub async fn create(
    State(state): State<AppState>,
    SessionForm(session, pairs): SessionForm<Vec<(String, String)>>,
) -> Response {
    let field = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let f = PlanForm {
        care_request_id: field("care_request_id").parse().unwrap_or(0),
        kind: field("kind"),
        title: field("title"),
        responsible_unit: field("responsible_unit"),
        follow_up_on: field("follow_up_on"),
        competence_transfer_secured: Some(field("competence_transfer_secured")),
        physician_contact: field("physician_contact"),
    };
    let participants: Vec<String> = pairs
        .iter()
        .filter(|(k, _)| k == "participants")
        .map(|(_, v)| v.clone())
        .collect();
    let back = format!("/plan/ny?begaran={}", f.care_request_id);
    let p = &session.principal;
    let result = async {
        let owner = p.unit().cloned().ok_or_else(|| {
            WebError::Forbidden("en plan upprättas av personal i en enhet".into())
        })?;
        let person_id = state.store.request(p, f.care_request_id).await?.person.id;
        let plan = NewPlan {
            person_id,
            kind: f.kind.clone(),
            title: f.title.clone(),
            owner_unit: owner,
            responsible_unit: UnitCode::parse(&f.responsible_unit)?,
            participants: participants
                .iter()
                .map(|u| UnitCode::parse(u))
                .collect::<Result<_, _>>()?,
            follow_up_on: match f.follow_up_on.trim() {
                "" => None,
                d => Some(date("follow_up_on", d)?),
            },
            competence_transfer_secured: checked(&f.competence_transfer_secured),
            physician_contact: f.physician_contact.clone(),
        };
        Ok::<_, WebError>(state.store.create_plan(p, plan).await?)
    }
    .await;
    match result {
        Ok(plan) => Redirect::to(&format!("/plan/{}", plan.id)).into_response(),
        Err(e) => back_with_error(&back, e),
    }
}

#[derive(Template)]
#[template(path = "plan.html")]
struct PlanPage {
    layout: Option<Layout>,
    error: Option<String>,
    csrf: String,
    p: PlanView,
    can_edit: bool,
    today: String,
}

pub async fn show(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Path(id): Path<i64>,
    Query(flash): Query<Flash>,
) -> Result<Html<String>, PageError> {
    let p = state.store.plan(&session.principal, id).await?;
    let can_edit = p
        .participants
        .iter()
        .any(|u| policy::acts_for_unit(&session.principal, u));
    let page = PlanPage {
        layout: Some(Layout::new(&session, "start")),
        error: flash.fel,
        csrf: session.csrf_token.clone(),
        can_edit,
        today: time::OffsetDateTime::now_utc().date().to_string(),
        p,
    };
    Ok(Html(page.render()?))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PlanChange {
    text: String,
    actor: String,
    status: String,
    given_by: String,
    given_on: String,
    scope: String,
}

fn done(id: i64, result: Result<PlanView, WebError>) -> Response {
    let back = format!("/plan/{id}");
    match result {
        Ok(_) => Redirect::to(&back).into_response(),
        Err(e) => back_with_error(&back, e),
    }
}

pub async fn add_goal(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    SessionForm(session, f): SessionForm<PlanChange>,
) -> Response {
    done(
        id,
        state
            .store
            .add_plan_goal(&session.principal, id, &f.text)
            .await
            .map_err(Into::into),
    )
}

pub async fn add_action(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    SessionForm(session, f): SessionForm<PlanChange>,
) -> Response {
    let result = async {
        let (kind, unit) = match f.actor.split_once(':') {
            Some(("unit", code)) => ("unit", Some(UnitCode::parse(code)?)),
            _ => (f.actor.as_str(), None),
        };
        Ok::<_, WebError>(
            state
                .store
                .add_plan_action(&session.principal, id, &f.text, kind, unit)
                .await?,
        )
    }
    .await;
    done(id, result)
}

pub async fn set_status(
    State(state): State<AppState>,
    Path((id, action)): Path<(i64, i64)>,
    SessionForm(session, f): SessionForm<PlanChange>,
) -> Response {
    done(
        id,
        state
            .store
            .set_plan_action_status(&session.principal, id, action, &f.status)
            .await
            .map_err(Into::into),
    )
}

pub async fn consent(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    SessionForm(session, f): SessionForm<PlanChange>,
) -> Response {
    let result = async {
        let on = date("given_on", &f.given_on)?;
        Ok::<_, WebError>(
            state
                .store
                .record_consent(&session.principal, id, &f.given_by, on, &f.scope)
                .await?,
        )
    }
    .await;
    done(id, result)
}

pub async fn withdraw(
    State(state): State<AppState>,
    Path((id, consent)): Path<(i64, i64)>,
    SessionForm(session, _): SessionForm<PlanChange>,
) -> Response {
    done(
        id,
        state
            .store
            .withdraw_consent(&session.principal, id, consent)
            .await
            .map_err(Into::into),
    )
}
