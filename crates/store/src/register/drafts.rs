//! Browser imports: uploaded files wait as drafts, are read in the background (with
//! progress the page can show), reviewed and corrected by the secretary, then saved.

use super::{BodyRef, ImportOutcome};
use crate::{Store, StoreError};
use base64::Engine as _;
use samsyn_domain::protocol::{self, Hints, Protocol};
use sqlx::Row;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftState {
    /// Waiting to be read.
    Queued,
    /// Read; waiting for the secretary's review.
    Ready,
    /// Could not be read; `error` says why.
    Failed,
    /// Saved into the register.
    Saved,
    /// The same file was already in the register.
    Unchanged,
    /// The meeting is in the register from another file; not saved.
    Changed,
}

impl DraftState {
    pub fn as_str(self) -> &'static str {
        match self {
            DraftState::Queued => "queued",
            DraftState::Ready => "ready",
            DraftState::Failed => "failed",
            DraftState::Saved => "saved",
            DraftState::Unchanged => "unchanged",
            DraftState::Changed => "changed",
        }
    }
    fn parse(s: &str) -> DraftState {
        match s {
            "ready" => DraftState::Ready,
            "failed" => DraftState::Failed,
            "saved" => DraftState::Saved,
            "unchanged" => DraftState::Unchanged,
            "changed" => DraftState::Changed,
            _ => DraftState::Queued,
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            DraftState::Queued => "Läses in",
            DraftState::Ready => "Klar att granska",
            DraftState::Failed => "Kunde inte läsas",
            DraftState::Saved => "Sparad i registret",
            DraftState::Unchanged => "Fanns redan – inget ändrat",
            DraftState::Changed => "Mötet finns redan från en annan fil – inte sparad",
        }
    }
    /// Whether the reading of this file is over.
    pub fn is_read(self) -> bool {
        self != DraftState::Queued
    }
}

#[derive(Debug, Clone)]
pub struct Draft {
    pub id: i64,
    pub file_name: String,
    pub state: DraftState,
    pub error: Option<String>,
    pub meeting_id: Option<i64>,
    pub protocol: Option<Protocol>,
}

fn draft_from(r: &sqlx::any::AnyRow) -> Result<Draft, StoreError> {
    let parsed: Option<String> = r.try_get(4)?;
    Ok(Draft {
        id: r.try_get(0)?,
        file_name: r.try_get(1)?,
        state: DraftState::parse(&r.try_get::<String, _>(2)?),
        error: r.try_get(3)?,
        protocol: parsed.and_then(|p| serde_json::from_str(&p).ok()),
        meeting_id: r.try_get(5)?,
    })
}

const COLUMNS: &str = "id, file_name, state, error, parsed, meeting_id";

impl Store {
    /// Keeps uploaded files as drafts of one batch, to be read by [`Store::read_drafts`].
    pub async fn create_drafts(
        &self,
        batch: &str,
        files: &[(String, Vec<u8>)],
        user: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        let now = samsyn_domain::time_fmt::now_stored();
        for (i, (name, bytes)) in files.iter().enumerate() {
            sqlx::query(
                "INSERT INTO protocol_drafts (batch, position, file_name, content, state, created_by, created_at) VALUES ($1, $2, $3, $4, 'queued', $5, $6)",
            )
            .bind(batch)
            .bind(i as i64)
            .bind(name)
            .bind(base64::engine::general_purpose::STANDARD.encode(bytes))
            .bind(user)
            .bind(&now)
            .execute(&mut *tx)
            .await?;
        }
        crate::commit(tx).await
    }

