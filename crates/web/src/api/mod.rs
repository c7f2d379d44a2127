//! The JSON API under `/api/v1`, described by the OpenAPI document it serves.

mod openapi;
mod units;

use crate::AppState;
use crate::error::{ApiError, WebError};
use axum::Router;
use axum::routing::get;

pub use openapi::ApiDoc;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/openapi.json", get(openapi::document))
        .route("/api/v1/units", get(units::list).post(units::create))
}

/// The answer for an unknown path under `/api/`.
pub fn not_found() -> ApiError {
    ApiError(WebError::NotFound("resursen".into()))
}
