//! Organ: the collaboration bodies, their members, the year's meeting plan (with
//! iCalendar feeds per body and per member) and their risk registers.

use crate::AppState;
use crate::auth::PageSession;
use crate::error::{PageError, WebError};
use crate::forms::{SessionForm, back_with_error, checked};
use crate::pages::Layout;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use samsyn_domain::governance::{self, DocumentKind, MeetingMode, MemberRole, RiskScore};
use samsyn_domain::org::BodyKind;
use samsyn_domain::{ical, policy, time_fmt};
use samsyn_store::governance::{MeetingSummary, Member, NewMeeting, NewMember, RiskRow};
use samsyn_store::org::Body;
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Params {
    fel: String,
    ar: String,
}

struct BodyRow {
    body: Body,
    kind: &'static str,
    depth: usize,
}

#[derive(Template)]
#[template(path = "bodies.html")]
struct ListPage {
    layout: Option<Layout>,
    rows: Vec<BodyRow>,
}

/// The bodies as a tree: each under its parent, in name order.
fn tree(bodies: Vec<Body>) -> Vec<BodyRow> {
    fn walk(all: &[Body], parent: Option<&str>, depth: usize, out: &mut Vec<BodyRow>) {
        for b in all.iter().filter(|b| b.parent.as_deref() == parent) {
            out.push(BodyRow {
                kind: BodyKind::parse(&b.kind).map(|k| k.label()).unwrap_or(""),
                body: b.clone(),
                depth,
            });
            walk(all, Some(&b.code), depth + 1, out);
        }
    }
    let mut out = Vec::new();
    walk(&bodies, None, 0, &mut out);
    out
}

pub async fn list(
    State(state): State<AppState>,
    PageSession(session): PageSession,
) -> Result<Html<String>, PageError> {
    let page = ListPage {
        layout: Some(Layout::new(&session, "organ")),
        rows: tree(state.store.bodies().await?),
    };
    Ok(Html(page.render().map_err(WebError::from)?))
}

#[derive(Template)]
#[template(path = "body.html")]
struct BodyPage {
    layout: Option<Layout>,
    csrf: String,
    error: Option<String>,
    body: Body,
    kind: &'static str,
    parent: Option<Body>,
    members: Vec<Member>,
    meetings: Vec<MeetingSummary>,
    year: i32,
    risks: Vec<RiskRow>,
    can_keep: bool,
    own_feed: Option<String>,
    roles: &'static [MemberRole],
    modes: &'static [MeetingMode],
    other_bodies: Vec<(String, String)>,
    today: String,
}

fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}

pub async fn show(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Path(code): Path<String>,
    Query(q): Query<Params>,
) -> Result<Html<String>, PageError> {
    let bodies = state.store.bodies().await?;
    let body = bodies
        .iter()
        .find(|b| b.code == code)
        .cloned()
        .ok_or_else(|| WebError::NotFound("organet".into()))?;
    let year = q.ar.parse().unwrap_or(today().year());
    let members = state.store.members(&code).await?;
    let own_feed = members
        .iter()
        .find(|m| m.user_id == Some(session.principal.user_id))
        .map(|m| format!("/kalender/{}.ics", m.calendar_token));
    let page = BodyPage {
        layout: Some(Layout::new(&session, "organ")),
        csrf: session.csrf_token.clone(),
        error: (!q.fel.is_empty()).then_some(q.fel),
        kind: BodyKind::parse(&body.kind).map(|k| k.label()).unwrap_or(""),
        parent: body
            .parent
            .as_ref()
            .and_then(|p| bodies.iter().find(|b| &b.code == p).cloned()),
        meetings: state.store.meetings_of_body(&code, Some(year)).await?,
        risks: state.store.risks(&code, today()).await?,
        can_keep: policy::can_keep_minutes(&session.principal, &code),
        other_bodies: bodies
            .iter()
            .filter(|b| b.code != code)
            .map(|b| (b.code.clone(), b.name.clone()))
            .collect(),
        members,
        own_feed,
        year,
        roles: MemberRole::ALL,
        modes: MeetingMode::ALL,
        today: time_fmt::date_text(today()),
        body,
    };
    Ok(Html(page.render().map_err(WebError::from)?))
}

