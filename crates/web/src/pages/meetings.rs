//! A meeting written in samsyn: agenda and underlag, attendance, minutes with
//! decisions and assignments, approval, the fixed protocol (PDF and HTML) and the
//! meeting evaluation. Imported meetings keep the register's read-only page.

use crate::AppState;
use crate::auth::PageSession;
use crate::error::{PageError, WebError};
use crate::forms::{SessionForm, back_with_error, checked};
use crate::pages::Layout;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use samsyn_domain::governance::{
    self, AssignmentStatus, AttendanceStatus, DocumentKind, ItemOutcome, MemberRole,
};
use samsyn_domain::protocol::ItemKind;
use samsyn_domain::{policy, time_fmt};
use samsyn_store::governance::{
    AttendanceEntry, EvaluationSummary, Governed, ItemMinutes, Member, Minutes, NewDocument,
    NewItem,
};
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Message {
    fel: String,
    ok: String,
}

fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}

pub(crate) fn label_of<T: Copy>(
    parse: fn(&str) -> Result<T, samsyn_domain::InvalidValue>,
    label: fn(T) -> &'static str,
    code: &str,
) -> &'static str {
    parse(code).map(label).unwrap_or("")
}

pub fn kind_label(kind: &Option<String>) -> &'static str {
    kind.as_deref()
        .and_then(ItemKind::parse)
        .map(|k| k.label())
        .unwrap_or("")
}

pub fn attendance_label(code: &str) -> &'static str {
    label_of(AttendanceStatus::parse, AttendanceStatus::label, code)
}

pub fn outcome_label(code: &Option<String>) -> &'static str {
    code.as_deref()
        .map(|c| label_of(ItemOutcome::parse, ItemOutcome::label, c))
        .unwrap_or("")
}

pub fn role_label(code: &str) -> &'static str {
    label_of(MemberRole::parse, MemberRole::label, code)
}

#[derive(Template)]
#[template(path = "governed_meeting.html")]
struct MeetingPage {
    layout: Option<Layout>,
    csrf: String,
    error: Option<String>,
    notice: Option<String>,
    m: Governed,
    can_keep: bool,
    locked: bool,
    /// The logged-in user is a signer who has not yet approved.
    may_approve: bool,
    may_evaluate: bool,
    evaluation: Option<EvaluationSummary>,
    evaluation_chart: String,
    kinds: &'static [ItemKind],
    /// Funding allocated by decisions at the meeting's items.
    allocations: Vec<samsyn_store::governance::agreements::AllocationRow>,
    /// Agreements anchored by decisions at the meeting's items: (item, agreement, title).
    anchorings: Vec<(i64, i64, String)>,
}

impl MeetingPage {
    /// The agreements anchored by the decision at an item: (agreement, title).
    fn anchored_at(&self, item: &i64) -> Vec<(i64, String)> {
        self.anchorings
            .iter()
            .filter(|(at, _, _)| at == item)
            .map(|(_, id, title)| (*id, title.clone()))
            .collect()
    }
}

pub async fn show(
    state: &AppState,
    session: &samsyn_store::sessions::Session,
    m: Governed,
    msg: Message,
) -> Result<Html<String>, PageError> {
    let p = &session.principal;
    let body = m.summary.body_code.clone().unwrap_or_default();
    let can_keep = policy::can_keep_minutes(p, &body);
    let member = state
        .store
        .members(&body)
        .await?
        .into_iter()
        .any(|x| x.user_id == Some(p.user_id));
    let may_approve = m.state() == governance::MeetingState::Justering
        && m.signers
            .iter()
            .any(|s| s.user_id == Some(p.user_id) && s.approved_at.is_none());
    let may_evaluate = member && !state.store.has_evaluated(p.user_id, m.summary.id).await?;
    let evaluation = if can_keep {
        Some(state.store.evaluation_summary(m.summary.id).await?)
    } else {
        None
    };
    let evaluation_chart = evaluation
        .as_ref()
        .filter(|e| e.answers > 0)
        .map(|e| {
            crate::charts::columns(
                "utvardering-diagram",
                "Mötesutvärdering",
                "Antal svar per betyg från 1 (dåligt) till 5 (mycket bra)",
                &["1", "2", "3", "4", "5"],
                &e.per_score,
            )
        })
        .unwrap_or_default();
    let allocations = state.store.allocations_at_meeting(m.summary.id).await?;
    let anchorings = state.store.anchorings_at_meeting(m.summary.id).await?;
    let page = MeetingPage {
        allocations,
        anchorings,
        layout: Some(Layout::new(session, "organ")),
        csrf: session.csrf_token.clone(),
        error: (!msg.fel.is_empty()).then_some(msg.fel),
        notice: (!msg.ok.is_empty()).then_some(msg.ok),
        locked: m.locked(),
        can_keep,
        may_approve,
        may_evaluate,
        evaluation,
        evaluation_chart,
        kinds: &ItemKind::ALL,
        m,
    };
    Ok(Html(page.render().map_err(WebError::from)?))
}

