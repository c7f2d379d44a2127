//! The one mapping from failures to HTTP: problem+json for the API, a Swedish error
//! page for the browser. A 500 tells the client nothing inside; the cause is logged.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use samsyn_domain::InvalidValue;
use samsyn_store::StoreError;
use serde::Serialize;

/// What went wrong, in the terms HTTP answers in.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error("inloggning krävs")]
    Unauthorized,
    #[error("{0}")]
    Forbidden(String),
    #[error("{0} hittades inte")]
    NotFound(String),
    #[error("{message}")]
    Invalid { field: String, message: String },
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    Conflict(String),
    /// A rule of the agreement forbids the step; names the rule and the version.
    #[error("{text}")]
    Rule {
        rule: String,
        text: String,
        version: i64,
    },
    #[error("begäran är för stor (högst {0} byte)")]
    PayloadTooLarge(usize),
    #[error("{0}")]
    UnsupportedMediaType(String),
    #[error("internt fel")]
    Internal(String),
}

impl From<InvalidValue> for WebError {
    fn from(e: InvalidValue) -> Self {
        WebError::Invalid {
            field: e.field.to_owned(),
            message: e.message,
        }
    }
}

impl From<StoreError> for WebError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound(what) => WebError::NotFound(what),
            StoreError::Conflict(m) => WebError::Conflict(m),
            StoreError::Invalid(v) => v.into(),
            StoreError::Rule(v) => WebError::Rule {
                rule: v.rule.as_str().into(),
                text: v.text,
                version: v.version,
            },
            StoreError::OutOfOrder(m) => WebError::Conflict(m),
            StoreError::Forbidden(m) => WebError::Forbidden(m),
            other => WebError::Internal(other.to_string()),
        }
    }
}

impl From<askama::Error> for WebError {
    fn from(e: askama::Error) -> Self {
        WebError::Internal(format!("mallen kunde inte visas: {e}"))
    }
}

impl WebError {
    pub fn status(&self) -> StatusCode {
        match self {
            WebError::Unauthorized => StatusCode::UNAUTHORIZED,
            WebError::Forbidden(_) => StatusCode::FORBIDDEN,
            WebError::NotFound(_) => StatusCode::NOT_FOUND,
            WebError::Invalid { .. } | WebError::Rule { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            WebError::BadRequest(_) => StatusCode::BAD_REQUEST,
            WebError::Conflict(_) => StatusCode::CONFLICT,
            WebError::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            WebError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The text a client may see: everything but the inside of an internal error.
    pub fn public_detail(&self) -> String {
        match self {
            WebError::Internal(cause) => {
                tracing::error!(%cause, "internal error");
                "Ett internt fel inträffade. Försök igen; kvarstår felet, kontakta förvaltningen."
                    .into()
            }
            other => other.to_string(),
        }
    }
}

/// RFC 9457 problem details, with the field that was wrong where there is one.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Problem {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// The agreement rule that forbids the step.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// The agreement version whose rule applied.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agreement_version: Option<i64>,
}

/// An error for a JSON API caller.
#[derive(Debug)]
pub struct ApiError(pub WebError);

impl<E: Into<WebError>> From<E> for ApiError {
    fn from(e: E) -> Self {
        ApiError(e.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.0.status();
        let problem = Problem {
            kind: "about:blank".into(),
            title: status.canonical_reason().unwrap_or("Error").into(),
            status: status.as_u16(),
            detail: self.0.public_detail(),
            field: match &self.0 {
                WebError::Invalid { field, .. } => Some(field.clone()),
                _ => None,
            },
            rule: match &self.0 {
                WebError::Rule { rule, .. } => Some(rule.clone()),
                _ => None,
            },
            agreement_version: match &self.0 {
                WebError::Rule { version, .. } => Some(*version),
                _ => None,
            },
        };
        let mut response = (status, axum::Json(problem)).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if status == StatusCode::UNAUTHORIZED {
            headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

/// An error for a person in the browser.
#[derive(Debug)]
pub struct PageError(pub WebError);

impl<E: Into<WebError>> From<E> for PageError {
    fn from(e: E) -> Self {
        PageError(e.into())
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let status = self.0.status();
        let page = crate::pages::ErrorPage {
            title: match status {
                StatusCode::NOT_FOUND => "Sidan finns inte",
                StatusCode::FORBIDDEN => "Du har inte behörighet",
                StatusCode::UNAUTHORIZED => "Inloggning krävs",
                s if s.is_client_error() => "Något stämmer inte",
                _ => "Ett fel inträffade",
            },
            detail: self.0.public_detail(),
            layout: None,
        };
        match askama::Template::render(&page) {
            Ok(html) => (status, axum::response::Html(html)).into_response(),
            Err(_) => (status, self.0.public_detail()).into_response(),
        }
    }
}
