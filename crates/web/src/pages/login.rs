//! Logga in / logga ut.

use crate::AppState;
use crate::auth::{PageSession, check_form_csrf, session_cookie};
use crate::error::PageError;
use crate::pages::Layout;
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Redirect, Response};
use samsyn_store::sessions::LoginOutcome;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    layout: Option<Layout>,
    error: Option<&'static str>,
    username: String,
    next: String,
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

/// Only a local path is a safe place to return to after login.
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n.to_owned(),
        _ => "/".to_owned(),
    }
}

pub async fn form(Query(q): Query<NextQuery>) -> Result<Html<String>, PageError> {
    let page = LoginPage {
        layout: None,
        error: None,
        username: String::new(),
        next: safe_next(q.next.as_deref()),
    };
    Ok(Html(page.render()?))
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
}

pub async fn submit(
    State(state): State<AppState>,
    Form(f): Form<LoginForm>,
) -> Result<Response, PageError> {
    let next = safe_next(f.next.as_deref());
    let error = match state
        .store
        .login(&f.username, &f.password, &state.throttle)
        .await?
    {
        LoginOutcome::LoggedIn { cookie_token, .. } => {
            let cookie = session_cookie(&cookie_token, state.secure_cookies);
            return Ok(([(header::SET_COOKIE, cookie)], Redirect::to(&next)).into_response());
        }
        LoginOutcome::Rejected => "Fel användarnamn eller lösenord.",
        LoginOutcome::Throttled => "För många misslyckade försök. Vänta en kvart och försök igen.",
    };
    let page = LoginPage {
        layout: None,
        error: Some(error),
        username: f.username.chars().take(64).collect(),
        next,
    };
    Ok((axum::http::StatusCode::UNAUTHORIZED, Html(page.render()?)).into_response())
}

#[derive(Deserialize)]
pub struct LogoutForm {
    #[serde(default, rename = "_csrf")]
    csrf: String,
}

pub async fn logout(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Form(f): Form<LogoutForm>,
) -> Result<Response, PageError> {
    check_form_csrf(&session, &f.csrf)?;
    state.store.logout(&session).await?;
    let cookie = session_cookie("", state.secure_cookies);
    Ok(([(header::SET_COOKIE, cookie)], Redirect::to("/logga-in")).into_response())
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_local_paths_are_returned_to() {
        assert_eq!(safe_next(Some("/enheter")), "/enheter");
        assert_eq!(safe_next(Some("https://evil.se")), "/");
        assert_eq!(safe_next(Some("//evil.se")), "/");
        assert_eq!(safe_next(None), "/");
    }
}
