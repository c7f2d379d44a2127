//! Uppföljning: the dashboard for analysts, administrators and the MAS — Tabell 1 and
//! 2, actions by KVÅ code and performer, by month, requests and decisions — with SVG
//! charts and CSV downloads. Small counts are hidden from those without access to the
//! persons behind them.

use crate::AppState;
use crate::auth::PageSession;
use crate::charts::{Series, columns, stacked_bars};
use crate::error::{PageError, WebError};
use crate::pages::Layout;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use samsyn_domain::Principal;
use samsyn_domain::person::LegalSex;
use samsyn_domain::policy;
use samsyn_domain::stats::{AgeGroup, Counts, Row, Tabell1, share, shown, suppress_row};
use samsyn_store::stats::dashboard::{FollowUpFigures, KvaCount, RequestFigures};
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StatsQuery {
    ar: Option<i32>,
    lansdel: String,
}

#[derive(Template)]
#[template(path = "stats.html")]
struct StatsPage {
    layout: Option<Layout>,
    year: i32,
    years: Vec<i32>,
    county_part: String,
    county_parts: Vec<(String, String)>,
    suppressing: bool,
    tabell1: Vec<(String, Vec<String>)>,
    tabell2: Option<Vec<(String, Vec<String>)>>,
    tabell2_missing: String,
    chart_persons: String,
    kva: Vec<KvaCount>,
    chart_kva: String,
    chart_months: String,
    requests: Vec<(String, RequestFigures)>,
    follow_ups: FollowUpFigures,
    /// (municipality, days as utskrivningsklar per month, the year's total, late notices)
    discharge: Vec<(String, Vec<i64>, i64, i64)>,
    deviation_categories: Vec<&'static str>,
    deviations: Vec<(String, Vec<i64>, i64)>,
    chart_deviations: String,
}

fn require(p: &Principal) -> Result<(), WebError> {
    if policy::can_view_statistics(p) {
        Ok(())
    } else {
        Err(WebError::Forbidden(
            "Uppföljningen är till för analytiker, administratörer och MAS.".into(),
        ))
    }
}

/// The twelve values of a row in the table's order.
fn values(c: &Counts) -> Vec<i64> {
    let mut v = vec![c.total()];
    for g in AgeGroup::ALL {
        v.extend([
            c.get(LegalSex::Female, g),
            c.get(LegalSex::Male, g),
            c.group(g),
        ]);
    }
    v
}

/// A row's cells as shown, with small counts and what would reveal them hidden.
fn row_cells(c: &Counts, sees_persons: bool) -> Vec<String> {
    let v = values(c);
    v.iter()
        .zip(suppress_row(&v, sees_persons))
        .map(|(value, cell)| shown(*value, cell))
        .collect()
}

/// The rows the viewer sees: the county (or the county part's municipalities only).
fn visible_rows<'a>(t: &'a Tabell1, members: &Option<Vec<String>>) -> Vec<&'a Row> {
    t.rows()
        .filter(|r| r.code.len() == 2 || members.as_ref().is_none_or(|m| m.contains(&r.code)))
        .collect()
}

struct Context {
    year: i32,
    county_part: String,
    members: Option<Vec<String>>,
    table: Tabell1,
}

async fn context(state: &AppState, q: &StatsQuery) -> Result<Context, WebError> {
    let year =
        q.ar.unwrap_or_else(|| time::OffsetDateTime::now_utc().year());
    if !(1900..=2200).contains(&year) {
        return Err(WebError::Invalid {
            field: "ar".into(),
            message: "året är orimligt".into(),
        });
    }
    let members = if q.lansdel.is_empty() {
        None
    } else {
        Some(
            state
                .store
                .parties()
                .await?
                .into_iter()
                .filter(|p| p.county_part.as_deref() == Some(q.lansdel.as_str()))
                .map(|p| p.code)
                .collect(),
        )
    };
    Ok(Context {
        year,
        county_part: q.lansdel.clone(),
        members,
        table: state.store.tabell1(year).await?,
    })
}

