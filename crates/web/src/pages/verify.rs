//! Verifiera: anyone, without logging in, checks that a PDF or a text is a protocol
//! that was approved and fixed in samsyn — the role an e-signature service's
//! verification page plays today.

use crate::AppState;
use crate::error::{PageError, WebError};
use askama::Template;
use axum::extract::{Multipart, State};
use axum::response::Html;
use samsyn_store::governance::Verified;

/// What a verification found, for the page.
pub enum Outcome {
    NotChecked,
    Genuine(Box<Verified>),
    Unknown { sha256: String },
}

#[derive(Template)]
#[template(path = "verify.html")]
struct VerifyPage {
    layout: Option<crate::pages::Layout>,
    outcome: Outcome,
    error: Option<String>,
}

pub async fn form() -> Result<Html<String>, PageError> {
    let page = VerifyPage {
        layout: None,
        outcome: Outcome::NotChecked,
        error: None,
    };
    Ok(Html(page.render().map_err(WebError::from)?))
}

/// Reads the uploaded file, or else the pasted text.
async fn submitted(mut multipart: Multipart) -> Result<Vec<u8>, WebError> {
    let (mut file, mut text) = (Vec::new(), String::new());
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| WebError::BadRequest(e.body_text()))?
    {
        match field.name() {
            Some("file") => {
                file = field
                    .bytes()
                    .await
                    .map_err(|e| WebError::BadRequest(e.body_text()))?
                    .to_vec()
            }
            Some("text") => {
                text = field
                    .text()
                    .await
                    .map_err(|e| WebError::BadRequest(e.body_text()))?
            }
            _ => {}
        }
    }
    if !file.is_empty() {
        Ok(file)
    } else if !text.trim().is_empty() {
        Ok(text.into_bytes())
    } else {
        Err(WebError::Invalid {
            field: "file".into(),
            message: "välj en fil eller klistra in protokollets text".into(),
        })
    }
}

pub async fn check(
    State(state): State<AppState>,
    multipart: Multipart,
) -> Result<Html<String>, PageError> {
    let (outcome, error) = match submitted(multipart).await {
        Ok(bytes) => match state.store.verify_protocol(&bytes).await? {
            Some(v) => (Outcome::Genuine(Box::new(v)), None),
            None => (
                Outcome::Unknown {
                    sha256: samsyn_domain::governance::sha256_hex(&bytes),
                },
                None,
            ),
        },
        Err(e) => (Outcome::NotChecked, Some(e.to_string())),
    };
    let page = VerifyPage {
        layout: None,
        outcome,
        error,
    };
    Ok(Html(page.render().map_err(WebError::from)?))
}
