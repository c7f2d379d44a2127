//! Who is asking: extractors that authenticate a request and yield the session or
//! principal, or refuse. Decisions about what they may do are in the domain policy.

use crate::AppState;
use crate::error::{ApiError, WebError};
use axum::extract::FromRequestParts;
use axum::http::{HeaderMap, Method, header, request::Parts};
use axum::response::{IntoResponse, Redirect, Response};
use samsyn_domain::{Principal, token};
use samsyn_store::sessions::Session;

pub const SESSION_COOKIE: &str = "samsyn_session";
/// The header a script sends the session's CSRF token in, for API writes with a cookie.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// The value of one cookie.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// The Set-Cookie value that carries a session, or clears it with an empty token.
pub fn session_cookie(token: &str, secure: bool) -> String {
    let max_age = if token.is_empty() {
        0
    } else {
        samsyn_store::sessions::SESSION_LIFETIME.whole_seconds()
    };
    format!(
        "{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{}",
        if secure { "; Secure" } else { "" }
    )
}

async fn session_from(parts: &Parts, state: &AppState) -> Result<Option<Session>, WebError> {
    match cookie(&parts.headers, SESSION_COOKIE) {
        Some(t) if !t.is_empty() => Ok(state.store.session(t).await?),
        _ => Ok(None),
    }
}

/// A page request with a live session; without one, the browser is sent to log in.
pub struct PageSession(pub Session);

impl FromRequestParts<AppState> for PageSession {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        match session_from(parts, state).await {
            Ok(Some(s)) => Ok(PageSession(s)),
            Ok(None) => {
                let next = parts
                    .uri
                    .path_and_query()
                    .map(|p| p.as_str())
                    .unwrap_or("/");
                let target = format!("/logga-in?next={}", crate::pages::url_encode(next));
                Err(Redirect::to(&target).into_response())
            }
            Err(e) => Err(crate::error::PageError(e).into_response()),
        }
    }
}

/// An API caller: a bearer token, or a browser session. A session's writes must carry
/// its CSRF token in the `X-CSRF-Token` header.
pub struct ApiPrincipal(pub Principal);

impl FromRequestParts<AppState> for ApiPrincipal {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let bearer = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "));
        if let Some(t) = bearer {
            return match state.store.token_principal(t.trim()).await? {
                Some(p) => Ok(ApiPrincipal(p)),
                None => Err(WebError::Unauthorized.into()),
            };
        }
        let session = session_from(parts, state)
            .await?
            .ok_or(WebError::Unauthorized)?;
        let unsafe_method = !matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS);
        if unsafe_method {
            let sent = parts
                .headers
                .get(CSRF_HEADER)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            if !token::constant_time_eq(sent, &session.csrf_token) {
                return Err(
                    WebError::Forbidden("CSRF-token saknas eller stämmer inte".into()).into(),
                );
            }
        }
        Ok(ApiPrincipal(session.principal))
    }
}

/// Checks a form's CSRF token against the session's.
pub fn check_form_csrf(session: &Session, sent: &str) -> Result<(), WebError> {
    if token::constant_time_eq(sent, &session.csrf_token) {
        Ok(())
    } else {
        Err(WebError::Forbidden(
            "Formuläret har gått ut eller kom från en annan webbplats. Ladda om sidan och försök igen.".into(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_named_cookie_is_found_among_others() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            "a=1; samsyn_session=abc; b=2".parse().unwrap(),
        );
        assert_eq!(cookie(&h, SESSION_COOKIE), Some("abc"));
        assert_eq!(cookie(&h, "c"), None);
    }

    #[test]
    fn the_session_cookie_is_http_only_and_same_site() {
        let c = session_cookie("t", false);
        assert!(c.contains("HttpOnly") && c.contains("SameSite=Lax") && !c.contains("Secure"));
        assert!(session_cookie("t", true).contains("; Secure"));
        assert!(session_cookie("", false).contains("Max-Age=0"));
    }
}
