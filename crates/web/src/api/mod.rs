//! The JSON API under `/api/v1`, described by the OpenAPI document it serves.

mod attachments;
mod care;
mod deviations;
mod discharge;
mod episodes;
mod governance;
mod inbox;
mod openapi;
mod plans;
mod register;
mod units;

use crate::AppState;
use crate::error::{ApiError, WebError};
use axum::Router;
use axum::routing::{get, post};

pub use attachments::{UPLOAD_LIMIT, download, read_upload};
pub use episodes::date;
pub use openapi::ApiDoc;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/openapi.json", get(openapi::document))
        .route("/api/v1/units", get(units::list).post(units::create))
        .route("/api/v1/inbox", get(inbox::inbox))
        .route("/api/v1/search", get(register::search))
        .route("/api/v1/stays", post(discharge::admit))
        .route("/api/v1/stays/{id}/messages", get(discharge::messages))
        .route("/api/v1/stays/{id}/steps", post(discharge::step))
        .route("/api/v1/stays/{id}/liability", get(discharge::liability))
        .route(
            "/api/v1/discharge-messages/{id}/forward",
            post(discharge::forward),
        )
        .route(
            "/api/v1/discharge-messages/{id}/acknowledge",
            post(discharge::acknowledge),
        )
        .route(
            "/api/v1/discharge-messages/{id}/return",
            post(discharge::return_message),
        )
        .route("/api/v1/discharge-escalations", get(discharge::escalations))
        .route("/api/v1/deviations", post(deviations::report))
        .route("/api/v1/deviations/summary", get(deviations::summary))
        .route("/api/v1/deviations/{id}", get(deviations::read))
        .route("/api/v1/deviations/{id}/answer", post(deviations::answer))
        .route(
            "/api/v1/deviations/{id}/feedback",
            post(deviations::feedback),
        )
        .route("/api/v1/deviations/{id}/close", post(deviations::close))
        .route("/api/v1/meetings/{id}", get(register::meeting))
        .route("/api/v1/meetings/{id}/minutes", get(governance::minutes))
        .route("/api/v1/meetings/{id}/items", post(governance::add_item))
        .route("/api/v1/meetings/{id}/approval", post(governance::approve))
        .route("/api/v1/bodies/{code}/meetings", get(governance::meetings))
        .route("/api/v1/bodies/{code}/members", get(governance::members))
        .route("/api/v1/assignments", get(governance::assignments))
        .route("/api/v1/agreements", get(governance::agreements))
        .route("/api/v1/agreements/{id}", get(governance::agreement))
        .route(
            "/api/v1/protocols/verify",
            post(governance::verify).layer(axum::extract::DefaultBodyLimit::max(UPLOAD_LIMIT)),
        )
        .route("/api/v1/care-requests", post(care::create))
        .route("/api/v1/care-requests/{id}", get(care::read))
        .route("/api/v1/care-requests/{id}/decision", post(care::decide))
        .route(
            "/api/v1/care-requests/{id}/disagreement",
            post(care::dispute),
        )
        .route(
            "/api/v1/care-requests/{id}/disagreement/escalate",
            post(care::escalate),
        )
        .route(
            "/api/v1/care-requests/{id}/disagreement/comments",
            post(care::comment),
        )
        .route(
            "/api/v1/care-requests/{id}/disagreement/resolve",
            post(care::resolve),
        )
        .route(
            "/api/v1/care-requests/{id}/attachments",
            post(attachments::upload).layer(axum::extract::DefaultBodyLimit::max(UPLOAD_LIMIT)),
        )
        .route(
            "/api/v1/care-requests/{id}/attachments/{attachment_id}",
            get(attachments::fetch),
        )
        .route("/api/v1/episodes/{id}", get(episodes::read))
        .route(
            "/api/v1/episodes/{id}/actions",
            post(episodes::record_action),
        )
        .route(
            "/api/v1/episodes/{id}/follow-ups",
            post(episodes::follow_up),
        )
        .route("/api/v1/episodes/{id}/close", post(episodes::close))
        .route("/api/v1/episodes/{id}/fhir", get(inbox::fhir))
        .route("/api/v1/plans", post(plans::create))
        .route("/api/v1/plans/{id}", get(plans::read))
        .route("/api/v1/plans/{id}/goals", post(plans::add_goal))
        .route("/api/v1/plans/{id}/actions", post(plans::add_action))
        .route(
            "/api/v1/plans/{id}/actions/{action_id}/status",
            post(plans::set_status),
        )
        .route("/api/v1/plans/{id}/consents", post(plans::consent))
        .route(
            "/api/v1/plans/{id}/consents/{consent_id}/withdraw",
            post(plans::withdraw),
        )
        .route("/api/v1/persons/{id}/log-extract", get(inbox::log_extract))
}

/// The answer for an unknown path under `/api/`.
pub fn not_found() -> ApiError {
    ApiError(WebError::NotFound("resursen".into()))
}
