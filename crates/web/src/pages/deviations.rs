//! Avvikelser: report a deviation in collaboration, follow it, answer, give feedback
//! and close it.

use crate::AppState;
use crate::auth::PageSession;
use crate::error::{PageError, WebError};
use crate::forms::{SessionForm, back_with_error};
use crate::pages::Layout;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use samsyn_domain::deviation::{self, Category, Severity, State as DevState, Step};
use samsyn_domain::{Role, policy};
use samsyn_store::deviations::{DeviationListItem, DeviationView, NewDeviation};
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Message {
    fel: String,
}

fn label<T: Copy>(
    parse: fn(&str) -> Result<T, samsyn_domain::InvalidValue>,
    text: fn(T) -> &'static str,
    code: &str,
) -> String {
    parse(code).map(text).unwrap_or("").to_owned()
}

struct Row {
    item: DeviationListItem,
    category: String,
    severity: String,
    state: String,
}

#[derive(Template)]
#[template(path = "deviations.html")]
struct ListPage {
    layout: Option<Layout>,
    rows: Vec<Row>,
    can_report: bool,
}

fn staff_units(session: &samsyn_store::sessions::Session) -> Vec<String> {
    session
        .principal
        .assignments
        .iter()
        .filter(|a| matches!(a.role, Role::Vardpersonal | Role::Samordnare))
        .filter_map(|a| a.unit.as_ref().map(|u| u.to_string()))
        .collect()
}

pub async fn list(
    State(state): State<AppState>,
    PageSession(session): PageSession,
) -> Result<Html<String>, PageError> {
    let rows = state
        .store
        .deviations_for(&session.principal)
        .await?
        .into_iter()
        .map(|item| Row {
            category: label(Category::parse, Category::label, &item.category),
            severity: label(Severity::parse, Severity::label, &item.severity),
            state: label(DevState::parse, DevState::label, &item.state),
            item,
        })
        .collect();
    let page = ListPage {
        layout: Some(Layout::new(&session, "avvikelser")),
        rows,
        can_report: !staff_units(&session).is_empty(),
    };
    Ok(Html(page.render().map_err(WebError::from)?))
}

#[derive(Template)]
#[template(path = "deviation_new.html")]
struct NewPage {
    layout: Option<Layout>,
    csrf: String,
    error: Option<String>,
    own_units: Vec<String>,
    units: Vec<(String, String)>,
    categories: &'static [Category],
    severities: &'static [Severity],
    today: String,
}

pub async fn new(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Query(m): Query<Message>,
) -> Result<Html<String>, PageError> {
    let own_units = staff_units(&session);
    if own_units.is_empty() {
        return Err(
            WebError::Forbidden("Avvikelser rapporteras av personal i en enhet.".into()).into(),
        );
    }
    let units = state
        .store
        .units()
        .await?
        .into_iter()
        .map(|u| (u.code, u.name))
        .collect();
    let page = NewPage {
        layout: Some(Layout::new(&session, "avvikelser")),
        csrf: session.csrf_token.clone(),
        error: (!m.fel.is_empty()).then_some(m.fel),
        own_units,
        units,
        categories: Category::ALL,
        severities: Severity::ALL,
        today: samsyn_domain::time_fmt::date_text(time::OffsetDateTime::now_utc().date()),
    };
    Ok(Html(page.render().map_err(WebError::from)?))
}

#[derive(Deserialize)]
pub struct NewForm {
    reporter_unit: String,
    responsible_unit: String,
    category: String,
    severity: String,
    occurred_on: String,
    description: String,
    #[serde(default)]
    request_id: String,
}

pub async fn create(
    State(state): State<AppState>,
    SessionForm(session, f): SessionForm<NewForm>,
) -> Response {
    let result = async {
        let request_id = match f.request_id.trim() {
            "" => None,
            t => Some(t.parse::<i64>().map_err(|_| WebError::Invalid {
                field: "request_id".into(),
                message: "vårdbegärans nummer är ett heltal".into(),
            })?),
        };
        let d = NewDeviation {
            reporter_unit: f.reporter_unit,
            responsible_unit: f.responsible_unit,
            category: Category::parse(&f.category)?,
            severity: Severity::parse(&f.severity)?,
            occurred_on: crate::api::date("occurred_on", &f.occurred_on)?,
            description: f.description,
            request_id,
        };
        Ok::<_, WebError>(state.store.report_deviation(&session.principal, d).await?)
    }
    .await;
    match result {
        Ok(v) => Redirect::to(&format!("/avvikelser/{}", v.id)).into_response(),
        Err(e) => back_with_error("/avvikelser/ny", e),
    }
}

#[derive(Template)]
#[template(path = "deviation.html")]
struct ShowPage {
    layout: Option<Layout>,
    csrf: String,
    error: Option<String>,
    d: DeviationView,
    category: String,
    severity: String,
    state: String,
    can_answer: bool,
    can_feedback: bool,
    can_close: bool,
}

pub async fn show(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Path(id): Path<i64>,
    Query(m): Query<Message>,
) -> Result<Html<String>, PageError> {
    let p = &session.principal;
    let d = state.store.deviation(p, id).await?;
    let st = DevState::parse(&d.state)?;
    let responsible = policy::acts_for_unit(p, &d.responsible_unit);
    let reporter = policy::acts_for_unit(p, &d.reporter_unit);
    let page = ShowPage {
        layout: Some(Layout::new(&session, "avvikelser")),
        csrf: session.csrf_token.clone(),
        error: (!m.fel.is_empty()).then_some(m.fel),
        category: label(Category::parse, Category::label, &d.category),
        severity: label(Severity::parse, Severity::label, &d.severity),
        state: st.label().to_owned(),
        can_answer: responsible && deviation::step_allowed(st, Step::Answer).is_ok(),
        can_feedback: reporter && deviation::step_allowed(st, Step::Feedback).is_ok(),
        can_close: responsible && deviation::step_allowed(st, Step::Close).is_ok(),
        d,
    };
    Ok(Html(page.render().map_err(WebError::from)?))
}

