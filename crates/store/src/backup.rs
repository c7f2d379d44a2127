//! Backup and restore as a logical copy: every table, read in one snapshot while the
//! server keeps running, written as JSON lines. Restore replaces all data in one
//! transaction, so a bad file changes nothing. The same file restores on either engine.

use crate::{Store, StoreError, audit, migrate};
use samsyn_domain::audit::{AuditEvent, Outcome, Purpose};
use samsyn_domain::time_fmt;
use serde_json::{Value, json};
use sqlx::{AssertSqlSafe, Column, Row, any::AnyRow};
use std::io::{BufRead, Write};

/// Every table with data, parents before children, with the column that orders its rows.
pub const TABLES: &[(&str, &str)] = &[
    ("county_parts", "code"),
    ("parties", "code"),
    ("units", "id"),
    ("bodies", "id"),
    ("users", "id"),
    ("role_assignments", "id"),
    ("body_members", "id"),
    ("sessions", "id"),
    ("api_tokens", "id"),
    ("login_failures", "id"),
    ("persons", "id"),
    ("agreements", "id"),
    ("agreement_versions", "id"),
    ("kva_codes", "code"),
    ("care_requests", "id"),
    ("disagreements", "id"),
    ("disagreement_comments", "id"),
    ("episodes", "id"),
    ("care_actions", "id"),
    ("follow_ups", "id"),
    ("plans", "id"),
    ("plan_participants", "plan_id, unit_code"),
    ("plan_goals", "id"),
    ("plan_actions", "id"),
    ("consents", "id"),
    ("notifications", "id"),
    ("attachments", "id"),
    ("population", "municipality_code, year, sex, age_group"),
    ("action_imports", "id"),
    ("historical_actions", "id"),
    ("stat_presence", "person_id, municipality_code, year"),
    ("stat_person_year", "person_id, year"),
    ("stat_cells", "year, area, sex, age_group"),
    ("supplement_bases", "municipality_code, base_year"),
    ("tax_base_development", "year"),
    ("protocol_files", "id"),
    ("meetings", "id"),
    ("meeting_attendees", "id"),
    ("agenda_items", "id"),
    ("decisions", "id"),
    ("search_docs", "id"),
    ("search_postings", "term, doc_id"),
    ("protocol_drafts", "id"),
    ("deviations", "id"),
    ("stays", "id"),
    ("discharge_messages", "id"),
    ("item_documents", "id"),
    ("meeting_signers", "meeting_id, member_id"),
    ("signed_protocols", "meeting_id"),
    ("assignments", "id"),
    ("meeting_evaluations", "id"),
    ("meeting_evaluators", "meeting_id, user_id"),
    ("risks", "id"),
    ("agreement_documents", "id"),
    ("agreement_phase_log", "id"),
    ("remisses", "id"),
    ("remiss_recipients", "remiss_id, party_code"),
    ("remiss_answers", "id"),
    ("remiss_comments", "id"),
    ("agreement_anchorings", "document_id, body_code"),
    ("agreement_adoptions", "document_id, party_code"),
    ("implementation_persons", "id"),
    ("gap_analyses", "id"),
    ("grants", "id"),
    ("allocations", "id"),
    ("liability_rule_versions", "version"),
    ("audit_log", "seq"),
    ("audit_head", "id"),
];

const FORMAT: &str = "samsyn-backup";

fn cell(row: &AnyRow, i: usize) -> Result<Value, StoreError> {
    if let Ok(v) = row.try_get::<Option<i64>, _>(i) {
        return Ok(v.map(Value::from).unwrap_or(Value::Null));
    }
    if let Ok(v) = row.try_get::<Option<String>, _>(i) {
        return Ok(v.map(Value::from).unwrap_or(Value::Null));
    }
    if let Ok(v) = row.try_get::<Option<f64>, _>(i) {
        return Ok(v.map(Value::from).unwrap_or(Value::Null));
    }
    Err(StoreError::Corrupt(format!(
        "kolumnen {} har en typ som säkerhetskopian inte kan läsa",
        row.column(i).name()
    )))
}

