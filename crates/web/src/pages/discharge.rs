//! Utskrivning från slutenvård: the ward's admission notice, acknowledgements, the fast
//! vårdkontakt, utskrivningsklar, the SIP kallelse and the payment liability.

use crate::AppState;
use crate::auth::PageSession;
use crate::error::{PageError, WebError};
use crate::forms::{SessionForm, back_with_error, checked};
use crate::pages::Layout;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use samsyn_domain::Role;
use samsyn_domain::economy::format_kronor;
use samsyn_domain::org::UnitKind;
use samsyn_domain::person::PersonNumber;
use samsyn_domain::policy;
use samsyn_store::discharge::{self, NewStay, StaySummary, StayView, kind};
use samsyn_store::sessions::Session;
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Message {
    fel: String,
}

fn staff_units(session: &Session) -> Vec<String> {
    session
        .principal
        .assignments
        .iter()
        .filter(|a| matches!(a.role, Role::Vardpersonal | Role::Samordnare))
        .filter_map(|a| a.unit.as_ref().map(|u| u.to_string()))
        .collect()
}

#[derive(Template)]
#[template(path = "stays.html")]
struct ListPage {
    layout: Option<Layout>,
    stays: Vec<StaySummary>,
    can_admit: bool,
    /// Messages to or from the user's units left unacknowledged too long.
    escalations: Vec<samsyn_store::discharge::Escalated>,
}

async fn wards(state: &AppState, session: &Session) -> Result<Vec<String>, WebError> {
    let own = staff_units(session);
    Ok(state
        .store
        .units()
        .await?
        .into_iter()
        .filter(|u| own.contains(&u.code))
        .filter(|u| {
            [
                UnitKind::Vardavdelning,
                UnitKind::Psykiatri,
                UnitKind::Specialistklinik,
            ]
            .iter()
            .any(|k| k.as_str() == u.kind)
        })
        .map(|u| u.code)
        .collect())
}

pub async fn list(
    State(state): State<AppState>,
    PageSession(session): PageSession,
) -> Result<Html<String>, PageError> {
    let page = ListPage {
        layout: Some(Layout::new(&session, "utskrivning")),
        escalations: state.store.escalations(&session.principal).await?,
        stays: state.store.stays_for(&session.principal).await?,
        can_admit: !wards(&state, &session).await?.is_empty(),
    };
    Ok(Html(page.render().map_err(WebError::from)?))
}

#[derive(Template)]
#[template(path = "stay_new.html")]
struct NewPage {
    layout: Option<Layout>,
    csrf: String,
    error: Option<String>,
    wards: Vec<String>,
    home_care: Vec<(String, String)>,
    primary: Vec<(String, String)>,
    now: String,
}

pub async fn new(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Query(m): Query<Message>,
) -> Result<Html<String>, PageError> {
    let wards = wards(&state, &session).await?;
    if wards.is_empty() {
        return Err(WebError::Forbidden(
            "Inskrivningsmeddelanden skickas av personal på en vårdavdelning eller klinik.".into(),
        )
        .into());
    }
    let units = state.store.units().await?;
    let of = |k: UnitKind| {
        units
            .iter()
            .filter(|u| u.kind == k.as_str())
            .map(|u| (u.code.clone(), u.name.clone()))
            .collect()
    };
    let page = NewPage {
        layout: Some(Layout::new(&session, "utskrivning")),
        csrf: session.csrf_token.clone(),
        error: (!m.fel.is_empty()).then_some(m.fel),
        wards,
        home_care: of(UnitKind::Hemsjukvard),
        primary: of(UnitKind::Vardcentral),
        now: discharge::format_local(discharge::now_local()),
    };
    Ok(Html(page.render().map_err(WebError::from)?))
}

#[derive(Deserialize)]
pub struct NewForm {
    personnummer: String,
    ward_unit: String,
    municipality_unit: String,
    primary_unit: String,
    admitted_at: String,
    #[serde(default)]
    psychiatric: Option<String>,
    #[serde(default)]
    needs_sip: Option<String>,
    consent: String,
}

