//! The agenda, its underlag, attendance and the minutes of a meeting, as the
//! secretary writes them before approval.

use super::{event, json, non_empty, take};
use crate::{Store, StoreError, audit};
use base64::Engine as _;
use samsyn_domain::audit::Outcome;
use samsyn_domain::governance::{self, AttendanceStatus, DocumentKind, ItemOutcome};
use samsyn_domain::protocol::ItemKind;
use samsyn_domain::{InvalidValue, Principal, time_fmt};
use sqlx::Row;

/// An agenda item to add.
#[derive(Debug, Clone)]
pub struct NewItem {
    pub title: String,
    pub kind: Option<ItemKind>,
    pub presenters: Vec<String>,
    pub needs_underlag: bool,
}

/// An underlag file for an item.
#[derive(Debug, Clone)]
pub struct NewDocument {
    pub file_name: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

/// One line of the attendance list: an existing row (by id) or, without id, someone
/// added (a substitute, a guest).
#[derive(Debug, Clone)]
pub struct AttendanceEntry {
    pub id: Option<i64>,
    pub name: String,
    pub organization: Option<String>,
    pub role: Option<String>,
    pub status: AttendanceStatus,
    pub substitute_for: Option<String>,
    pub note: Option<String>,
}

/// What the minutes say about one item.
#[derive(Debug, Clone)]
pub struct ItemMinutes {
    pub item_id: i64,
    pub notes: String,
    pub decisions: Vec<String>,
    pub outcome: ItemOutcome,
}

/// The minutes as the secretary saves them.
#[derive(Debug, Clone)]
pub struct Minutes {
    pub document_kind: DocumentKind,
    pub start_time: Option<String>,
    pub end_time: Option<String>,
    pub items: Vec<ItemMinutes>,
    /// Who approves: the chair's and the adjusters' memberships.
    pub chair: Option<i64>,
    pub adjusters: Vec<i64>,
}

/// Underlag files are limited like other attachments.
pub const DOCUMENT_LIMIT: usize = 10 * 1024 * 1024;

fn clock(field: &'static str, t: &Option<String>) -> Result<Option<String>, InvalidValue> {
    t.as_deref()
        .filter(|s| !s.trim().is_empty())
        .map(|s| governance::parse_clock(field, s))
        .transpose()
}

impl Store {
    /// Adds an item at the end of the agenda, numbered after the others.
    pub async fn add_agenda_item(
        &self,
        p: &Principal,
        meeting: i64,
        seen: i64,
        item: NewItem,
    ) -> Result<i64, StoreError> {
        let title = non_empty("title", &item.title, "Rubriken")?;
        let mut tx = self.begin_write().await?;
        if let Err(e) = take(&mut tx, p, meeting, Some(seen)).await {
            tx.rollback().await?;
            return Err(self
                .refused(p, "agenda.edit", format!("möte {meeting}"), e)
                .await);
        }
        let count: i64 = sqlx::query("SELECT COUNT(*) FROM agenda_items WHERE meeting_id = $1")
            .bind(meeting)
            .fetch_one(&mut *tx)
            .await?
            .try_get(0)?;
        let presenters: Vec<String> = item
            .presenters
            .iter()
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect();
        let id: i64 = sqlx::query(
            "INSERT INTO agenda_items (meeting_id, position, number, title, kind, presenters, body_text, needs_underlag) VALUES ($1, $2, $3, $4, $5, $6, '', $7) RETURNING id",
        )
        .bind(meeting)
        .bind(count)
        .bind((count + 1).to_string())
        .bind(&title)
        .bind(item.kind.map(|k| k.as_str()))
        .bind(json(&presenters))
        .bind(item.needs_underlag as i64)
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
        audit::append(
            &mut tx,
            &event(p, "agenda.edit", Outcome::Ok)
                .with_detail(format!("möte {meeting}, punkt {id} tillagd")),
        )
        .await?;
        crate::commit(tx).await?;
        Ok(id)
    }

