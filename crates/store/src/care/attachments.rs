//! Bilagor: files the sending or receiving unit attaches to a care request.

use super::access::{Check, Refusal, allowed};
use crate::{Store, StoreError, Tx};
use base64::Engine as _;
use samsyn_domain::{InvalidValue, Principal, policy};
use serde::Serialize;
use sqlx::Row;

/// The largest attachment accepted.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AttachmentInfo {
    pub id: i64,
    pub filename: String,
    pub content_type: String,
    pub size: i64,
    pub uploaded_by: String,
    pub uploaded_at: String,
}

/// A file's name without any path, control characters or quotes, at most 200 characters.
pub fn clean_filename(name: &str) -> Result<String, InvalidValue> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && *c != '"')
        .take(200)
        .collect();
    let cleaned = cleaned.trim().to_owned();
    if cleaned.is_empty() || cleaned == "." || cleaned == ".." {
        Err(InvalidValue::new("file", "filen saknar namn"))
    } else {
        Ok(cleaned)
    }
}

pub async fn list(tx: &mut Tx, request_id: i64) -> Result<Vec<AttachmentInfo>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, filename, content_type, size, uploaded_by, uploaded_at FROM attachments WHERE request_id = $1 ORDER BY id",
    )
    .bind(request_id)
    .fetch_all(&mut **tx)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(AttachmentInfo {
                id: r.try_get(0)?,
                filename: r.try_get(1)?,
                content_type: r.try_get(2)?,
                size: r.try_get(3)?,
                uploaded_by: r.try_get(4)?,
                uploaded_at: r.try_get(5)?,
            })
        })
        .collect()
}

/// The request's person and units, if the principal acts for the sender or receiver
/// (or may see it, for reading).
async fn request_for(
    tx: &mut Tx,
    p: &Principal,
    id: i64,
    action: &'static str,
) -> Result<(i64, bool), Check> {
    let row = sqlx::query(
        "SELECT r.person_id, r.from_unit, fu.party_code, r.to_unit, tu.party_code FROM care_requests r \
         JOIN units fu ON fu.code = r.from_unit JOIN units tu ON tu.code = r.to_unit WHERE r.id = $1",
    )
    .bind(id)
    .fetch_optional(&mut **tx)
    .await?;
    let Some(r) = row else {
        return Err(Check::Refused(Refusal {
            action,
            person_id: None,
            what: "vårdbegäran",
        }));
    };
    let person_id: i64 = r.try_get(0)?;
    let from = policy::RelatedUnit {
        unit: r.try_get(1)?,
        party: r.try_get(2)?,
    };
    let to = policy::RelatedUnit {
        unit: r.try_get(3)?,
        party: r.try_get(4)?,
    };
    if !policy::can_read_person(p, &[from.clone(), to.clone()]) {
        return Err(Check::Refused(Refusal {
            action,
            person_id: Some(person_id),
            what: "vårdbegäran",
        }));
    }
    Ok((
        person_id,
        policy::acts_for_unit(p, &from.unit) || policy::acts_for_unit(p, &to.unit),
    ))
}

impl Store {
    /// Attaches a file to a request; the sending and receiving units may.
    pub async fn add_attachment(
        &self,
        p: &Principal,
        request_id: i64,
        filename: &str,
        content_type: &str,
        bytes: &[u8],
    ) -> Result<AttachmentInfo, StoreError> {
        let filename = clean_filename(filename)?;
        if bytes.is_empty() {
            return Err(InvalidValue::new("file", "filen är tom").into());
        }
        if bytes.len() > MAX_BYTES {
            return Err(InvalidValue::new(
                "file",
                format!("filen är större än {} MB", MAX_BYTES / 1024 / 1024),
            )
            .into());
        }
        let content_type = if content_type.is_empty() || content_type.len() > 100 {
            "application/octet-stream"
        } else {
            content_type
        };
        let mut tx = self.begin_write().await?;
        let (person_id, may_change) = allowed!(
            self,
            tx,
            p,
            request_for(&mut tx, p, request_id, "attachment.create").await
        );
        if !may_change {
            return Err(StoreError::Forbidden(
                "bara den sändande eller mottagande enheten kan bifoga filer".into(),
            ));
        }
        let id: i64 = sqlx::query(
            "INSERT INTO attachments (request_id, filename, content_type, size, content, uploaded_by, uploaded_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(request_id)
        .bind(&filename)
        .bind(content_type)
        .bind(bytes.len() as i64)
        .bind(base64::engine::general_purpose::STANDARD.encode(bytes))
        .bind(p.username.as_str())
        .bind(samsyn_domain::time_fmt::now_stored())
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
        self.log(
            &mut tx,
            p,
            "attachment.create",
            person_id,
            format!("bilaga {id} till vårdbegäran {request_id}"),
        )
        .await?;
        let info = list(&mut tx, request_id)
            .await?
            .into_iter()
            .find(|a| a.id == id)
            .ok_or_else(|| StoreError::NotFound("bilagan".into()))?;
        crate::commit(tx).await?;
        Ok(info)
    }

    /// Reads an attachment's name, type and bytes; audited.
    pub async fn attachment(
        &self,
        p: &Principal,
        request_id: i64,
        id: i64,
    ) -> Result<(String, String, Vec<u8>), StoreError> {
        let mut tx = self.begin_write().await?;
        let (person_id, _) = allowed!(
            self,
            tx,
            p,
            request_for(&mut tx, p, request_id, "attachment.read").await
        );
        let r = sqlx::query("SELECT filename, content_type, content FROM attachments WHERE id = $1 AND request_id = $2")
            .bind(id)
            .bind(request_id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or_else(|| StoreError::NotFound("bilagan".into()))?;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(r.try_get::<String, _>(2)?)
            .map_err(|e| StoreError::Corrupt(format!("bilaga {id}: {e}")))?;
        self.log(
            &mut tx,
            p,
            "attachment.read",
            person_id,
            format!("bilaga {id}"),
        )
        .await?;
        crate::commit(tx).await?;
        Ok((r.try_get(0)?, r.try_get(1)?, bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::clean_filename;

    #[test]
    fn file_names_lose_paths_and_quotes() {
        assert_eq!(
            clean_filename("C:\\\\tmp\\\\läkemedelslista.pdf").unwrap(),
            "läkemedelslista.pdf"
        );
        assert_eq!(clean_filename("../../etc/\"passwd\"").unwrap(), "passwd");
        assert!(clean_filename("dir/").is_err());
        assert!(clean_filename("..").is_err());
    }
}
