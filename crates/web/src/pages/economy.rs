//! Ekonomi: the supplementary amount step by step, and the invoice basis for
//! psychiatric home care.

use crate::AppState;
use crate::auth::PageSession;
use crate::error::{PageError, WebError};
use crate::pages::Layout;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use samsyn_domain::economy::{format_kronor, format_percent};
use samsyn_domain::policy;
use samsyn_domain::stats::short_name;
use samsyn_store::stats::economy::InvoiceLine;
use serde::Deserialize;
use std::collections::HashMap;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EconomyQuery {
    ar: Option<i32>,
    manad: String,
}

struct SupplementRow {
    name: String,
    base: String,
    amount: String,
    steps: Vec<String>,
    note: String,
}

#[derive(Template)]
#[template(path = "economy.html")]
struct EconomyPage {
    layout: Option<Layout>,
    error: Option<String>,
    year: i32,
    month: String,
    supplements: Vec<SupplementRow>,
    totals: Vec<(String, i64, i64, String)>,
    patients: Vec<InvoiceLine>,
}

fn month_or_last(m: &str) -> String {
    if m.is_empty() {
        let today = time::OffsetDateTime::now_utc().date();
        format!("{:04}-{:02}", today.year(), today.month() as u8)
    } else {
        m.to_owned()
    }
}

async fn names(state: &AppState) -> Result<HashMap<String, String>, WebError> {
    Ok(state
        .store
        .parties()
        .await?
        .into_iter()
        .map(|p| (p.code, short_name(&p.name)))
        .collect())
}

pub async fn show(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Query(q): Query<EconomyQuery>,
) -> Result<Html<String>, PageError> {
    let p = &session.principal;
    if !policy::can_view_statistics(p) {
        return Err(WebError::Forbidden(
            "Ekonomin är till för analytiker, administratörer och MAS.".into(),
        )
        .into());
    }
    let year =
        q.ar.unwrap_or_else(|| time::OffsetDateTime::now_utc().year());
    let month = month_or_last(&q.manad);
    let names = names(&state).await?;
    let supplements = state
        .store
        .supplements(year)
        .await?
        .into_iter()
        .map(|s| {
            let name = names
                .get(&s.municipality)
                .cloned()
                .unwrap_or_else(|| s.municipality.clone());
            let base = match (s.base, s.base_year) {
                (Some(b), Some(y)) => format!("{} ({y})", format_kronor(b)),
                _ => "–".into(),
            };
            match s.result {
                Ok((amount, steps)) => SupplementRow {
                    name,
                    base,
                    amount: format_kronor(amount),
                    note: if steps.is_empty() {
                        format!("Basåret; beslut: {}", s.decision.unwrap_or_default())
                    } else {
                        String::new()
                    },
                    steps: steps
                        .iter()
                        .map(|st| {
                            format!(
                                "{}: {} × (1 + {}) = {}",
                                st.year,
                                format_kronor(st.before),
                                format_percent(st.percent),
                                format_kronor(st.after)
                            )
                        })
                        .collect(),
                },
                Err(why) => SupplementRow {
                    name,
                    base,
                    amount: "–".into(),
                    steps: Vec::new(),
                    note: why,
                },
            }
        })
        .collect();
    let (totals, patients, error) = match state.store.invoice_basis_for(p, &month).await {
        Ok(basis) => (
            basis
                .totals
                .into_iter()
                .map(|t| {
                    (
                        names
                            .get(&t.municipality)
                            .cloned()
                            .unwrap_or(t.municipality),
                        t.patients,
                        t.actions,
                        format!("{} h {} min", t.minutes / 60, t.minutes % 60),
                    )
                })
                .collect(),
            basis.patients,
            None,
        ),
        Err(e) => (Vec::new(), Vec::new(), Some(e.to_string())),
    };
    let page = EconomyPage {
        layout: Some(Layout::new(&session, "ekonomi")),
        error,
        year,
        month,
        supplements,
        totals,
        patients,
    };
    Ok(Html(page.render()?))
}

/// The invoice basis as CSV: per patient for the MAS's own municipality, otherwise
/// totals per municipality.
pub async fn invoice_csv(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Query(q): Query<EconomyQuery>,
) -> Result<Response, PageError> {
    let p = &session.principal;
    if !policy::can_view_statistics(p) {
        return Err(WebError::Forbidden(
            "Ekonomin är till för analytiker, administratörer och MAS.".into(),
        )
        .into());
    }
    let month = month_or_last(&q.manad);
    let basis = state.store.invoice_basis_for(p, &month).await?;
    let body = if basis.patients.is_empty() {
        let mut out = String::from("kommunkod,patienter,insatser,minuter\n");
        for t in basis.totals {
            out.push_str(&format!(
                "{},{},{},{}\n",
                t.municipality, t.patients, t.actions, t.minutes
            ));
        }
        out
    } else {
        let mut out = String::from("kommunkod,personnummer,insatser,minuter\n");
        for l in basis.patients {
            out.push_str(&format!(
                "{},{},{},{}\n",
                l.municipality, l.personnummer, l.actions, l.minutes
            ));
        }
        out
    };
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"psykiatri-{month}.csv\""),
            ),
        ],
        body,
    )
        .into_response())
}