fn date_field(field: &'static str, text: &str) -> Result<time::Date, WebError> {
    Ok(governance::parse_meeting_date(field, text)?)
}

fn optional(text: &str) -> Option<String> {
    Some(text.trim().to_owned()).filter(|s| !s.is_empty())
}

#[derive(Deserialize)]
pub struct MemberForm {
    name: String,
    role: String,
    #[serde(default)]
    party: String,
    #[serde(default)]
    organization: String,
    #[serde(default)]
    username: String,
    from_date: String,
    #[serde(default)]
    to_date: String,
}

pub async fn add_member(
    State(state): State<AppState>,
    Path(code): Path<String>,
    SessionForm(session, f): SessionForm<MemberForm>,
) -> Response {
    let back = format!("/organ/{code}");
    let result = async {
        let m = NewMember {
            name: f.name,
            role: MemberRole::parse(&f.role)?,
            party: optional(&f.party),
            organization: optional(&f.organization),
            username: optional(&f.username),
            from: date_field("from_date", &f.from_date)?,
            to: optional(&f.to_date)
                .map(|t| date_field("to_date", &t))
                .transpose()?,
        };
        Ok::<_, WebError>(state.store.add_member(&session.principal, &code, m).await?)
    }
    .await;
    match result {
        Ok(_) => Redirect::to(&format!("{back}#ledamoter")).into_response(),
        Err(e) => back_with_error(&back, e),
    }
}

#[derive(Deserialize)]
pub struct MeetingForm {
    date: String,
    #[serde(default)]
    start_time: String,
    #[serde(default)]
    end_time: String,
    mode: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    underlag_deadline: String,
    #[serde(default)]
    joint_with: String,
    #[serde(default)]
    minnesanteckningar: Option<String>,
}

pub async fn plan(
    State(state): State<AppState>,
    Path(code): Path<String>,
    SessionForm(session, f): SessionForm<MeetingForm>,
) -> Response {
    let back = format!("/organ/{code}");
    let result = async {
        let m = NewMeeting {
            body: code.clone(),
            date: date_field("date", &f.date)?,
            start_time: optional(&f.start_time),
            end_time: optional(&f.end_time),
            mode: MeetingMode::parse(&f.mode)?,
            place: optional(&f.place),
            joint_with: optional(&f.joint_with).into_iter().collect(),
            underlag_deadline: optional(&f.underlag_deadline)
                .map(|d| date_field("underlag_deadline", &d))
                .transpose()?,
            document_kind: if checked(&f.minnesanteckningar) {
                DocumentKind::Minnesanteckningar
            } else {
                DocumentKind::Protokoll
            },
        };
        Ok::<_, WebError>(state.store.plan_meeting(&session.principal, m).await?)
    }
    .await;
    match result {
        Ok(id) => Redirect::to(&format!("/moten/{id}")).into_response(),
        Err(e) => back_with_error(&back, e),
    }
}

#[derive(Deserialize)]
pub struct RiskForm {
    register: String,
    title: String,
    probability: String,
    consequence: String,
    owner: String,
    #[serde(default)]
    measures: String,
    review_date: String,
}

