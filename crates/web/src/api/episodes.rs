//! `/api/v1/episodes`: the home-care episode, its actions, follow-ups and avslut.

use crate::AppState;
use crate::auth::ApiPrincipal;
use crate::error::{ApiError, Problem};
use crate::json::ApiJson;
use axum::Json;
use axum::extract::{Path, State};
use samsyn_domain::InvalidValue;
use samsyn_domain::care::FollowUpOutcome;
use samsyn_domain::kva::{KvaCode, PerformerKind};
use samsyn_store::care::episodes::{EpisodeView, NewAction};
use serde::Deserialize;
use utoipa::ToSchema;

/// A date in `YYYY-MM-DD`, or an error naming the field.
pub fn date(field: &'static str, text: &str) -> Result<time::Date, InvalidValue> {
    time::Date::parse(
        text.trim(),
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .map_err(|_| {
        InvalidValue::new(
            field,
            format!("«{}» är inget datum (ÅÅÅÅ-MM-DD)", text.trim()),
        )
    })
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionDto {
    kva_code: String,
    /// `YYYY-MM-DD`.
    performed_on: String,
    /// `legitimerad` or `delegerad`.
    performer_kind: String,
    #[serde(default)]
    minutes: Option<i64>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FollowUpDto {
    /// `continue` or `reassess` (back to assessment).
    outcome: String,
    #[serde(default)]
    note: String,
    /// `YYYY-MM-DD`; 30 days from today when left out.
    #[serde(default)]
    next_follow_up: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CloseDto {
    reason: String,
}

#[utoipa::path(get, path = "/api/v1/episodes/{id}", tag = "care", summary = "Reads an episode with its actions and follow-ups",
    params(("id" = i64, Path)), responses((status = 200, body = EpisodeView), (status = 404, body = Problem)),
    security(("bearer" = []), ("session" = [])))]
pub async fn read(
    State(s): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
    Path(id): Path<i64>,
) -> Result<Json<EpisodeView>, ApiError> {
    Ok(Json(s.store.episode(&p, id).await?))
}

#[utoipa::path(post, path = "/api/v1/episodes/{id}/actions", tag = "care", summary = "Records a care action (KVÅ)",
    params(("id" = i64, Path)), request_body = ActionDto,
    responses((status = 200, body = EpisodeView), (status = 409, body = Problem, description = "The episode is closed"), (status = 422, body = Problem)),
    security(("bearer" = []), ("session" = [])))]
pub async fn record_action(
    State(s): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<ActionDto>,
) -> Result<Json<EpisodeView>, ApiError> {
    let action = NewAction {
        kva: KvaCode::parse(&b.kva_code).map_err(|e| InvalidValue::new("kva_code", e.message))?,
        performed_on: date("performed_on", &b.performed_on)?,
        performer: PerformerKind::parse(&b.performer_kind)
            .map_err(|e| InvalidValue::new("performer_kind", e.message))?,
        minutes: b.minutes,
    };
    Ok(Json(s.store.record_action(&p, id, action).await?))
}

#[utoipa::path(post, path = "/api/v1/episodes/{id}/follow-ups", tag = "care", summary = "Records a follow-up",
    params(("id" = i64, Path)), request_body = FollowUpDto, responses((status = 200, body = EpisodeView), (status = 409, body = Problem)),
    security(("bearer" = []), ("session" = [])))]
pub async fn follow_up(
    State(s): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<FollowUpDto>,
) -> Result<Json<EpisodeView>, ApiError> {
    let outcome = FollowUpOutcome::parse(&b.outcome)?;
    let next = b
        .next_follow_up
        .as_deref()
        .map(|d| date("next_follow_up", d))
        .transpose()?;
    Ok(Json(
        s.store.follow_up(&p, id, outcome, &b.note, next).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/episodes/{id}/close", tag = "care", summary = "Closes the episode (avslut)",
    params(("id" = i64, Path)), request_body = CloseDto, responses((status = 200, body = EpisodeView), (status = 409, body = Problem)),
    security(("bearer" = []), ("session" = [])))]
pub async fn close(
    State(s): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<CloseDto>,
) -> Result<Json<EpisodeView>, ApiError> {
    Ok(Json(s.store.close_episode(&p, id, &b.reason).await?))
}