fn local(field: &'static str, text: &str) -> Result<time::PrimitiveDateTime, WebError> {
    discharge::parse_local(text).ok_or_else(|| WebError::Invalid {
        field: field.into(),
        message: format!("«{}» är ingen tidpunkt (ÅÅÅÅ-MM-DD TT:MM)", text.trim()),
    })
}

pub async fn create(
    State(state): State<AppState>,
    SessionForm(session, f): SessionForm<NewForm>,
) -> Response {
    let result = async {
        let stay = NewStay {
            personnummer: PersonNumber::parse(&f.personnummer)?,
            ward_unit: f.ward_unit,
            municipality_unit: f.municipality_unit,
            primary_unit: f.primary_unit,
            psychiatric: checked(&f.psychiatric),
            needs_sip: checked(&f.needs_sip),
            admitted_at: local("admitted_at", &f.admitted_at)?,
            notice_at: discharge::now_local(),
            expected_discharge: None,
            consent: f.consent,
        };
        Ok::<_, WebError>(state.store.admit(&session.principal, stay).await?)
    }
    .await;
    match result {
        Ok(id) => Redirect::to(&format!("/utskrivning/{id}")).into_response(),
        Err(e) => back_with_error("/utskrivning/ny", e),
    }
}

struct MessageRow {
    id: i64,
    label: &'static str,
    from: String,
    to: String,
    at: String,
    body: String,
    acknowledged: bool,
    can_acknowledge: bool,
    /// Units of the same kind a misrouted admission notice can be forwarded to.
    forward_to: Vec<(String, String)>,
    /// The receiver may send this admission notice back to the ward.
    can_return: bool,
    /// For the ward: a returned notice to send on, and the units it can go to.
    readdress_to: Vec<(String, String)>,
    /// "SIP-möte … , plats …" for a kallelse.
    meeting: Option<String>,
    escalated_hours: Option<i64>,
}

#[derive(Template)]
#[template(path = "stay.html")]
struct ShowPage {
    layout: Option<Layout>,
    csrf: String,
    error: Option<String>,
    s: StayView,
    messages: Vec<MessageRow>,
    is_ward: bool,
    is_primary: bool,
    ready_open: bool,
    discharged: bool,
    liability: Vec<(String, String, String)>,
    liability_total: String,
    liability_notes: Vec<String>,
    now: String,
    duties: samsyn_store::discharge::StayDuties,
}

