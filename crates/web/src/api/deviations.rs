//! `/api/v1/deviations`: avvikelser i samverkan — report, answer, feedback, close, and
//! anonymous summaries.

use crate::AppState;
use crate::auth::ApiPrincipal;
use crate::error::{ApiError, Problem, WebError};
use crate::json::ApiJson;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use samsyn_domain::deviation::{Category, Severity, Step};
use samsyn_domain::{InvalidValue, policy};
use samsyn_store::deviations::{DeviationView, NewDeviation, SummaryRow};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

/// A deviation as the reporting unit fills it in.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewDeviationDto {
    /// The reporter's own unit.
    reporter_unit: String,
    /// The unit responsible for what happened; it investigates and answers.
    responsible_unit: String,
    /// in_utskrivning, lakemedel, informationsoverforing, sip, medicinteknik or ovrigt.
    category: String,
    /// lag, mattlig or allvarlig.
    severity: String,
    /// When it happened, `YYYY-MM-DD`.
    occurred_on: String,
    /// What happened.
    description: String,
    /// A care request it concerns, if any (links its person).
    #[serde(default)]
    request_id: Option<i64>,
}

impl TryFrom<NewDeviationDto> for NewDeviation {
    type Error = InvalidValue;
    fn try_from(d: NewDeviationDto) -> Result<Self, InvalidValue> {
        Ok(NewDeviation {
            reporter_unit: d.reporter_unit.trim().to_owned(),
            responsible_unit: d.responsible_unit.trim().to_owned(),
            category: Category::parse(&d.category)?,
            severity: Severity::parse(&d.severity)?,
            occurred_on: super::date("occurred_on", &d.occurred_on)?,
            description: d.description,
            request_id: d.request_id,
        })
    }
}

/// The text of a step: the answer, the feedback, or the measures taken.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StepDto {
    text: String,
}

#[utoipa::path(post, path = "/api/v1/deviations", tag = "deviations", summary = "Reports a deviation to the responsible unit",
    request_body = NewDeviationDto,
    responses((status = 201, body = DeviationView), (status = 403, body = Problem), (status = 422, body = Problem, description = "`field` names the invalid field")),
    security(("bearer" = []), ("session" = [])))]
pub async fn report(
    State(s): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
    ApiJson(body): ApiJson<NewDeviationDto>,
) -> Result<(StatusCode, Json<DeviationView>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(s.store.report_deviation(&p, body.try_into()?).await?),
    ))
}

#[utoipa::path(get, path = "/api/v1/deviations/{id}", tag = "deviations", summary = "Reads a deviation (the units involved and their MAS)",
    params(("id" = i64, Path)),
    responses((status = 200, body = DeviationView), (status = 404, body = Problem, description = "Not found, or not the caller's to see")),
    security(("bearer" = []), ("session" = [])))]
pub async fn read(
    State(s): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
    Path(id): Path<i64>,
) -> Result<Json<DeviationView>, ApiError> {
    Ok(Json(s.store.deviation(&p, id).await?))
}

async fn step(
    s: AppState,
    p: samsyn_domain::Principal,
    id: i64,
    step: Step,
    body: StepDto,
) -> Result<Json<DeviationView>, ApiError> {
    Ok(Json(
        s.store.deviation_step(&p, id, step, &body.text).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/deviations/{id}/answer", tag = "deviations", summary = "Answers after investigating (the responsible unit)",
    params(("id" = i64, Path)), request_body = StepDto,
    responses((status = 200, body = DeviationView), (status = 403, body = Problem), (status = 409, body = Problem, description = "Closed, or changed meanwhile")),
    security(("bearer" = []), ("session" = [])))]
pub async fn answer(
    State(s): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<StepDto>,
) -> Result<Json<DeviationView>, ApiError> {
    step(s, p, id, Step::Answer, b).await
}

#[utoipa::path(post, path = "/api/v1/deviations/{id}/feedback", tag = "deviations", summary = "Gives feedback on the answer (the reporting unit)",
    params(("id" = i64, Path)), request_body = StepDto,
    responses((status = 200, body = DeviationView), (status = 403, body = Problem), (status = 409, body = Problem, description = "Not answered yet, or closed")),
    security(("bearer" = []), ("session" = [])))]
pub async fn feedback(
    State(s): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<StepDto>,
) -> Result<Json<DeviationView>, ApiError> {
    step(s, p, id, Step::Feedback, b).await
}

#[utoipa::path(post, path = "/api/v1/deviations/{id}/close", tag = "deviations", summary = "Closes with the measures taken (the responsible unit)",
    params(("id" = i64, Path)), request_body = StepDto,
    responses((status = 200, body = DeviationView), (status = 403, body = Problem), (status = 409, body = Problem, description = "Not answered yet, already closed, or changed meanwhile")),
    security(("bearer" = []), ("session" = [])))]
pub async fn close(
    State(s): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<StepDto>,
) -> Result<Json<DeviationView>, ApiError> {
    step(s, p, id, Step::Close, b).await
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SummaryParams {
    year: i32,
}

#[utoipa::path(get, path = "/api/v1/deviations/summary", tag = "deviations", summary = "A year's deviations per county part, quarter and category, without persons",
    params(SummaryParams),
    responses((status = 200, body = [SummaryRow]), (status = 403, body = Problem)),
    security(("bearer" = []), ("session" = [])))]
pub async fn summary(
    State(s): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
    Query(q): Query<SummaryParams>,
) -> Result<Json<Vec<SummaryRow>>, ApiError> {
    let allowed = policy::can_view_statistics(&p)
        || p.roles().contains(&samsyn_domain::Role::Samordnare)
        || p.roles().contains(&samsyn_domain::Role::Ledamot)
        || p.roles().contains(&samsyn_domain::Role::Sekreterare);
    if !allowed {
        return Err(WebError::Forbidden(
            "sammanställningen är till för analytiker, MAS, samordnare och samverkansorganen"
                .into(),
        )
        .into());
    }
    Ok(Json(s.store.deviation_summary(q.year).await?))
}