    /// Reads every queued file of a batch, one at a time, so the page can show progress.
    pub async fn read_drafts(&self, batch: &str) -> Result<(), StoreError> {
        let queued = sqlx::query("SELECT id, file_name, content FROM protocol_drafts WHERE batch = $1 AND state = 'queued' ORDER BY position")
            .bind(batch)
            .fetch_all(&self.pool)
            .await?;
        for r in queued {
            let id: i64 = r.try_get(0)?;
            let name: String = r.try_get(1)?;
            let content: String = r.try_get(2)?;
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(content)
                .unwrap_or_default();
            let hints = Hints {
                file_name: Some(name),
                body: None,
            };
            let result = protocol::read_document(&bytes).and_then(|(text, warning)| {
                protocol::parse(&text, &hints).map(|mut p| {
                    if let Some(w) = warning {
                        p.warnings.insert(0, w);
                    }
                    p
                })
            });
            let (state, parsed, error) = match result {
                Ok(p) => (DraftState::Ready, serde_json::to_string(&p).ok(), None),
                Err(e) => (DraftState::Failed, None, Some(e.to_string())),
            };
            sqlx::query(
                "UPDATE protocol_drafts SET state = $1, parsed = $2, error = $3 WHERE id = $4",
            )
            .bind(state.as_str())
            .bind(parsed)
            .bind(error)
            .bind(id)
            .execute(&self.pool)
            .await?;
        }
        Ok(())
    }

    /// The drafts of a batch that `user` uploaded.
    pub async fn drafts(&self, batch: &str, user: &str) -> Result<Vec<Draft>, StoreError> {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM protocol_drafts WHERE batch = $1 AND created_by = $2 ORDER BY position"
        )))
        .bind(batch)
        .bind(user)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(draft_from)
        .collect()
    }

    pub async fn draft(&self, batch: &str, id: i64, user: &str) -> Result<Draft, StoreError> {
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM protocol_drafts WHERE batch = $1 AND id = $2 AND created_by = $3"
        )))
        .bind(batch)
        .bind(id)
        .bind(user)
        .fetch_optional(&self.pool)
        .await?
        .ok_or_else(|| StoreError::NotFound("importen".into()))?;
        draft_from(&r)
    }

    /// Saves a reviewed draft into the register, as the secretary corrected it.
    pub async fn save_draft(
        &self,
        batch: &str,
        id: i64,
        user: &str,
        protocol: &Protocol,
        body: &BodyRef,
    ) -> Result<ImportOutcome, StoreError> {
        let draft = self.draft(batch, id, user).await?;
        if draft.state != DraftState::Ready {
            return Err(StoreError::OutOfOrder(format!(
                "filen är inte klar att sparas ({})",
                draft.state.label()
            )));
        }
        let content: String = sqlx::query("SELECT content FROM protocol_drafts WHERE id = $1")
            .bind(id)
            .fetch_one(&self.pool)
            .await?
            .try_get(0)?;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(content)
            .unwrap_or_default();
        let outcome = self
            .import_protocol(&draft.file_name, &bytes, protocol, body, user)
            .await?;
        let (state, meeting) = match outcome {
            ImportOutcome::Imported { meeting_id } => (DraftState::Saved, meeting_id),
            ImportOutcome::Unchanged { meeting_id } => (DraftState::Unchanged, meeting_id),
            ImportOutcome::Changed { meeting_id } => (DraftState::Changed, meeting_id),
        };
        sqlx::query("UPDATE protocol_drafts SET state = $1, meeting_id = $2, parsed = $3, content = '' WHERE id = $4")
            .bind(state.as_str())
            .bind(meeting)
            .bind(serde_json::to_string(protocol).ok())
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(outcome)
    }

    /// The latest meetings in the register.
    pub async fn recent_meetings(&self, limit: i64) -> Result<Vec<MeetingSummary>, StoreError> {
        sqlx::query(
            "SELECT m.id, m.body_name, m.document_kind, m.meeting_date, (SELECT COUNT(*) FROM agenda_items i WHERE i.meeting_id = m.id) \
             FROM meetings m ORDER BY m.meeting_date DESC, m.id DESC LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await?
        .into_iter()
        .map(|r| {
            Ok(MeetingSummary {
                id: r.try_get(0)?,
                body: r.try_get(1)?,
                document_kind: r.try_get(2)?,
                date: r.try_get(3)?,
                items: r.try_get(4)?,
            })
        })
        .collect()
    }
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct MeetingSummary {
    pub id: i64,
    pub body: Option<String>,
    pub document_kind: String,
    pub date: String,
    pub items: i64,
}
