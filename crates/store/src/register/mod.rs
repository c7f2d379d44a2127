//! The decisions register: meetings, attendance, agenda items and decisions, and
//! imports of earlier minutes into it (the original file kept beside what was read).

pub mod drafts;
pub mod search;
mod topk;

use crate::{Store, StoreError, Tx, audit};
use base64::Engine as _;
use samsyn_domain::audit::{AuditEvent, Outcome, Purpose};
use samsyn_domain::protocol::{Protocol, fold};
use sha2::{Digest, Sha256};
use sqlx::Row;

/// What an import did with one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportOutcome {
    /// Stored as a new meeting.
    Imported { meeting_id: i64 },
    /// The same file was imported before; nothing changed.
    Unchanged { meeting_id: i64 },
    /// The meeting is already in the register from a different file (or written in
    /// samsyn); nothing stored, so nothing is silently duplicated.
    Changed { meeting_id: i64 },
}

/// A body chosen for a protocol: the register's code, or only the name from the text.
#[derive(Debug, Clone)]
pub struct BodyRef {
    pub code: Option<String>,
    pub name: Option<String>,
}

fn words_of(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 1 && !["for", "och", "samt", "i", "av", "med"].contains(w))
        .map(str::to_owned)
        .collect()
}

/// The body in the register that a name from a protocol means: exact code, or names
/// that share nearly all their words ("Specifika samverkansrådet för social välfärd …"
/// is "Specifika samverkansrådet social välfärd …").
pub fn match_body(bodies: &[crate::org::Body], name: &str) -> Option<crate::org::Body> {
    if let Some(b) = bodies
        .iter()
        .find(|b| b.code.eq_ignore_ascii_case(name.trim()))
    {
        return Some(b.clone());
    }
    let want = words_of(name);
    if want.is_empty() {
        return None;
    }
    bodies
        .iter()
        .map(|b| {
            let have = words_of(&b.name);
            let common = want.iter().filter(|w| have.contains(w)).count();
            let union = want.len() + have.len() - common;
            (common as f64 / union.max(1) as f64, b)
        })
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, b)| b.clone())
}

fn identity_key(body: &BodyRef, p: &Protocol) -> String {
    let who = body
        .code
        .clone()
        .or_else(|| body.name.as_deref().map(fold))
        .unwrap_or_default();
    format!("{who}|{}|{}", p.date, p.document_kind.as_str())
}

impl Store {
    /// The body reference for a protocol: `hint` (a code or name given by the user) or
    /// the name read from the text, matched against the register's bodies.
    pub async fn resolve_body(
        &self,
        hint: Option<&str>,
        from_text: Option<&str>,
    ) -> Result<BodyRef, StoreError> {
        let bodies = self.bodies().await?;
        let name = hint.or(from_text);
        Ok(match name.and_then(|n| match_body(&bodies, n)) {
            Some(b) => BodyRef {
                code: Some(b.code),
                name: Some(b.name),
            },
            None => BodyRef {
                code: None,
                name: name.map(str::to_owned),
            },
        })
    }

