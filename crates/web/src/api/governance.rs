//! `/api/v1/bodies`, `/api/v1/meetings/{id}/…`, `/api/v1/assignments`,
//! `/api/v1/agreements` and `/api/v1/protocols/verify`: the bodies' work for other
//! systems. Writes follow the same rules as the pages (the secretary only, never a
//! signed protocol, never on an older version).

use crate::AppState;
use crate::auth::ApiPrincipal;
use crate::error::{ApiError, Problem, WebError};
use crate::json::ApiJson;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use samsyn_domain::protocol::ItemKind;
use samsyn_store::governance::agreements::{AgreementRow, AgreementView};
use samsyn_store::governance::{
    AssignmentRow, Governed, MeetingSummary, Member, NewItem, Verified,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct YearParams {
    /// Only this year's meetings.
    year: Option<i32>,
}

#[utoipa::path(get, path = "/api/v1/bodies/{code}/meetings", tag = "governance", summary = "A body's meeting plan: planned, written and imported meetings",
    params(("code" = String, Path, description = "The body's code"), YearParams),
    responses((status = 200, body = Vec<MeetingSummary>)),
    security(("bearer" = []), ("session" = [])))]
pub async fn meetings(
    State(s): State<AppState>,
    ApiPrincipal(_p): ApiPrincipal,
    Path(code): Path<String>,
    Query(q): Query<YearParams>,
) -> Result<Json<Vec<MeetingSummary>>, ApiError> {
    Ok(Json(s.store.meetings_of_body(&code, q.year).await?))
}

#[utoipa::path(get, path = "/api/v1/bodies/{code}/members", tag = "governance", summary = "A body's members and functions, current and earlier",
    params(("code" = String, Path, description = "The body's code")),
    responses((status = 200, body = Vec<Member>)),
    security(("bearer" = []), ("session" = [])))]
pub async fn members(
    State(s): State<AppState>,
    ApiPrincipal(_p): ApiPrincipal,
    Path(code): Path<String>,
) -> Result<Json<Vec<Member>>, ApiError> {
    Ok(Json(s.store.members(&code).await?))
}

#[utoipa::path(get, path = "/api/v1/meetings/{id}/minutes", tag = "governance", summary = "A meeting written in samsyn: agenda, underlag, attendance, minutes, signers, assignments",
    params(("id" = i64, Path, description = "The meeting")),
    responses((status = 200, body = Governed), (status = 404, body = Problem, content_type = "application/problem+json")),
    security(("bearer" = []), ("session" = [])))]
pub async fn minutes(
    State(s): State<AppState>,
    ApiPrincipal(_p): ApiPrincipal,
    Path(id): Path<i64>,
) -> Result<Json<Governed>, ApiError> {
    let today = time::OffsetDateTime::now_utc().date();
    Ok(Json(
        s.store
            .governed_meeting(id, today)
            .await?
            .ok_or_else(|| WebError::NotFound("mötet".into()))?,
    ))
}

/// An agenda item to add, on the version of the meeting the client last read.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewItemDto {
    /// The meeting's `version` as read; a changed meeting answers 409.
    version: i64,
    title: String,
    /// beslutsarende, informationsarende or beredningsarende.
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    presenters: Vec<String>,
    #[serde(default)]
    needs_underlag: bool,
}

#[derive(Serialize, ToSchema)]
pub struct Created {
    id: i64,
}

#[utoipa::path(post, path = "/api/v1/meetings/{id}/items", tag = "governance", summary = "Adds an item to a meeting's agenda",
    params(("id" = i64, Path, description = "The meeting")), request_body = NewItemDto,
    responses((status = 201, body = Created),
        (status = 403, description = "Not the body's secretary, or the protocol is signed and locked", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Someone changed the meeting since `version`", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")),
    security(("bearer" = []), ("session" = [])))]
