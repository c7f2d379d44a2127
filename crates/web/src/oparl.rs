//! OParl 1.1, read-only, public data only: the collaboration as one Body; its
//! samverkansorgan and the parties as Organizations; members as Persons with their
//! Memberships; meetings with their AgendaItems; each item of a kind as a Paper with
//! its Consultation; signed protocols, underlag and imported originals as Files.
//! Lists page with OParl's `pagination`/`links` and filter by `created_since`,
//! `created_until`, `modified_since` and `modified_until`.

use crate::AppState;
use crate::error::{ApiError, WebError};
use axum::Json;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use samsyn_domain::protocol::ItemKind;
use samsyn_domain::time_fmt;
use samsyn_store::governance::public::{PublicFile, PublicItem};
use samsyn_store::governance::{MeetingSummary, Member};
use samsyn_store::org::{Body, Party};
use serde::Deserialize;
use serde_json::{Value, json};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

const SCHEMA: &str = "https://schema.oparl.org/1.1/";
const PAGE: usize = 100;
const MAX_PAGE: usize = 1000;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/oparl/v1.1/system", get(system))
        .route("/oparl/v1.1/body", get(bodies))
        .route("/oparl/v1.1/body/1", get(body))
        .route("/oparl/v1.1/body/1/{list}", get(list))
        .route("/oparl/v1.1/{kind}/{id}", get(object))
        .route("/oparl/v1.1/file/{key}/download", get(download))
}

/// Errors are problem+json, as everywhere in the API.
type Result<T> = std::result::Result<T, ApiError>;

/// Addresses are absolute, from the Host the client used.
struct Urls(String);

impl Urls {
    fn new(headers: &HeaderMap) -> Self {
        let host = headers
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .unwrap_or("localhost");
        Urls(format!("http://{host}/oparl/v1.1"))
    }
    fn at(&self, path: &str) -> String {
        format!("{}/{path}", self.0)
    }
    fn web(&self, path: &str) -> String {
        format!("{}{path}", self.0.trim_end_matches("/oparl/v1.1"))
    }
}

fn rfc3339(stored: &str) -> String {
    time_fmt::from_stored(stored)
        .map(|t| t.to_offset(time_fmt::swedish_offset(t)))
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_else(|| stored.to_owned())
}

/// A meeting's local date and time as an instant with the Swedish offset.
fn local(date: &str, clock: Option<&str>) -> Option<String> {
    let d = time_fmt::parse_date(date)?;
    let (h, m) = clock?.split_once(':')?;
    let t = time::Time::from_hms(h.parse().ok()?, m.parse().ok()?, 0).ok()?;
    let naive = time::PrimitiveDateTime::new(d, t);
    let at = naive.assume_offset(time_fmt::swedish_offset(naive.assume_utc()));
    at.format(&Rfc3339).ok()
}

fn kind_type(kind: &str) -> String {
    format!("{SCHEMA}{kind}")
}

