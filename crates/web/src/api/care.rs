//! `/api/v1/care-requests`: vårdbegäran, decisions and disagreements.

use crate::AppState;
use crate::auth::ApiPrincipal;
use crate::error::{ApiError, Problem};
use crate::json::ApiJson;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use samsyn_domain::agreement::RequestKind;
use samsyn_domain::care::Decision;
use samsyn_domain::person::{Housing, PersonNumber};
use samsyn_domain::{InvalidValue, UnitCode};
use samsyn_store::care::requests::{NewRequest, RequestView};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A care request as the sending unit fills it in.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewRequestDto {
    /// 12 digits, `YYYYMMDD-NNNN` or `YYYYMMDDNNNN`; a samordningsnummer is accepted.
    personnummer: String,
    /// The sending unit's code; must be the caller's own unit.
    from_unit: String,
    /// The municipal home care of the person's municipality.
    to_unit: String,
    /// `ongoing` or `single_visit`.
    kind: String,
    reason: String,
    #[serde(default)]
    requested_actions: String,
    self_care_assessed: bool,
    medication_list_updated: bool,
    #[serde(default)]
    specialist_handover: bool,
    #[serde(default)]
    psychiatric: bool,
    #[serde(default)]
    physician_contact: String,
    /// `ordinart` (default), `sarskilt` or `lss`.
    #[serde(default)]
    housing: Option<String>,
}

impl TryFrom<NewRequestDto> for NewRequest {
    type Error = InvalidValue;
    fn try_from(d: NewRequestDto) -> Result<Self, InvalidValue> {
        let unit = |field: &'static str, code: &str| {
            UnitCode::parse(code).map_err(|e| InvalidValue::new(field, e.message))
        };
        Ok(NewRequest {
            personnummer: PersonNumber::parse(&d.personnummer)?,
            housing: d
                .housing
                .as_deref()
                .map(Housing::parse)
                .transpose()?
                .unwrap_or(Housing::Ordinary),
            from_unit: unit("from_unit", &d.from_unit)?,
            to_unit: unit("to_unit", &d.to_unit)?,
            kind: RequestKind::parse(&d.kind)?,
            reason: d.reason,
            requested_actions: d.requested_actions,
            self_care_assessed: d.self_care_assessed,
            medication_list_updated: d.medication_list_updated,
            specialist_handover: d.specialist_handover,
            psychiatric: d.psychiatric,
            physician_contact: d.physician_contact,
        })
    }
}

#[derive(Serialize, ToSchema)]
pub struct Created {
    id: i64,
    status: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionDto {
    /// `accepted` or `declined`.
    outcome: String,
    /// Required for a decline.
    #[serde(default)]
    reason: String,
    /// The `row_version` the decider saw; a decision on a changed request is a conflict.
    #[serde(default)]
    row_version: Option<i64>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CommentDto {
    comment: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OutcomeDto {
    outcome: String,
}

#[utoipa::path(post, path = "/api/v1/care-requests", tag = "care", summary = "Sends a care request (vårdbegäran)",
    request_body = NewRequestDto,
    responses((status = 201, body = Created), (status = 403, body = Problem), (status = 422, body = Problem, description = "`field` names the invalid field")),
    security(("bearer" = []), ("session" = [])))]
pub async fn create(
    State(s): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
    ApiJson(body): ApiJson<NewRequestDto>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    let view = s.store.create_request(&p, body.try_into()?).await?;
    Ok((
        StatusCode::CREATED,
        Json(Created {
            id: view.id,
            status: view.status,
        }),
    ))
}

#[utoipa::path(get, path = "/api/v1/care-requests/{id}", tag = "care", summary = "Reads a care request",
    params(("id" = i64, Path)),
    responses((status = 200, body = RequestView), (status = 404, body = Problem, description = "Not found, or not the caller's to see")),
    security(("bearer" = []), ("session" = [])))]
pub async fn read(
    State(s): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
    Path(id): Path<i64>,
) -> Result<Json<RequestView>, ApiError> {
    Ok(Json(s.store.request(&p, id).await?))
}

#[utoipa::path(post, path = "/api/v1/care-requests/{id}/decision", tag = "care", summary = "Accepts or declines (the receiving unit)",
    params(("id" = i64, Path)), request_body = DecisionDto,
    responses((status = 200, body = RequestView), (status = 409, body = Problem, description = "Already decided or changed meanwhile"),
        (status = 422, body = Problem, description = "A rule of the agreement forbids it: `rule` and `agreement_version` name it")),
    security(("bearer" = []), ("session" = [])))]
pub async fn decide(
    State(s): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<DecisionDto>,
) -> Result<Json<RequestView>, ApiError> {
    let decision = Decision::parse(&body.outcome)?;
    Ok(Json(
        s.store
            .decide_request(&p, id, decision, &body.reason, body.row_version)
            .await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/care-requests/{id}/disagreement", tag = "care", summary = "Disputes a decline or raises a disagreement",
    params(("id" = i64, Path)), request_body = CommentDto, responses((status = 200, body = RequestView), (status = 409, body = Problem)),
    security(("bearer" = []), ("session" = [])))]
pub async fn dispute(
    State(s): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<CommentDto>,
) -> Result<Json<RequestView>, ApiError> {
    Ok(Json(
        s.store.raise_disagreement(&p, id, &body.comment).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/care-requests/{id}/disagreement/escalate", tag = "care", summary = "Escalates the open disagreement one step",
    params(("id" = i64, Path)), request_body = CommentDto, responses((status = 200, body = RequestView), (status = 409, body = Problem)),
    security(("bearer" = []), ("session" = [])))]
pub async fn escalate(
    State(s): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<CommentDto>,
) -> Result<Json<RequestView>, ApiError> {
    Ok(Json(
        s.store.escalate_disagreement(&p, id, &body.comment).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/care-requests/{id}/disagreement/comments", tag = "care", summary = "Comments on the open disagreement",
    params(("id" = i64, Path)), request_body = CommentDto, responses((status = 200, body = RequestView), (status = 409, body = Problem)),
    security(("bearer" = []), ("session" = [])))]
pub async fn comment(
    State(s): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<CommentDto>,
) -> Result<Json<RequestView>, ApiError> {
    Ok(Json(
        s.store.comment_disagreement(&p, id, &body.comment).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/care-requests/{id}/disagreement/resolve", tag = "care", summary = "Records the outcome of the open disagreement",
    params(("id" = i64, Path)), request_body = OutcomeDto, responses((status = 200, body = RequestView), (status = 409, body = Problem)),
    security(("bearer" = []), ("session" = [])))]
pub async fn resolve(
    State(s): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<OutcomeDto>,
) -> Result<Json<RequestView>, ApiError> {
    Ok(Json(
        s.store.resolve_disagreement(&p, id, &body.outcome).await?,
    ))
}
