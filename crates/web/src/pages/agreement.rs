//! Överenskommelsen: the versions of the agreement's rules (admins add versions), and
//! the person's log extract.

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
use samsyn_domain::agreement::AgreementRules;
use samsyn_domain::policy;
use samsyn_store::care::agreement::AgreementVersion;
use samsyn_store::care::extract::LogExtract;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "agreement.html")]
struct AgreementPage {
    layout: Option<Layout>,
    error: Option<String>,
    csrf: String,
    versions: Vec<AgreementVersion>,
    current: AgreementRules,
    is_admin: bool,
}

pub async fn show(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Query(flash): Query<Flash>,
) -> Result<Html<String>, PageError> {
    let versions = state.store.agreement_versions().await?;
    let current = versions
        .first()
        .map(|v| v.rules.clone())
        .unwrap_or_else(AgreementRules::orebro_2025);
    let page = AgreementPage {
        layout: Some(Layout::new(&session, "overenskommelse")),
        error: flash.fel,
        csrf: session.csrf_token.clone(),
        versions,
        current,
        is_admin: policy::can_manage_reference_data(&session.principal),
    };
    Ok(Html(page.render()?))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct VersionForm {
    valid_from: String,
    adult_age: String,
    minor_text: String,
    specialist_handover_text: String,
    psychiatric_text: String,
    d0: String,
    d1: String,
    d2: String,
}

fn number(field: &'static str, text: &str) -> Result<i64, InvalidValue> {
    text.trim()
        .parse()
        .map_err(|_| InvalidValue::new(field, "ska vara ett heltal"))
}

pub async fn add_version(
    State(state): State<AppState>,
    SessionForm(session, f): SessionForm<VersionForm>,
) -> Response {
    let p = &session.principal;
    if !policy::can_manage_reference_data(p) {
        return back_with_error(
            "/overenskommelse",
            WebError::Forbidden("bara administratörer ändrar överenskommelsens regler".into()),
        );
    }
    let result = async {
        let valid_from = date("valid_from", &f.valid_from)?.to_string();
        let rules = AgreementRules {
            adult_age: number("adult_age", &f.adult_age)? as i32,
            minor_text: f.minor_text.trim().to_owned(),
            specialist_handover_text: f.specialist_handover_text.trim().to_owned(),
            psychiatric_text: f.psychiatric_text.trim().to_owned(),
            escalation_days: [
                number("d0", &f.d0)?,
                number("d1", &f.d1)?,
                number("d2", &f.d2)?,
            ],
        };
        let mut tx = state.store.begin_write().await?;
        samsyn_store::care::agreement::add_version(
            &mut tx,
            &valid_from,
            &rules,
            p.username.as_str(),
        )
        .await?;
        samsyn_store::commit(tx).await?;
        Ok::<_, WebError>(())
    }
    .await;
    match result {
        Ok(()) => Redirect::to("/overenskommelse").into_response(),
        Err(e) => back_with_error("/overenskommelse", e),
    }
}

#[derive(Template)]
#[template(path = "extract.html")]
struct ExtractPage {
    layout: Option<Layout>,
    x: LogExtract,
}

pub async fn extract(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Path(id): Path<i64>,
) -> Result<Html<String>, PageError> {
    let x = state.store.log_extract(&session.principal, id).await?;
    Ok(Html(
        ExtractPage {
            layout: Some(Layout::new(&session, "logg")),
            x,
        }
        .render()?,
    ))
}