/// The role a Swedish item kind plays in a consultation, and whether the body
/// decides it there.
fn consultation_role(kind: ItemKind) -> (&'static str, bool) {
    match kind {
        ItemKind::Beslutsarende => ("Beslut (beslutsärende)", true),
        ItemKind::Informationsarende => ("Information (informationsärende)", false),
        ItemKind::Beredningsarende => ("Beredning (beredningsärende)", false),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListParams {
    page: Option<usize>,
    limit: Option<usize>,
    created_since: Option<String>,
    created_until: Option<String>,
    modified_since: Option<String>,
    modified_until: Option<String>,
}

impl ListParams {
    fn instant(
        field: &str,
        v: &Option<String>,
    ) -> std::result::Result<Option<OffsetDateTime>, WebError> {
        v.as_deref()
            .map(|s| {
                OffsetDateTime::parse(s, &Rfc3339)
                    .map_err(|_| WebError::Invalid { field: field.into(), message: format!("«{s}» är ingen tidpunkt enligt RFC 3339 (till exempel 2026-01-01T00:00:00+01:00)") })
            })
            .transpose()
    }

    /// Keeps the objects whose `created` and `modified` fall within the filters.
    fn keep(&self, objects: Vec<Value>) -> std::result::Result<Vec<Value>, WebError> {
        let bounds = [
            (
                "created",
                Self::instant("created_since", &self.created_since)?,
                true,
            ),
            (
                "created",
                Self::instant("created_until", &self.created_until)?,
                false,
            ),
            (
                "modified",
                Self::instant("modified_since", &self.modified_since)?,
                true,
            ),
            (
                "modified",
                Self::instant("modified_until", &self.modified_until)?,
                false,
            ),
        ];
        Ok(objects
            .into_iter()
            .filter(|o| {
                bounds.iter().all(|(field, bound, since)| match bound {
                    None => true,
                    Some(b) => o[*field]
                        .as_str()
                        .and_then(|s| OffsetDateTime::parse(s, &Rfc3339).ok())
                        .is_some_and(|t| if *since { t >= *b } else { t <= *b }),
                })
            })
            .collect())
    }

    fn query(&self, page: usize, limit: usize) -> String {
        let mut q = vec![format!("page={page}")];
        if self.limit.is_some() {
            q.push(format!("limit={limit}"));
        }
        for (k, v) in [
            ("created_since", &self.created_since),
            ("created_until", &self.created_until),
            ("modified_since", &self.modified_since),
            ("modified_until", &self.modified_until),
        ] {
            if let Some(v) = v {
                q.push(format!("{k}={}", crate::pages::url_encode(v)));
            }
        }
        q.join("&")
    }
}

/// One page of a list, with OParl's pagination and links.
fn page(url: &str, p: &ListParams, objects: Vec<Value>) -> std::result::Result<Value, WebError> {
    let objects = p.keep(objects)?;
    let limit = p.limit.unwrap_or(PAGE).clamp(1, MAX_PAGE);
    let total = objects.len();
    let pages = total.div_ceil(limit).max(1);
    let current = p.page.unwrap_or(1);
    if current == 0 || current > pages {
        return Err(WebError::Invalid {
            field: "page".into(),
            message: format!("sidan {current} finns inte; listan har {pages} sidor"),
        });
    }
    let data: Vec<Value> = objects
        .into_iter()
        .skip((current - 1) * limit)
        .take(limit)
        .collect();
    let sep = if url.contains('?') { '&' } else { '?' };
    let link = |n: usize| format!("{url}{sep}{}", p.query(n, limit));
    let mut links = json!({ "first": link(1), "last": link(pages) });
    if current > 1 {
        links["prev"] = json!(link(current - 1));
    }
    if current < pages {
        links["next"] = json!(link(current + 1));
    }
    Ok(json!({
        "data": data,
        "pagination": { "totalElements": total, "elementsPerPage": limit, "currentPage": current, "totalPages": pages },
        "links": links,
    }))
}

/// What every request reads: the county's organisation and the bodies' public data.
struct Data {
    created: String,
    bodies: Vec<Body>,
    parties: Vec<Party>,
    members: Vec<Member>,
    meetings: Vec<MeetingSummary>,
    items: Vec<PublicItem>,
    files: Vec<PublicFile>,
}

impl Data {
    /// The organisation only (bodies, parties, members): enough for the system, the
    /// body, organizations, persons, memberships and terms.
    async fn organisation(state: &AppState) -> std::result::Result<Data, samsyn_store::StoreError> {
        let s = &state.store;
        Ok(Data {
            created: rfc3339(&s.created_at().await?),
            bodies: s.bodies().await?,
            parties: s.parties().await?,
            members: s.all_members().await?,
            meetings: Vec::new(),
            items: Vec::new(),
            files: Vec::new(),
        })
    }

    /// Everything, for meetings, agenda items, papers, consultations, files, locations.
    async fn load(state: &AppState) -> std::result::Result<Data, samsyn_store::StoreError> {
        let s = &state.store;
        let mut d = Data::organisation(state).await?;
        d.meetings = s.meetings_changed(None).await?;
        d.items = s.public_agenda_items().await?;
        d.files = s.public_files().await?;
        Ok(d)
    }

    async fn for_kind(
        state: &AppState,
        kind: &str,
    ) -> std::result::Result<Data, samsyn_store::StoreError> {
        match kind {
            "organization" | "person" | "membership" | "legislativeTerm" => {
                Data::organisation(state).await
            }
            _ => Data::load(state).await,
        }
    }

    /// A person is everyone of the same name across the bodies: their id is the
    /// lowest membership id among them.
    fn person_id(&self, name: &str) -> i64 {
        self.members
            .iter()
            .filter(|m| m.name == name)
            .map(|m| m.id)
            .min()
            .unwrap_or(0)
    }

    fn persons(&self) -> Vec<i64> {
        let mut ids: Vec<i64> = self
            .members
            .iter()
            .map(|m| self.person_id(&m.name))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}

fn system_json(u: &Urls, d: &Data) -> Value {
    json!({
        "id": u.at("system"),
        "type": kind_type("System"),
        "oparlVersion": SCHEMA,
        "name": "samsyn – samverkan mellan region och kommuner",
        "body": u.at("body"),
        "website": u.web("/"),
        "product": u.web("/"),
        "created": d.created,
        "modified": d.created,
    })
}

fn body_json(u: &Urls, d: &Data) -> Value {
    let list = |name: &str| u.at(&format!("body/1/{name}"));
    json!({
        "id": u.at("body/1"),
        "type": kind_type("Body"),
        "system": u.at("system"),
        "name": "Samverkan mellan Region Örebro län och länets kommuner",
        "shortName": "Samverkan Örebro län",
        "classification": "Samverkan region och kommuner",
        "organization": list("organization"),
        "person": list("person"),
        "meeting": list("meeting"),
        "paper": list("paper"),
        "agendaItem": list("agendaItem"),
        "consultation": list("consultation"),
        "file": list("file"),
        "membership": list("membership"),
        "legislativeTermList": list("legislativeTerm"),
        "locationList": list("location"),
        "legislativeTerm": terms(u),
        "web": u.web("/organ"),
        "created": d.created,
        "modified": d.created,
    })
}

/// The Swedish terms of office (mandatperioder) around now.
fn terms(u: &Urls) -> Vec<Value> {
    [
        (1, "2023-01-01", "2026-12-31"),
        (2, "2027-01-01", "2030-12-31"),
    ]
    .iter()
    .map(|(id, from, to)| {
        json!({
            "id": u.at(&format!("legislativeTerm/{id}")),
            "type": kind_type("LegislativeTerm"),
            "body": u.at("body/1"),
            "name": format!("Mandatperioden {}–{}", &from[..4], &to[..4]),
            "startDate": from,
            "endDate": to,
        })
    })
    .collect()
}

fn organization_json(u: &Urls, d: &Data, key: &str) -> Option<Value> {
    if let Some(code) = key.strip_prefix("b-") {
        let b = d.bodies.iter().find(|b| b.code == code)?;
        let memberships: Vec<String> = d
            .members
            .iter()
            .filter(|m| m.body_code == b.code)
            .map(|m| u.at(&format!("membership/{}", m.id)))
            .collect();
        let mut o = json!({
            "id": u.at(&format!("organization/b-{}", b.code)),
            "type": kind_type("Organization"),
            "body": u.at("body/1"),
            "name": b.name,
            "shortName": b.code,
            "organizationType": "Gremium",
            "classification": samsyn_domain::org::BodyKind::parse(&b.kind).map(|k| k.label()).unwrap_or(""),
            "membership": memberships,
            "meeting": u.at(&format!("body/1/meeting?organization={}", b.code)),
            "web": u.web(&format!("/organ/{}", b.code)),
            "created": d.created,
            "modified": d.created,
        });
        if let Some(parent) = &b.parent {
            o["subOrganizationOf"] = json!(u.at(&format!("organization/b-{parent}")));
        }
        return Some(o);
    }
    let code = key.strip_prefix("p-")?;
    let p = d.parties.iter().find(|p| p.code == code)?;
    Some(json!({
        "id": u.at(&format!("organization/p-{}", p.code)),
        "type": kind_type("Organization"),
        "body": u.at("body/1"),
        "name": p.name,
        "shortName": p.code,
        "organizationType": "Institution",
        "classification": samsyn_domain::org::PartyKind::parse(&p.kind).map(|k| k.label()).unwrap_or(""),
        "created": d.created,
        "modified": d.created,
    }))
}

fn organizations(u: &Urls, d: &Data) -> Vec<Value> {
    let bodies = d
        .bodies
        .iter()
        .filter_map(|b| organization_json(u, d, &format!("b-{}", b.code)));
    let parties = d
        .parties
        .iter()
        .filter_map(|p| organization_json(u, d, &format!("p-{}", p.code)));
    bodies.chain(parties).collect()
}

fn membership_json(u: &Urls, d: &Data, m: &Member, embedded: bool) -> Value {
    let mut o = json!({
        "id": u.at(&format!("membership/{}", m.id)),
        "type": kind_type("Membership"),
        "organization": u.at(&format!("organization/b-{}", m.body_code)),
        "role": m.role_label(),
        "votingRight": matches!(m.role.as_str(), "ordforande" | "vice_ordforande" | "ledamot" | "justerare"),
        "startDate": m.from_date,
        "created": rfc3339(&m.updated_at),
        "modified": rfc3339(&m.updated_at),
    });
    if !embedded {
        o["person"] = json!(u.at(&format!("person/{}", d.person_id(&m.name))));
    }
    if let Some(to) = &m.to_date {
        o["endDate"] = json!(to);
    }
    if let Some(p) = &m.party_code {
        o["onBehalfOf"] = json!(u.at(&format!("organization/p-{p}")));
    }
    o
}

fn person_json(u: &Urls, d: &Data, id: i64) -> Option<Value> {
    let first = d.members.iter().find(|m| m.id == id)?;
    if d.person_id(&first.name) != id {
        return None;
    }
    let mine: Vec<&Member> = d.members.iter().filter(|m| m.name == first.name).collect();
    let modified = mine
        .iter()
        .map(|m| m.updated_at.as_str())
        .max()
        .unwrap_or_default();
    let created = mine
        .iter()
        .map(|m| m.updated_at.as_str())
        .min()
        .unwrap_or_default();
    let (given, family) = first.name.rsplit_once(' ').unwrap_or(("", &first.name));
    let mut o = json!({
        "id": u.at(&format!("person/{id}")),
        "type": kind_type("Person"),
        "body": u.at("body/1"),
        "name": first.name,
        "familyName": family,
        "membership": mine.iter().map(|m| membership_json(u, d, m, true)).collect::<Vec<_>>(),
        "created": rfc3339(created),
        "modified": rfc3339(modified),
    });
    if !given.is_empty() {
        o["givenName"] = json!(given);
    }
    Some(o)
}

fn file_json(u: &Urls, f: &PublicFile, embedded: bool) -> Value {
    let mut o = json!({
        "id": u.at(&format!("file/{}", f.key)),
        "type": kind_type("File"),
        "name": f.name,
        "fileName": f.file_name,
        "mimeType": f.mime_type,
        "date": f.date,
        "size": f.size,
        "accessUrl": u.at(&format!("file/{}/download", f.key)),
        "downloadUrl": u.at(&format!("file/{}/download", f.key)),
        "created": rfc3339(&f.modified),
        "modified": rfc3339(&f.modified),
    });
    if !embedded {
        o["meeting"] = json!([u.at(&format!("meeting/{}", f.meeting_id))]);
        if let Some(i) = f.item_id {
            o["agendaItem"] = json!([u.at(&format!("agendaItem/{i}"))]);
        }
    }
    o
}

fn item_json(u: &Urls, d: &Data, i: &PublicItem, embedded: bool) -> Value {
    let mut o = json!({
        "id": u.at(&format!("agendaItem/{}", i.id)),
        "type": kind_type("AgendaItem"),
        "number": i.number,
        "order": i.position,
        "name": i.title,
        "public": true,
        "created": rfc3339(&i.created),
        "modified": rfc3339(&i.modified),
    });
    if !embedded {
        o["meeting"] = json!(u.at(&format!("meeting/{}", i.meeting_id)));
    }
    if i.kind.as_deref().and_then(ItemKind::parse).is_some() {
        o["consultation"] = json!(u.at(&format!("consultation/{}", i.id)));
    }
    if !i.decisions.is_empty() {
        o["result"] = json!("Beslut fattat");
        o["resolutionText"] = json!(i.decisions.join("\n"));
    }
    let files: Vec<Value> = d
        .files
        .iter()
        .filter(|f| f.item_id == Some(i.id))
        .map(|f| file_json(u, f, true))
        .collect();
    if !files.is_empty() {
        o["auxiliaryFile"] = json!(files);
    }
    o
}

fn meeting_json(u: &Urls, d: &Data, m: &MeetingSummary) -> Value {
    let mut o = json!({
        "id": u.at(&format!("meeting/{}", m.id)),
        "type": kind_type("Meeting"),
        "name": format!("{} {}", m.body_name.as_deref().unwrap_or("Sammanträde"), m.date),
        "meetingState": match m.state.as_str() { "planerat" => "planerat", "justering" => "genomfört, protokollet justeras", _ => "genomfört" },
        "cancelled": false,
        "agendaItem": d.items.iter().filter(|i| i.meeting_id == m.id).map(|i| item_json(u, d, i, true)).collect::<Vec<_>>(),
        "web": u.web(&format!("/moten/{}", m.id)),
        "created": rfc3339(&m.updated_at),
        "modified": rfc3339(&m.updated_at),
    });
    let start = local(&m.date, m.start_time.as_deref())
        .unwrap_or_else(|| format!("{}T00:00:00+01:00", m.date));
    o["start"] = json!(start);
    if let Some(end) = local(&m.date, m.end_time.as_deref()) {
        o["end"] = json!(end);
    }
    let orgs: Vec<String> = m
        .body_code
        .iter()
        .chain(m.joint_with.iter())
        .map(|c| u.at(&format!("organization/b-{c}")))
        .collect();
    if !orgs.is_empty() {
        o["organization"] = json!(orgs);
    }
    if let Some(mut loc) = location_json(u, m) {
        loc.as_object_mut().map(|l| l.remove("meeting"));
        o["location"] = loc;
    }
    if let Some(f) = d
        .files
        .iter()
        .find(|f| f.meeting_id == m.id && (f.key.starts_with('p') || f.key.starts_with('o')))
    {
        o["resultsProtocol"] = file_json(u, f, true);
    }
    o
}

/// A meeting's place, as a Location of its own.
fn location_json(u: &Urls, m: &MeetingSummary) -> Option<Value> {
    let place = m.place.as_ref()?;
    Some(json!({
        "id": u.at(&format!("location/{}", m.id)),
        "type": kind_type("Location"),
        "description": place,
        "meeting": [u.at(&format!("meeting/{}", m.id))],
        "created": rfc3339(&m.updated_at),
        "modified": rfc3339(&m.updated_at),
    }))
}

/// An item of a kind is also a Paper (the ärende), consulted at its meeting.
fn paper_json(u: &Urls, d: &Data, i: &PublicItem) -> Option<Value> {
    let kind = i.kind.as_deref().and_then(ItemKind::parse)?;
    let m = d.meetings.iter().find(|m| m.id == i.meeting_id)?;
    let mut o = json!({
        "id": u.at(&format!("paper/{}", i.id)),
        "type": kind_type("Paper"),
        "body": u.at("body/1"),
        "name": i.title,
        "reference": format!("{} {} § {}", m.body_code.as_deref().unwrap_or(""), m.date, i.number).trim().to_owned(),
        "date": m.date,
        "paperType": kind.label(),
        "consultation": [consultation_json(u, d, i, true)?],
        "created": rfc3339(&i.created),
        "modified": rfc3339(&i.modified),
    });
    let files: Vec<Value> = d
        .files
        .iter()
        .filter(|f| f.item_id == Some(i.id))
        .map(|f| file_json(u, f, true))
        .collect();
    if let Some(first) = files.first() {
        o["mainFile"] = first.clone();
    }
    if files.len() > 1 {
        o["auxiliaryFile"] = json!(files[1..]);
    }
    if let Some(code) = &m.body_code {
        o["underDirectionOf"] = json!([u.at(&format!("organization/b-{code}"))]);
    }
    Some(o)
}

fn consultation_json(u: &Urls, d: &Data, i: &PublicItem, embedded: bool) -> Option<Value> {
    let kind = i.kind.as_deref().and_then(ItemKind::parse)?;
    let m = d.meetings.iter().find(|m| m.id == i.meeting_id)?;
    let (role, authoritative) = consultation_role(kind);
    let mut o = json!({
        "id": u.at(&format!("consultation/{}", i.id)),
        "type": kind_type("Consultation"),
        "agendaItem": u.at(&format!("agendaItem/{}", i.id)),
        "meeting": u.at(&format!("meeting/{}", m.id)),
        "authoritative": authoritative,
        "role": role,
        "created": rfc3339(&i.created),
        "modified": rfc3339(&i.modified),
    });
    if !embedded {
        o["paper"] = json!(u.at(&format!("paper/{}", i.id)));
    }
    if let Some(code) = &m.body_code {
        o["organization"] = json!([u.at(&format!("organization/b-{code}"))]);
    }
    Some(o)
}

fn oparl_json(v: Value) -> Response {
    let mut r = Json(v).into_response();
    r.headers_mut().insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        axum::http::HeaderValue::from_static("*"),
    );
    r
}

async fn system(State(state): State<AppState>, headers: HeaderMap) -> Result<Response> {
    let d = Data::organisation(&state).await?;
    Ok(oparl_json(system_json(&Urls::new(&headers), &d)))
}

async fn bodies(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(p): Query<ListParams>,
) -> Result<Response> {
    let d = Data::organisation(&state).await?;
    let u = Urls::new(&headers);
    Ok(oparl_json(page(
        &u.at("body"),
        &p,
        vec![body_json(&u, &d)],
    )?))
}

async fn body(State(state): State<AppState>, headers: HeaderMap) -> Result<Response> {
    let d = Data::organisation(&state).await?;
    Ok(oparl_json(body_json(&Urls::new(&headers), &d)))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Scope {
    organization: Option<String>,
}

async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(list): Path<String>,
    Query(p): Query<ListParams>,
    Query(scope): Query<Scope>,
) -> Result<Response> {
    let d = Data::for_kind(&state, &list).await?;
    let u = Urls::new(&headers);
    let objects: Vec<Value> = match list.as_str() {
        "organization" => organizations(&u, &d),
        "person" => d
            .persons()
            .into_iter()
            .filter_map(|id| person_json(&u, &d, id))
            .collect(),
        "membership" => d
            .members
            .iter()
            .map(|m| membership_json(&u, &d, m, false))
            .collect(),
        "meeting" => d
            .meetings
            .iter()
            .filter(|m| {
                scope.organization.as_deref().is_none_or(|o| {
                    m.body_code.as_deref() == Some(o) || m.joint_with.iter().any(|j| j == o)
                })
            })
            .map(|m| meeting_json(&u, &d, m))
            .collect(),
        "agendaItem" => d
            .items
            .iter()
            .map(|i| item_json(&u, &d, i, false))
            .collect(),
        "paper" => d
            .items
            .iter()
            .filter_map(|i| paper_json(&u, &d, i))
            .collect(),
        "consultation" => d
            .items
            .iter()
            .filter_map(|i| consultation_json(&u, &d, i, false))
            .collect(),
        "file" => d.files.iter().map(|f| file_json(&u, f, false)).collect(),
        "legislativeTerm" => terms(&u),
        "location" => d
            .meetings
            .iter()
            .filter_map(|m| location_json(&u, m))
            .collect(),
        _ => return Err(WebError::NotFound("listan".into()).into()),
    };
    let mut url = u.at(&format!("body/1/{list}"));
    if let Some(o) = &scope.organization {
        url.push_str(&format!("?organization={}", crate::pages::url_encode(o)));
    }
    Ok(oparl_json(page(&url, &p, objects)?))
}

async fn object(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((kind, id)): Path<(String, String)>,
) -> Result<Response> {
    let d = Data::for_kind(&state, &kind).await?;
    let u = Urls::new(&headers);
    let num = || id.parse::<i64>().ok();
    let item = |n: Option<i64>| n.and_then(|n| d.items.iter().find(|i| i.id == n));
    let found = match kind.as_str() {
        "organization" => organization_json(&u, &d, &id),
        "person" => num().and_then(|n| person_json(&u, &d, n)),
        "membership" => num()
            .and_then(|n| d.members.iter().find(|m| m.id == n))
            .map(|m| membership_json(&u, &d, m, false)),
        "meeting" => num()
            .and_then(|n| d.meetings.iter().find(|m| m.id == n))
            .map(|m| meeting_json(&u, &d, m)),
        "agendaItem" => item(num()).map(|i| item_json(&u, &d, i, false)),
        "paper" => item(num()).and_then(|i| paper_json(&u, &d, i)),
        "consultation" => item(num()).and_then(|i| consultation_json(&u, &d, i, false)),
        "file" => d
            .files
            .iter()
            .find(|f| f.key == id)
            .map(|f| file_json(&u, f, false)),
        "legislativeTerm" => terms(&u).into_iter().find(|t| {
            t["id"]
                .as_str()
                .is_some_and(|s| s.ends_with(&format!("/{id}")))
        }),
        "location" => num()
            .and_then(|n| d.meetings.iter().find(|m| m.id == n))
            .and_then(|m| location_json(&u, m)),
        _ => None,
    };
    found
        .map(oparl_json)
        .ok_or_else(|| WebError::NotFound(format!("{kind} {id}")).into())
}

async fn download(State(state): State<AppState>, Path(key): Path<String>) -> Result<Response> {
    let (name, mime, bytes) = state
        .store
        .public_file(&key)
        .await?
        .ok_or_else(|| WebError::NotFound("filen".into()))?;
    Ok(crate::api::download(&name, &mime, bytes))
}