async fn governed(state: &AppState, id: i64) -> Result<Governed, WebError> {
    state
        .store
        .governed_meeting(id, today())
        .await?
        .filter(|m| m.summary.origin == "samsyn")
        .ok_or_else(|| WebError::NotFound("mötet".into()))
}

fn back(id: i64, anchor: &str) -> String {
    format!("/moten/{id}{anchor}")
}

fn done(id: i64, anchor: &str, r: Result<(), WebError>) -> Response {
    match r {
        Ok(()) => Redirect::to(&back(id, anchor)).into_response(),
        Err(e) => back_with_error(&back(id, ""), e),
    }
}

fn version(text: &str) -> Result<i64, WebError> {
    text.trim().parse().map_err(|_| {
        WebError::BadRequest("formuläret saknar mötets version; läs in sidan igen".into())
    })
}

#[derive(Deserialize)]
pub struct ItemForm {
    version: String,
    title: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    presenters: String,
    #[serde(default)]
    needs_underlag: Option<String>,
}

pub async fn add_item(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    SessionForm(session, f): SessionForm<ItemForm>,
) -> Response {
    let r = async {
        let item = NewItem {
            title: f.title,
            kind: ItemKind::parse(&f.kind),
            presenters: f.presenters.split(',').map(str::to_owned).collect(),
            needs_underlag: checked(&f.needs_underlag),
        };
        state
            .store
            .add_agenda_item(&session.principal, id, version(&f.version)?, item)
            .await?;
        Ok(())
    }
    .await;
    done(id, "#dagordning", r)
}

pub async fn upload(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Path((id, item)): Path<(i64, i64)>,
    multipart: axum::extract::Multipart,
) -> Response {
    let r = async {
        let (name, kind, bytes, csrf) = crate::api::read_upload(multipart).await?;
        crate::auth::check_form_csrf(&session, &csrf)?;
        state
            .store
            .add_underlag(
                &session.principal,
                id,
                item,
                NewDocument {
                    file_name: name,
                    content_type: kind,
                    bytes,
                },
            )
            .await?;
        Ok(())
    }
    .await;
    done(id, "#dagordning", r)
}

/// A decision's item, wherever it is: its meeting's page at the item.
pub async fn item(
    State(state): State<AppState>,
    PageSession(_s): PageSession,
    Path(item): Path<i64>,
) -> Result<Response, PageError> {
    let meeting = state
        .store
        .meeting_of_item(item)
        .await?
        .ok_or_else(|| WebError::NotFound("punkten".into()))?;
    Ok(Redirect::to(&format!("/moten/{meeting}#punkt-{item}")).into_response())
}

pub async fn document(
    State(state): State<AppState>,
    PageSession(_s): PageSession,
    Path((id, doc)): Path<(i64, i64)>,
) -> Result<Response, PageError> {
    let (name, kind, bytes) = state
        .store
        .underlag(id, doc)
        .await?
        .ok_or_else(|| WebError::NotFound("underlaget".into()))?;
    Ok(crate::api::download(&name, &kind, bytes))
}

#[derive(Template)]
#[template(path = "attendance_form.html")]
struct AttendancePage {
    layout: Option<Layout>,
    csrf: String,
    error: Option<String>,
    m: Governed,
    statuses: &'static [AttendanceStatus],
}

pub async fn attendance_form(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Path(id): Path<i64>,
    Query(msg): Query<Message>,
) -> Result<Html<String>, PageError> {
    let m = governed(&state, id).await?;
    let page = AttendancePage {
        layout: Some(Layout::new(&session, "organ")),
        csrf: session.csrf_token.clone(),
        error: (!msg.fel.is_empty()).then_some(msg.fel),
        m,
        statuses: AttendanceStatus::ALL,
    };
    Ok(Html(page.render().map_err(WebError::from)?))
}

