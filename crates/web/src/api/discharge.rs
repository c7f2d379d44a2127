//! `/api/v1/stays`: discharge from inpatient care — the admission notice, acknowledgements,
//! the steps before discharge, and the municipality's payment liability.

use crate::AppState;
use crate::auth::ApiPrincipal;
use crate::error::{ApiError, Problem};
use crate::json::ApiJson;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use samsyn_domain::InvalidValue;
use samsyn_domain::person::PersonNumber;
use samsyn_store::discharge::{MessageView, NewStay};
use serde::{Deserialize, Serialize};
use time::PrimitiveDateTime;
use utoipa::ToSchema;

const STAMP: &[time::format_description::FormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]");

fn stamp(field: &'static str, text: &str) -> Result<PrimitiveDateTime, InvalidValue> {
    PrimitiveDateTime::parse(text.trim(), STAMP).map_err(|_| {
        InvalidValue::new(
            field,
            format!("«{}» är ingen tidpunkt (ÅÅÅÅ-MM-DD TT:MM)", text.trim()),
        )
    })
}

/// An admission as the ward reports it.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewStayDto {
    personnummer: String,
    ward_unit: String,
    municipality_unit: String,
    primary_unit: String,
    #[serde(default)]
    psychiatric: bool,
    /// Both region and municipality are needed after discharge (a SIP kallelse is due).
    #[serde(default)]
    needs_sip: bool,
    /// `YYYY-MM-DD HH:MM`, local time.
    admitted_at: String,
    /// When the notice is sent, `YYYY-MM-DD HH:MM`; within 24 hours of admission.
    notice_at: String,
    #[serde(default)]
    expected_discharge: Option<String>,
    /// The consent (or the ground for sharing without it).
    consent: String,
}

#[derive(Serialize, ToSchema)]
pub struct CreatedStay {
    id: i64,
}

#[utoipa::path(post, path = "/api/v1/stays", tag = "discharge", summary = "Reports an admission: the inskrivningsmeddelande to home care and primary care",
    request_body = NewStayDto,
    responses((status = 201, body = CreatedStay), (status = 403, body = Problem), (status = 422, body = Problem, description = "`field` names the invalid field")),
    security(("bearer" = []), ("session" = [])))]
pub async fn admit(
    State(s): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
    ApiJson(d): ApiJson<NewStayDto>,
) -> Result<(StatusCode, Json<CreatedStay>), ApiError> {
    let stay = NewStay {
        personnummer: PersonNumber::parse(&d.personnummer)?,
        ward_unit: d.ward_unit,
        municipality_unit: d.municipality_unit,
        primary_unit: d.primary_unit,
        psychiatric: d.psychiatric,
        needs_sip: d.needs_sip,
        admitted_at: stamp("admitted_at", &d.admitted_at)?,
        notice_at: stamp("notice_at", &d.notice_at)?,
        expected_discharge: d
            .expected_discharge
            .as_deref()
            .map(|e| super::date("expected_discharge", e))
            .transpose()?,
        consent: d.consent,
    };
    Ok((
        StatusCode::CREATED,
        Json(CreatedStay {
            id: s.store.admit(&p, stay).await?,
        }),
    ))
}

#[utoipa::path(get, path = "/api/v1/stays/{id}/messages", tag = "discharge", summary = "The stay's messages (the units involved)",
    params(("id" = i64, Path)),
    responses((status = 200, body = [MessageView]), (status = 404, body = Problem, description = "Not found, or not the caller's to see")),
    security(("bearer" = []), ("session" = [])))]
pub async fn messages(
    State(s): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
    Path(id): Path<i64>,
) -> Result<Json<Vec<MessageView>>, ApiError> {
    Ok(Json(s.store.stay_messages(&p, id).await?))
}

#[utoipa::path(post, path = "/api/v1/discharge-messages/{id}/acknowledge", tag = "discharge", summary = "Acknowledges a message (the receiving unit)",
    params(("id" = i64, Path)),
    responses((status = 204), (status = 403, body = Problem), (status = 409, body = Problem, description = "Already acknowledged")),
    security(("bearer" = []), ("session" = [])))]
pub async fn acknowledge(
    State(s): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
    Path(id): Path<i64>,
) -> Result<StatusCode, ApiError> {
    s.store.acknowledge(&p, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Why a misrouted admission notice goes back to the ward.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReturnDto {
    reason: String,
}

#[utoipa::path(post, path = "/api/v1/discharge-messages/{id}/return", tag = "discharge", summary = "The receiver returns a misrouted admission notice to the ward",
    params(("id" = i64, Path)), request_body = ReturnDto,
    responses((status = 204), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)),
    security(("bearer" = []), ("session" = [])))]
