//! `/api/v1/plans`: vårdplan and SIP.

use super::episodes::date;
use crate::AppState;
use crate::auth::ApiPrincipal;
use crate::error::{ApiError, Problem, WebError};
use crate::json::ApiJson;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use samsyn_domain::{InvalidValue, UnitCode};
use samsyn_store::care::plans::{NewPlan, PlanView};
use serde::Deserialize;
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewPlanDto {
    /// The request whose person the plan is for.
    care_request_id: i64,
    /// `vardplan` or `sip`.
    kind: String,
    title: String,
    /// The unit with overall responsibility.
    responsible_unit: String,
    /// Units that take part besides the caller's own.
    #[serde(default)]
    participants: Vec<String>,
    #[serde(default)]
    follow_up_on: Option<String>,
    #[serde(default)]
    competence_transfer_secured: bool,
    #[serde(default)]
    physician_contact: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GoalDto {
    text: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanActionDto {
    text: String,
    /// `unit`, `person` or `next_of_kin`.
    actor_kind: String,
    #[serde(default)]
    actor_unit: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusDto {
    /// `planned`, `ongoing` or `done`.
    status: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsentDto {
    given_by: String,
    /// `YYYY-MM-DD`.
    given_on: String,
    scope: String,
}

fn unit(field: &'static str, code: &str) -> Result<UnitCode, InvalidValue> {
    UnitCode::parse(code).map_err(|e| InvalidValue::new(field, e.message))
}

#[utoipa::path(post, path = "/api/v1/plans", tag = "care", summary = "Creates a care plan or SIP",
    request_body = NewPlanDto, responses((status = 201, body = PlanView), (status = 404, body = Problem), (status = 422, body = Problem)),
    security(("bearer" = []), ("session" = [])))]
pub async fn create(
    State(s): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
    ApiJson(b): ApiJson<NewPlanDto>,
) -> Result<(StatusCode, Json<PlanView>), ApiError> {
    let owner = p
        .unit()
        .cloned()
        .ok_or_else(|| WebError::Forbidden("en plan upprättas av personal i en enhet".into()))?;
    let person_id = s.store.request(&p, b.care_request_id).await?.person.id;
    let plan = NewPlan {
        person_id,
        kind: b.kind,
        title: b.title,
        owner_unit: owner,
        responsible_unit: unit("responsible_unit", &b.responsible_unit)?,
        participants: b
            .participants
            .iter()
            .map(|u| unit("participants", u))
            .collect::<Result<_, _>>()?,
        follow_up_on: b
            .follow_up_on
            .as_deref()
            .map(|d| date("follow_up_on", d))
            .transpose()?,
        competence_transfer_secured: b.competence_transfer_secured,
        physician_contact: b.physician_contact,
    };
    Ok((
        StatusCode::CREATED,
        Json(s.store.create_plan(&p, plan).await?),
    ))
}

#[utoipa::path(get, path = "/api/v1/plans/{id}", tag = "care", summary = "Reads a plan; other parties see its content only with consent",
    params(("id" = i64, Path)), responses((status = 200, body = PlanView), (status = 404, body = Problem)),
    security(("bearer" = []), ("session" = [])))]
pub async fn read(
    State(s): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
    Path(id): Path<i64>,
) -> Result<Json<PlanView>, ApiError> {
    Ok(Json(s.store.plan(&p, id).await?))
}

#[utoipa::path(post, path = "/api/v1/plans/{id}/goals", tag = "care", summary = "Adds a goal",
    params(("id" = i64, Path)), request_body = GoalDto, responses((status = 200, body = PlanView)), security(("bearer" = []), ("session" = [])))]
pub async fn add_goal(
    State(s): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<GoalDto>,
) -> Result<Json<PlanView>, ApiError> {
    Ok(Json(s.store.add_plan_goal(&p, id, &b.text).await?))
}

#[utoipa::path(post, path = "/api/v1/plans/{id}/actions", tag = "care", summary = "Adds an action owned by an actor",
    params(("id" = i64, Path)), request_body = PlanActionDto, responses((status = 200, body = PlanView)), security(("bearer" = []), ("session" = [])))]
pub async fn add_action(
    State(s): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<PlanActionDto>,
) -> Result<Json<PlanView>, ApiError> {
    let actor_unit = b
        .actor_unit
        .as_deref()
        .map(|u| unit("actor_unit", u))
        .transpose()?;
    Ok(Json(
        s.store
            .add_plan_action(&p, id, &b.text, &b.actor_kind, actor_unit)
            .await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/plans/{id}/actions/{action_id}/status", tag = "care", summary = "Sets an action's status",
    params(("id" = i64, Path), ("action_id" = i64, Path)), request_body = StatusDto, responses((status = 200, body = PlanView)), security(("bearer" = []), ("session" = [])))]
pub async fn set_status(
    State(s): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
    Path((id, action_id)): Path<(i64, i64)>,
    ApiJson(b): ApiJson<StatusDto>,
) -> Result<Json<PlanView>, ApiError> {
    Ok(Json(
        s.store
            .set_plan_action_status(&p, id, action_id, &b.status)
            .await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/plans/{id}/consents", tag = "care", summary = "Records the person's consent",
    params(("id" = i64, Path)), request_body = ConsentDto, responses((status = 200, body = PlanView)), security(("bearer" = []), ("session" = [])))]
pub async fn consent(
    State(s): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<ConsentDto>,
) -> Result<Json<PlanView>, ApiError> {
    let on = date("given_on", &b.given_on)?;
    Ok(Json(
        s.store
            .record_consent(&p, id, &b.given_by, on, &b.scope)
            .await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/plans/{id}/consents/{consent_id}/withdraw", tag = "care", summary = "Withdraws a consent",
    params(("id" = i64, Path), ("consent_id" = i64, Path)), responses((status = 200, body = PlanView), (status = 409, body = Problem)), security(("bearer" = []), ("session" = [])))]
pub async fn withdraw(
    State(s): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
    Path((id, consent_id)): Path<(i64, i64)>,
) -> Result<Json<PlanView>, ApiError> {
    Ok(Json(s.store.withdraw_consent(&p, id, consent_id).await?))
}
