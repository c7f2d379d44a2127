//! Cross-site request protection for every unsafe request: a browser that says the
//! request comes from another site (Sec-Fetch-Site, Origin) is refused before any
//! handler runs. Forms also carry the session's token (see auth::check_form_csrf).

use crate::error::{ApiError, PageError, WebError};
use axum::extract::Request;
use axum::http::{HeaderMap, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Whether the headers show a cross-site request.
pub fn is_cross_site(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return !matches!(site, "same-origin" | "none");
    }
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    match (
        headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()),
        host,
    ) {
        (Some("null"), _) => true,
        (Some(origin), Some(host)) => origin.split_once("://").map(|(_, h)| h) != Some(host),
        _ => false,
    }
}

pub async fn guard(request: Request, next: Next) -> Response {
    let unsafe_method = !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    let bearer = request.headers().contains_key(header::AUTHORIZATION);
    if unsafe_method && !bearer && is_cross_site(request.headers()) {
        let e = WebError::Forbidden("Begäran kom från en annan webbplats och avvisades.".into());
        return if request.uri().path().starts_with("/api/") {
            ApiError(e).into_response()
        } else {
            PageError(e).into_response()
        };
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, v.parse().unwrap());
        }
        h
    }

    #[test]
    fn same_origin_and_direct_requests_pass() {
        assert!(!is_cross_site(&headers(&[(
            "sec-fetch-site",
            "same-origin"
        )])));
        assert!(!is_cross_site(&headers(&[
            ("host", "a.se"),
            ("origin", "https://a.se")
        ])));
        assert!(!is_cross_site(&headers(&[])));
    }

    #[test]
    fn requests_from_other_sites_are_caught() {
        assert!(is_cross_site(&headers(&[("sec-fetch-site", "cross-site")])));
        assert!(is_cross_site(&headers(&[("sec-fetch-site", "same-site")])));
        assert!(is_cross_site(&headers(&[
            ("host", "a.se"),
            ("origin", "https://evil.se")
        ])));
        assert!(is_cross_site(&headers(&[
            ("host", "a.se"),
            ("origin", "null")
        ])));
    }
}
