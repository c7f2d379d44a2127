//! Form posts from the pages: the session, the CSRF token checked, and the fields.

use crate::AppState;
use crate::auth::{PageSession, check_form_csrf};
use crate::error::{PageError, WebError};
use axum::body::{Body, Bytes};
use axum::extract::{Form, FromRequest, FromRequestParts, Request};
use axum::response::{IntoResponse, Redirect, Response};
use samsyn_store::sessions::Session;
use serde::Deserialize;
use serde::de::DeserializeOwned;

/// A logged-in form post whose `_csrf` matched the session's.
pub struct SessionForm<T>(pub Session, pub T);

#[derive(Deserialize)]
struct CsrfField {
    #[serde(rename = "_csrf", default)]
    csrf: String,
}

fn parse<T: DeserializeOwned>(bytes: &Bytes) -> Result<T, WebError> {
    let req = Request::builder()
        .method("POST")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(bytes.clone()))
        .map_err(|e| WebError::BadRequest(e.to_string()))?;
    // Form parsing is synchronous over a full body; block_on is not needed.
    futures_ready(Form::<T>::from_request(req, &()))
        .map(|Form(v)| v)
        .map_err(|e| {
            WebError::BadRequest(format!("formuläret kunde inte läsas: {}", e.body_text()))
        })
}

/// Polls a future that is ready at once (form parsing of a buffered body).
fn futures_ready<F: std::future::Future>(f: F) -> F::Output {
    let waker = std::task::Waker::noop();
    let mut cx = std::task::Context::from_waker(waker);
    let mut f = std::pin::pin!(f);
    match f.as_mut().poll(&mut cx) {
        std::task::Poll::Ready(v) => v,
        std::task::Poll::Pending => unreachable!("a buffered form body parses without waiting"),
    }
}

impl<T: DeserializeOwned + Send> FromRequest<AppState> for SessionForm<T> {
    type Rejection = Response;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Response> {
        let (mut parts, body) = req.into_parts();
        let PageSession(session) = PageSession::from_request_parts(&mut parts, state).await?;
        let bytes = Bytes::from_request(Request::from_parts(parts, body), state)
            .await
            .map_err(|e| PageError(WebError::BadRequest(e.body_text())).into_response())?;
        let csrf: CsrfField = parse(&bytes).map_err(|e| PageError(e).into_response())?;
        check_form_csrf(&session, &csrf.csrf).map_err(|e| PageError(e).into_response())?;
        let fields = parse(&bytes).map_err(|e| PageError(e).into_response())?;
        Ok(SessionForm(session, fields))
    }
}

/// Back to a page with a message for the person (shown in an alert there).
pub fn back_with_error(path: &str, e: WebError) -> Response {
    if matches!(e, WebError::Internal(_)) {
        return PageError(e).into_response();
    }
    let message = match &e {
        WebError::Rule { text, version, .. } => {
            format!("Överenskommelsen (version {version}) hindrar beslutet: {text}")
        }
        other => other.to_string(),
    };
    let sep = if path.contains('?') { '&' } else { '?' };
    Redirect::to(&format!(
        "{path}{sep}fel={}",
        crate::pages::url_encode(&message)
    ))
    .into_response()
}

/// A checkbox: present means checked.
pub fn checked(v: &Option<String>) -> bool {
    v.as_deref().is_some_and(|s| !s.is_empty())
}
