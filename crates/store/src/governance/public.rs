//! The bodies' public data, read for the open interfaces (OParl): every agenda item
//! with its decisions, and every public file — signed protocols, underlag and the
//! original files of imported minutes. Nothing here is about patients.

use crate::{Store, StoreError};
use base64::Engine as _;
use sqlx::Row;

#[derive(Debug, Clone)]
pub struct PublicItem {
    pub id: i64,
    pub meeting_id: i64,
    pub position: i64,
    pub number: String,
    pub title: String,
    pub kind: Option<String>,
    pub decisions: Vec<String>,
    pub created: String,
    pub modified: String,
}

/// A file anyone may read; `key` names it in addresses: `p{meeting}` a signed
/// protocol, `u{document}` an underlag, `o{meeting}` an imported original.
#[derive(Debug, Clone)]
pub struct PublicFile {
    pub key: String,
    pub name: String,
    pub file_name: String,
    pub mime_type: String,
    pub size: i64,
    pub sha256: Option<String>,
    pub date: String,
    pub meeting_id: i64,
    pub item_id: Option<i64>,
    pub modified: String,
}

impl Store {
    /// When this database was created: the time the first migration ran.
    pub async fn created_at(&self) -> Result<String, StoreError> {
        Ok(
            sqlx::query("SELECT applied_at FROM schema_migrations ORDER BY version LIMIT 1")
                .fetch_one(&self.pool)
                .await?
                .try_get(0)?,
        )
    }

    /// Whether a meeting was planned and minuted in samsyn (not imported).
    pub async fn written_in_samsyn(&self, meeting: i64) -> Result<bool, StoreError> {
        Ok(
            sqlx::query("SELECT 1 FROM meetings WHERE id = $1 AND origin = 'samsyn'")
                .bind(meeting)
                .fetch_optional(&self.pool)
                .await?
                .is_some(),
        )
    }

    /// The meeting an agenda item belongs to.
    pub async fn meeting_of_item(&self, item: i64) -> Result<Option<i64>, StoreError> {
        Ok(
            sqlx::query("SELECT meeting_id FROM agenda_items WHERE id = $1")
                .bind(item)
                .fetch_optional(&self.pool)
                .await?
                .map(|r| r.try_get(0))
                .transpose()?,
        )
    }

    /// Every agenda item, by meeting and position, with its decisions.
    pub async fn public_agenda_items(&self) -> Result<Vec<PublicItem>, StoreError> {
        let rows = sqlx::query(
            "SELECT i.id, i.meeting_id, i.position, i.number, i.title, i.kind, m.created_at, COALESCE(m.updated_at, m.created_at) \
             FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id ORDER BY i.meeting_id, i.position",
        )
        .fetch_all(&self.pool)
        .await?;
        let decisions =
            sqlx::query("SELECT item_id, decision_text FROM decisions ORDER BY item_id, position")
                .fetch_all(&self.pool)
                .await?;
        let mut by_item: std::collections::HashMap<i64, Vec<String>> =
            std::collections::HashMap::new();
        for d in decisions {
            by_item
                .entry(d.try_get(0)?)
                .or_default()
                .push(d.try_get(1)?);
        }
        rows.iter()
            .map(|r| {
                let id: i64 = r.try_get(0)?;
                Ok(PublicItem {
                    id,
                    meeting_id: r.try_get(1)?,
                    position: r.try_get(2)?,
                    number: r.try_get(3)?,
                    title: r.try_get(4)?,
                    kind: r.try_get(5)?,
                    decisions: by_item.remove(&id).unwrap_or_default(),
                    created: r.try_get(6)?,
                    modified: r.try_get(7)?,
                })
            })
            .collect()
    }