fn write_line(out: &mut impl Write, value: &Value) -> Result<(), StoreError> {
    serde_json::to_writer(&mut *out, value)
        .and_then(|_| out.write_all(b"\n").map_err(serde_json::Error::io))
        .map_err(|e| StoreError::Corrupt(format!("kan inte skriva säkerhetskopian: {e}")))
}

/// What a backup or restore did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub tables: usize,
    pub rows: usize,
}

impl Store {
    /// Writes a consistent copy of every table to `out`.
    pub async fn backup(&self, out: &mut impl Write) -> Result<Summary, StoreError> {
        self.audit(&AuditEvent::system(
            "cli",
            "backup.create",
            Purpose::Operations,
            Outcome::Ok,
        ))
        .await?;
        let mut tx = self.engine.begin_snapshot(&self.pool).await?;
        write_line(
            out,
            &json!({"format": FORMAT, "version": 1, "schema": migrate::latest_version(),
                    "created_at": time_fmt::now_stored()}),
        )?;
        let mut rows_written = 0;
        for (table, order) in TABLES {
            let rows = sqlx::query(AssertSqlSafe(format!(
                "SELECT * FROM {table} ORDER BY {order}"
            )))
            .fetch_all(&mut *tx)
            .await?;
            let columns: Vec<String> = match rows.first() {
                Some(r) => r.columns().iter().map(|c| c.name().to_owned()).collect(),
                None => Vec::new(),
            };
            write_line(out, &json!({"table": table, "columns": columns}))?;
            for row in &rows {
                let cells = (0..columns.len())
                    .map(|i| cell(row, i))
                    .collect::<Result<Vec<_>, _>>()?;
                write_line(out, &json!({"row": cells}))?;
            }
            rows_written += rows.len();
        }
        write_line(out, &json!({"end": true, "rows": rows_written}))?;
        tx.rollback().await?;
        Ok(Summary {
            tables: TABLES.len(),
            rows: rows_written,
        })
    }

    /// Replaces all data with a backup's. The whole file is read and checked first;
    /// any problem leaves the database exactly as it was.
    pub async fn restore(&self, input: impl BufRead) -> Result<Summary, StoreError> {
        let parsed = parse(input)?;
        let mut tx = self.begin_write().await?;
        for (table, _) in TABLES.iter().rev() {
            sqlx::query(AssertSqlSafe(format!("DELETE FROM {table}")))
                .execute(&mut *tx)
                .await?;
        }
        let mut rows_restored = 0;
        for t in &parsed {
            if t.rows.is_empty() {
                continue;
            }
            for (n, row) in t.rows.iter().enumerate() {
                // NULL goes into the text itself: a bound NULL carries a type, and
                // PostgreSQL refuses a text-typed NULL in a BIGINT column.
                let mut next = 0;
                let values: Vec<String> = row
                    .iter()
                    .map(|v| match v {
                        Value::Null => "NULL".to_owned(),
                        _ => {
                            next += 1;
                            format!("${next}")
                        }
                    })
                    .collect();
                let sql = format!(
                    "INSERT INTO {} ({}) VALUES ({})",
                    t.table,
                    t.columns.join(", "),
                    values.join(", ")
                );
                let mut q = sqlx::query(AssertSqlSafe(sql));
                for v in row {
                    q = match v {
                        Value::Null => q,
                        Value::Number(n) if n.is_i64() => q.bind(n.as_i64()),
                        Value::Number(n) => q.bind(n.as_f64()),
                        Value::String(s) => q.bind(s.clone()),
                        other => q.bind(other.to_string()),
                    };
                }
                q.execute(&mut *tx).await.map_err(|e| {
                    StoreError::Corrupt(format!("tabell {}, rad {}: {e}", t.table, n + 1))
                })?;
            }
            rows_restored += t.rows.len();
            if t.columns.iter().any(|c| c == "id")
                && let Some(sql) = self.engine.reset_identity_sql(&t.table)
            {
                sqlx::query(AssertSqlSafe(sql)).execute(&mut *tx).await?;
            }
        }
        audit::append(
            &mut tx,
            &AuditEvent::system("cli", "backup.restore", Purpose::Operations, Outcome::Ok)
                .with_detail(format!("{rows_restored} rader återställda")),
        )
        .await?;
        tx.commit().await?;
        Ok(Summary {
            tables: parsed.len(),
            rows: rows_restored,
        })
    }
}