/// Fields named `status_{id}` etc.: one row per attendee, plus `new_*` for one added.
type Fields = Vec<(String, String)>;

fn field<'a>(f: &'a Fields, name: &str) -> &'a str {
    f.iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

fn optional(text: &str) -> Option<String> {
    Some(text.trim().to_owned()).filter(|s| !s.is_empty())
}

pub async fn record_attendance(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    SessionForm(session, f): SessionForm<Fields>,
) -> Response {
    let r = async {
        let mut rows = Vec::new();
        for (k, v) in &f {
            if let Some(row) = k.strip_prefix("status_") {
                let row_id: i64 = row
                    .parse()
                    .map_err(|_| WebError::BadRequest(format!("okänt fält {k}")))?;
                rows.push(AttendanceEntry {
                    id: Some(row_id),
                    name: String::new(),
                    organization: None,
                    role: None,
                    status: AttendanceStatus::parse(v)?,
                    substitute_for: optional(field(&f, &format!("sub_{row_id}"))),
                    note: optional(field(&f, &format!("note_{row_id}"))),
                });
            }
        }
        if let Some(name) = optional(field(&f, "new_name")) {
            rows.push(AttendanceEntry {
                id: None,
                name,
                organization: optional(field(&f, "new_organization")),
                role: optional(field(&f, "new_role")),
                status: AttendanceStatus::parse(field(&f, "new_status"))?,
                substitute_for: optional(field(&f, "new_sub")),
                note: optional(field(&f, "new_note")),
            });
        }
        state
            .store
            .record_attendance(&session.principal, id, version(field(&f, "version"))?, rows)
            .await?;
        Ok(())
    }
    .await;
    match r {
        Ok(()) => Redirect::to(&back(id, "#narvaro")).into_response(),
        Err(e) => back_with_error(&format!("/moten/{id}/narvaro"), e),
    }
}

#[derive(Template)]
#[template(path = "minutes_form.html")]
struct MinutesPage {
    layout: Option<Layout>,
    csrf: String,
    error: Option<String>,
    m: Governed,
    members: Vec<Member>,
    outcomes: &'static [ItemOutcome],
    chair: Option<i64>,
    adjusters: Vec<i64>,
}

impl MinutesPage {
    fn is_chair(&self, member: &i64) -> bool {
        self.chair == Some(*member)
    }
}

pub async fn minutes_form(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Path(id): Path<i64>,
    Query(msg): Query<Message>,
) -> Result<Html<String>, PageError> {
    let m = governed(&state, id).await?;
    let members: Vec<Member> = state
        .store
        .members(m.summary.body_code.as_deref().unwrap_or_default())
        .await?
        .into_iter()
        .filter(|x| x.current_on(&m.summary.date))
        .collect();
    let chair = m
        .signers
        .iter()
        .find(|s| s.role == "ordforande")
        .map(|s| s.member_id)
        .or_else(|| {
            members
                .iter()
                .find(|x| x.role == "ordforande")
                .map(|x| x.id)
        });
    let mut adjusters: Vec<i64> = m
        .signers
        .iter()
        .filter(|s| s.role == "justerare")
        .map(|s| s.member_id)
        .collect();
    if m.signers.is_empty() {
        adjusters = members
            .iter()
            .filter(|x| x.role == "justerare")
            .map(|x| x.id)
            .collect();
    }
    let page = MinutesPage {
        layout: Some(Layout::new(&session, "organ")),
        csrf: session.csrf_token.clone(),
        error: (!msg.fel.is_empty()).then_some(msg.fel),
        m,
        members,
        outcomes: ItemOutcome::ALL,
        chair,
        adjusters,
    };
    Ok(Html(page.render().map_err(WebError::from)?))
}