    /// Every public file, without its content.
    pub async fn public_files(&self) -> Result<Vec<PublicFile>, StoreError> {
        let mut out = Vec::new();
        for r in sqlx::query(
            "SELECT s.meeting_id, m.meeting_date, s.pdf_sha256, s.pdf_content, s.signed_at FROM signed_protocols s JOIN meetings m ON m.id = s.meeting_id ORDER BY s.meeting_id",
        )
        .fetch_all(&self.pool)
        .await?
        {
            let meeting: i64 = r.try_get(0)?;
            let b64: String = r.try_get(3)?;
            let size = (b64.len() / 4 * 3 - b64.bytes().rev().take_while(|b| *b == b'=').count()) as i64;
            out.push(PublicFile {
                key: format!("p{meeting}"),
                name: format!("Justerat protokoll {}", r.try_get::<String, _>(1)?),
                file_name: format!("protokoll-{meeting}.pdf"),
                mime_type: "application/pdf".into(),
                size,
                sha256: r.try_get(2)?,
                date: r.try_get(1)?,
                meeting_id: meeting,
                item_id: None,
                modified: r.try_get(4)?,
            });
        }
        for r in sqlx::query(
            "SELECT d.id, d.file_name, d.content_type, d.size, d.sha256, d.uploaded_at, i.meeting_id, i.id FROM item_documents d JOIN agenda_items i ON i.id = d.item_id ORDER BY d.id",
        )
        .fetch_all(&self.pool)
        .await?
        {
            let uploaded: String = r.try_get(5)?;
            out.push(PublicFile {
                key: format!("u{}", r.try_get::<i64, _>(0)?),
                name: r.try_get(1)?,
                file_name: r.try_get(1)?,
                mime_type: r.try_get(2)?,
                size: r.try_get(3)?,
                sha256: r.try_get(4)?,
                date: uploaded.get(..10).unwrap_or_default().to_owned(),
                meeting_id: r.try_get(6)?,
                item_id: Some(r.try_get(7)?),
                modified: uploaded,
            });
        }
        for r in sqlx::query(
            "SELECT m.id, f.file_name, f.size, f.sha256, f.imported_at FROM meetings m JOIN protocol_files f ON f.id = m.source_file_id ORDER BY m.id",
        )
        .fetch_all(&self.pool)
        .await?
        {
            let name: String = r.try_get(1)?;
            let imported: String = r.try_get(4)?;
            out.push(PublicFile {
                key: format!("o{}", r.try_get::<i64, _>(0)?),
                mime_type: if name.to_lowercase().ends_with(".pdf") { "application/pdf" } else { "text/plain" }.into(),
                name: format!("Originalfil: {name}"),
                file_name: name,
                size: r.try_get(2)?,
                sha256: r.try_get(3)?,
                date: imported.get(..10).unwrap_or_default().to_owned(),
                meeting_id: r.try_get(0)?,
                item_id: None,
                modified: imported,
            });
        }
        Ok(out)
    }

    /// A public file's name, type and bytes, by its key.
    pub async fn public_file(
        &self,
        key: &str,
    ) -> Result<Option<(String, String, Vec<u8>)>, StoreError> {
        let (kind, id) = key.split_at(key.len().min(1));
        let Ok(id) = id.parse::<i64>() else {
            return Ok(None);
        };
        match kind {
            "p" => Ok(self.signed_protocol(id).await?.map(|s| {
                (
                    format!("protokoll-{id}.pdf"),
                    "application/pdf".to_owned(),
                    s.pdf,
                )
            })),
            "u" => {
                let Some(r) = sqlx::query("SELECT d.file_name, d.content_type, d.content FROM item_documents d WHERE d.id = $1")
                    .bind(id)
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
            "o" => Ok(self.protocol_file(id).await?.map(|(name, bytes)| {
                let mime = if name.to_lowercase().ends_with(".pdf") {
                    "application/pdf"
                } else {
                    "text/plain; charset=utf-8"
                };
                (name, mime.to_owned(), bytes)
            })),
            _ => Ok(None),
        }
    }
}
