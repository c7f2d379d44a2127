//! Vårdbegäran in the browser: send, read, decide, dispute, handle a disagreement.

use crate::AppState;
use crate::auth::PageSession;
use crate::error::{PageError, WebError};
use crate::forms::{SessionForm, back_with_error, checked};
use crate::pages::Layout;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use samsyn_domain::agreement::RequestKind;
use samsyn_domain::care::{Decision, RequestStatus};
use samsyn_domain::org::UnitKind;
use samsyn_domain::person::{Housing, PersonNumber};
use samsyn_domain::{UnitCode, policy};
use samsyn_store::care::requests::{NewRequest, RequestView};
use serde::Deserialize;

#[derive(Deserialize, Default)]
pub struct Flash {
    pub fel: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RequestForm {
    pub personnummer: String,
    pub to_unit: String,
    pub housing: String,
    pub kind: String,
    pub reason: String,
    pub requested_actions: String,
    pub physician_contact: String,
    pub self_care_assessed: Option<String>,
    pub medication_list_updated: Option<String>,
    pub specialist_handover: Option<String>,
    pub psychiatric: Option<String>,
}

#[derive(Template)]
#[template(path = "request_new.html")]
struct NewPage {
    layout: Option<Layout>,
    error: Option<String>,
    csrf: String,
    from_unit: String,
    receivers: Vec<(String, String)>,
    f: RequestForm,
}

async fn new_page(
    state: &AppState,
    session: &samsyn_store::sessions::Session,
    f: RequestForm,
    error: Option<String>,
) -> Result<Html<String>, PageError> {
    let receivers = state
        .store
        .units()
        .await?
        .into_iter()
        .filter(|u| u.kind == UnitKind::Hemsjukvard.as_str())
        .map(|u| (u.code, u.name))
        .collect();
    let page = NewPage {
        layout: Some(Layout::new(session, "start")),
        error,
        csrf: session.csrf_token.clone(),
        from_unit: session
            .principal
            .unit()
            .map(|u| u.to_string())
            .unwrap_or_default(),
        receivers,
        f,
    };
    Ok(Html(page.render()?))
}

pub async fn new(
    State(state): State<AppState>,
    PageSession(session): PageSession,
) -> Result<Html<String>, PageError> {
    new_page(&state, &session, RequestForm::default(), None).await
}

fn parse_request(from: Option<&UnitCode>, f: &RequestForm) -> Result<NewRequest, WebError> {
    let from = from.cloned().ok_or_else(|| {
        WebError::Forbidden("bara personal i en enhet skickar vårdbegäran".into())
    })?;
    Ok(NewRequest {
        personnummer: PersonNumber::parse(&f.personnummer)?,
        housing: if f.housing.is_empty() {
            Housing::Ordinary
        } else {
            Housing::parse(&f.housing)?
        },
        from_unit: from,
        to_unit: UnitCode::parse(&f.to_unit).map_err(|e| WebError::Invalid {
            field: "to_unit".into(),
            message: e.message,
        })?,
        kind: RequestKind::parse(if f.kind.is_empty() {
            "ongoing"
        } else {
            &f.kind
        })?,
        reason: f.reason.clone(),
        requested_actions: f.requested_actions.clone(),
        self_care_assessed: checked(&f.self_care_assessed),
        medication_list_updated: checked(&f.medication_list_updated),
        specialist_handover: checked(&f.specialist_handover),
        psychiatric: checked(&f.psychiatric),
        physician_contact: f.physician_contact.clone(),
    })
}

pub async fn create(
    State(state): State<AppState>,
    SessionForm(session, f): SessionForm<RequestForm>,
) -> Result<Response, PageError> {
    let result = match parse_request(session.principal.unit(), &f) {
        Ok(r) => state
            .store
            .create_request(&session.principal, r)
            .await
            .map_err(WebError::from),
        Err(e) => Err(e),
    };
    match result {
        Ok(view) => Ok(Redirect::to(&format!("/vardbegaran/{}", view.id)).into_response()),
        Err(WebError::Internal(m)) => Err(WebError::Internal(m).into()),
        Err(e) => {
            let html = new_page(&state, &session, f, Some(e.to_string())).await?;
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
    }
}

#[derive(Template)]
#[template(path = "request.html")]
struct RequestPage {
    layout: Option<Layout>,
    error: Option<String>,
    csrf: String,
    r: RequestView,
    status_label: &'static str,
    kind_label: &'static str,
    sex_label: &'static str,
    can_decide: bool,
    can_dispute: bool,
    can_handle_disagreement: bool,
    can_attach: bool,
    can_extract: bool,
    rules_version: i64,
    rules_from: String,
    rules: Vec<String>,
}

pub async fn show(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Path(id): Path<i64>,
    Query(flash): Query<Flash>,
) -> Result<Html<String>, PageError> {
    let p = &session.principal;
    let r = state.store.request(p, id).await?;
    let status = RequestStatus::parse(&r.status)?;
    let can_decide = policy::acts_for_unit(p, &r.to_unit)
        && matches!(status, RequestStatus::Sent | RequestStatus::Disputed);
    let can_dispute = policy::acts_for_unit(p, &r.from_unit)
        && status == RequestStatus::Declined
        && r.disagreements.iter().all(|d| d.status != "open");
    let can_handle_disagreement = policy::acts_for_unit(p, &r.from_unit)
        || policy::acts_for_unit(p, &r.to_unit)
        || p.has_role(samsyn_domain::Role::Mas);
    let versions = state.store.agreement_versions().await?;
    let today = time::OffsetDateTime::now_utc().date().to_string();
    let current = versions.iter().find(|v| v.valid_from <= today);
    let (rules_version, rules_from, rules) = match current {
        Some(v) => (
            v.version,
            v.valid_from.clone(),
            vec![
                format!("Under {} år: {}", v.rules.adult_age, v.rules.minor_text),
                v.rules.specialist_handover_text.clone(),
                v.rules.psychiatric_text.clone(),
            ],
        ),
        None => (0, String::new(), Vec::new()),
    };
    let page = RequestPage {
        layout: Some(Layout::new(&session, "start")),
        error: flash.fel,
        csrf: session.csrf_token.clone(),
        status_label: status.label(),
        kind_label: RequestKind::parse(&r.kind).map(|k| k.label()).unwrap_or(""),
        sex_label: if r.person.legal_sex == "K" {
            "kvinna"
        } else {
            "man"
        },
        can_decide,
        can_dispute,
        can_handle_disagreement,
        can_attach: policy::acts_for_unit(p, &r.from_unit) || policy::acts_for_unit(p, &r.to_unit),
        can_extract: policy::audit_scope(p).is_some(),
        rules_version,
        rules_from,
        rules,
        r,
    };
    Ok(Html(page.render()?))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DecisionForm {
    outcome: String,
    reason: String,
    row_version: Option<i64>,
}

pub async fn decide(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    SessionForm(session, f): SessionForm<DecisionForm>,
) -> Response {
    let back = format!("/vardbegaran/{id}");
    let result = match Decision::parse(&f.outcome) {
        Ok(d) => state
            .store
            .decide_request(&session.principal, id, d, &f.reason, f.row_version)
            .await
            .map_err(WebError::from),
        Err(e) => Err(e.into()),
    };
    match result {
        Ok(_) => Redirect::to(&back).into_response(),
        Err(e) => back_with_error(&back, e),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CommentForm {
    comment: String,
    step: String,
    outcome: String,
}

pub async fn dispute(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    SessionForm(session, f): SessionForm<CommentForm>,
) -> Response {
    let back = format!("/vardbegaran/{id}");
    match state
        .store
        .raise_disagreement(&session.principal, id, &f.comment)
        .await
    {
        Ok(_) => Redirect::to(&back).into_response(),
        Err(e) => back_with_error(&back, e.into()),
    }
}

pub async fn comment(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    SessionForm(session, f): SessionForm<CommentForm>,
) -> Response {
    let back = format!("/vardbegaran/{id}");
    let result = if f.step == "escalate" {
        state
            .store
            .escalate_disagreement(&session.principal, id, &f.comment)
            .await
    } else {
        state
            .store
            .comment_disagreement(&session.principal, id, &f.comment)
            .await
    };
    match result {
        Ok(_) => Redirect::to(&back).into_response(),
        Err(e) => back_with_error(&back, e.into()),
    }
}

pub async fn resolve(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    SessionForm(session, f): SessionForm<CommentForm>,
) -> Response {
    let back = format!("/vardbegaran/{id}");
    match state
        .store
        .resolve_disagreement(&session.principal, id, &f.outcome)
        .await
    {
        Ok(_) => Redirect::to(&back).into_response(),
        Err(e) => back_with_error(&back, e.into()),
    }
}

#[derive(Deserialize, Default)]
pub struct Empty {}

pub async fn mark_read(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    SessionForm(session, _): SessionForm<Empty>,
) -> Response {
    match state
        .store
        .mark_notification_read(&session.principal, id)
        .await
    {
        Ok(()) => Redirect::to("/").into_response(),
        Err(e) => back_with_error("/", e.into()),
    }
}

/// Bilaga upload from the request page (multipart, with the form's CSRF token).
pub async fn upload(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Path(id): Path<i64>,
    multipart: axum::extract::Multipart,
) -> Response {
    let back = format!("/vardbegaran/{id}");
    let result = async {
        let (name, kind, bytes, csrf) = crate::api::read_upload(multipart).await?;
        crate::auth::check_form_csrf(&session, &csrf)?;
        Ok::<_, WebError>(
            state
                .store
                .add_attachment(&session.principal, id, &name, &kind, &bytes)
                .await?,
        )
    }
    .await;
    match result {
        Ok(_) => Redirect::to(&back).into_response(),
        Err(e) => back_with_error(&back, e),
    }
}

pub async fn download(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Path((id, aid)): Path<(i64, i64)>,
) -> Result<Response, PageError> {
    let (name, kind, bytes) = state.store.attachment(&session.principal, id, aid).await?;
    Ok(crate::api::download(&name, &kind, bytes))
}