pub async fn write_minutes(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    SessionForm(session, f): SessionForm<Fields>,
) -> Response {
    let r = async {
        let mut items = Vec::new();
        for (k, v) in &f {
            if let Some(item) = k.strip_prefix("outcome_") {
                let item_id: i64 = item
                    .parse()
                    .map_err(|_| WebError::BadRequest(format!("okänt fält {k}")))?;
                items.push(ItemMinutes {
                    item_id,
                    notes: field(&f, &format!("notes_{item_id}")).to_owned(),
                    decisions: field(&f, &format!("decisions_{item_id}"))
                        .lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(str::to_owned)
                        .collect(),
                    outcome: ItemOutcome::parse(v)?,
                });
            }
        }
        let member = |v: &str, name: &'static str| -> Result<i64, WebError> {
            v.parse().map_err(|_| WebError::Invalid {
                field: name.into(),
                message: format!("«{v}» är ingen ledamot"),
            })
        };
        let chair = optional(field(&f, "chair"))
            .map(|c| member(&c, "chair"))
            .transpose()?;
        let adjusters = f
            .iter()
            .filter(|(k, _)| k == "adjuster")
            .map(|(_, v)| member(v, "adjusters"))
            .collect::<Result<Vec<_>, _>>()?;
        let minutes = Minutes {
            document_kind: DocumentKind::parse(field(&f, "document_kind"))?,
            start_time: optional(field(&f, "start_time")),
            end_time: optional(field(&f, "end_time")),
            items,
            chair,
            adjusters,
        };
        state
            .store
            .write_minutes(
                &session.principal,
                id,
                version(field(&f, "version"))?,
                minutes,
            )
            .await?;
        Ok(())
    }
    .await;
    match r {
        Ok(()) => Redirect::to(&back(id, "#protokoll")).into_response(),
        Err(e) => back_with_error(&format!("/moten/{id}/protokoll"), e),
    }
}

#[derive(Deserialize)]
pub struct AssignmentForm {
    item: String,
    description: String,
    owner: String,
    due_date: String,
    #[serde(default)]
    report_body: String,
}

pub async fn add_assignment(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    SessionForm(session, f): SessionForm<AssignmentForm>,
) -> Response {
    let r = async {
        let item: i64 = f.item.parse().map_err(|_| WebError::Invalid {
            field: "item".into(),
            message: "välj en punkt".into(),
        })?;
        let due = governance::parse_meeting_date("due_date", &f.due_date)?;
        let report = optional(&f.report_body);
        state
            .store
            .add_assignment(
                &session.principal,
                id,
                item,
                &f.description,
                &f.owner,
                due,
                report.as_deref(),
            )
            .await?;
        Ok(())
    }
    .await;
    done(id, "#uppdrag", r)
}

#[derive(Deserialize)]
pub struct VersionForm {
    version: String,
}

pub async fn submit(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    SessionForm(session, f): SessionForm<VersionForm>,
) -> Response {
    let r = async {
        state
            .store
            .submit_for_approval(&session.principal, id, version(&f.version)?)
            .await?;
        Ok(())
    }
    .await;
    done(id, "#justering", r)
}

#[derive(Deserialize)]
pub struct Empty {}

pub async fn approve(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    SessionForm(session, _f): SessionForm<Empty>,
) -> Response {
    match state.store.approve_minutes(&session.principal, id).await {
        Ok(true) => Redirect::to(&format!(
            "/moten/{id}?ok={}",
            crate::pages::url_encode("Protokollet är justerat och låst.")
        ))
        .into_response(),
        Ok(false) => Redirect::to(&format!(
            "/moten/{id}?ok={}",
            crate::pages::url_encode("Din justering är registrerad.")
        ))
        .into_response(),
        Err(e) => back_with_error(&back(id, ""), e.into()),
    }
}

#[derive(Deserialize)]
pub struct ViaForm {
    via: String,
}

pub async fn record_approval(
    State(state): State<AppState>,
    Path((id, member)): Path<(i64, i64)>,
    SessionForm(session, f): SessionForm<ViaForm>,
) -> Response {
    let r = async {
        state
            .store
            .record_approval(&session.principal, id, member, &f.via)
            .await?;
        Ok(())
    }
    .await;
    done(id, "#justering", r)
}

#[derive(Deserialize)]
pub struct EvaluationForm {
    #[serde(default)]
    score: String,
    #[serde(default)]
    comment: String,
}

pub async fn evaluate(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    SessionForm(session, f): SessionForm<EvaluationForm>,
) -> Response {
    let r = async {
        let score: i64 = f.score.parse().map_err(|_| WebError::Invalid {
            field: "score".into(),
            message: "välj ett betyg från 1 till 5".into(),
        })?;
        state
            .store
            .evaluate_meeting(&session.principal, id, score, &f.comment)
            .await?;
        Ok(())
    }
    .await;
    match r {
        Ok(()) => Redirect::to(&format!(
            "/moten/{id}?ok={}#utvardering",
            crate::pages::url_encode("Tack för din utvärdering.")
        ))
        .into_response(),
        Err(e) => back_with_error(&back(id, ""), e),
    }
}