    /// Stores one protocol read from `bytes`; see [`ImportOutcome`]. All or nothing.
    pub async fn import_protocol(
        &self,
        file_name: &str,
        bytes: &[u8],
        protocol: &Protocol,
        body: &BodyRef,
        actor: &str,
    ) -> Result<ImportOutcome, StoreError> {
        let sha = samsyn_domain::hex::encode(&Sha256::digest(bytes));
        let mut tx = self.begin_write().await?;
        if let Some(r) = sqlx::query("SELECT m.id FROM meetings m JOIN protocol_files f ON f.id = m.source_file_id WHERE f.sha256 = $1")
            .bind(&sha)
            .fetch_optional(&mut *tx)
            .await?
        {
            tx.rollback().await?;
            return Ok(ImportOutcome::Unchanged { meeting_id: r.try_get(0)? });
        }
        let key = identity_key(body, protocol);
        if let Some(r) = sqlx::query("SELECT id FROM meetings WHERE identity_key = $1")
            .bind(&key)
            .fetch_optional(&mut *tx)
            .await?
        {
            tx.rollback().await?;
            let meeting_id: i64 = r.try_get(0)?;
            // A different text for a meeting already in the register — perhaps one
            // signed in samsyn — is refused, and the attempt is on record.
            self.audit(
                &AuditEvent::system(
                    actor,
                    "protocol.import",
                    Purpose::Administration,
                    Outcome::Denied,
                )
                .with_detail(format!(
                    "möte {meeting_id} finns redan från en annan källa; inget ändrat"
                )),
            )
            .await?;
            return Ok(ImportOutcome::Changed { meeting_id });
        }
        let now = samsyn_domain::time_fmt::now_stored();
        let file_id: i64 = sqlx::query(
            "INSERT INTO protocol_files (file_name, sha256, size, content, imported_by, imported_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(file_name)
        .bind(&sha)
        .bind(bytes.len() as i64)
        .bind(base64::engine::general_purpose::STANDARD.encode(bytes))
        .bind(actor)
        .bind(&now)
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
        let meeting_id = insert_meeting(
            &mut tx,
            self.engine,
            protocol,
            body,
            &key,
            Some(file_id),
            actor,
            &now,
        )
        .await?;
        audit::append(
            &mut tx,
            &AuditEvent::system(
                actor,
                "protocol.import",
                Purpose::Administration,
                Outcome::Ok,
            )
            .with_detail(format!("möte {meeting_id} från fil {file_id}")),
        )
        .await?;
        crate::commit(tx).await?;
        Ok(ImportOutcome::Imported { meeting_id })
    }

    /// The original file of an imported meeting: name and bytes.
    pub async fn protocol_file(
        &self,
        meeting_id: i64,
    ) -> Result<Option<(String, Vec<u8>)>, StoreError> {
        let row = sqlx::query("SELECT f.file_name, f.content FROM meetings m JOIN protocol_files f ON f.id = m.source_file_id WHERE m.id = $1")
            .bind(meeting_id)
            .fetch_optional(&self.pool)
            .await?;
        let Some(r) = row else { return Ok(None) };
        let content: String = r.try_get(1)?;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(content)
            .map_err(|_| StoreError::Corrupt("protokollfilen är skadad".into()))?;
        Ok(Some((r.try_get(0)?, bytes)))
    }

    /// A meeting as stored, in the import format.
    pub async fn meeting(&self, meeting_id: i64) -> Result<Option<StoredMeeting>, StoreError> {
        let Some(m) = sqlx::query(
            "SELECT body_code, body_name, document_kind, meeting_date, start_time, end_time, place, chair, secretaries, adjusters, adjusted_on, source_file_id \
             FROM meetings WHERE id = $1",
        )
        .bind(meeting_id)
        .fetch_optional(&self.pool)
        .await?
        else {
            return Ok(None);
        };
        let json_list = |s: String| serde_json::from_str::<Vec<String>>(&s).unwrap_or_default();
        let items = sqlx::query("SELECT id, number, title, kind, presenters, body_text FROM agenda_items WHERE meeting_id = $1 ORDER BY position")
            .bind(meeting_id)
            .fetch_all(&self.pool)
            .await?;
        let mut out_items = Vec::new();
        for r in items {
            let id: i64 = r.try_get(0)?;
            let decisions = sqlx::query(
                "SELECT decision_text FROM decisions WHERE item_id = $1 ORDER BY position",
            )
            .bind(id)
            .fetch_all(&self.pool)
            .await?
            .into_iter()
            .map(|d| d.try_get::<String, _>(0))
            .collect::<Result<Vec<_>, _>>()?;
            out_items.push(StoredItem {
                id,
                number: r.try_get(1)?,
                title: r.try_get(2)?,
                kind: r.try_get(3)?,
                presenters: json_list(r.try_get(4)?),
                text: r.try_get(5)?,
                decisions,
            });
        }
        let attendees = sqlx::query("SELECT name, organization, role, status FROM meeting_attendees WHERE meeting_id = $1 ORDER BY position")
            .bind(meeting_id)
            .fetch_all(&self.pool)
            .await?
            .into_iter()
            .map(|r| Ok(StoredAttendee { name: r.try_get(0)?, organization: r.try_get(1)?, role: r.try_get(2)?, status: r.try_get(3)? }))
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(Some(StoredMeeting {
            id: meeting_id,
            body_code: m.try_get(0)?,
            body_name: m.try_get(1)?,
            document_kind: m.try_get(2)?,
            date: m.try_get(3)?,
            start_time: m.try_get(4)?,
            end_time: m.try_get(5)?,
            place: m.try_get(6)?,
            chair: m.try_get(7)?,
            secretaries: json_list(m.try_get(8)?),
            adjusters: json_list(m.try_get(9)?),
            adjusted_on: m.try_get(10)?,
            imported: m.try_get::<Option<i64>, _>(11)?.is_some(),
            attendees,
            items: out_items,
        }))
    }
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct StoredAttendee {
    pub name: String,
    pub organization: Option<String>,
    pub role: Option<String>,
    pub status: String,
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct StoredItem {
    pub id: i64,
    pub number: String,
    pub title: String,
    pub kind: Option<String>,
    pub presenters: Vec<String>,
    pub decisions: Vec<String>,
    pub text: String,
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct StoredMeeting {
    pub id: i64,
    pub body_code: Option<String>,
    pub body_name: Option<String>,
    pub document_kind: String,
    pub date: String,
    pub start_time: Option<String>,
    pub end_time: Option<String>,
    pub place: Option<String>,
    pub chair: Option<String>,
    pub secretaries: Vec<String>,
    pub adjusters: Vec<String>,
    pub adjusted_on: Option<String>,
    pub imported: bool,
    pub attendees: Vec<StoredAttendee>,
    pub items: Vec<StoredItem>,
}

#[allow(clippy::too_many_arguments)]
async fn insert_meeting(
    tx: &mut Tx,
    engine: crate::Engine,
    p: &Protocol,
    body: &BodyRef,
    key: &str,
    file_id: Option<i64>,
    actor: &str,
    now: &str,
) -> Result<i64, StoreError> {
    let meeting_id: i64 = sqlx::query(
        "INSERT INTO meetings (identity_key, body_code, body_name, document_kind, meeting_date, start_time, end_time, place, chair, \
         secretaries, adjusters, adjusted_on, signatures, warnings, source_file_id, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id",
    )
    .bind(key)
    .bind(body.code.as_deref())
    .bind(body.name.as_deref())
    .bind(p.document_kind.as_str())
    .bind(&p.date)
    .bind(p.start_time.as_deref())
    .bind(p.end_time.as_deref())
    .bind(p.place.as_deref())
    .bind(p.chair.as_deref())
    .bind(json(&p.secretaries))
    .bind(json(&p.adjusters))
    .bind(p.adjusted_on.as_deref())
    .bind(json(&p.signatures))
    .bind(json(&p.warnings))
    .bind(file_id)
    .bind(actor)
    .bind(now)
    .fetch_one(&mut **tx)
    .await?
    .try_get(0)?;
    for (i, a) in p.attendees.iter().enumerate() {
        sqlx::query("INSERT INTO meeting_attendees (meeting_id, position, name, organization, role, status) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(meeting_id)
            .bind(i as i64)
            .bind(&a.name)
            .bind(a.organization.as_deref())
            .bind(a.role.as_deref())
            .bind(a.status.as_str())
            .execute(&mut **tx)
            .await?;
    }
    for (i, item) in p.items.iter().enumerate() {
        let item_id: i64 = sqlx::query(
            "INSERT INTO agenda_items (meeting_id, position, number, title, kind, presenters, body_text) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(meeting_id)
        .bind(i as i64)
        .bind(&item.number)
        .bind(&item.title)
        .bind(item.kind.map(|k| k.as_str()))
        .bind(json(&item.presenters))
        .bind(&item.text)
        .fetch_one(&mut **tx)
        .await?
        .try_get(0)?;
        for (k, d) in item.decisions.iter().enumerate() {
            sqlx::query(
                "INSERT INTO decisions (item_id, position, decision_text) VALUES ($1, $2, $3)",
            )
            .bind(item_id)
            .bind(k as i64)
            .bind(d)
            .execute(&mut **tx)
            .await?;
        }
        let mut content = item.text.clone();
        for d in &item.decisions {
            if !content.contains(d.as_str()) {
                content.push_str("\nBeslut: ");
                content.push_str(d);
            }
        }
        search::index(
            tx,
            engine,
            search::NewDoc {
                meeting_id,
                item_id: Some(item_id),
                body_code: body.code.as_deref(),
                body_name: body.name.as_deref(),
                meeting_date: &p.date,
                document_kind: p.document_kind.as_str(),
                title: &item.title,
                content: &content,
            },
        )
        .await?;
    }
    Ok(meeting_id)
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".to_owned())
}
