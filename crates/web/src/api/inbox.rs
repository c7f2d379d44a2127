//! `/api/v1/inbox`, the FHIR export and the person's log extract.

use crate::AppState;
use crate::auth::ApiPrincipal;
use crate::error::{ApiError, Problem, WebError};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::IntoResponse;
use samsyn_store::care::extract::LogExtract;
use samsyn_store::care::inbox::Inbox;

#[utoipa::path(get, path = "/api/v1/inbox", tag = "care", summary = "The inbox of the caller's unit",
    responses((status = 200, body = Inbox), (status = 403, body = Problem, description = "The caller is not staff of a unit")),
    security(("bearer" = []), ("session" = [])))]
pub async fn inbox(
    State(s): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
) -> Result<Json<Inbox>, ApiError> {
    s.store
        .inbox(&p)
        .await?
        .map(Json)
        .ok_or_else(|| WebError::Forbidden("bara personal i en enhet har en inkorg".into()).into())
}

#[utoipa::path(get, path = "/api/v1/episodes/{id}/fhir", tag = "care", summary = "The episode as a FHIR R4 Bundle",
    params(("id" = i64, Path)),
    responses((status = 200, description = "A FHIR R4 Bundle (application/fhir+json)", content_type = "application/fhir+json"), (status = 404, body = Problem)),
    security(("bearer" = []), ("session" = [])))]
pub async fn fhir(
    State(s): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
    Path(id): Path<i64>,
) -> Result<impl IntoResponse, ApiError> {
    let episode = s.store.episode(&p, id).await?;
    let request = s.store.request(&p, episode.request_id).await?;
    let plans = s.store.person_plans(&p, episode.person.id).await?;
    let bundle = crate::fhir::episode_bundle(&episode, &request, &plans);
    Ok((
        [(header::CONTENT_TYPE, "application/fhir+json")],
        Json(bundle),
    ))
}

#[utoipa::path(get, path = "/api/v1/persons/{id}/log-extract", tag = "care", summary = "Loggutdrag: who read or changed the person's data",
    params(("id" = i64, Path)), responses((status = 200, body = LogExtract), (status = 404, body = Problem)),
    security(("bearer" = []), ("session" = [])))]
pub async fn log_extract(
    State(s): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
    Path(id): Path<i64>,
) -> Result<Json<LogExtract>, ApiError> {
    Ok(Json(s.store.log_extract(&p, id).await?))
}
