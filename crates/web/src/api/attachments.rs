//! `/api/v1/care-requests/{id}/attachments`: bilagor.

use crate::AppState;
use crate::auth::ApiPrincipal;
use crate::error::{ApiError, Problem, WebError};
use axum::Json;
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use samsyn_store::care::attachments::AttachmentInfo;

/// The body limit of an upload: the largest file and the multipart framing around it.
pub const UPLOAD_LIMIT: usize = samsyn_store::care::attachments::MAX_BYTES + 64 * 1024;

/// Reads the `file` field of a multipart body; `_csrf` comes back too for forms.
pub async fn read_upload(
    mut multipart: Multipart,
) -> Result<(String, String, Vec<u8>, String), WebError> {
    let mut csrf = String::new();
    let mut file = None;
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| upload_error(e.status(), e.body_text()))?
    {
        match field.name() {
            Some("_csrf") => {
                csrf = field
                    .text()
                    .await
                    .map_err(|e| upload_error(e.status(), e.body_text()))?
            }
            Some("file") => {
                let name = field.file_name().unwrap_or("").to_owned();
                let kind = field
                    .content_type()
                    .unwrap_or("application/octet-stream")
                    .to_owned();
                let bytes = field
                    .bytes()
                    .await
                    .map_err(|e| upload_error(e.status(), e.body_text()))?;
                file = Some((name, kind, bytes.to_vec()));
            }
            _ => {}
        }
    }
    let (name, kind, bytes) = file.ok_or_else(|| WebError::Invalid {
        field: "file".into(),
        message: "ingen fil i fältet «file»".into(),
    })?;
    Ok((name, kind, bytes, csrf))
}

fn upload_error(status: StatusCode, text: String) -> WebError {
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        WebError::PayloadTooLarge(UPLOAD_LIMIT)
    } else {
        WebError::BadRequest(format!("uppladdningen kunde inte läsas: {text}"))
    }
}

#[utoipa::path(post, path = "/api/v1/care-requests/{id}/attachments", tag = "care", summary = "Attaches a file (multipart field `file`, at most 5 MB)",
    params(("id" = i64, Path)),
    responses((status = 201, body = AttachmentInfo), (status = 413, body = Problem), (status = 422, body = Problem)),
    security(("bearer" = []), ("session" = [])))]
pub async fn upload(
    State(s): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
    Path(id): Path<i64>,
    multipart: Multipart,
) -> Result<(StatusCode, Json<AttachmentInfo>), ApiError> {
    let (name, kind, bytes, _) = read_upload(multipart).await?;
    Ok((
        StatusCode::CREATED,
        Json(s.store.add_attachment(&p, id, &name, &kind, &bytes).await?),
    ))
}

/// The file as a download: never rendered inline, whatever its type.
pub fn download(name: &str, kind: &str, bytes: Vec<u8>) -> Response {
    let mut r = bytes.into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(kind).unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_ ".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let disposition = format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{}",
        crate::pages::url_encode(name)
    );
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    r
}

#[utoipa::path(get, path = "/api/v1/care-requests/{id}/attachments/{attachment_id}", tag = "care", summary = "Downloads an attachment",
    params(("id" = i64, Path), ("attachment_id" = i64, Path)),
    responses((status = 200, description = "The file"), (status = 404, body = Problem)),
    security(("bearer" = []), ("session" = [])))]
pub async fn fetch(
    State(s): State<AppState>,
    ApiPrincipal(p): ApiPrincipal,
    Path((id, aid)): Path<(i64, i64)>,
) -> Result<Response, ApiError> {
    let (name, kind, bytes) = s.store.attachment(&p, id, aid).await?;
    Ok(download(&name, &kind, bytes))
}