#[derive(Deserialize)]
pub struct StepForm {
    text: String,
}

async fn take(
    state: AppState,
    session: samsyn_store::sessions::Session,
    id: i64,
    step: Step,
    f: StepForm,
) -> Response {
    let back = format!("/avvikelser/{id}");
    match state
        .store
        .deviation_step(&session.principal, id, step, &f.text)
        .await
    {
        Ok(_) => Redirect::to(&back).into_response(),
        Err(e) => back_with_error(&back, e.into()),
    }
}

pub async fn answer(
    State(s): State<AppState>,
    Path(id): Path<i64>,
    SessionForm(session, f): SessionForm<StepForm>,
) -> Response {
    take(s, session, id, Step::Answer, f).await
}

pub async fn feedback(
    State(s): State<AppState>,
    Path(id): Path<i64>,
    SessionForm(session, f): SessionForm<StepForm>,
) -> Response {
    take(s, session, id, Step::Feedback, f).await
}

pub async fn close(
    State(s): State<AppState>,
    Path(id): Path<i64>,
    SessionForm(session, f): SessionForm<StepForm>,
) -> Response {
    take(s, session, id, Step::Close, f).await
}

/// The year's anonymous report: per county part and quarter (for the county parts'
/// groups) and per category, as a chart and tables, with the annual report as PDF.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ReportQuery {
    ar: String,
}

struct PartRow {
    name: String,
    quarters: [i64; 4],
    total: i64,
}

#[derive(Template)]
#[template(path = "deviation_report.html")]
struct ReportPage {
    layout: Option<Layout>,
    year: i32,
    parts: Vec<PartRow>,
    categories: Vec<(&'static str, i64)>,
    total: i64,
    chart: String,
}

async fn report_data(
    state: &AppState,
    year: i32,
) -> Result<
    (
        Vec<(String, String)>,
        Vec<samsyn_store::deviations::SummaryRow>,
    ),
    WebError,
> {
    let mut parts = state.store.county_parts().await?;
    parts.push(("okand".into(), "Utan länsdel".into()));
    Ok((parts, state.store.deviation_summary(year).await?))
}

fn year_of(text: &str) -> i32 {
    text.trim()
        .parse()
        .unwrap_or(time::OffsetDateTime::now_utc().year())
}

pub async fn report(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Query(q): Query<ReportQuery>,
) -> Result<Html<String>, PageError> {
    let year = year_of(&q.ar);
    let (county_parts, rows) = report_data(&state, year).await?;
    let parts: Vec<PartRow> = county_parts
        .iter()
        .map(|(code, name)| {
            let mut quarters = [0i64; 4];
            for r in rows.iter().filter(|r| &r.county_part == code) {
                quarters[(r.quarter.clamp(1, 4) - 1) as usize] += r.reports;
            }
            PartRow {
                name: name.clone(),
                total: quarters.iter().sum(),
                quarters,
            }
        })
        .filter(|p| p.total > 0 || p.name != "Utan länsdel")
        .collect();
    let categories: Vec<(&'static str, i64)> = Category::ALL
        .iter()
        .map(|c| {
            (
                c.label(),
                rows.iter()
                    .filter(|r| r.category == c.as_str())
                    .map(|r| r.reports)
                    .sum(),
            )
        })
        .collect();
    let names: Vec<String> = parts.iter().map(|p| p.name.clone()).collect();
    let series: Vec<crate::charts::Series> = (0..4)
        .map(|q| crate::charts::Series {
            name: ["Kvartal 1", "Kvartal 2", "Kvartal 3", "Kvartal 4"][q],
            values: parts.iter().map(|p| Some(p.quarters[q])).collect(),
        })
        .collect();
    let chart = crate::charts::stacked_bars(
        "avvikelser-lansdel",
        &format!("Avvikelser i samverkan {year} per länsdel och kvartal"),
        "Antal rapporterade avvikelser per länsdel, uppdelat på kvartal. Samma siffror finns i tabellen.",
        &names,
        &series,
    );
    let page = ReportPage {
        layout: Some(Layout::new(&session, "avvikelser")),
        total: parts.iter().map(|p| p.total).sum(),
        year,
        parts,
        categories,
        chart,
    };
    Ok(Html(page.render().map_err(WebError::from)?))
}

/// The annual report for the patient-safety conference, as PDF.
pub async fn report_pdf(
    State(state): State<AppState>,
    PageSession(_session): PageSession,
    Path(file): Path<String>,
) -> Result<Response, PageError> {
    let year = file
        .strip_suffix(".pdf")
        .and_then(|y| y.parse::<i32>().ok())
        .filter(|y| (1990..=2100).contains(y))
        .ok_or_else(|| WebError::NotFound("rapporten".into()))?;
    let (parts, rows) = report_data(&state, year).await?;
    let cells: Vec<deviation::SummaryCell> = rows
        .iter()
        .map(|r| {
            (
                r.county_part.as_str(),
                r.quarter,
                r.category.as_str(),
                r.reports,
            )
        })
        .collect();
    let lines = deviation::annual_report(year, &parts, &cells);
    let pdf = samsyn_domain::protocol_pdf::render_lines(
        lines,
        &format!("Avvikelser i samverkan {year} – årsrapport"),
    );
    Ok(crate::api::download(
        &format!("avvikelser-{year}.pdf"),
        "application/pdf",
        pdf,
    ))
}