/// The signed protocol's PDF: public, as the protocol is.
pub async fn pdf(
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let s = state
        .store
        .signed_protocol(id)
        .await?
        .ok_or_else(|| WebError::NotFound("det justerade protokollet".into()))?;
    let mut r = crate::api::download(&format!("protokoll-{id}.pdf"), "application/pdf", s.pdf);
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=86400, immutable"),
    );
    Ok(r)
}

/// The signed protocol's text, as hashed.
pub async fn text(
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let s = state
        .store
        .signed_protocol(id)
        .await?
        .ok_or_else(|| WebError::NotFound("det justerade protokollet".into()))?;
    Ok(crate::api::download(
        &format!("protokoll-{id}.txt"),
        "text/plain; charset=utf-8",
        s.text.into_bytes(),
    ))
}

/// One block of the protocol's HTML, read back from the fixed text.
pub enum Block {
    Title(String),
    Heading(String),
    Para(String),
    List(Vec<String>),
}

/// The fixed text as blocks: the title, the body's name, "§" and section headings,
/// "- " points as lists, the rest paragraphs.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if i == 0 {
            out.push(Block::Title(line.to_owned()));
        } else if let Some(p) = line.strip_prefix("- ") {
            match out.last_mut() {
                Some(Block::List(l)) => l.push(p.to_owned()),
                _ => out.push(Block::List(vec![p.to_owned()])),
            }
        } else if i == 1
            || line.starts_with("§ ")
            || ["Närvarande", "Ej närvarande", "Justering"].contains(&line)
        {
            out.push(Block::Heading(line.to_owned()));
        } else if !line.is_empty() {
            out.push(Block::Para(line.to_owned()));
        }
    }
    out
}

#[derive(Template)]
#[template(path = "protocol_print.html")]
struct PrintPage {
    blocks: Vec<Block>,
    id: i64,
    text_sha256: String,
    signed_at: String,
}

/// The signed protocol as a printable HTML page, from the fixed text.
pub async fn html(
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Html<String>, PageError> {
    let s = state
        .store
        .signed_protocol(id)
        .await?
        .ok_or_else(|| WebError::NotFound("det justerade protokollet".into()))?;
    let page = PrintPage {
        blocks: blocks(&s.text),
        id,
        text_sha256: s.text_sha256,
        signed_at: time_fmt::display(&s.signed_at),
    };
    Ok(Html(page.render().map_err(WebError::from)?))
}

#[derive(Template)]
#[template(path = "assignments.html")]
struct AssignmentsPage {
    layout: Option<Layout>,
    csrf: String,
    error: Option<String>,
    rows: Vec<samsyn_store::governance::AssignmentRow>,
    statuses: &'static [AssignmentStatus],
    keeps: Vec<i64>,
}

pub async fn assignments(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Query(msg): Query<Message>,
) -> Result<Html<String>, PageError> {
    let rows = state.store.assignments(today()).await?;
    let keeps = rows
        .iter()
        .filter(|r| {
            [r.body_code.as_deref(), r.report_body_code.as_deref()]
                .into_iter()
                .flatten()
                .any(|b| policy::can_keep_minutes(&session.principal, b))
        })
        .map(|r| r.id)
        .collect();
    let page = AssignmentsPage {
        layout: Some(Layout::new(&session, "uppdrag")),
        csrf: session.csrf_token.clone(),
        error: (!msg.fel.is_empty()).then_some(msg.fel),
        rows,
        statuses: AssignmentStatus::ALL,
        keeps,
    };
    Ok(Html(page.render().map_err(WebError::from)?))
}

#[derive(Deserialize)]
pub struct StatusForm {
    status: String,
    #[serde(default)]
    note: String,
}

pub async fn assignment_status(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    SessionForm(session, f): SessionForm<StatusForm>,
) -> Response {
    let r = async {
        state
            .store
            .set_assignment_status(
                &session.principal,
                id,
                AssignmentStatus::parse(&f.status)?,
                &f.note,
            )
            .await?;
        Ok::<_, WebError>(())
    }
    .await;
    match r {
        Ok(()) => Redirect::to("/uppdrag").into_response(),
        Err(e) => back_with_error("/uppdrag", e),
    }
}
