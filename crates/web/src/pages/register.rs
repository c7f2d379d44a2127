//! Beslutsregistret: search across every body's minutes, a meeting's protocol, and the
//! import of earlier minutes (upload, progress, review, save).

use crate::AppState;
use crate::auth::PageSession;
use crate::error::{PageError, WebError};
use crate::forms::SessionForm;
use crate::pages::Layout;
use askama::Template;
use axum::Json;
use axum::extract::{Multipart, Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use samsyn_domain::policy;
use samsyn_domain::protocol::{Attendee, DocumentKind, Item, ItemKind, Presence, Protocol};
use samsyn_store::register::drafts::{Draft, DraftState, MeetingSummary};
use samsyn_store::register::search::{self, Hit};
use samsyn_store::register::{BodyRef, ImportOutcome, StoredMeeting};
use samsyn_store::sessions::Session;
use serde::{Deserialize, Serialize};

/// At most this many files in one upload, and this many bytes in all.
pub const MAX_FILES: usize = 200;
pub const UPLOAD_LIMIT: usize = 64 * 1024 * 1024;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SearchParams {
    q: String,
    organ: String,
    fran: String,
    till: String,
    typ: String,
}

#[derive(Template)]
#[template(path = "register.html")]
struct SearchPage {
    layout: Option<Layout>,
    p: SearchParams,
    bodies: Vec<(String, String)>,
    searched: bool,
    total: usize,
    hits: Vec<Hit>,
    recent: Vec<MeetingSummary>,
    can_import: bool,
    error: Option<String>,
}

fn valid_date(s: &str) -> bool {
    s.is_empty() || samsyn_domain::time_fmt::parse_date(s).is_some()
}

pub async fn search(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Query(p): Query<SearchParams>,
) -> Result<Html<String>, PageError> {
    let mut error = None;
    let (mut total, mut hits) = (0, Vec::new());
    let searched = !p.q.trim().is_empty();
    if !valid_date(&p.fran) || !valid_date(&p.till) {
        error = Some("Datum skrivs ÅÅÅÅ-MM-DD (fälten Från och Till).".to_owned());
    } else if searched {
        let r = state
            .store
            .search(&search::Query {
                text: p.q.clone(),
                body: Some(p.organ.clone()),
                from: Some(p.fran.clone()),
                to: Some(p.till.clone()),
                kind: Some(p.typ.clone()),
                limit: 50,
            })
            .await?;
        total = r.total;
        hits = r.hits;
    }
    let recent = if searched {
        Vec::new()
    } else {
        state.store.recent_meetings(20).await?
    };
    let page = SearchPage {
        layout: Some(Layout::new(&session, "beslut")),
        bodies: body_options(&state).await?,
        p,
        searched,
        total,
        hits,
        recent,
        can_import: policy::can_import_protocols(&session.principal),
        error,
    };
    Ok(Html(page.render().map_err(WebError::from)?))
}

async fn body_options(state: &AppState) -> Result<Vec<(String, String)>, WebError> {
    Ok(state
        .store
        .bodies()
        .await?
        .into_iter()
        .map(|b| (b.code, b.name))
        .collect())
}

#[derive(Template)]
#[template(path = "meeting.html")]
struct MeetingPage {
    layout: Option<Layout>,
    m: StoredMeeting,
    present: usize,
}

pub async fn meeting(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Path(id): Path<i64>,
    Query(msg): Query<super::meetings::Message>,
) -> Result<Html<String>, PageError> {
    if state.store.written_in_samsyn(id).await? {
        let g = state
            .store
            .governed_meeting(id, time::OffsetDateTime::now_utc().date())
            .await?
            .ok_or_else(|| WebError::NotFound("mötet".into()))?;
        return super::meetings::show(&state, &session, g, msg).await;
    }
    let m = state
        .store
        .meeting(id)
        .await?
        .ok_or_else(|| WebError::NotFound("mötet".into()))?;
    let present = m.attendees.iter().filter(|a| a.status == "present").count();
    let page = MeetingPage {
        layout: Some(Layout::new(&session, "beslut")),
        m,
        present,
    };
    Ok(Html(page.render().map_err(WebError::from)?))
}

pub async fn original(
    State(state): State<AppState>,
    PageSession(_session): PageSession,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let (name, bytes) = state
        .store
        .protocol_file(id)
        .await?
        .ok_or_else(|| WebError::NotFound("originalfilen".into()))?;
    // Everything but a PDF is served as text: an archived HTML file is not run in
    // samsyn's origin.
    let kind = if name.to_lowercase().ends_with(".pdf") {
        "application/pdf"
    } else {
        "text/plain; charset=utf-8"
    };
    Ok(crate::api::download(&name, kind, bytes))
}

fn require_import(session: &Session) -> Result<(), WebError> {
    if policy::can_import_protocols(&session.principal) {
        Ok(())
    } else {
        Err(WebError::Forbidden(
            "Import av protokoll görs av sekreterare och administratörer.".into(),
        ))
    }
}

#[derive(Template)]
#[template(path = "import_upload.html")]
struct UploadPage {
    layout: Option<Layout>,
    csrf: String,
    error: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ErrorParam {
    fel: String,
}

pub async fn upload_form(
    PageSession(session): PageSession,
    Query(q): Query<ErrorParam>,
) -> Result<Html<String>, PageError> {
    require_import(&session)?;
    let page = UploadPage {
        layout: Some(Layout::new(&session, "beslut")),
        csrf: session.csrf_token.clone(),
        error: (!q.fel.is_empty()).then_some(q.fel),
    };
    Ok(Html(page.render().map_err(WebError::from)?))
}

pub async fn upload(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    mut multipart: Multipart,
) -> Response {
    let result = async {
        require_import(&session)?;
        let mut csrf = String::new();
        let mut files = Vec::new();
        while let Some(field) = multipart
            .next_field()
            .await
            .map_err(|e| WebError::BadRequest(e.body_text()))?
        {
            match field.name() {
                Some("_csrf") => {
                    csrf = field
                        .text()
                        .await
                        .map_err(|e| WebError::BadRequest(e.body_text()))?
                }
                Some("filer") => {
                    let name = field.file_name().unwrap_or("").to_owned();
                    let bytes = field
                        .bytes()
                        .await
                        .map_err(|e| WebError::BadRequest(e.body_text()))?;
                    if !name.is_empty() || !bytes.is_empty() {
                        files.push((
                            if name.is_empty() {
                                "namnlös fil".to_owned()
                            } else {
                                name
                            },
                            bytes.to_vec(),
                        ));
                    }
                }
                _ => {}
            }
        }
        crate::auth::check_form_csrf(&session, &csrf)?;
        if files.is_empty() {
            return Err(WebError::Invalid {
                field: "filer".into(),
                message: "välj minst en fil".into(),
            });
        }
        if files.len() > MAX_FILES {
            return Err(WebError::Invalid {
                field: "filer".into(),
                message: format!("högst {MAX_FILES} filer åt gången"),
            });
        }
        let batch = samsyn_domain::token::generate("imp");
        let user = session.principal.username.to_string();
        state.store.create_drafts(&batch, &files, &user).await?;
        // Reading runs beside the request; the batch page shows its progress.
        let store = state.store.clone();
        let b = batch.clone();
        tokio::spawn(async move {
            if let Err(e) = store.read_drafts(&b).await {
                tracing::error!(error = %e, "protocol drafts could not be read");
            }
        });
        Ok::<_, WebError>(batch)
    }
    .await;
    match result {
        Ok(batch) => Redirect::to(&format!("/beslut/import/{batch}")).into_response(),
        Err(e) => crate::forms::back_with_error("/beslut/import", e),
    }
}

struct DraftRow {
    id: i64,
    file_name: String,
    state: DraftState,
    error: Option<String>,
    meeting_id: Option<i64>,
    summary: String,
    warnings: usize,
}

#[derive(Template)]
#[template(path = "import_batch.html")]
struct BatchPage {
    layout: Option<Layout>,
    batch: String,
    rows: Vec<DraftRow>,
    read: usize,
    total: usize,
    message: Option<String>,
}

fn summary(p: &Protocol) -> String {
    format!(
        "{} {} {} – {} ärenden, {} beslut",
        p.document_kind.label(),
        p.body.as_deref().unwrap_or("(organ okänt)"),
        p.date,
        p.items.len(),
        p.items.iter().map(|i| i.decisions.len()).sum::<usize>()
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct BatchParams {
    sparad: String,
}

pub async fn batch(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Path(batch): Path<String>,
    Query(q): Query<BatchParams>,
) -> Result<Html<String>, PageError> {
    require_import(&session)?;
    let drafts = state
        .store
        .drafts(&batch, session.principal.username.as_str())
        .await?;
    if drafts.is_empty() {
        return Err(WebError::NotFound("importen".into()).into());
    }
    let read = drafts.iter().filter(|d| d.state.is_read()).count();
    let total = drafts.len();
    let rows = drafts
        .into_iter()
        .map(|d: Draft| DraftRow {
            summary: d.protocol.as_ref().map(summary).unwrap_or_default(),
            warnings: d.protocol.as_ref().map(|p| p.warnings.len()).unwrap_or(0),
            id: d.id,
            file_name: d.file_name,
            state: d.state,
            error: d.error,
            meeting_id: d.meeting_id,
        })
        .collect();
    let page = BatchPage {
        layout: Some(Layout::new(&session, "beslut")),
        batch,
        rows,
        read,
        total,
        message: (!q.sparad.is_empty()).then_some(q.sparad),
    };
    Ok(Html(page.render().map_err(WebError::from)?))
}

#[derive(Serialize)]
pub struct Progress {
    read: usize,
    total: usize,
    done: bool,
}

pub async fn progress(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Path(batch): Path<String>,
) -> Result<Json<Progress>, PageError> {
    require_import(&session)?;
    let drafts = state
        .store
        .drafts(&batch, session.principal.username.as_str())
        .await?;
    let read = drafts.iter().filter(|d| d.state.is_read()).count();
    Ok(Json(Progress {
        read,
        total: drafts.len(),
        done: read == drafts.len(),
    }))
}

/// The review form's values, from what was read or from what the secretary sent.
#[derive(Default)]
struct ReviewForm {
    body_code: String,
    body_name: String,
    kind: String,
    date: String,
    start_time: String,
    end_time: String,
    place: String,
    chair: String,
    secretaries: String,
    adjusters: String,
    adjusted_on: String,
    attendees: String,
    items: Vec<ItemForm>,
}

#[derive(Default)]
struct ItemForm {
    number: String,
    title: String,
    kind: String,
    presenters: String,
    decisions: String,
    text: String,
}

impl ReviewForm {
    fn from_protocol(p: &Protocol, body: &BodyRef) -> ReviewForm {
        ReviewForm {
            body_code: body.code.clone().unwrap_or_default(),
            body_name: p.body.clone().unwrap_or_default(),
            kind: p.document_kind.as_str().to_owned(),
            date: p.date.clone(),
            start_time: p.start_time.clone().unwrap_or_default(),
            end_time: p.end_time.clone().unwrap_or_default(),
            place: p.place.clone().unwrap_or_default(),
            chair: p.chair.clone().unwrap_or_default(),
            secretaries: p.secretaries.join("\n"),
            adjusters: p.adjusters.join("\n"),
            adjusted_on: p.adjusted_on.clone().unwrap_or_default(),
            attendees: p
                .attendees
                .iter()
                .map(|a| {
                    format!(
                        "{}; {}; {}; {}",
                        a.name,
                        a.organization.as_deref().unwrap_or(""),
                        a.role.as_deref().unwrap_or(""),
                        if a.status == Presence::Present {
                            "närvarande"
                        } else {
                            "frånvarande"
                        }
                    )
                })
                .collect::<Vec<_>>()
                .join("\n"),
            items: p
                .items
                .iter()
                .map(|i| ItemForm {
                    number: i.number.clone(),
                    title: i.title.clone(),
                    kind: i.kind.map(|k| k.as_str().to_owned()).unwrap_or_default(),
                    presenters: i.presenters.join(", "),
                    decisions: i.decisions.join("\n"),
                    text: i.text.clone(),
                })
                .collect(),
        }
    }

    fn from_fields(fields: &[(String, String)]) -> ReviewForm {
        let get = |k: &str| {
            fields
                .iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| v.replace("\r\n", "\n"))
                .unwrap_or_default()
        };
        let count: usize = get("item_count").parse().unwrap_or(0).min(500);
        ReviewForm {
            body_code: get("body_code"),
            body_name: get("body_name"),
            kind: get("kind"),
            date: get("date"),
            start_time: get("start_time"),
            end_time: get("end_time"),
            place: get("place"),
            chair: get("chair"),
            secretaries: get("secretaries"),
            adjusters: get("adjusters"),
            adjusted_on: get("adjusted_on"),
            attendees: get("attendees"),
            items: (0..count)
                .map(|i| ItemForm {
                    number: get(&format!("item{i}_number")),
                    title: get(&format!("item{i}_title")),
                    kind: get(&format!("item{i}_kind")),
                    presenters: get(&format!("item{i}_presenters")),
                    decisions: get(&format!("item{i}_decisions")),
                    text: get(&format!("item{i}_text")),
                })
                .collect(),
        }
    }

    /// The protocol the form describes, or the first field that is wrong.
    fn to_protocol(&self, warnings: Vec<String>) -> Result<Protocol, WebError> {
        let invalid = |field: &str, message: &str| WebError::Invalid {
            field: field.into(),
            message: message.into(),
        };
        let opt = |s: &str| {
            let t = s.trim();
            (!t.is_empty()).then(|| t.to_owned())
        };
        let lines = |s: &str| {
            s.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect::<Vec<_>>()
        };
        if samsyn_domain::time_fmt::parse_date(self.date.trim()).is_none() {
            return Err(invalid("date", "mötesdatum skrivs ÅÅÅÅ-MM-DD"));
        }
        if !self.adjusted_on.trim().is_empty()
            && samsyn_domain::time_fmt::parse_date(self.adjusted_on.trim()).is_none()
        {
            return Err(invalid("adjusted_on", "justeringsdatum skrivs ÅÅÅÅ-MM-DD"));
        }
        for (field, t) in [
            ("start_time", &self.start_time),
            ("end_time", &self.end_time),
        ] {
            let t = t.trim();
            let ok = t.is_empty()
                || (t.len() == 5
                    && t.as_bytes()[2] == b':'
                    && t[..2].parse::<u8>().is_ok_and(|h| h < 24)
                    && t[3..].parse::<u8>().is_ok_and(|m| m < 60));
            if !ok {
                return Err(invalid(field, "tid skrivs TT:MM"));
            }
        }
        let kind = DocumentKind::parse(&self.kind)
            .ok_or_else(|| invalid("kind", "välj protokoll eller minnesanteckningar"))?;
        let mut attendees = Vec::new();
        for (n, line) in lines(&self.attendees).iter().enumerate() {
            let parts: Vec<&str> = line.split(';').map(str::trim).collect();
            let name = parts.first().copied().unwrap_or("");
            if name.is_empty() {
                return Err(invalid("attendees", &format!("rad {}: namn saknas", n + 1)));
            }
            let status = match parts.get(3).map(|s| s.to_lowercase()) {
                Some(s) if s.starts_with("från") || s.starts_with("fran") || s == "absent" => {
                    Presence::Absent
                }
                _ => Presence::Present,
            };
            attendees.push(Attendee {
                name: name.to_owned(),
                organization: parts.get(1).and_then(|s| opt(s)),
                role: parts.get(2).and_then(|s| opt(s)),
                status,
            });
        }
        let mut items = Vec::new();
        for (i, f) in self.items.iter().enumerate() {
            if f.title.trim().is_empty() {
                return Err(invalid(
                    &format!("item{i}_title"),
                    &format!("ärende {}: rubrik saknas", i + 1),
                ));
            }
            let kind = match f.kind.as_str() {
                "" => None,
                k => Some(
                    ItemKind::parse(k)
                        .ok_or_else(|| invalid(&format!("item{i}_kind"), "okänd ärendetyp"))?,
                ),
            };
            items.push(Item {
                number: f.number.trim().to_owned(),
                title: f.title.trim().to_owned(),
                presenters: f
                    .presenters
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect(),
                kind,
                decisions: lines(&f.decisions),
                text: f.text.trim().to_owned(),
            });
        }
        Ok(Protocol {
            body: opt(&self.body_name),
            document_kind: kind,
            date: self.date.trim().to_owned(),
            start_time: opt(&self.start_time),
            end_time: opt(&self.end_time),
            place: opt(&self.place),
            chair: opt(&self.chair),
            secretaries: lines(&self.secretaries),
            adjusters: lines(&self.adjusters),
            adjusted_on: opt(&self.adjusted_on),
            attendees,
            items,
            signatures: Vec::new(),
            warnings,
        })
    }
}

#[derive(Template)]
#[template(path = "import_review.html")]
struct ReviewPage {
    layout: Option<Layout>,
    csrf: String,
    batch: String,
    id: i64,
    file_name: String,
    f: ReviewForm,
    bodies: Vec<(String, String)>,
    warnings: Vec<String>,
    error: Option<String>,
}

const ITEM_KINDS: [(&str, &str); 4] = [
    ("", "Ej angiven"),
    ("beslutsarende", "Beslutsärende"),
    ("informationsarende", "Informationsärende"),
    ("beredningsarende", "Beredningsärende"),
];

impl ReviewPage {
    fn item_kinds(&self) -> &'static [(&'static str, &'static str)] {
        &ITEM_KINDS
    }
}

pub async fn review(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Path((batch, id)): Path<(String, i64)>,
) -> Result<Html<String>, PageError> {
    require_import(&session)?;
    let draft = state
        .store
        .draft(&batch, id, session.principal.username.as_str())
        .await?;
    let Some(p) = draft
        .protocol
        .as_ref()
        .filter(|_| draft.state == DraftState::Ready)
    else {
        return Err(WebError::NotFound("en fil att granska".into()).into());
    };
    let body = state.store.resolve_body(None, p.body.as_deref()).await?;
    let page = ReviewPage {
        layout: Some(Layout::new(&session, "beslut")),
        csrf: session.csrf_token.clone(),
        f: ReviewForm::from_protocol(p, &body),
        warnings: p.warnings.clone(),
        bodies: body_options(&state).await?,
        batch,
        id,
        file_name: draft.file_name,
        error: None,
    };
    Ok(Html(page.render().map_err(WebError::from)?))
}

pub async fn save(
    State(state): State<AppState>,
    Path((batch, id)): Path<(String, i64)>,
    SessionForm(session, fields): SessionForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    require_import(&session)?;
    let user = session.principal.username.to_string();
    let draft = state.store.draft(&batch, id, &user).await?;
    let warnings = draft
        .protocol
        .as_ref()
        .map(|p| p.warnings.clone())
        .unwrap_or_default();
    let f = ReviewForm::from_fields(&fields);
    let result = async {
        let protocol = f.to_protocol(warnings.clone())?;
        let body = if f.body_code.is_empty() {
            BodyRef {
                code: None,
                name: protocol.body.clone(),
            }
        } else {
            state.store.resolve_body(Some(&f.body_code), None).await?
        };
        Ok::<_, WebError>(
            state
                .store
                .save_draft(&batch, id, &user, &protocol, &body)
                .await?,
        )
    }
    .await;
    match result {
        Ok(outcome) => {
            let message = match outcome {
                ImportOutcome::Imported { .. } => {
                    format!("{} är sparad i beslutsregistret.", draft.file_name)
                }
                ImportOutcome::Unchanged { .. } => format!(
                    "{} fanns redan i registret; inget ändrades.",
                    draft.file_name
                ),
                ImportOutcome::Changed { .. } => {
                    format!(
                        "{}: mötet finns redan i registret från en annan fil; inget sparades.",
                        draft.file_name
                    )
                }
            };
            Ok(Redirect::to(&format!(
                "/beslut/import/{batch}?sparad={}",
                crate::pages::url_encode(&message)
            ))
            .into_response())
        }
        Err(e @ (WebError::Invalid { .. } | WebError::Conflict(_))) => {
            let page = ReviewPage {
                layout: Some(Layout::new(&session, "beslut")),
                csrf: session.csrf_token.clone(),
                f,
                warnings,
                bodies: body_options(&state).await?,
                batch,
                id,
                file_name: draft.file_name,
                error: Some(e.to_string()),
            };
            Ok((
                axum::http::StatusCode::UNPROCESSABLE_ENTITY,
                Html(page.render().map_err(WebError::from)?),
            )
                .into_response())
        }
        Err(e) => Err(e.into()),
    }
}
