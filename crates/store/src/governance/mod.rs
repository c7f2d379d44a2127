//! The collaboration bodies' work: members, the meeting plan, agendas with underlag,
//! attendance, minutes, approval and the fixed protocol, assignments, evaluations and
//! risk registers. Every change checks the body's secretary, refuses a locked protocol
//! (audited) and refuses an edit made on an older copy (a conflict, not an overwrite).

pub mod agreements;
mod assignments;
mod minutes;
pub mod public;
mod signing;

pub use assignments::{AssignmentRow, EvaluationSummary, RiskRow, UnderlagFlag};
pub use minutes::{AttendanceEntry, ItemMinutes, Minutes, NewDocument, NewItem};
pub use signing::{Signed, Verified};

use crate::{Store, StoreError, Tx, audit};
use samsyn_domain::audit::{AuditEvent, Outcome, Purpose};
use samsyn_domain::governance::{
    self, AttendanceStatus, DocumentKind, MeetingMode, MeetingState, MemberRole,
};
use samsyn_domain::{InvalidValue, Principal, policy, time_fmt};
use sqlx::Row;
use time::Date;

/// An audit event by a logged-in user.
pub(crate) fn event(p: &Principal, action: &str, outcome: Outcome) -> AuditEvent {
    let mut e = AuditEvent::system(
        p.username.as_str(),
        action,
        Purpose::Administration,
        outcome,
    );
    e.actor_user_id = Some(p.user_id);
    e
}

/// A member of a body, as the secretary enters them.
#[derive(Debug, Clone)]
pub struct NewMember {
    pub name: String,
    pub role: MemberRole,
    pub party: Option<String>,
    pub organization: Option<String>,
    /// The samsyn account of the member, by username, if they have one (needed to
    /// approve minutes and to answer evaluations).
    pub username: Option<String>,
    pub from: Date,
    pub to: Option<Date>,
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Member {
    pub id: i64,
    pub body_code: String,
    pub name: String,
    pub role: String,
    pub party_code: Option<String>,
    pub organization: Option<String>,
    pub user_id: Option<i64>,
    pub from_date: String,
    pub to_date: Option<String>,
    #[serde(skip)]
    pub calendar_token: String,
    pub updated_at: String,
}

impl Member {
    pub fn role_label(&self) -> &'static str {
        MemberRole::parse(&self.role)
            .map(|r| r.label())
            .unwrap_or("")
    }

    /// Whether the membership holds on `day`.
    pub fn current_on(&self, day: &str) -> bool {
        self.from_date.as_str() <= day && self.to_date.as_deref().is_none_or(|t| day <= t)
    }
}

/// A meeting to put in the plan.
#[derive(Debug, Clone)]
pub struct NewMeeting {
    pub body: String,
    pub date: Date,
    pub start_time: Option<String>,
    pub end_time: Option<String>,
    pub mode: MeetingMode,
    pub place: Option<String>,
    pub joint_with: Vec<String>,
    /// When underlag must be posted; a week before the meeting if not given.
    pub underlag_deadline: Option<Date>,
    pub document_kind: DocumentKind,
}

/// A meeting in a body's plan, as lists show it.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct MeetingSummary {
    pub id: i64,
    pub body_code: Option<String>,
    pub body_name: Option<String>,
    pub date: String,
    pub start_time: Option<String>,
    pub end_time: Option<String>,
    pub place: Option<String>,
    pub mode: Option<String>,
    pub joint_with: Vec<String>,
    pub state: String,
    pub origin: String,
    pub updated_at: String,
    /// Raised on every change (calendar feeds use it as the event's sequence).
    pub version: i64,
}

impl MeetingSummary {
    pub fn state_label(&self) -> &'static str {
        MeetingState::parse(&self.state)
            .map(|s| s.label())
            .unwrap_or("")
    }
    pub fn mode_label(&self) -> &'static str {
        self.mode
            .as_deref()
            .and_then(|m| MeetingMode::parse(m).ok())
            .map(|m| m.label())
            .unwrap_or("")
    }
}

/// A meeting written in samsyn, with everything the secretary works on.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Governed {
    pub summary: MeetingSummary,
    pub document_kind: String,
    pub version: i64,
    pub underlag_deadline: Option<String>,
    pub items: Vec<GovernedItem>,
    pub attendees: Vec<GovernedAttendee>,
    pub signers: Vec<SignerRow>,
    pub assignments: Vec<AssignmentRow>,
}

