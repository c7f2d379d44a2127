//! Granskningslogg: log review for administrators and the MAS. Every search is itself
//! written to the log, and a refused attempt is logged as denied.

use crate::AppState;
use crate::auth::PageSession;
use crate::error::{PageError, WebError};
use crate::pages::{Layout, url_encode};
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use samsyn_domain::audit::{Outcome, Purpose};
use samsyn_domain::policy::{self, AuditScope};
use samsyn_store::audit::{self, AuditFilter};
use samsyn_store::sessions::event_for;
use serde::Deserialize;

const PAGE_SIZE: i64 = 100;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AuditQuery {
    actor: String,
    action: String,
    outcome: String,
    unit: String,
    person: String,
    from: String,
    to: String,
    before: Option<i64>,
}

struct Row {
    seq: i64,
    at: String,
    actor: String,
    unit: String,
    person: String,
    action: String,
    purpose: &'static str,
    outcome: &'static str,
    detail: String,
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    layout: Option<Layout>,
    scope_text: String,
    q: AuditQuery,
    outcomes: Vec<(&'static str, &'static str)>,
    entries: Vec<Row>,
    error: Option<String>,
    older: Option<String>,
}

fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

fn is_date(s: &str) -> bool {
    time::Date::parse(s, time::macros::format_description!("[year]-[month]-[day]")).is_ok()
}

/// Turns the form's text into a filter, or names the field that is wrong.
fn filter_from(q: &AuditQuery) -> Result<AuditFilter, WebError> {
    let person_id = match non_empty(&q.person) {
        Some(p) => Some(p.parse::<i64>().map_err(|_| WebError::Invalid {
            field: "person".into(),
            message: "Person-id ska vara ett heltal.".into(),
        })?),
        None => None,
    };
    for (field, value) in [("from", &q.from), ("to", &q.to)] {
        if !value.trim().is_empty() && !is_date(value.trim()) {
            return Err(WebError::Invalid {
                field: field.into(),
                message: format!("«{value}» är inget datum (ÅÅÅÅ-MM-DD)."),
            });
        }
    }
    Ok(AuditFilter {
        actor: non_empty(&q.actor),
        action: non_empty(&q.action),
        outcome: non_empty(&q.outcome),
        unit: non_empty(&q.unit),
        person_id,
        from_date: non_empty(&q.from),
        to_date: non_empty(&q.to),
        before_seq: q.before,
        limit: PAGE_SIZE,
    })
}

pub async fn search(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Query(q): Query<AuditQuery>,
) -> Result<(axum::http::StatusCode, Html<String>), PageError> {
    let p = &session.principal;
    let Some(scope) = policy::audit_scope(p) else {
        state
            .store
            .audit(&event_for(
                p,
                "audit.search",
                Purpose::LogReview,
                Outcome::Denied,
            ))
            .await?;
        return Err(WebError::Forbidden(
            "Granskningsloggen är till för administratörer och MAS.".into(),
        )
        .into());
    };
    let scope_text = match &scope {
        AuditScope::All => "Du ser hela länets logg.".to_owned(),
        AuditScope::Party(c) => {
            format!("Du ser loggen för part {c}: händelser av dess personal och i dess enheter.")
        }
    };
    let (entries, error, status) = match filter_from(&q) {
        Ok(filter) => {
            let mut tx = state.store.begin_write().await?;
            let found = audit::search(&mut tx, &scope, &filter).await?;
            let mut event = event_for(p, "audit.search", Purpose::LogReview, Outcome::Ok);
            event.detail = format!("{} poster visade", found.len());
            event.person_id = filter.person_id;
            audit::append(&mut tx, &event).await?;
            samsyn_store::commit(tx).await?;
            (found, None, axum::http::StatusCode::OK)
        }
        Err(e) => (
            Vec::new(),
            Some(e.to_string()),
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
        ),
    };
    let older = (entries.len() as i64 == PAGE_SIZE).then(|| {
        let last = entries.last().map(|e| e.seq).unwrap_or(0);
        format!(
            "/granskningslogg?actor={}&action={}&outcome={}&unit={}&person={}&from={}&to={}&before={last}",
            url_encode(&q.actor), url_encode(&q.action), url_encode(&q.outcome), url_encode(&q.unit),
            url_encode(&q.person), url_encode(&q.from), url_encode(&q.to)
        )
    });
    let rows = entries
        .into_iter()
        .map(|e| Row {
            seq: e.seq,
            at: samsyn_domain::time_fmt::display(&e.at),
            actor: e.event.actor,
            unit: e.event.unit.unwrap_or_default(),
            person: e.event.person_id.map(|p| p.to_string()).unwrap_or_default(),
            action: e.event.action,
            purpose: Purpose::label(&e.event.purpose),
            outcome: Outcome::label(&e.event.outcome),
            detail: e.event.detail,
        })
        .collect();
    let page = AuditPage {
        layout: Some(Layout::new(&session, "logg")),
        scope_text,
        q,
        outcomes: vec![
            ("ok", "Genomförd"),
            ("denied", "Nekad"),
            ("failed", "Misslyckad"),
        ],
        entries: rows,
        error,
        older,
    };
    Ok((status, Html(page.render()?)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_malformed_date_or_person_names_its_field() {
        let q = AuditQuery {
            from: "2026-13-01".into(),
            ..Default::default()
        };
        assert!(matches!(filter_from(&q), Err(WebError::Invalid { field, .. }) if field == "from"));
        let q = AuditQuery {
            person: "abc".into(),
            ..Default::default()
        };
        assert!(
            matches!(filter_from(&q), Err(WebError::Invalid { field, .. }) if field == "person")
        );
    }

    #[test]
    fn empty_fields_do_not_filter() {
        let f = filter_from(&AuditQuery::default()).unwrap();
        assert!(f.actor.is_none() && f.from_date.is_none() && f.person_id.is_none());
    }
}