pub async fn add_item(
    State(s): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
    Path(id): Path<i64>,
    ApiJson(d): ApiJson<NewItemDto>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    let kind = match d.kind.as_deref() {
        None => None,
        Some(k) => Some(ItemKind::parse(k).ok_or_else(|| WebError::Invalid {
            field: "kind".into(),
            message: "beslutsarende, informationsarende eller beredningsarende".into(),
        })?),
    };
    let item = NewItem {
        title: d.title,
        kind,
        presenters: d.presenters,
        needs_underlag: d.needs_underlag,
    };
    let created = s.store.add_agenda_item(&p, id, d.version, item).await?;
    Ok((StatusCode::CREATED, Json(Created { id: created })))
}

#[derive(Serialize, ToSchema)]
pub struct Approval {
    /// Whether this approval was the last, so the protocol is now signed and fixed.
    signed: bool,
}

#[utoipa::path(post, path = "/api/v1/meetings/{id}/approval", tag = "governance", summary = "The logged-in chair or adjuster approves the minutes",
    params(("id" = i64, Path, description = "The meeting")),
    responses((status = 200, body = Approval), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json")),
    security(("bearer" = []), ("session" = [])))]
pub async fn approve(
    State(s): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
    Path(id): Path<i64>,
) -> Result<Json<Approval>, ApiError> {
    Ok(Json(Approval {
        signed: s.store.approve_minutes(&p, id).await?,
    }))
}

#[utoipa::path(get, path = "/api/v1/assignments", tag = "governance", summary = "Assignments from decisions, open first by due date, with reminders",
    responses((status = 200, body = Vec<AssignmentRow>)),
    security(("bearer" = []), ("session" = [])))]
pub async fn assignments(
    State(s): State<AppState>,
    ApiPrincipal(_p): ApiPrincipal,
) -> Result<Json<Vec<AssignmentRow>>, ApiError> {
    Ok(Json(
        s.store
            .assignments(time::OffsetDateTime::now_utc().date())
            .await?,
    ))
}

#[utoipa::path(get, path = "/api/v1/agreements", tag = "governance", summary = "The agreements and where each is in its life cycle",
    responses((status = 200, body = Vec<AgreementRow>)),
    security(("bearer" = []), ("session" = [])))]
pub async fn agreements(
    State(s): State<AppState>,
    ApiPrincipal(_p): ApiPrincipal,
) -> Result<Json<Vec<AgreementRow>>, ApiError> {
    Ok(Json(s.store.agreement_documents().await?))
}

#[utoipa::path(get, path = "/api/v1/agreements/{id}", tag = "governance", summary = "An agreement: phases, remiss answers and comments, anchoring, adoptions, implementation",
    params(("id" = i64, Path, description = "The agreement")),
    responses((status = 200, body = AgreementView), (status = 404, body = Problem, content_type = "application/problem+json")),
    security(("bearer" = []), ("session" = [])))]
pub async fn agreement(
    State(s): State<AppState>,
    ApiPrincipal(_p): ApiPrincipal,
    Path(id): Path<i64>,
) -> Result<Json<AgreementView>, ApiError> {
    Ok(Json(s.store.agreement_document(id).await?.ok_or_else(
        || WebError::NotFound("överenskommelsen".into()),
    )?))
}

#[utoipa::path(post, path = "/api/v1/protocols/verify", tag = "governance", summary = "Checks a PDF or a text against the signed protocols (public)",
    request_body(content = Vec<u8>, description = "The PDF or the text, as the request body", content_type = "application/octet-stream"),
    responses((status = 200, description = "The signed protocol it is", body = Verified), (status = 404, description = "No signed protocol has exactly this content", body = Problem, content_type = "application/problem+json")))]
pub async fn verify(State(s): State<AppState>, body: Bytes) -> Result<Json<Verified>, ApiError> {
    if body.is_empty() {
        return Err(WebError::Invalid {
            field: "body".into(),
            message: "skicka protokollets PDF eller text som innehåll".into(),
        }
        .into());
    }
    Ok(Json(s.store.verify_protocol(&body).await?.ok_or_else(
        || WebError::NotFound("ett justerat protokoll med exakt det innehållet".into()),
    )?))
}