impl Governed {
    pub fn state(&self) -> MeetingState {
        MeetingState::parse(&self.summary.state).unwrap_or(MeetingState::Arkiverat)
    }
    pub fn locked(&self) -> bool {
        matches!(
            self.state(),
            MeetingState::Justerat | MeetingState::Arkiverat
        )
    }
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct GovernedItem {
    pub id: i64,
    pub number: String,
    pub title: String,
    pub kind: Option<String>,
    pub presenters: Vec<String>,
    pub notes: String,
    pub needs_underlag: bool,
    pub outcome: Option<String>,
    pub carried_from: Option<i64>,
    pub decisions: Vec<String>,
    pub documents: Vec<DocumentRow>,
    /// The underlag is missing and the deadline has come.
    pub underlag_missing: bool,
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct DocumentRow {
    pub id: i64,
    pub file_name: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
    pub uploaded_at: String,
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct GovernedAttendee {
    pub id: i64,
    pub member_id: Option<i64>,
    pub name: String,
    pub organization: Option<String>,
    pub role: Option<String>,
    pub status: String,
    pub substitute_for: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct SignerRow {
    pub member_id: i64,
    pub name: String,
    pub role: String,
    pub user_id: Option<i64>,
    pub approved_at: Option<String>,
    pub approved_via: Option<String>,
}

fn json_list(s: &str) -> Vec<String> {
    serde_json::from_str(s).unwrap_or_default()
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".to_owned())
}

fn non_empty(field: &'static str, text: &str, what: &str) -> Result<String, InvalidValue> {
    let t = text.trim();
    if t.is_empty() {
        return Err(InvalidValue::new(field, format!("{what} saknas")));
    }
    if t.chars().count() > 2000 {
        return Err(InvalidValue::new(
            field,
            format!("{what} är längre än 2000 tecken"),
        ));
    }
    Ok(t.to_owned())
}

const SUMMARY_COLUMNS: &str = "m.id, m.body_code, m.body_name, m.meeting_date, m.start_time, m.end_time, m.place, m.mode, m.joint_with, m.state, m.origin, COALESCE(m.updated_at, m.created_at), m.version";

fn summary(r: &sqlx::any::AnyRow) -> Result<MeetingSummary, StoreError> {
    Ok(MeetingSummary {
        id: r.try_get(0)?,
        body_code: r.try_get(1)?,
        body_name: r.try_get(2)?,
        date: r.try_get(3)?,
        start_time: r.try_get(4)?,
        end_time: r.try_get(5)?,
        place: r.try_get(6)?,
        mode: r.try_get(7)?,
        joint_with: json_list(&r.try_get::<String, _>(8)?),
        state: r.try_get(9)?,
        origin: r.try_get(10)?,
        updated_at: r.try_get(11)?,
        version: r.try_get(12)?,
    })
}

fn member(r: &sqlx::any::AnyRow) -> Result<Member, StoreError> {
    Ok(Member {
        id: r.try_get(0)?,
        body_code: r.try_get(1)?,
        name: r.try_get(2)?,
        role: r.try_get(3)?,
        party_code: r.try_get(4)?,
        organization: r.try_get(5)?,
        user_id: r.try_get(6)?,
        from_date: r.try_get(7)?,
        to_date: r.try_get(8)?,
        calendar_token: r.try_get(9)?,
        updated_at: r.try_get(10)?,
    })
}

const MEMBER_COLUMNS: &str = "id, body_code, name, role, party_code, organization, user_id, from_date, to_date, calendar_token, updated_at";

/// Refuses a change by anyone but the body's secretary (or an administrator).
fn keeper(p: &Principal, body: &str) -> Result<(), StoreError> {
    if policy::can_keep_minutes(p, body) {
        Ok(())
    } else {
        Err(StoreError::Forbidden(format!(
            "bara organets sekreterare kan ändra mötesplan, dagordning och protokoll för {body}"
        )))
    }
}

impl Store {
    /// Audits a refused change in a transaction of its own (the change's own
    /// transaction was rolled back), and hands the error on.
    pub(crate) async fn refused(
        &self,
        p: &Principal,
        action: &str,
        detail: String,
        e: StoreError,
    ) -> StoreError {
        if matches!(e, StoreError::Forbidden(_)) {
            let _ = self
                .audit(&event(p, action, Outcome::Denied).with_detail(detail))
                .await;
        }
        e
    }

    pub async fn add_member(
        &self,
        p: &Principal,
        body: &str,
        m: NewMember,
    ) -> Result<i64, StoreError> {
        if let Err(e) = keeper(p, body) {
            return Err(self
                .refused(p, "member.add", format!("organ {body}"), e)
                .await);
        }
        let name = non_empty("name", &m.name, "Namnet")?;
        if let Some(to) = m.to
            && to < m.from
        {
            return Err(InvalidValue::new("to_date", "slutdatum ligger före startdatum").into());
        }
        let mut tx = self.begin_write().await?;
        if sqlx::query("SELECT 1 FROM bodies WHERE code = $1")
            .bind(body)
            .fetch_optional(&mut *tx)
            .await?
            .is_none()
        {
            return Err(StoreError::NotFound(format!("organet {body}")));
        }
        let party = m.party.as_deref().map(str::trim).filter(|s| !s.is_empty());
        if let Some(code) = party
            && sqlx::query("SELECT 1 FROM parties WHERE code = $1")
                .bind(code)
                .fetch_optional(&mut *tx)
                .await?
                .is_none()
        {
            return Err(InvalidValue::new("party", format!("okänd part «{code}»")).into());
        }
        let user_id: Option<i64> = match m
            .username
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => None,
            Some(u) => Some(
                sqlx::query("SELECT id FROM users WHERE username = $1")
                    .bind(u)
                    .fetch_optional(&mut *tx)
                    .await?
                    .ok_or_else(|| {
                        InvalidValue::new("username", format!("ingen användare heter «{u}»"))
                    })?
                    .try_get(0)?,
            ),
        };
        let now = time_fmt::now_stored();
        let id: i64 = sqlx::query(
            "INSERT INTO body_members (body_code, name, role, party_code, organization, user_id, from_date, to_date, calendar_token, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        )
        .bind(body)
        .bind(&name)
        .bind(m.role.as_str())
        .bind(party)
        .bind(m.organization.as_deref().map(str::trim).filter(|s| !s.is_empty()))
        .bind(user_id)
        .bind(time_fmt::date_text(m.from))
        .bind(m.to.map(time_fmt::date_text))
        .bind(samsyn_domain::token::generate("kal"))
        .bind(&now)
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
        audit::append(
            &mut tx,
            &event(p, "member.add", Outcome::Ok).with_detail(format!("organ {body}, ledamot {id}")),
        )
        .await?;
        crate::commit(tx).await?;
        Ok(id)
    }

    /// A body's members, current and earlier, by role and name.
    pub async fn members(&self, body: &str) -> Result<Vec<Member>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {MEMBER_COLUMNS} FROM body_members WHERE body_code = $1 ORDER BY from_date DESC, name"
        )))
        .bind(body)
        .fetch_all(&self.pool)
        .await?;
        let mut out = rows.iter().map(member).collect::<Result<Vec<_>, _>>()?;
        out.sort_by_key(|m| {
            (
                MemberRole::ALL.iter().position(|r| r.as_str() == m.role),
                m.name.clone(),
            )
        });
        Ok(out)
    }

