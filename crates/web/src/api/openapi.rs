//! The OpenAPI 3 document, generated from the handlers' annotations so it cannot
//! drift from the routes.

use axum::Json;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(title = "samsyn API", description = "Samverkan mellan region och kommuner: JSON-API. Fel svaras som application/problem+json (RFC 9457)."),
    paths(
        super::units::list, super::units::create, super::inbox::inbox,
        super::care::create, super::care::read, super::care::decide, super::care::dispute,
        super::care::escalate, super::care::comment, super::care::resolve,
        super::episodes::read, super::episodes::record_action, super::episodes::follow_up, super::episodes::close,
        super::inbox::fhir, super::inbox::log_extract, super::attachments::upload, super::attachments::fetch,
        super::plans::create, super::plans::read, super::plans::add_goal, super::plans::add_action,
        super::plans::set_status, super::plans::consent, super::plans::withdraw,
        super::register::search, super::register::meeting,
        super::deviations::report, super::deviations::read, super::deviations::answer,
        super::deviations::feedback, super::deviations::close, super::deviations::summary,
        super::discharge::admit, super::discharge::messages, super::discharge::acknowledge,
        super::discharge::step, super::discharge::liability, super::discharge::forward,
        super::discharge::return_message, super::discharge::escalations,
        super::governance::meetings, super::governance::members, super::governance::minutes,
        super::governance::add_item, super::governance::approve, super::governance::assignments,
        super::governance::agreements, super::governance::agreement, super::governance::verify,
    ),
    components(schemas(super::units::UnitDto, super::units::NewUnitDto, crate::error::Problem)),
    modifiers(&Security),
    tags((name = "units", description = "Länets enheter"), (name = "care", description = "Hälso- och sjukvård i hemmet: vårdbegäran, beslut, oenighet, inskrivning, planer"), (name = "register", description = "Beslutsregistret: sök i protokoll, möten"), (name = "deviations", description = "Avvikelser i samverkan"), (name = "discharge", description = "Utskrivning från slutenvård"), (name = "governance", description = "Samverkansorganen: möten, protokoll, justering, uppdrag, överenskommelser"))
)]
pub struct ApiDoc;

struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new(
                crate::auth::SESSION_COOKIE,
            ))),
        );
    }
}

pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
