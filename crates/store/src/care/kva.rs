//! The KVÅ code table, imported from CSV (`kod,titel`).

use crate::{Store, StoreError, audit};
use samsyn_domain::InvalidValue;
use samsyn_domain::audit::{AuditEvent, Outcome, Purpose};
use samsyn_domain::kva::KvaCode;
use sqlx::Row;

/// Reads `kod,titel` lines (a header line first), naming the line of the first error.
pub fn parse_csv(text: &str) -> Result<Vec<(KvaCode, String)>, InvalidValue> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let at =
            |e: InvalidValue| InvalidValue::new("kva", format!("rad {}: {}", i + 1, e.message));
        let (code, title) = line.split_once(',').ok_or_else(|| {
            InvalidValue::new("kva", format!("rad {}: väntade «kod,titel»", i + 1))
        })?;
        let title = title.trim().trim_matches('"').to_owned();
        if title.is_empty() {
            return Err(InvalidValue::new(
                "kva",
                format!("rad {}: titeln saknas", i + 1),
            ));
        }
        out.push((KvaCode::parse(code).map_err(at)?, title));
    }
    Ok(out)
}

impl Store {
    /// Adds or renames codes; all or nothing.
    pub async fn import_kva(
        &self,
        codes: &[(KvaCode, String)],
        actor: &str,
    ) -> Result<usize, StoreError> {
        let mut tx = self.begin_write().await?;
        for (code, title) in codes {
            sqlx::query("INSERT INTO kva_codes (code, title) VALUES ($1, $2) ON CONFLICT (code) DO UPDATE SET title = $2")
                .bind(code.as_str())
                .bind(title)
                .execute(&mut *tx)
                .await?;
        }
        audit::append(
            &mut tx,
            &AuditEvent::system(actor, "kva.import", Purpose::Administration, Outcome::Ok)
                .with_detail(format!("{} koder", codes.len())),
        )
        .await?;
        crate::commit(tx).await?;
        Ok(codes.len())
    }

    /// Every code, for the forms.
    pub async fn kva_codes(&self) -> Result<Vec<(String, String)>, StoreError> {
        let rows = sqlx::query("SELECT code, title FROM kva_codes ORDER BY code")
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_bad_line_is_named() {
        let err = super::parse_csv("kod,titel\nDT016,Injektion\nXX0,Fel\n").unwrap_err();
        assert!(err.message.starts_with("rad 3"), "{}", err.message);
        assert_eq!(
            super::parse_csv("kod,titel\n\nDT016,Injektion\n")
                .unwrap()
                .len(),
            1
        );
    }
}