pub async fn return_message(
    State(s): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
    Path(id): Path<i64>,
    ApiJson(d): ApiJson<ReturnDto>,
) -> Result<StatusCode, ApiError> {
    s.store.return_message(&p, id, &d.reason).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/api/v1/discharge-escalations", tag = "discharge", summary = "Messages to or from the caller's units (or the MAS's municipality) unacknowledged for a day or more",
    responses((status = 200, body = Vec<samsyn_store::discharge::Escalated>)),
    security(("bearer" = []), ("session" = [])))]
pub async fn escalations(
    State(s): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
) -> Result<Json<Vec<samsyn_store::discharge::Escalated>>, ApiError> {
    Ok(Json(s.store.escalations(&p).await?))
}

/// A step of the discharge process.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StepDto {
    /// fast_vardkontakt, kallelse (primary care); utskrivningsklar, aterkallad, informationsoverforing, utskriven (the ward).
    step: String,
    /// When it happened, `YYYY-MM-DD HH:MM`, local time.
    at: String,
    #[serde(default)]
    text: String,
    /// For a kallelse (required then): the SIP meeting's time, `YYYY-MM-DD HH:MM`.
    #[serde(default)]
    meeting_at: Option<String>,
    /// For a kallelse (required then): the place, or a video link.
    #[serde(default)]
    meeting_place: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/stays/{id}/steps", tag = "discharge", summary = "Records a step: fast vårdkontakt, kallelse, utskrivningsklar, its withdrawal, discharge",
    params(("id" = i64, Path)), request_body = StepDto,
    responses((status = 204), (status = 403, body = Problem), (status = 409, body = Problem, description = "Out of order (e.g. a withdrawal before any utskrivningsklar)"), (status = 422, body = Problem)),
    security(("bearer" = []), ("session" = [])))]
pub async fn step(
    State(s): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
    Path(id): Path<i64>,
    ApiJson(d): ApiJson<StepDto>,
) -> Result<StatusCode, ApiError> {
    let sip = match (&d.meeting_at, &d.meeting_place) {
        (Some(at), place) => Some(samsyn_store::discharge::SipMeeting {
            at: stamp("meeting_at", at)?,
            place: place.clone().unwrap_or_default(),
        }),
        (None, _) => None,
    };
    s.store
        .discharge_step_with(&p, id, d.step.trim(), stamp("at", &d.at)?, &d.text, sip)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct LiableDayDto {
    date: String,
    /// Öre.
    amount: Option<i64>,
    reason: String,
}

#[derive(Serialize, ToSchema)]
pub struct LiabilityDto {
    days: Vec<LiableDayDto>,
    /// Öre.
    total: i64,
    notes: Vec<String>,
}

#[utoipa::path(get, path = "/api/v1/stays/{id}/liability", tag = "discharge", summary = "The municipality's payment liability for the stay, each day explained",
    params(("id" = i64, Path)),
    responses((status = 200, body = LiabilityDto), (status = 404, body = Problem)),
    security(("bearer" = []), ("session" = [])))]
pub async fn liability(
    State(s): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
    Path(id): Path<i64>,
) -> Result<Json<LiabilityDto>, ApiError> {
    let rules = s.store.liability_rules_for_stay(id).await?;
    let l = s.store.stay_liability(&p, id, &rules).await?;
    Ok(Json(LiabilityDto {
        total: l.total(),
        days: l
            .days
            .into_iter()
            .map(|d| LiableDayDto {
                date: samsyn_domain::time_fmt::date_text(d.date),
                amount: d.amount,
                reason: d.reason,
            })
            .collect(),
        notes: l.notes,
    }))
}

/// Where a misrouted admission notice should go.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ForwardDto {
    to_unit: String,
}

#[utoipa::path(post, path = "/api/v1/discharge-messages/{id}/forward", tag = "discharge", summary = "Forwards a misrouted admission notice to the right unit of the same kind",
    params(("id" = i64, Path)), request_body = ForwardDto,
    responses((status = 204), (status = 403, body = Problem), (status = 409, body = Problem, description = "Already handled"), (status = 422, body = Problem)),
    security(("bearer" = []), ("session" = [])))]
pub async fn forward(
    State(s): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
    Path(id): Path<i64>,
    ApiJson(d): ApiJson<ForwardDto>,
) -> Result<StatusCode, ApiError> {
    s.store.forward(&p, id, d.to_unit.trim()).await?;
    Ok(StatusCode::NO_CONTENT)
}
