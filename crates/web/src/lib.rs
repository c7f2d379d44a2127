#![forbid(unsafe_code)]
//! samsyn's HTTP face: Swedish server-rendered pages and the JSON API under `/api/v1`.

pub mod api;
/// Dates in forms and JSON, parsed with the field named.
pub mod api_dates {
    pub use crate::api::date;
}
pub mod auth;
pub mod charts;
pub mod csrf;
pub mod error;
pub mod export;
pub mod fhir;
pub mod forms;
pub mod json;
pub mod oparl;
pub mod pages;

use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use samsyn_domain::throttle::LoginThrottle;
use samsyn_store::Store;
use std::time::Duration;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

/// What every handler shares. Holds no per-user state: any number of server processes
/// can serve one database.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub throttle: LoginThrottle,
    /// Mark the session cookie `Secure` (behind HTTPS).
    pub secure_cookies: bool,
}

/// How long a request may take before it is answered with 408.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

pub fn router(state: AppState) -> Router {
    Router::new()
        .merge(pages::routes())
        .merge(api::routes())
        .merge(oparl::routes())
        .route("/healthz", get(healthz))
        .route("/static/samsyn.css", get(stylesheet))
        .route("/static/progress.js", get(progress_script))
        .fallback(page_not_found)
        .layer(DefaultBodyLimit::max(json::MAX_JSON_BYTES))
        .layer(axum::middleware::from_fn(csrf::guard))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, REQUEST_TIMEOUT))
        .layer(header_layer(
            "content-security-policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'; form-action 'self'",
        ))
        .layer(header_layer("x-content-type-options", "nosniff"))
        .layer(header_layer("referrer-policy", "same-origin"))
        .layer(header_layer("x-frame-options", "DENY"))
        .layer(
            // Spans carry the method and path only: a query string may hold personal data.
            TraceLayer::new_for_http().make_span_with(|req: &axum::http::Request<_>| {
                tracing::info_span!("request", method = %req.method(), path = %req.uri().path())
            }),
        )
        .with_state(state)
}

/// A response header set unless the handler set it.
fn header_layer(name: &'static str, value: &'static str) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(
        header::HeaderName::from_static(name),
        HeaderValue::from_static(value),
    )
}

async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
    if state.store.ping().await {
        (StatusCode::OK, "ok")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "databasen svarar inte")
    }
}

async fn stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../static/samsyn.css"),
    )
}

async fn progress_script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../static/progress.js"),
    )
}

async fn page_not_found(uri: axum::http::Uri) -> axum::response::Response {
    if uri.path().starts_with("/api/") {
        api::not_found().into_response()
    } else {
        error::PageError(error::WebError::NotFound("sidan".into())).into_response()
    }
}