pub async fn show(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Path(id): Path<i64>,
    Query(m): Query<Message>,
) -> Result<Html<String>, PageError> {
    let p = &session.principal;
    let s = state.store.stay(p, id).await?;
    let rules = state.store.liability_rules_for_stay(id).await?;
    let l = state.store.stay_liability(p, id, &rules).await?;
    let last_ready = s
        .messages
        .iter()
        .rev()
        .find(|m| m.kind == kind::READY || m.kind == kind::WITHDRAWN)
        .map(|m| m.kind.clone());
    let units = state.store.units().await?;
    let same_kind = |code: &str| -> Vec<(String, String)> {
        let kind = units
            .iter()
            .find(|u| u.code == code)
            .map(|u| u.kind.clone())
            .unwrap_or_default();
        units
            .iter()
            .filter(|u| u.kind == kind && u.code != code)
            .map(|u| (u.code.clone(), u.name.clone()))
            .collect()
    };
    let messages = s
        .messages
        .iter()
        .map(|m| MessageRow {
            forward_to: match (&m.to_unit, m.acknowledged, m.kind.as_str()) {
                (Some(to), false, kind::ADMISSION) if policy::acts_for_unit(p, to) => same_kind(to),
                _ => Vec::new(),
            },
            can_return: !m.acknowledged
                && m.kind == kind::ADMISSION
                && m.to_unit
                    .as_deref()
                    .is_some_and(|u| policy::acts_for_unit(p, u)),
            readdress_to: if !m.acknowledged
                && m.kind == kind::RETURNED
                && policy::acts_for_unit(p, &s.ward_unit)
            {
                same_kind(&m.from_unit)
            } else {
                Vec::new()
            },
            meeting: m.meeting_at.as_ref().map(|at| {
                format!(
                    "SIP-möte {at}, {}",
                    m.meeting_place.as_deref().unwrap_or("")
                )
            }),
            escalated_hours: m.escalated_hours,
            id: m.id,
            label: kind::label(&m.kind),
            from: m.from_unit.clone(),
            to: m.to_unit.clone().unwrap_or_default(),
            at: m.at.clone(),
            body: m.body.clone(),
            acknowledged: m.acknowledged,
            can_acknowledge: !m.acknowledged
                && m.to_unit
                    .as_deref()
                    .is_some_and(|u| policy::acts_for_unit(p, u)),
        })
        .collect();
    let page = ShowPage {
        layout: Some(Layout::new(&session, "utskrivning")),
        csrf: session.csrf_token.clone(),
        error: (!m.fel.is_empty()).then_some(m.fel),
        is_ward: policy::acts_for_unit(p, &s.ward_unit),
        is_primary: policy::acts_for_unit(p, &s.primary_unit),
        ready_open: last_ready.as_deref() == Some(kind::READY),
        discharged: s.messages.iter().any(|m| m.kind == kind::DISCHARGED),
        liability: l
            .days
            .iter()
            .map(|d| {
                (
                    samsyn_domain::time_fmt::date_text(d.date),
                    d.amount.map(format_kronor).unwrap_or_default(),
                    d.reason.clone(),
                )
            })
            .collect(),
        liability_total: format_kronor(l.total()),
        liability_notes: l.notes,
        now: discharge::format_local(discharge::now_local()),
        duties: state
            .store
            .stay_duties(id, discharge::now_local().date())
            .await?,
        messages,
        s,
    };
    Ok(Html(page.render().map_err(WebError::from)?))
}