pub async fn show(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Query(q): Query<StatsQuery>,
) -> Result<Html<String>, PageError> {
    let p = &session.principal;
    require(p)?;
    let c = context(&state, &q).await?;
    let rows = visible_rows(&c.table, &c.members);
    let tabell1 = rows
        .iter()
        .map(|r| {
            (
                r.name.clone(),
                row_cells(&r.counts, policy::sees_persons_of(p, &r.code)),
            )
        })
        .collect();
    let municipalities: Vec<&&Row> = rows.iter().filter(|r| r.code.len() == 4).collect();
    let series: Vec<Series> = AgeGroup::ALL
        .iter()
        .map(|g| Series {
            name: match g {
                AgeGroup::Under65 => "0–64 år",
                AgeGroup::From65To79 => "65–79 år",
                AgeGroup::From80 => "80 år och äldre",
            },
            values: municipalities
                .iter()
                .map(|r| {
                    let g = AgeGroup::ALL.iter().position(|x| x == g).unwrap_or(0);
                    suppress_row(&values(&r.counts), policy::sees_persons_of(p, &r.code))[3 + 3 * g]
                })
                .collect(),
        })
        .collect();
    let names: Vec<String> = municipalities.iter().map(|r| r.name.clone()).collect();
    let chart_persons = stacked_bars(
        "personer",
        &format!("Personer med kommunal hälso- och sjukvård {}", c.year),
        "Antal personer per kommun, uppdelat på åldersgrupp. Samma siffror finns i tabellen nedan.",
        &names,
        &series,
    );

    let population = state.store.population(c.year).await?;
    let county_code = c.table.county.code.clone();
    let all_codes: Vec<String> = c
        .table
        .municipalities
        .iter()
        .map(|r| r.code.clone())
        .collect();
    let pop_of = |code: &str| -> Option<Counts> {
        if code == county_code {
            let mut sum = Counts::default();
            for m in &all_codes {
                let x = population.get(m)?;
                for i in 0..3 {
                    sum.women[i] += x.women[i];
                    sum.men[i] += x.men[i];
                }
            }
            Some(sum)
        } else {
            population.get(code).copied()
        }
    };
    let mut missing = Vec::new();
    let mut t2 = Vec::new();
    for r in &rows {
        match pop_of(&r.code) {
            Some(pop) => {
                // a share of a hidden count would give the count back (the
                // population is public): it is hidden with it
                let counts = values(&r.counts);
                let cells = suppress_row(&counts, policy::sees_persons_of(p, &r.code));
                t2.push((
                    r.name.clone(),
                    counts
                        .into_iter()
                        .zip(values(&pop))
                        .zip(cells)
                        .map(|((n, d), cell)| match cell {
                            Some(_) => share(n, d).unwrap_or_else(|| "–".into()),
                            None => "..".into(),
                        })
                        .collect(),
                ))
            }
            None => missing.push(r.name.clone()),
        }
    }
    let (tabell2, tabell2_missing) = if missing.is_empty() {
        (Some(t2), String::new())
    } else {
        (
            None,
            format!(
                "Befolkningsuppgifter för {} saknas för: {}. Läs in dem med samsyn import population.",
                c.year,
                missing.join(", ")
            ),
        )
    };

    let kva = state.store.kva_counts(c.year, c.members.as_deref()).await?;
    let top: Vec<&KvaCount> = kva.iter().take(12).collect();
    let chart_kva = stacked_bars(
        "kva",
        &format!("Insatser per KVÅ-kod {}", c.year),
        "Antal insatser per KVÅ-kod, uppdelat på legitimerad och delegerad utförare. Samma siffror finns i tabellen nedan.",
        &top.iter().map(|k| k.code.clone()).collect::<Vec<_>>(),
        &[
            Series {
                name: "Legitimerad",
                values: top.iter().map(|k| Some(k.licensed)).collect(),
            },
            Series {
                name: "Delegerad",
                values: top.iter().map(|k| Some(k.delegated)).collect(),
            },
        ],
    );
    let months = state
        .store
        .actions_per_month(c.year, c.members.as_deref())
        .await?;
    let month_names = [
        "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
    ];
    let chart_months = columns(
        "manader",
        &format!("Insatser per månad {}", c.year),
        &format!(
            "Antal insatser per månad: {}",
            month_names
                .iter()
                .zip(months)
                .map(|(m, v)| format!("{m} {v}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        &month_names,
        &months,
    );

    let deviation_figures = state
        .store
        .deviation_figures(c.year, c.members.as_deref())
        .await?;
    let chart_deviations = columns(
        "avvikelser",
        &format!("Avvikelser per månad {}", c.year),
        &format!(
            "Antal avvikelser i samverkan per månad: {}",
            month_names
                .iter()
                .zip(deviation_figures.per_month)
                .map(|(m, v)| format!("{m} {v}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        &month_names,
        &deviation_figures.per_month,
    );

    let names_by_code: std::collections::HashMap<String, String> = c
        .table
        .municipalities
        .iter()
        .map(|r| (r.code.clone(), r.name.clone()))
        .collect();
    let requests = state
        .store
        .request_figures(c.year)
        .await?
        .into_iter()
        .filter(|f| {
            c.members
                .as_ref()
                .is_none_or(|m| m.contains(&f.municipality))
        })
        .map(|f| {
            (
                names_by_code
                    .get(&f.municipality)
                    .cloned()
                    .unwrap_or_else(|| f.municipality.clone()),
                f,
            )
        })
        .collect();
    let mut years: Vec<i32> = (c.year.min(2019)
        ..=time::OffsetDateTime::now_utc().year().max(c.year))
        .rev()
        .collect();
    years.dedup();
    let county_parts = state.store.county_parts().await?;
    let page = StatsPage {
        layout: Some(Layout::new(&session, "uppfoljning")),
        year: c.year,
        years,
        county_part: c.county_part,
        county_parts,
        suppressing: !p.has_role(samsyn_domain::Role::Mas),
        tabell1,
        tabell2,
        tabell2_missing,
        chart_persons,
        kva,
        chart_kva,
        chart_months,
        requests,
        follow_ups: state.store.follow_up_figures(c.year).await?,
        discharge: state
            .store
            .discharge_figures(c.year, c.members.as_deref())
            .await?
            .per_party
            .into_iter()
            .map(|(name, days, late)| (name, days.to_vec(), days.iter().sum(), late))
            .collect(),
        deviation_categories: samsyn_domain::deviation::Category::ALL
            .iter()
            .map(|c| c.label())
            .collect(),
        deviations: deviation_figures
            .per_party
            .iter()
            .map(|(_, name, counts)| (name.clone(), counts.clone(), counts.iter().sum()))
            .collect(),
        chart_deviations,
    };
    Ok(Html(page.render()?))
}

pub(crate) fn xlsx_response(name: &str, sheet: &str, csv: &str) -> Result<Response, PageError> {
    let bytes = crate::export::csv_to_xlsx(sheet, csv).map_err(WebError::Internal)?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}

pub(crate) fn csv_response(name: &str, body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response()
}

async fn tabell1_text(
    state: &AppState,
    p: &Principal,
    q: &StatsQuery,
) -> Result<(i32, String), PageError> {
    require(p)?;
    let c = context(state, q).await?;
    let mut out = samsyn_domain::stats::csv_header();
    out.push('\n');
    for r in visible_rows(&c.table, &c.members) {
        let vals = row_cells(&r.counts, policy::sees_persons_of(p, &r.code));
        out.push_str(&format!("{},{},{}\n", r.code, r.name, vals.join(",")));
    }
    Ok((c.year, out))
}

async fn kva_text(
    state: &AppState,
    p: &Principal,
    q: &StatsQuery,
) -> Result<(i32, String), PageError> {
    require(p)?;
    let c = context(state, q).await?;
    let mut out = String::from("kva_kod,titel,legitimerad,delegerad\n");
    for k in state.store.kva_counts(c.year, c.members.as_deref()).await? {
        out.push_str(&format!(
            "{},\"{}\",{},{}\n",
            k.code,
            k.title.replace('"', "\"\""),
            k.licensed,
            k.delegated
        ));
    }
    Ok((c.year, out))
}

/// Tabell 1 as CSV with the reference file's header; small counts hidden as on the page.
pub async fn tabell1_csv(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Query(q): Query<StatsQuery>,
) -> Result<Response, PageError> {
    let (year, csv) = tabell1_text(&state, &session.principal, &q).await?;
    Ok(csv_response(&format!("tabell1-{year}.csv"), csv))
}

pub async fn tabell1_xlsx(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Query(q): Query<StatsQuery>,
) -> Result<Response, PageError> {
    let (year, csv) = tabell1_text(&state, &session.principal, &q).await?;
    xlsx_response(&format!("tabell1-{year}.xlsx"), "Tabell 1", &csv)
}

pub async fn kva_csv(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Query(q): Query<StatsQuery>,
) -> Result<Response, PageError> {
    let (year, csv) = kva_text(&state, &session.principal, &q).await?;
    Ok(csv_response(&format!("kva-{year}.csv"), csv))
}

pub async fn kva_xlsx(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Query(q): Query<StatsQuery>,
) -> Result<Response, PageError> {
    let (year, csv) = kva_text(&state, &session.principal, &q).await?;
    xlsx_response(&format!("kva-{year}.xlsx"), "KVÅ", &csv)
}
