//! A JSON body extractor whose every rejection is problem+json naming what is wrong:
//! the field for a wrong type or a missing value, the line and column for bad syntax.

use crate::error::{ApiError, WebError};
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::header;
use serde::de::DeserializeOwned;

/// The largest JSON body accepted.
pub const MAX_JSON_BYTES: usize = 1024 * 1024;

pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let is_json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|v| {
                let mime = v.split(';').next().unwrap_or("").trim();
                mime == "application/json" || mime.ends_with("+json")
            })
            .unwrap_or(false);
        if !is_json {
            return Err(WebError::UnsupportedMediaType(
                "innehållet måste vara application/json".into(),
            )
            .into());
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                WebError::PayloadTooLarge(MAX_JSON_BYTES)
            } else {
                WebError::BadRequest(format!("kroppen kunde inte läsas: {rejection}"))
            }
        })?;
        parse(&bytes).map(ApiJson).map_err(ApiError)
    }
}

/// Deserializes, reporting the path of the field that failed.
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, WebError> {
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        if inner.is_syntax() || inner.is_eof() {
            WebError::BadRequest(format!(
                "ogiltig JSON på rad {}, kolumn {}",
                inner.line(),
                inner.column()
            ))
        } else {
            let message = inner.to_string();
            // serde's "missing field `x`" is reported at the parent; name the field itself.
            let field = match (message.strip_prefix("missing field `"), path.as_str()) {
                (Some(rest), ".") => rest.split('`').next().unwrap_or("").to_owned(),
                (Some(rest), parent) => {
                    format!("{parent}.{}", rest.split('`').next().unwrap_or(""))
                }
                (None, p) => p.to_owned(),
            };
            let message = message
                .split(" at line ")
                .next()
                .unwrap_or(&message)
                .to_owned();
            WebError::Invalid {
                field,
                message: format!("fältet är ogiltigt: {message}"),
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Body {
        code: String,
        count: i64,
    }

    fn field_of(json: &str) -> String {
        match parse::<Body>(json.as_bytes()) {
            Err(WebError::Invalid { field, .. }) => field,
            other => panic!("expected an invalid field, got {other:?}"),
        }
    }

    #[test]
    fn a_wrong_type_names_the_field() {
        assert_eq!(field_of(r#"{"code": "A", "count": "many"}"#), "count");
    }

    #[test]
    fn a_missing_field_is_named() {
        assert_eq!(field_of(r#"{"count": 1}"#), "code");
    }

    #[test]
    fn broken_syntax_names_the_line_and_column() {
        match parse::<Body>(b"{\n \"code\": ") {
            Err(WebError::BadRequest(m)) => assert!(m.contains("rad 2"), "{m}"),
            other => panic!("expected bad syntax, got {other:?}"),
        }
    }
}