    /// Every membership, for the public interfaces.
    pub async fn all_members(&self) -> Result<Vec<Member>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {MEMBER_COLUMNS} FROM body_members ORDER BY id"
        )))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(member).collect()
    }

    pub async fn member_by_calendar_token(
        &self,
        token: &str,
    ) -> Result<Option<Member>, StoreError> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {MEMBER_COLUMNS} FROM body_members WHERE calendar_token = $1"
        )))
        .bind(token)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(member).transpose()
    }

    /// The memberships of a user's account.
    pub async fn memberships_of_user(&self, user_id: i64) -> Result<Vec<Member>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {MEMBER_COLUMNS} FROM body_members WHERE user_id = $1 ORDER BY body_code"
        )))
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(member).collect()
    }

    /// Puts a meeting in a body's plan. Its attendance list starts from the members on
    /// that day, and items left "återkommer" or "bordlagt" at the body's previous
    /// meetings come onto its draft agenda.
    pub async fn plan_meeting(&self, p: &Principal, m: NewMeeting) -> Result<i64, StoreError> {
        if let Err(e) = keeper(p, &m.body) {
            return Err(self
                .refused(p, "meeting.plan", format!("organ {}", m.body), e)
                .await);
        }
        let start = m
            .start_time
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .map(|s| governance::parse_clock("start_time", s))
            .transpose()?;
        let end = m
            .end_time
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .map(|s| governance::parse_clock("end_time", s))
            .transpose()?;
        if let (Some(s), Some(e)) = (&start, &end)
            && e <= s
        {
            return Err(InvalidValue::new("end_time", "sluttiden ligger före starttiden").into());
        }
        let deadline = m
            .underlag_deadline
            .unwrap_or(m.date - time::Duration::days(7));
        if deadline > m.date {
            return Err(InvalidValue::new(
                "underlag_deadline",
                "sista dag för underlag ligger efter mötet",
            )
            .into());
        }
        let date = time_fmt::date_text(m.date);
        let mut tx = self.begin_write().await?;
        let Some(body) = sqlx::query("SELECT name FROM bodies WHERE code = $1")
            .bind(&m.body)
            .fetch_optional(&mut *tx)
            .await?
        else {
            return Err(StoreError::NotFound(format!("organet {}", m.body)));
        };
        let body_name: String = body.try_get(0)?;
        for j in &m.joint_with {
            if j == &m.body
                || sqlx::query("SELECT 1 FROM bodies WHERE code = $1")
                    .bind(j)
                    .fetch_optional(&mut *tx)
                    .await?
                    .is_none()
            {
                return Err(InvalidValue::new(
                    "joint_with",
                    format!("«{j}» är inte ett annat organ i registret"),
                )
                .into());
            }
        }
        let key = format!("{}|{date}|{}", m.body, m.document_kind.as_str());
        if sqlx::query("SELECT 1 FROM meetings WHERE identity_key = $1")
            .bind(&key)
            .fetch_optional(&mut *tx)
            .await?
            .is_some()
        {
            return Err(StoreError::Conflict(format!(
                "{body_name} har redan ett möte {date}"
            )));
        }
        let now = time_fmt::now_stored();
        let id: i64 = sqlx::query(
            "INSERT INTO meetings (identity_key, body_code, body_name, document_kind, meeting_date, start_time, end_time, place, chair, \
             secretaries, adjusters, adjusted_on, signatures, warnings, source_file_id, created_by, created_at, origin, state, version, mode, joint_with, underlag_deadline, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, '[]', '[]', NULL, '[]', '[]', NULL, $9, $10, 'samsyn', 'planerat', 1, $11, $12, $13, $10) RETURNING id",
        )
        .bind(&key)
        .bind(&m.body)
        .bind(&body_name)
        .bind(m.document_kind.as_str())
        .bind(&date)
        .bind(start.as_deref())
        .bind(end.as_deref())
        .bind(m.place.as_deref().map(str::trim).filter(|s| !s.is_empty()))
        .bind(p.username.as_str())
        .bind(&now)
        .bind(m.mode.as_str())
        .bind(json(&m.joint_with))
        .bind(time_fmt::date_text(deadline))
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
        let members = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {MEMBER_COLUMNS} FROM body_members WHERE body_code = $1 AND from_date <= $2 AND (to_date IS NULL OR to_date >= $2) ORDER BY id"
        )))
        .bind(&m.body)
        .bind(&date)
        .fetch_all(&mut *tx)
        .await?;
        for (i, r) in members.iter().enumerate() {
            let mem = member(r)?;
            sqlx::query("INSERT INTO meeting_attendees (meeting_id, position, name, organization, role, status, member_id) VALUES ($1, $2, $3, $4, $5, $6, $7)")
                .bind(id)
                .bind(i as i64)
                .bind(&mem.name)
                .bind(mem.organization.as_deref())
                .bind(mem.role_label())
                .bind(AttendanceStatus::Present.as_str())
                .bind(mem.id)
                .execute(&mut *tx)
                .await?;
        }
        // Items carried over: left återkommer/bordlagt at an earlier meeting of the body
        // and not yet carried anywhere.
        let carried = sqlx::query(
            "SELECT i.id, i.title, i.kind, i.presenters, i.needs_underlag FROM agenda_items i JOIN meetings mt ON mt.id = i.meeting_id \
             WHERE mt.body_code = $1 AND mt.meeting_date < $2 AND i.outcome IN ('aterkommer', 'bordlagt') \
             AND NOT EXISTS (SELECT 1 FROM agenda_items c WHERE c.carried_from = i.id) ORDER BY mt.meeting_date, i.position",
        )
        .bind(&m.body)
        .bind(&date)
        .fetch_all(&mut *tx)
        .await?;
        for (i, r) in carried.iter().enumerate() {
            sqlx::query(
                "INSERT INTO agenda_items (meeting_id, position, number, title, kind, presenters, body_text, needs_underlag, carried_from) \
                 VALUES ($1, $2, $3, $4, $5, $6, '', $7, $8)",
            )
            .bind(id)
            .bind(i as i64)
            .bind((i + 1).to_string())
            .bind(r.try_get::<String, _>(1)?)
            .bind(r.try_get::<Option<String>, _>(2)?)
            .bind(r.try_get::<String, _>(3)?)
            .bind(r.try_get::<i64, _>(4)?)
            .bind(r.try_get::<i64, _>(0)?)
            .execute(&mut *tx)
            .await?;
        }
        audit::append(
            &mut tx,
            &event(p, "meeting.plan", Outcome::Ok)
                .with_detail(format!("möte {id}, organ {}", m.body)),
        )
        .await?;
        crate::commit(tx).await?;
        Ok(id)
    }

    /// A body's meetings (planned, written and imported), by date; with
    /// `year`, that year's only.
    pub async fn meetings_of_body(
        &self,
        body: &str,
        year: Option<i32>,
    ) -> Result<Vec<MeetingSummary>, StoreError> {
        let (from, to) = match year {
            Some(y) => (format!("{y}-01-01"), format!("{y}-12-31")),
            None => ("0000".to_owned(), "9999".to_owned()),
        };
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {SUMMARY_COLUMNS} FROM meetings m WHERE (m.body_code = $1 OR m.joint_with LIKE $2) AND m.meeting_date BETWEEN $3 AND $4 ORDER BY m.meeting_date, m.start_time"
        )))
        .bind(body)
        .bind(format!("%\"{body}\"%"))
        .bind(from)
        .bind(to)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(summary).collect()
    }

    /// Every meeting, oldest change first, changed at or after `since` if given: the
    /// public interfaces page through this.
    pub async fn meetings_changed(
        &self,
        since: Option<&str>,
    ) -> Result<Vec<MeetingSummary>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {SUMMARY_COLUMNS} FROM meetings m WHERE COALESCE(m.updated_at, m.created_at) >= $1 ORDER BY m.id"
        )))
        .bind(since.unwrap_or(""))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(summary).collect()
    }

    /// A meeting with its agenda, attendance, minutes, signers and assignments, as of
    /// `today` (for the underlag flags).
    pub async fn governed_meeting(
        &self,
        id: i64,
        today: Date,
    ) -> Result<Option<Governed>, StoreError> {
        let Some(r) = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {SUMMARY_COLUMNS}, m.document_kind, m.underlag_deadline FROM meetings m WHERE m.id = $1"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?
        else {
            return Ok(None);
        };
        let deadline: Option<String> = r.try_get(14)?;
        let deadline_date = deadline.as_deref().and_then(time_fmt::parse_date);
        let item_rows = sqlx::query(
            "SELECT id, number, title, kind, presenters, body_text, needs_underlag, outcome, carried_from FROM agenda_items WHERE meeting_id = $1 ORDER BY position",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        let mut items = Vec::new();
        for i in item_rows {
            let item_id: i64 = i.try_get(0)?;
            let decisions = sqlx::query(
                "SELECT decision_text FROM decisions WHERE item_id = $1 ORDER BY position",
            )
            .bind(item_id)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|d| d.try_get::<String, _>(0))
            .collect::<Result<Vec<_>, _>>()?;
            let documents = sqlx::query("SELECT id, file_name, content_type, size, sha256, uploaded_at FROM item_documents WHERE item_id = $1 ORDER BY id")
                .bind(item_id)
                .fetch_all(&self.pool)
                .await?
                .iter()
                .map(|d| {
                    Ok(DocumentRow {
                        id: d.try_get(0)?,
                        file_name: d.try_get(1)?,
                        content_type: d.try_get(2)?,
                        size: d.try_get(3)?,
                        sha256: d.try_get(4)?,
                        uploaded_at: d.try_get(5)?,
                    })
                })
                .collect::<Result<Vec<_>, StoreError>>()?;
            let needs: bool = i.try_get::<i64, _>(6)? != 0;
            items.push(GovernedItem {
                id: item_id,
                number: i.try_get(1)?,
                title: i.try_get(2)?,
                kind: i.try_get(3)?,
                presenters: json_list(&i.try_get::<String, _>(4)?),
                notes: i.try_get(5)?,
                needs_underlag: needs,
                outcome: i.try_get(7)?,
                carried_from: i.try_get(8)?,
                underlag_missing: deadline_date.is_some_and(|d| {
                    governance::underlag_missing(needs, documents.len(), d, today)
                }),
                decisions,
                documents,
            });
        }
        let attendees = sqlx::query(
            "SELECT id, member_id, name, organization, role, status, substitute_for, note FROM meeting_attendees WHERE meeting_id = $1 ORDER BY position",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|a| {
            Ok(GovernedAttendee {
                id: a.try_get(0)?,
                member_id: a.try_get(1)?,
                name: a.try_get(2)?,
                organization: a.try_get(3)?,
                role: a.try_get(4)?,
                status: a.try_get(5)?,
                substitute_for: a.try_get(6)?,
                note: a.try_get(7)?,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
        let signers = signing::signers(&self.pool, id).await?;
        let assignments = self.assignments_of_meeting(id).await?;
        Ok(Some(Governed {
            summary: summary(&r)?,
            document_kind: r.try_get(13)?,
            version: r.try_get(12)?,
            underlag_deadline: deadline,
            items,
            attendees,
            signers,
            assignments,
        }))
    }
}

/// What an edit finds when it takes the meeting: its body and state.
pub(crate) struct Head {
    pub body: String,
}

/// Takes a meeting for a change: the body's secretary only, never a fixed protocol
/// (imported or signed), and only from the version the editor saw (`None` for
/// additions that cannot overwrite anything). Raises the version; a change to minutes
/// that were out for approval takes them back to the secretary and clears approvals.
pub(crate) async fn take(
    tx: &mut Tx,
    p: &Principal,
    id: i64,
    seen: Option<i64>,
) -> Result<Head, StoreError> {
    let Some(r) =
        sqlx::query("SELECT body_code, state, version, origin FROM meetings WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut **tx)
            .await?
    else {
        return Err(StoreError::NotFound(format!("mötet {id}")));
    };
    let body: Option<String> = r.try_get(0)?;
    let state = MeetingState::parse(&r.try_get::<String, _>(1)?)?;
    let version: i64 = r.try_get(2)?;
    if matches!(state, MeetingState::Justerat | MeetingState::Arkiverat) {
        return Err(StoreError::Forbidden(match state {
            MeetingState::Justerat => {
                "protokollet är justerat och låst; det kan inte ändras av någon".into()
            }
            _ => "mötet är importerat från ett arkiverat protokoll och kan inte ändras".into(),
        }));
    }
    let body = body.unwrap_or_default();
    keeper(p, &body)?;
    if let Some(seen) = seen
        && seen != version
    {
        return Err(StoreError::Conflict(format!(
            "någon annan har ändrat mötet sedan du öppnade det (version {seen}, nu {version}); läs in sidan igen och gör ändringen på nytt"
        )));
    }
    let done = sqlx::query("UPDATE meetings SET version = version + 1, updated_at = $1, state = 'planerat' WHERE id = $2 AND version = $3")
        .bind(time_fmt::now_stored())
        .bind(id)
        .bind(version)
        .execute(&mut **tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(StoreError::Conflict(
            "någon annan ändrade mötet samtidigt; försök igen".into(),
        ));
    }
    if state == MeetingState::Justering {
        sqlx::query("UPDATE meeting_signers SET approved_at = NULL, approved_via = NULL, recorded_by = NULL WHERE meeting_id = $1")
            .bind(id)
            .execute(&mut **tx)
            .await?;
    }
    Ok(Head { body })
}
