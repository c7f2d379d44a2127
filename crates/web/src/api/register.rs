//! `/api/v1/search` and `/api/v1/meetings`: the decisions register.

use crate::AppState;
use crate::auth::ApiPrincipal;
use crate::error::{ApiError, WebError};
use axum::Json;
use axum::extract::{Path, Query, State};
use samsyn_store::register::StoredMeeting;
use samsyn_store::register::search::{self, Results};
use serde::Deserialize;
use utoipa::IntoParams;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// Words to find; Swedish word forms match ("hemsjukvård" finds "hemsjukvården").
    q: String,
    /// A body's code (or its name as read from imported minutes).
    body: Option<String>,
    /// Earliest meeting date, `YYYY-MM-DD`.
    from: Option<String>,
    /// Latest meeting date, `YYYY-MM-DD`.
    to: Option<String>,
    /// `protokoll` or `minnesanteckningar`.
    kind: Option<String>,
    /// At most this many hits (1–200, default 20).
    limit: Option<usize>,
}

fn check_date(field: &str, v: &Option<String>) -> Result<(), WebError> {
    match v {
        Some(d) if samsyn_domain::time_fmt::parse_date(d).is_none() => Err(WebError::Invalid {
            field: field.into(),
            message: "datum skrivs ÅÅÅÅ-MM-DD".into(),
        }),
        _ => Ok(()),
    }
}

#[utoipa::path(
    get, path = "/api/v1/search", tag = "register",
    summary = "Searches every body's minutes: items, decisions and text, best first",
    params(SearchParams),
    responses(
        (status = 200, description = "Hits with highlighted snippets", body = Results),
        (status = 422, description = "A filter is malformed", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not logged in", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []), ("session" = []))
)]
pub async fn search(
    State(state): State<AppState>,
    ApiPrincipal(_p): ApiPrincipal,
    Query(q): Query<SearchParams>,
) -> Result<Json<Results>, ApiError> {
    check_date("from", &q.from)?;
    check_date("to", &q.to)?;
    if let Some(k) = q.kind.as_deref()
        && !matches!(k, "protokoll" | "minnesanteckningar")
    {
        return Err(WebError::Invalid {
            field: "kind".into(),
            message: "protokoll eller minnesanteckningar".into(),
        }
        .into());
    }
    Ok(Json(
        state
            .store
            .search(&search::Query {
                text: q.q,
                body: q.body,
                from: q.from,
                to: q.to,
                kind: q.kind,
                limit: q.limit.unwrap_or(20),
            })
            .await?,
    ))
}

#[utoipa::path(
    get, path = "/api/v1/meetings/{id}", tag = "register",
    summary = "A meeting in the register: attendance, items and decisions",
    params(("id" = i64, Path, description = "The meeting")),
    responses(
        (status = 200, description = "The meeting", body = StoredMeeting),
        (status = 404, description = "No such meeting", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []), ("session" = []))
)]
pub async fn meeting(
    State(state): State<AppState>,
    ApiPrincipal(_p): ApiPrincipal,
    Path(id): Path<i64>,
) -> Result<Json<StoredMeeting>, ApiError> {
    Ok(Json(
        state
            .store
            .meeting(id)
            .await?
            .ok_or_else(|| WebError::NotFound("mötet".into()))?,
    ))
}
