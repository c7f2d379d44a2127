//! `/api/v1/units`: the unit directory.

use crate::AppState;
use crate::auth::ApiPrincipal;
use crate::error::{ApiError, WebError};
use crate::json::ApiJson;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use samsyn_domain::audit::{Outcome, Purpose};
use samsyn_domain::org::UnitKind;
use samsyn_domain::{InvalidValue, PartyCode, UnitCode, policy};
use samsyn_store::org::{self, NewUnit, Unit};
use samsyn_store::{audit, sessions::event_for};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A unit as the API shows it.
#[derive(Serialize, ToSchema)]
pub struct UnitDto {
    /// The unit's code, unique in the county.
    code: String,
    name: String,
    /// vardcentral, hemsjukvard, specialistklinik, psykiatri, vardavdelning, mobilt_team, privat or annan.
    kind: String,
    /// The SCB code of the party the unit belongs to.
    party: String,
}

impl From<Unit> for UnitDto {
    fn from(u: Unit) -> Self {
        UnitDto {
            code: u.code,
            name: u.name,
            kind: u.kind,
            party: u.party,
        }
    }
}

/// A unit to create.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewUnitDto {
    code: String,
    name: String,
    kind: String,
    party: String,
}

impl TryFrom<NewUnitDto> for NewUnit {
    type Error = InvalidValue;
    fn try_from(d: NewUnitDto) -> Result<Self, InvalidValue> {
        let name = d.name.trim().to_owned();
        if name.is_empty() || name.chars().count() > 200 {
            return Err(InvalidValue::new("name", "namnet ska ha 1–200 tecken"));
        }
        Ok(NewUnit {
            code: UnitCode::parse(&d.code)?,
            name,
            kind: UnitKind::parse(&d.kind)?,
            party: PartyCode::parse(&d.party)?,
        })
    }
}

#[utoipa::path(
    get, path = "/api/v1/units", tag = "units",
    summary = "Lists the county's units",
    responses(
        (status = 200, description = "Every unit", body = [UnitDto]),
        (status = 401, description = "Not logged in", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []), ("session" = []))
)]
pub async fn list(
    State(state): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
) -> Result<Json<Vec<UnitDto>>, ApiError> {
    if !policy::can_list_units(&p) {
        return Err(WebError::Forbidden("ingen behörighet".into()).into());
    }
    Ok(Json(
        state
            .store
            .units()
            .await?
            .into_iter()
            .map(UnitDto::from)
            .collect(),
    ))
}

#[utoipa::path(
    post, path = "/api/v1/units", tag = "units",
    summary = "Creates a unit (administrators)",
    request_body = NewUnitDto,
    responses(
        (status = 201, description = "Created", body = UnitDto),
        (status = 400, description = "Malformed JSON", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The code is taken", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is invalid; `field` names it", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []), ("session" = []))
)]
pub async fn create(
    State(state): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
    ApiJson(body): ApiJson<NewUnitDto>,
) -> Result<(StatusCode, Json<UnitDto>), ApiError> {
    if !policy::can_manage_reference_data(&p) {
        state
            .store
            .audit(&event_for(
                &p,
                "unit.create",
                Purpose::Administration,
                Outcome::Denied,
            ))
            .await?;
        return Err(
            WebError::Forbidden("bara administratörer kan lägga till enheter".into()).into(),
        );
    }
    let unit = NewUnit::try_from(body)?;
    let mut tx = state.store.begin_write().await?;
    let created = org::create_unit(&mut tx, &unit).await?;
    let event = event_for(&p, "unit.create", Purpose::Administration, Outcome::Ok).clone();
    audit::append(
        &mut tx,
        &samsyn_domain::audit::AuditEvent {
            detail: format!("enhet {}", created.code),
            ..event
        },
    )
    .await?;
    samsyn_store::commit(tx).await?;
    Ok((StatusCode::CREATED, Json(created.into())))
}