pub async fn add_risk(
    State(state): State<AppState>,
    Path(code): Path<String>,
    SessionForm(session, f): SessionForm<RiskForm>,
) -> Response {
    let back = format!("/organ/{code}");
    let result = async {
        let scale = |field: &'static str, v: &str| {
            v.trim().parse::<i64>().map_err(|_| WebError::Invalid {
                field: field.into(),
                message: format!("«{v}» är inte ett tal 1–4"),
            })
        };
        let score = RiskScore::new(
            scale("probability", &f.probability)?,
            scale("consequence", &f.consequence)?,
        )?;
        let review = date_field("review_date", &f.review_date)?;
        Ok::<_, WebError>(
            state
                .store
                .add_risk(
                    &session.principal,
                    &code,
                    &f.register,
                    &f.title,
                    score,
                    &f.owner,
                    &f.measures,
                    review,
                )
                .await?,
        )
    }
    .await;
    match result {
        Ok(_) => Redirect::to(&format!("{back}#risker")).into_response(),
        Err(e) => back_with_error(&back, e),
    }
}

fn event(m: &MeetingSummary, base: &str) -> Option<ical::Event> {
    let date = time_fmt::parse_date(&m.date)?;
    let clock = |t: &Option<String>| {
        t.as_deref().and_then(|t| {
            let (h, mi) = t.split_once(':')?;
            time::Time::from_hms(h.parse().ok()?, mi.parse().ok()?, 0).ok()
        })
    };
    let mode = m.mode_label();
    Some(ical::Event {
        uid: format!("mote-{}@samsyn", m.id),
        sequence: m.version,
        date,
        start: clock(&m.start_time),
        end: clock(&m.end_time),
        summary: format!(
            "{} – sammanträde",
            m.body_name.as_deref().unwrap_or("Organ")
        ),
        location: m
            .place
            .clone()
            .or_else(|| (!mode.is_empty()).then(|| mode.to_owned())),
        description: format!("{mode}. Dagordning och underlag: {base}/moten/{}", m.id),
        url: Some(format!("{base}/moten/{}", m.id)),
        cancelled: false,
        stamp: time_fmt::from_stored(&m.updated_at).unwrap_or(time::OffsetDateTime::UNIX_EPOCH),
    })
}

fn calendar_response(name: &str, meetings: &[MeetingSummary], base: &str) -> Response {
    let events: Vec<ical::Event> = meetings.iter().filter_map(|m| event(m, base)).collect();
    let mut r = ical::calendar(name, &events).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    r
}

/// The public address of this samsyn, for links in feeds: the Host the client used.
fn base_url(headers: &axum::http::HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost");
    format!("http://{host}")
}

/// A body's meeting plan as an iCalendar feed: public, like the plan itself.
pub async fn body_calendar(
    State(state): State<AppState>,
    Path(code): Path<String>,
    headers: axum::http::HeaderMap,
) -> Result<Response, PageError> {
    let code = code.as_str();
    let body = state
        .store
        .bodies()
        .await?
        .into_iter()
        .find(|b| b.code == code)
        .ok_or_else(|| WebError::NotFound("organet".into()))?;
    let meetings = state.store.meetings_of_body(code, None).await?;
    let meetings: Vec<MeetingSummary> = meetings
        .into_iter()
        .filter(|m| m.origin == "samsyn")
        .collect();
    Ok(calendar_response(
        &body.name,
        &meetings,
        &base_url(&headers),
    ))
}

/// A member's own feed, by the secret address only they are shown: the meetings of
/// their body while they are a member.
pub async fn member_calendar(
    State(state): State<AppState>,
    Path(file): Path<String>,
    headers: axum::http::HeaderMap,
) -> Result<Response, PageError> {
    let token = file.strip_suffix(".ics").unwrap_or(&file);
    let m = state
        .store
        .member_by_calendar_token(token)
        .await?
        .ok_or_else(|| WebError::NotFound("kalendern".into()))?;
    let meetings: Vec<MeetingSummary> = state
        .store
        .meetings_of_body(&m.body_code, None)
        .await?
        .into_iter()
        .filter(|x| x.origin == "samsyn" && m.current_on(&x.date))
        .collect();
    Ok(calendar_response(
        &format!("{} – {}", m.body_code, m.name),
        &meetings,
        &base_url(&headers),
    ))
}
