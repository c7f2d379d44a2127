//! The audit chain in the database: append inside the caller's transaction, search
//! for log review, and verify from the first entry to the head.

use crate::{Store, StoreError, Tx};
use samsyn_domain::audit::{AuditEntry, AuditEvent, ChainBreak, ChainVerifier, entry_hash};
use samsyn_domain::policy::AuditScope;
use samsyn_domain::time_fmt;
use sqlx::{AssertSqlSafe, Row, any::AnyRow};

/// Appends an entry in the caller's transaction, so the entry and the work it records
/// are committed together or not at all.
pub async fn append(tx: &mut Tx, event: &AuditEvent) -> Result<i64, StoreError> {
    // The UPDATE locks the head row until commit: appends from every process queue here.
    let head = sqlx::query("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash")
        .fetch_one(&mut **tx)
        .await?;
    let seq: i64 = head.try_get(0)?;
    let prev_hash: String = head.try_get(1)?;
    let at = time_fmt::now_stored();
    let hash = entry_hash(seq, &at, event, &prev_hash);
    sqlx::query(
        "INSERT INTO audit_log (seq, at, actor_user_id, actor, party_code, unit_code, person_id, \
         action, purpose, outcome, detail, prev_hash, hash) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
    )
    .bind(seq)
    .bind(&at)
    .bind(event.actor_user_id)
    .bind(&event.actor)
    .bind(&event.party)
    .bind(&event.unit)
    .bind(event.person_id)
    .bind(&event.action)
    .bind(&event.purpose)
    .bind(&event.outcome)
    .bind(&event.detail)
    .bind(&prev_hash)
    .bind(&hash)
    .execute(&mut **tx)
    .await?;
    sqlx::query("UPDATE audit_head SET hash = $1 WHERE id = 1")
        .bind(&hash)
        .execute(&mut **tx)
        .await?;
    Ok(seq)
}

/// Filters for log review; every field narrows the result.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub actor: Option<String>,
    pub action: Option<String>,
    pub outcome: Option<String>,
    pub person_id: Option<i64>,
    pub unit: Option<String>,
    /// Inclusive, `YYYY-MM-DD`.
    pub from_date: Option<String>,
    /// Inclusive, `YYYY-MM-DD`.
    pub to_date: Option<String>,
    /// Only entries before this number (paging backwards in time).
    pub before_seq: Option<i64>,
    pub limit: i64,
}

const COLUMNS: &str = "seq, at, actor_user_id, actor, party_code, unit_code, person_id, \
                       action, purpose, outcome, detail, prev_hash, hash";

fn entry_from_row(row: &AnyRow) -> Result<AuditEntry, sqlx::Error> {
    Ok(AuditEntry {
        seq: row.try_get(0)?,
        at: row.try_get(1)?,
        event: AuditEvent {
            actor_user_id: row.try_get(2)?,
            actor: row.try_get(3)?,
            party: row.try_get(4)?,
            unit: row.try_get(5)?,
            person_id: row.try_get(6)?,
            action: row.try_get(7)?,
            purpose: row.try_get(8)?,
            outcome: row.try_get(9)?,
            detail: row.try_get(10)?,
        },
        prev_hash: row.try_get(11)?,
        hash: row.try_get(12)?,
    })
}

/// Searches the log within the reviewer's scope, newest first. The search itself is
/// audited by the caller (it is a read of personal data).
pub async fn search(
    tx: &mut Tx,
    scope: &AuditScope,
    filter: &AuditFilter,
) -> Result<Vec<AuditEntry>, StoreError> {
    enum Bind {
        Text(String),
        Int(i64),
    }
    let mut clauses: Vec<String> = Vec::new();
    let mut binds: Vec<Bind> = Vec::new();
    let mut push = |clause: &str, bind: Bind| {
        binds.push(bind);
        clauses.push(clause.replace('?', &format!("${}", binds.len())));
    };
    if let AuditScope::Party(party) = scope {
        push(
            "(party_code = ? OR unit_code IN (SELECT code FROM units WHERE party_code = ?))",
            Bind::Text(party.as_str().to_owned()),
        );
    }
    if let Some(v) = &filter.actor {
        push("actor = ?", Bind::Text(v.trim().to_lowercase()));
    }
    if let Some(v) = &filter.action {
        push("action LIKE ?", Bind::Text(format!("{}%", v.trim())));
    }
    if let Some(v) = &filter.outcome {
        push("outcome = ?", Bind::Text(v.clone()));
    }
    if let Some(v) = filter.person_id {
        push("person_id = ?", Bind::Int(v));
    }
    if let Some(v) = &filter.unit {
        push("unit_code = ?", Bind::Text(v.trim().to_uppercase()));
    }
    if let Some(v) = &filter.from_date {
        push("at >= ?", Bind::Text(v.clone()));
    }
    if let Some(v) = &filter.to_date {
        // The whole day: anything that sorts before the next day's first instant.
        push("at < ?", Bind::Text(format!("{v}T99")));
    }
    if let Some(v) = filter.before_seq {
        push("seq < ?", Bind::Int(v));
    }
    let where_sql = if clauses.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", clauses.join(" AND "))
    };
    let sql = format!(
        "SELECT {COLUMNS} FROM audit_log {where_sql} ORDER BY seq DESC LIMIT {}",
        filter.limit.clamp(1, 500)
    );
    let mut query = sqlx::query(AssertSqlSafe(sql));
    for b in binds {
        query = match b {
            Bind::Text(t) => query.bind(t),
            Bind::Int(i) => query.bind(i),
        };
    }
    let rows = query.fetch_all(&mut **tx).await?;
    rows.iter()
        .map(|r| entry_from_row(r).map_err(StoreError::from))
        .collect()
}

/// The outcome of a verification: how many entries verified, or the first break.
pub type Verification = Result<i64, ChainBreak>;

impl Store {
    /// Appends one entry in a transaction of its own, for events with no other work.
    pub async fn audit(&self, event: &AuditEvent) -> Result<i64, StoreError> {
        let mut tx = self.begin_write().await?;
        let seq = append(&mut tx, event).await?;
        tx.commit().await?;
        Ok(seq)
    }

    /// Verifies the whole chain in pages, in constant memory.
    pub async fn verify_audit(&self) -> Result<Verification, StoreError> {
        let mut verifier = ChainVerifier::default();
        let mut after = 0i64;
        loop {
            let rows = sqlx::query(AssertSqlSafe(format!(
                "SELECT {COLUMNS} FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT 1000"
            )))
            .bind(after)
            .fetch_all(&self.pool)
            .await?;
            if rows.is_empty() {
                break;
            }
            for row in &rows {
                let entry = entry_from_row(row)?;
                if let Err(b) = verifier.push(&entry) {
                    return Ok(Err(b));
                }
                after = entry.seq;
            }
        }
        let head = sqlx::query("SELECT seq, hash FROM audit_head WHERE id = 1")
            .fetch_one(&self.pool)
            .await?;
        Ok(verifier.finish(head.try_get(0)?, &head.try_get::<String, _>(1)?))
    }
}