struct TableData {
    table: String,
    columns: Vec<String>,
    rows: Vec<Vec<Value>>,
}

fn parse(input: impl BufRead) -> Result<Vec<TableData>, StoreError> {
    let bad = |line: usize, what: &str| {
        StoreError::Corrupt(format!("säkerhetskopian, rad {line}: {what}"))
    };
    let mut tables: Vec<TableData> = Vec::new();
    let mut header_seen = false;
    let mut end_rows: Option<usize> = None;
    for (i, line) in input.lines().enumerate() {
        let n = i + 1;
        let line = line.map_err(|e| bad(n, &format!("kan inte läsas ({e})")))?;
        if end_rows.is_some() {
            return Err(bad(n, "text efter slutmarkeringen"));
        }
        let v: Value =
            serde_json::from_str(&line).map_err(|e| bad(n, &format!("ogiltig JSON ({e})")))?;
        if !header_seen {
            if v["format"] != FORMAT {
                return Err(bad(n, "filen är ingen samsyn-säkerhetskopia"));
            }
            if v["schema"] != json!(migrate::latest_version()) {
                return Err(bad(
                    n,
                    &format!(
                        "kopian har schemaversion {} men den här versionen av samsyn har {}",
                        v["schema"],
                        migrate::latest_version()
                    ),
                ));
            }
            header_seen = true;
        } else if let Some(name) = v["table"].as_str() {
            if !TABLES.iter().any(|(t, _)| *t == name) {
                return Err(bad(n, &format!("okänd tabell «{name}»")));
            }
            let columns = v["columns"]
                .as_array()
                .ok_or_else(|| bad(n, "kolumnlistan saknas"))?
                .iter()
                .map(|c| {
                    c.as_str()
                        .filter(|s| {
                            !s.is_empty()
                                && s.bytes().all(|b| {
                                    b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'
                                })
                        })
                        .map(str::to_owned)
                        .ok_or_else(|| bad(n, "ogiltigt kolumnnamn"))
                })
                .collect::<Result<Vec<_>, _>>()?;
            tables.push(TableData {
                table: name.to_owned(),
                columns,
                rows: Vec::new(),
            });
        } else if let Some(row) = v["row"].as_array() {
            let t = tables
                .last_mut()
                .ok_or_else(|| bad(n, "rad före första tabellen"))?;
            if row.len() != t.columns.len() {
                return Err(bad(
                    n,
                    &format!(
                        "raden har {} värden men tabellen {} kolumner",
                        row.len(),
                        t.columns.len()
                    ),
                ));
            }
            t.rows.push(row.clone());
        } else if v["end"] == json!(true) {
            end_rows = Some(v["rows"].as_u64().unwrap_or(u64::MAX) as usize);
        } else {
            return Err(bad(n, "okänd rad"));
        }
    }
    let total: usize = tables.iter().map(|t| t.rows.len()).sum();
    match end_rows {
        None => Err(StoreError::Corrupt(
            "säkerhetskopian är avkortad: slutmarkeringen saknas".into(),
        )),
        Some(expected) if expected != total => Err(StoreError::Corrupt(format!(
            "säkerhetskopian säger {expected} rader men innehåller {total}"
        ))),
        Some(_) => Ok(tables),
    }
}