    /// Posts an underlag file to an item. Adding cannot overwrite anyone's work, so no
    /// version is asked for; a fixed protocol still refuses it.
    pub async fn add_underlag(
        &self,
        p: &Principal,
        meeting: i64,
        item: i64,
        doc: NewDocument,
    ) -> Result<i64, StoreError> {
        let name = non_empty("file", &doc.file_name, "Filnamnet")?;
        if doc.bytes.is_empty() {
            return Err(InvalidValue::new("file", format!("filen «{name}» är tom")).into());
        }
        if doc.bytes.len() > DOCUMENT_LIMIT {
            return Err(
                InvalidValue::new("file", format!("filen «{name}» är större än 10 MB")).into(),
            );
        }
        let mut tx = self.begin_write().await?;
        if let Err(e) = take(&mut tx, p, meeting, None).await {
            tx.rollback().await?;
            return Err(self
                .refused(p, "underlag.add", format!("möte {meeting}"), e)
                .await);
        }
        if sqlx::query("SELECT 1 FROM agenda_items WHERE id = $1 AND meeting_id = $2")
            .bind(item)
            .bind(meeting)
            .fetch_optional(&mut *tx)
            .await?
            .is_none()
        {
            return Err(StoreError::NotFound(format!("punkt {item} på mötet")));
        }
        let id: i64 = sqlx::query(
            "INSERT INTO item_documents (item_id, file_name, content_type, size, sha256, content, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(item)
        .bind(&name)
        .bind(&doc.content_type)
        .bind(doc.bytes.len() as i64)
        .bind(governance::sha256_hex(&doc.bytes))
        .bind(base64::engine::general_purpose::STANDARD.encode(&doc.bytes))
        .bind(p.username.as_str())
        .bind(time_fmt::now_stored())
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
        audit::append(
            &mut tx,
            &event(p, "underlag.add", Outcome::Ok)
                .with_detail(format!("möte {meeting}, punkt {item}, dokument {id}")),
        )
        .await?;
        crate::commit(tx).await?;
        Ok(id)
    }

    /// An underlag file: name, type and bytes.
    pub async fn underlag(
        &self,
        meeting: i64,
        document: i64,
    ) -> Result<Option<(String, String, Vec<u8>)>, StoreError> {
        let Some(r) = sqlx::query(
            "SELECT d.file_name, d.content_type, d.content FROM item_documents d JOIN agenda_items i ON i.id = d.item_id WHERE d.id = $1 AND i.meeting_id = $2",
        )
        .bind(document)
        .bind(meeting)
        .fetch_optional(&self.pool)
        .await?
        else {
            return Ok(None);
        };
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(r.try_get::<String, _>(2)?)
            .map_err(|_| StoreError::Corrupt("underlaget är skadat".into()))?;
        Ok(Some((r.try_get(0)?, r.try_get(1)?, bytes)))
    }

    /// Saves the attendance list as a whole.
    pub async fn record_attendance(
        &self,
        p: &Principal,
        meeting: i64,
        seen: i64,
        rows: Vec<AttendanceEntry>,
    ) -> Result<(), StoreError> {
        for (i, r) in rows.iter().enumerate() {
            if r.id.is_none() {
                non_empty("name", &r.name, &format!("Namnet på rad {}", i + 1))?;
            }
        }
        let mut tx = self.begin_write().await?;
        if let Err(e) = take(&mut tx, p, meeting, Some(seen)).await {
            tx.rollback().await?;
            return Err(self
                .refused(p, "attendance.record", format!("möte {meeting}"), e)
                .await);
        }
        let mut position: i64 = sqlx::query(
            "SELECT COALESCE(MAX(position), -1) + 1 FROM meeting_attendees WHERE meeting_id = $1",
        )
        .bind(meeting)
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
        let clean = |s: &Option<String>| {
            s.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        };
        for r in &rows {
            match r.id {
                Some(id) => {
                    let done = sqlx::query("UPDATE meeting_attendees SET status = $1, substitute_for = $2, note = $3 WHERE id = $4 AND meeting_id = $5")
                        .bind(r.status.as_str())
                        .bind(clean(&r.substitute_for))
                        .bind(clean(&r.note))
                        .bind(id)
                        .bind(meeting)
                        .execute(&mut *tx)
                        .await?;
                    if done.rows_affected() != 1 {
                        return Err(StoreError::NotFound(format!("närvaroraden {id} på mötet")));
                    }
                }
                None => {
                    sqlx::query("INSERT INTO meeting_attendees (meeting_id, position, name, organization, role, status, substitute_for, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                        .bind(meeting)
                        .bind(position)
                        .bind(r.name.trim())
                        .bind(clean(&r.organization))
                        .bind(clean(&r.role))
                        .bind(r.status.as_str())
                        .bind(clean(&r.substitute_for))
                        .bind(clean(&r.note))
                        .execute(&mut *tx)
                        .await?;
                    position += 1;
                }
            }
        }
        audit::append(
            &mut tx,
            &event(p, "attendance.record", Outcome::Ok)
                .with_detail(format!("möte {meeting}, {} rader", rows.len())),
        )
        .await?;
        crate::commit(tx).await
    }

    /// Saves the minutes: per item the notes, the decisions and how it left the
    /// meeting; the times; who approves.
    pub async fn write_minutes(
        &self,
        p: &Principal,
        meeting: i64,
        seen: i64,
        m: Minutes,
    ) -> Result<(), StoreError> {
        let start = clock("start_time", &m.start_time)?;
        let end = clock("end_time", &m.end_time)?;
        for item in &m.items {
            for d in &item.decisions {
                if d.chars().count() > 4000 {
                    return Err(InvalidValue::new(
                        "decisions",
                        "ett beslut är längre än 4000 tecken",
                    )
                    .into());
                }
            }
        }
        if m.adjusters.iter().any(|a| Some(*a) == m.chair) {
            return Err(InvalidValue::new(
                "adjusters",
                "ordföranden justerar redan; välj någon annan som justerare",
            )
            .into());
        }
        let mut tx = self.begin_write().await?;
        let head = match take(&mut tx, p, meeting, Some(seen)).await {
            Ok(h) => h,
            Err(e) => {
                tx.rollback().await?;
                return Err(self
                    .refused(p, "minutes.write", format!("möte {meeting}"), e)
                    .await);
            }
        };
        let date: String = sqlx::query("SELECT meeting_date FROM meetings WHERE id = $1")
            .bind(meeting)
            .fetch_one(&mut *tx)
            .await?
            .try_get(0)?;
        let key = format!("{}|{date}|{}", head.body, m.document_kind.as_str());
        sqlx::query("UPDATE meetings SET document_kind = $1, start_time = $2, end_time = $3, identity_key = $4 WHERE id = $5")
            .bind(m.document_kind.as_str())
            .bind(start.as_deref())
            .bind(end.as_deref())
            .bind(&key)
            .bind(meeting)
            .execute(&mut *tx)
            .await?;
        for item in &m.items {
            let done = sqlx::query("UPDATE agenda_items SET body_text = $1, outcome = $2 WHERE id = $3 AND meeting_id = $4")
                .bind(item.notes.trim())
                .bind(item.outcome.as_str())
                .bind(item.item_id)
                .bind(meeting)
                .execute(&mut *tx)
                .await?;
            if done.rows_affected() != 1 {
                return Err(StoreError::NotFound(format!(
                    "punkt {} på mötet",
                    item.item_id
                )));
            }
            sqlx::query("DELETE FROM decisions WHERE item_id = $1")
                .bind(item.item_id)
                .execute(&mut *tx)
                .await?;
            for (k, d) in item
                .decisions
                .iter()
                .map(|d| d.trim())
                .filter(|d| !d.is_empty())
                .enumerate()
            {
                sqlx::query(
                    "INSERT INTO decisions (item_id, position, decision_text) VALUES ($1, $2, $3)",
                )
                .bind(item.item_id)
                .bind(k as i64)
                .bind(d)
                .execute(&mut *tx)
                .await?;
            }
        }
        // Signers: the chair and the adjusters, members of the meeting's body.
        sqlx::query("DELETE FROM meeting_signers WHERE meeting_id = $1")
            .bind(meeting)
            .execute(&mut *tx)
            .await?;
        let signers = m
            .chair
            .map(|c| (c, "ordforande"))
            .into_iter()
            .chain(m.adjusters.iter().map(|a| (*a, "justerare")));
        let (mut chair_name, mut adjuster_names) = (None, Vec::new());
        for (member, role) in signers {
            let Some(r) =
                sqlx::query("SELECT name FROM body_members WHERE id = $1 AND body_code = $2")
                    .bind(member)
                    .bind(&head.body)
                    .fetch_optional(&mut *tx)
                    .await?
            else {
                return Err(InvalidValue::new(
                    if role == "ordforande" {
                        "chair"
                    } else {
                        "adjusters"
                    },
                    format!("{member} är inte ledamot i organet"),
                )
                .into());
            };
            let name: String = r.try_get(0)?;
            if role == "ordforande" {
                chair_name = Some(name);
            } else {
                adjuster_names.push(name);
            }
            sqlx::query(
                "INSERT INTO meeting_signers (meeting_id, member_id, role) VALUES ($1, $2, $3)",
            )
            .bind(meeting)
            .bind(member)
            .bind(role)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query("UPDATE meetings SET chair = $1, adjusters = $2 WHERE id = $3")
            .bind(chair_name)
            .bind(json(&adjuster_names))
            .bind(meeting)
            .execute(&mut *tx)
            .await?;
        audit::append(
            &mut tx,
            &event(p, "minutes.write", Outcome::Ok)
                .with_detail(format!("möte {meeting}, {} punkter", m.items.len())),
        )
        .await?;
        crate::commit(tx).await
    }
}
