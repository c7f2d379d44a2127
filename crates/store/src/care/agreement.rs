//! The agreement's versions and their rules.

use crate::{Store, StoreError, Tx, audit};
use samsyn_domain::agreement::AgreementRules;
use samsyn_domain::audit::{AuditEvent, Outcome, Purpose};
use serde::Serialize;
use sqlx::Row;

/// The code of the agreement on health care in the home.
pub const HOME_CARE: &str = "hsih";

#[derive(Debug, Clone, Serialize)]
pub struct AgreementVersion {
    pub id: i64,
    pub version: i64,
    pub valid_from: String,
    pub rules: AgreementRules,
    pub created_by: String,
}

fn from_row(r: &sqlx::any::AnyRow) -> Result<AgreementVersion, StoreError> {
    let rules: String = r.try_get(3)?;
    Ok(AgreementVersion {
        id: r.try_get(0)?,
        version: r.try_get(1)?,
        valid_from: r.try_get(2)?,
        rules: serde_json::from_str(&rules)
            .map_err(|e| StoreError::Corrupt(format!("överenskommelsens regler: {e}")))?,
        created_by: r.try_get(4)?,
    })
}

/// The version in force on a day (`YYYY-MM-DD`): the newest that applies from it or before.
pub async fn in_force(tx: &mut Tx, day: &str) -> Result<AgreementVersion, StoreError> {
    let row = sqlx::query(
        "SELECT v.id, v.version, v.valid_from, v.rules, v.created_by FROM agreement_versions v \
         JOIN agreements a ON a.id = v.agreement_id \
         WHERE a.code = $1 AND v.valid_from <= $2 ORDER BY v.valid_from DESC, v.version DESC LIMIT 1",
    )
    .bind(HOME_CARE)
    .bind(day)
    .fetch_optional(&mut **tx)
    .await?;
    match row {
        Some(r) => from_row(&r),
        None => Err(StoreError::NotFound(format!(
            "en gällande version av överenskommelsen den {day}"
        ))),
    }
}

pub async fn by_id(tx: &mut Tx, id: i64) -> Result<AgreementVersion, StoreError> {
    let row = sqlx::query(
        "SELECT id, version, valid_from, rules, created_by FROM agreement_versions WHERE id = $1",
    )
    .bind(id)
    .fetch_one(&mut **tx)
    .await?;
    from_row(&row)
}

/// Adds a version with its rules, numbered after the last. `actor` is who did it.
pub async fn add_version(
    tx: &mut Tx,
    valid_from: &str,
    rules: &AgreementRules,
    actor: &str,
) -> Result<i64, StoreError> {
    rules.validate()?;
    if time::Date::parse(
        valid_from,
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .is_err()
    {
        return Err(samsyn_domain::InvalidValue::new(
            "valid_from",
            "datumet ska skrivas ÅÅÅÅ-MM-DD",
        )
        .into());
    }
    sqlx::query(
        "INSERT INTO agreements (code, name) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING",
    )
    .bind(HOME_CARE)
    .bind("Överenskommelse om hälso- och sjukvård i hemmet")
    .execute(&mut **tx)
    .await?;
    let agreement_id: i64 = sqlx::query("SELECT id FROM agreements WHERE code = $1")
        .bind(HOME_CARE)
        .fetch_one(&mut **tx)
        .await?
        .try_get(0)?;
    let next: i64 = sqlx::query(
        "SELECT COALESCE(MAX(version), 0) + 1 FROM agreement_versions WHERE agreement_id = $1",
    )
    .bind(agreement_id)
    .fetch_one(&mut **tx)
    .await?
    .try_get(0)?;
    let json = serde_json::to_string(rules).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    sqlx::query(
        "INSERT INTO agreement_versions (agreement_id, version, valid_from, rules, created_at, created_by) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(agreement_id)
    .bind(next)
    .bind(valid_from)
    .bind(json)
    .bind(samsyn_domain::time_fmt::now_stored())
    .bind(actor)
    .execute(&mut **tx)
    .await?;
    audit::append(
        tx,
        &AuditEvent::system(
            actor,
            "agreement.version",
            Purpose::Administration,
            Outcome::Ok,
        )
        .with_detail(format!("version {next} gäller från {valid_from}")),
    )
    .await?;
    Ok(next)
}

impl Store {
    /// Every version, newest first.
    pub async fn agreement_versions(&self) -> Result<Vec<AgreementVersion>, StoreError> {
        let rows = sqlx::query(
            "SELECT v.id, v.version, v.valid_from, v.rules, v.created_by FROM agreement_versions v \
             JOIN agreements a ON a.id = v.agreement_id WHERE a.code = $1 ORDER BY v.version DESC",
        )
        .bind(HOME_CARE)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(from_row).collect()
    }
}