pub async fn acknowledge(
    State(state): State<AppState>,
    Path((id, message)): Path<(i64, i64)>,
    SessionForm(session, _f): SessionForm<Empty>,
) -> Response {
    let back = format!("/utskrivning/{id}");
    match state.store.acknowledge(&session.principal, message).await {
        Ok(()) => Redirect::to(&back).into_response(),
        Err(e) => back_with_error(&back, e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Empty {}

#[derive(Deserialize)]
pub struct ReturnForm {
    reason: String,
}

/// The receiver sends a misrouted admission notice back to the ward.
pub async fn return_message(
    State(state): State<AppState>,
    Path((id, message)): Path<(i64, i64)>,
    SessionForm(session, f): SessionForm<ReturnForm>,
) -> Response {
    match state
        .store
        .return_message(&session.principal, message, &f.reason)
        .await
    {
        Ok(()) => Redirect::to(&format!("/utskrivning/{id}")).into_response(),
        Err(e) => back_with_error(&format!("/utskrivning/{id}"), e.into()),
    }
}

#[derive(Deserialize)]
pub struct ReaddressForm {
    to_unit: String,
}

/// The ward sends a returned admission notice to the right unit.
pub async fn readdress(
    State(state): State<AppState>,
    Path((id, message)): Path<(i64, i64)>,
    SessionForm(session, f): SessionForm<ReaddressForm>,
) -> Response {
    match state
        .store
        .readdress(&session.principal, id, message, f.to_unit.trim())
        .await
    {
        Ok(()) => Redirect::to(&format!("/utskrivning/{id}")).into_response(),
        Err(e) => back_with_error(&format!("/utskrivning/{id}"), e.into()),
    }
}

#[derive(Deserialize)]
pub struct ForwardForm {
    to_unit: String,
}

pub async fn forward(
    State(state): State<AppState>,
    Path((id, message)): Path<(i64, i64)>,
    SessionForm(session, f): SessionForm<ForwardForm>,
) -> Response {
    match state
        .store
        .forward(&session.principal, message, f.to_unit.trim())
        .await
    {
        // the forwarder no longer has the stay: back to the list
        Ok(()) => Redirect::to("/utskrivning").into_response(),
        Err(e) => back_with_error(&format!("/utskrivning/{id}"), e.into()),
    }
}

#[derive(Deserialize)]
pub struct StepForm {
    step: String,
    at: String,
    #[serde(default)]
    text: String,
    /// For a kallelse: the SIP meeting's time and place (or video link).
    #[serde(default)]
    meeting_at: String,
    #[serde(default)]
    meeting_place: String,
}

pub async fn step(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    SessionForm(session, f): SessionForm<StepForm>,
) -> Response {
    let back = format!("/utskrivning/{id}");
    let result = async {
        let at = local("at", &f.at)?;
        let sip = if f.step.trim() == kind::SIP_CALL {
            Some(discharge::SipMeeting {
                at: local("meeting_at", &f.meeting_at)?,
                place: f.meeting_place.clone(),
            })
        } else {
            None
        };
        Ok::<_, WebError>(
            state
                .store
                .discharge_step_with(&session.principal, id, f.step.trim(), at, &f.text, sip)
                .await?,
        )
    }
    .await;
    match result {
        Ok(()) => Redirect::to(&back).into_response(),
        Err(e) => back_with_error(&back, e),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StatementQuery {
    kommun: String,
    manad: String,
}

struct StatementRow {
    stay: String,
    days: Vec<(String, String, String)>,
    amount: String,
}

#[derive(Template)]
#[template(path = "stay_statement.html")]
struct StatementPage {
    layout: Option<Layout>,
    municipalities: Vec<(String, String)>,
    municipality: String,
    month: String,
    rows: Vec<StatementRow>,
    total: String,
    rules_version: i64,
}

/// The municipalities whose statement the principal may read: every one for analysts,
/// administrators and the MAS's own; a home-care nurse's own municipality.
async fn statement_municipalities(
    state: &AppState,
    session: &Session,
) -> Result<Vec<(String, String)>, WebError> {
    let p = &session.principal;
    let all = policy::can_view_statistics(p) && !p.roles().contains(&Role::Mas);
    let own_units = staff_units(session);
    let units = state.store.units().await?;
    let own_parties: Vec<String> = units
        .iter()
        .filter(|u| own_units.contains(&u.code) && u.kind == UnitKind::Hemsjukvard.as_str())
        .map(|u| u.party.clone())
        .chain(
            p.assignments
                .iter()
                .filter(|a| a.role == Role::Mas)
                .filter_map(|a| a.party.as_ref().map(|c| c.to_string())),
        )
        .collect();
    Ok(state
        .store
        .parties()
        .await?
        .into_iter()
        .filter(|party| party.kind == "kommun" && (all || own_parties.contains(&party.code)))
        .map(|party| (party.code, party.name))
        .collect())
}

/// A statement line per liable day: (stay, date, öre, reason).
type DayLine = (String, String, i64, String);

/// The statement's choices and lines: municipalities, the chosen one, the month, the
/// lines per stay, one line per day, and the total in öre.
async fn statement_data(
    state: &AppState,
    session: &Session,
    q: &StatementQuery,
) -> Result<
    (
        Vec<(String, String)>,
        String,
        String,
        Vec<StatementRow>,
        Vec<DayLine>,
        i64,
    ),
    WebError,
> {
    let municipalities = statement_municipalities(state, session).await?;
    if municipalities.is_empty() {
        return Err(WebError::Forbidden(
            "Månadsunderlaget är till för kommunens hemsjukvård, MAS och analytiker.".into(),
        ));
    }
    let municipality = if municipalities.iter().any(|(c, _)| *c == q.kommun) {
        q.kommun.clone()
    } else {
        municipalities[0].0.clone()
    };
    let today = time::OffsetDateTime::now_utc().date();
    let month = if q.manad.is_empty() {
        format!("{:04}-{:02}", today.year(), today.month() as u8)
    } else {
        q.manad.clone()
    };
    let (year, mon) = month
        .split_once('-')
        .and_then(|(y, m)| {
            Some((
                y.parse::<i32>().ok()?,
                time::Month::try_from(m.parse::<u8>().ok()?).ok()?,
            ))
        })
        .ok_or_else(|| WebError::Invalid {
            field: "manad".into(),
            message: "månaden skrivs ÅÅÅÅ-MM".into(),
        })?;
    let stays = state
        .store
        .municipality_liabilities_in_force(&municipality)
        .await?;
    let (lines, total) = samsyn_domain::discharge::monthly_statement(&stays, year, mon);
    let flat: Vec<(String, String, i64, String)> = lines
        .iter()
        .flat_map(|l| {
            l.days.iter().map(|d| {
                (
                    l.stay.to_owned(),
                    samsyn_domain::time_fmt::date_text(d.date),
                    d.amount.unwrap_or(0),
                    d.reason.clone(),
                )
            })
        })
        .collect();
    let rows = lines
        .iter()
        .map(|l| StatementRow {
            stay: l.stay.to_owned(),
            days: l
                .days
                .iter()
                .map(|d| {
                    (
                        samsyn_domain::time_fmt::date_text(d.date),
                        d.amount.map(format_kronor).unwrap_or_default(),
                        d.reason.clone(),
                    )
                })
                .collect(),
            amount: format_kronor(l.amount),
        })
        .collect();
    Ok((municipalities, municipality, month, rows, flat, total))
}

pub async fn statement(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Query(q): Query<StatementQuery>,
) -> Result<Html<String>, PageError> {
    let (municipalities, municipality, month, rows, _, total) =
        statement_data(&state, &session, &q).await?;
    let page = StatementPage {
        layout: Some(Layout::new(&session, "utskrivning")),
        municipalities,
        municipality,
        month,
        rows,
        total: format_kronor(total),
        rules_version: state
            .store
            .liability_rules_on(discharge::now_local().date())
            .await?
            .version,
    };
    Ok(Html(page.render().map_err(WebError::from)?))
}

/// The statement as CSV: one line per liable day.
async fn statement_csv_text(
    state: &AppState,
    session: &Session,
    q: &StatementQuery,
) -> Result<(String, String), WebError> {
    let (_, municipality, month, _, flat, _) = statement_data(state, session, q).await?;
    let mut w = csv::Writer::from_writer(Vec::new());
    let io = |e: csv::Error| WebError::Internal(e.to_string());
    w.write_record(["vardtillfalle", "datum", "belopp_kr", "skal"])
        .map_err(io)?;
    for (stay, date, ore, reason) in flat {
        let kronor = format!("{}.{:02}", ore / 100, ore % 100);
        w.write_record([
            stay.as_str(),
            date.as_str(),
            kronor.as_str(),
            reason.as_str(),
        ])
        .map_err(io)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| WebError::Internal(e.to_string()))?;
    Ok((
        format!("betalningsansvar-{municipality}-{month}"),
        String::from_utf8_lossy(&bytes).into_owned(),
    ))
}

pub async fn statement_csv(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Query(q): Query<StatementQuery>,
) -> Result<Response, PageError> {
    let (name, csv) = statement_csv_text(&state, &session, &q).await?;
    Ok(crate::pages::stats::csv_response(
        &format!("{name}.csv"),
        csv,
    ))
}

pub async fn statement_xlsx(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Query(q): Query<StatementQuery>,
) -> Result<Response, PageError> {
    let (name, csv) = statement_csv_text(&state, &session, &q).await?;
    crate::pages::stats::xlsx_response(&format!("{name}.xlsx"), "Betalningsansvar", &csv)
}

struct RuleRow {
    version: i64,
    valid_from: String,
    somatic: String,
    psychiatric: String,
    cutoff: String,
    rates: String,
}

#[derive(Template)]
#[template(path = "liability_rules.html")]
struct RulesPage {
    layout: Option<Layout>,
    csrf: String,
    error: Option<String>,
    rows: Vec<RuleRow>,
    is_admin: bool,
}

fn rule_row(
    version: i64,
    valid_from: String,
    r: &samsyn_domain::discharge::LiabilityRules,
) -> RuleRow {
    let period = |p: samsyn_domain::discharge::FreePeriod| format!("{} {}", p.days, p.kind.label());
    RuleRow {
        version,
        valid_from,
        somatic: period(r.somatic),
        psychiatric: period(r.psychiatric),
        cutoff: format!("kl. {:02}.00", r.cutoff_hour),
        rates: r
            .daily_rates
            .iter()
            .map(|(y, ore)| format!("{y}: {}", format_kronor(*ore)))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// The agreement's payment-liability rules, version by version; administrators add one.
pub async fn rules(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Query(m): Query<Message>,
) -> Result<Html<String>, PageError> {
    let mut rows = vec![rule_row(
        1,
        "(från början)".into(),
        &discharge::default_rules(),
    )];
    for v in state.store.liability_rule_versions().await? {
        rows.push(rule_row(v.rules.version, v.valid_from.clone(), &v.rules));
    }
    let page = RulesPage {
        layout: Some(Layout::new(&session, "utskrivning")),
        csrf: session.csrf_token.clone(),
        error: (!m.fel.is_empty()).then_some(m.fel),
        rows,
        is_admin: session.principal.has_role(samsyn_domain::Role::Admin),
    };
    Ok(Html(page.render().map_err(WebError::from)?))
}

#[derive(Deserialize)]
pub struct RulesForm {
    valid_from: String,
    somatic_kind: String,
    somatic_days: String,
    psychiatric_kind: String,
    psychiatric_days: String,
    cutoff_hour: String,
    daily_rates: String,
}

fn day_kind(field: &'static str, v: &str) -> Result<samsyn_domain::discharge::DayKind, WebError> {
    match v {
        "kalenderdagar" => Ok(samsyn_domain::discharge::DayKind::Calendar),
        "vardagar" => Ok(samsyn_domain::discharge::DayKind::Working),
        other => Err(WebError::Invalid {
            field: field.into(),
            message: format!("«{other}»: kalenderdagar eller vardagar"),
        }),
    }
}

fn whole(field: &'static str, v: &str) -> Result<u32, WebError> {
    v.trim().parse().map_err(|_| WebError::Invalid {
        field: field.into(),
        message: format!("«{v}» är inget heltal"),
    })
}

/// "2026 9680,00" per line: the year and the daily rate in kronor.
fn rates(text: &str) -> Result<Vec<(i32, i64)>, WebError> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .enumerate()
        .map(|(i, l)| {
            let bad = || WebError::Invalid {
                field: "daily_rates".into(),
                message: format!(
                    "rad {}: skriv år och belopp i kronor, till exempel 2026 9680,00",
                    i + 1
                ),
            };
            let (y, kr) = l.split_once(char::is_whitespace).ok_or_else(bad)?;
            let year: i32 = y.parse().map_err(|_| bad())?;
            let kr = kr.trim().replace(['\u{a0}', ' '], "").replace(',', ".");
            let amount: f64 = kr.trim_end_matches("kr").parse().map_err(|_| bad())?;
            Ok((year, (amount * 100.0).round() as i64))
        })
        .collect()
}

pub async fn add_rules(
    State(state): State<AppState>,
    SessionForm(session, f): SessionForm<RulesForm>,
) -> Response {
    let r = async {
        let valid_from =
            samsyn_domain::governance::parse_meeting_date("valid_from", &f.valid_from)?;
        let rules = samsyn_domain::discharge::LiabilityRules {
            version: 0,
            somatic: samsyn_domain::discharge::FreePeriod {
                kind: day_kind("somatic_kind", &f.somatic_kind)?,
                days: whole("somatic_days", &f.somatic_days)?,
            },
            psychiatric: samsyn_domain::discharge::FreePeriod {
                kind: day_kind("psychiatric_kind", &f.psychiatric_kind)?,
                days: whole("psychiatric_days", &f.psychiatric_days)?,
            },
            cutoff_hour: u8::try_from(whole("cutoff_hour", &f.cutoff_hour)?).unwrap_or(u8::MAX),
            daily_rates: rates(&f.daily_rates)?,
        };
        state
            .store
            .add_liability_rules(&session.principal, valid_from, rules)
            .await?;
        Ok::<_, WebError>(())
    }
    .await;
    match r {
        Ok(()) => Redirect::to("/utskrivning/regler").into_response(),
        Err(e) => back_with_error("/utskrivning/regler", e),
    }
}
