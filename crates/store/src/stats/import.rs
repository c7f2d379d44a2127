//! Historical import from older systems: care actions and population figures as CSV.
//! The whole file is read and checked first; one bad row (its line and field named)
//! stores nothing.

use super::merge::{self, PersonFacts};
use crate::{Store, StoreError, audit};
use rustc_hash::{FxHashMap, FxHashSet};
use samsyn_domain::audit::{AuditEvent, Outcome, Purpose};
use samsyn_domain::kva::{KvaCode, PerformerKind};
use samsyn_domain::person::PersonNumber;
use samsyn_domain::stats::AgeGroup;
use samsyn_domain::{InvalidValue, PartyCode};
use sha2::{Digest, Sha256};
use sqlx::{AssertSqlSafe, Row};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::future::Future as _;
use std::io::Read;
use std::task::Poll;
use tokio::sync::mpsc;

pub const ACTIONS_HEADER: [&str; 6] = [
    "personnummer",
    "kommunkod",
    "datum",
    "kva_kod",
    "utforare",
    "minuter",
];
pub const POPULATION_HEADER: [&str; 5] = ["kommunkod", "ar", "kon", "aldersgrupp", "antal"];

/// One checked row of an actions file.
#[derive(Debug, Clone)]
pub struct ActionRow {
    pub person: PersonNumber,
    pub municipality: String,
    pub day: time::Date,
    pub kva: KvaCode,
    pub performer: PerformerKind,
    pub minutes: Option<i64>,
}

/// A checked actions file, ready to store.
#[derive(Debug)]
pub struct ParsedActions {
    pub rows: Vec<ActionRow>,
    /// Codes of the right shape that the KVÅ table does not hold, with their first line.
    pub unknown_codes: Vec<(String, usize)>,
}

fn at(line: usize, field: &'static str, message: impl std::fmt::Display) -> InvalidValue {
    InvalidValue::new(field, format!("rad {line}, fält {field}: {message}"))
}

fn check_header(headers: &csv::StringRecord, expected: &[&str]) -> Result<(), InvalidValue> {
    let got: Vec<String> = headers
        .iter()
        .map(|h| h.trim().trim_start_matches('\u{feff}').to_owned())
        .collect();
    if got != expected {
        return Err(InvalidValue::new(
            "header",
            format!(
                "rad 1: rubrikraden ska vara «{}», inte «{}»",
                expected.join(","),
                got.join(",")
            ),
        ));
    }
    Ok(())
}

fn reader<R: Read>(input: R) -> csv::Reader<R> {
    csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(input)
}

/// Actions in one batch of [`parse_actions_in_batches`] and one statement of the store.
pub const BATCH: usize = 10_000;

/// Reads an actions file. `progress` is called with the bytes read so far.
pub fn parse_actions<R: Read>(
    input: R,
    municipalities: &HashSet<String>,
    kva_table: &HashSet<String>,
    progress: impl FnMut(u64),
) -> Result<ParsedActions, InvalidValue> {
    let mut rows = Vec::new();
    let unknown_codes =
        parse_actions_in_batches(input, municipalities, kva_table, progress, |batch| {
            rows.extend(batch);
            true
        })?;
    Ok(ParsedActions {
        rows,
        unknown_codes,
    })
}

/// Reads an actions file in batches of [`BATCH`] checked rows, handing each to `sink`
/// (which returns false to stop early) — so storing can start before the whole file
/// is read. Returns the unknown KVÅ codes with their first line.
pub fn parse_actions_in_batches<R: Read>(
    input: R,
    municipalities: &HashSet<String>,
    kva_table: &HashSet<String>,
    mut progress: impl FnMut(u64),
    mut sink: impl FnMut(Vec<ActionRow>) -> bool,
) -> Result<Vec<(String, usize)>, InvalidValue> {
    let mut rdr = reader(input);
    let headers = rdr
        .headers()
        .map_err(|e| InvalidValue::new("header", format!("rad 1: {e}")))?
        .clone();
    check_header(&headers, &ACTIONS_HEADER)?;
    let today = time::OffsetDateTime::now_utc().date();
    let mut rows = Vec::with_capacity(BATCH);
    let mut unknown: HashMap<String, usize> = HashMap::new();
    let mut record = csv::StringRecord::new();
    loop {
        let line = rdr.position().line() as usize;
        match rdr.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(InvalidValue::new("csv", format!("rad {line}: {e}"))),
        }
        let line = record.position().map(|p| p.line() as usize).unwrap_or(line);
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if record.len() != 6 {
            return Err(InvalidValue::new(
                "csv",
                format!("rad {line}: raden har {} fält, ska ha 6", record.len()),
            ));
        }
        let f = |i: usize| record.get(i).unwrap_or("").trim();
        let person = PersonNumber::parse(f(0)).map_err(|e| at(line, "personnummer", e.message))?;
        let municipality = PartyCode::parse(f(1))
            .ok()
            .filter(|c| c.is_municipality() && municipalities.contains(c.as_str()))
            .ok_or_else(|| {
                at(
                    line,
                    "kommunkod",
                    format!("«{}» är ingen kommun i länet", f(1)),
                )
            })?;
        let day = time::Date::parse(
            f(2),
            time::macros::format_description!("[year]-[month]-[day]"),
        )
        .map_err(|_| {
            at(
                line,
                "datum",
                format!("«{}» är inget datum (ÅÅÅÅ-MM-DD)", f(2)),
            )
        })?;
        if day > today {
            return Err(at(line, "datum", format!("{day} ligger i framtiden")));
        }
        if day < person.birth_date() {
            return Err(at(
                line,
                "datum",
                format!("{day} är före personens födelse"),
            ));
        }
        let kva = KvaCode::parse(f(3)).map_err(|e| at(line, "kva_kod", e.message))?;
        if !kva_table.contains(kva.as_str()) {
            unknown.entry(kva.as_str().to_owned()).or_insert(line);
        }
        let performer = PerformerKind::parse(f(4)).map_err(|e| at(line, "utforare", e.message))?;
        let minutes = match f(5) {
            "" => None,
            m => Some(
                m.parse::<i64>()
                    .ok()
                    .filter(|v| (0..=1440).contains(v))
                    .ok_or_else(|| {
                        at(line, "minuter", format!("«{m}» ska vara 0–1440 eller tomt"))
                    })?,
            ),
        };
        rows.push(ActionRow {
            person,
            municipality: municipality.to_string(),
            day,
            kva,
            performer,
            minutes,
        });
        if rows.len() == BATCH {
            progress(rdr.position().byte());
            if !sink(std::mem::replace(&mut rows, Vec::with_capacity(BATCH))) {
                return Ok(Vec::new());
            }
        }
    }
    progress(rdr.position().byte());
    if !rows.is_empty() {
        sink(rows);
    }
    let mut unknown_codes: Vec<(String, usize)> = unknown.into_iter().collect();
    unknown_codes.sort_by_key(|(_, line)| *line);
    Ok(unknown_codes)
}

/// One checked row of a population file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PopulationRow {
    pub municipality: String,
    pub year: i64,
    pub sex: &'static str,
    pub group: AgeGroup,
    pub count: i64,
}

pub fn parse_population<R: Read>(
    input: R,
    municipalities: &HashSet<String>,
) -> Result<Vec<PopulationRow>, InvalidValue> {
    let mut rdr = reader(input);
    let headers = rdr
        .headers()
        .map_err(|e| InvalidValue::new("header", format!("rad 1: {e}")))?
        .clone();
    check_header(&headers, &POPULATION_HEADER)?;
    let mut rows = Vec::new();
    let mut seen = HashSet::new();
    for (i, rec) in rdr.records().enumerate() {
        let line = i + 2;
        let rec = rec.map_err(|e| InvalidValue::new("csv", format!("rad {line}: {e}")))?;
        if rec.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if rec.len() != 5 {
            return Err(InvalidValue::new(
                "csv",
                format!("rad {line}: raden har {} fält, ska ha 5", rec.len()),
            ));
        }
        let f = |i: usize| rec.get(i).unwrap_or("").trim();
        if !municipalities.contains(f(0)) {
            return Err(at(
                line,
                "kommunkod",
                format!("«{}» är ingen kommun i länet", f(0)),
            ));
        }
        let year = f(1)
            .parse::<i64>()
            .ok()
            .filter(|y| (1900..=2200).contains(y))
            .ok_or_else(|| at(line, "ar", format!("«{}» är inget år", f(1))))?;
        let sex = match f(2) {
            "K" => "K",
            "M" => "M",
            other => {
                return Err(at(
                    line,
                    "kon",
                    format!("«{other}»: kön ska vara K eller M"),
                ));
            }
        };
        let group = AgeGroup::parse(f(3)).map_err(|e| at(line, "aldersgrupp", e.message))?;
        let count = f(4)
            .parse::<i64>()
            .ok()
            .filter(|n| *n >= 0)
            .ok_or_else(|| at(line, "antal", format!("«{}» ska vara ett heltal ≥ 0", f(4))))?;
        if !seen.insert((f(0).to_owned(), year, sex, group)) {
            return Err(at(
                line,
                "kommunkod",
                "samma kommun, år, kön och åldersgrupp finns redan i filen",
            ));
        }
        rows.push(PopulationRow {
            municipality: f(0).to_owned(),
            year,
            sex,
            group,
            count,
        });
    }
    Ok(rows)
}

/// Writes `rows` as a JSON array of `[person_id, municipality, day, kva, performer,
/// minutes]` — every value already checked, so only digits, letters and hyphens.
fn actions_json(
    out: &mut String,
    rows: &[ActionRow],
    person_id: impl Fn(usize) -> i64,
) -> Result<(), StoreError> {
    use std::fmt::Write as _;
    out.push('[');
    for (i, r) in rows.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let id = person_id(i);
        let _ = write!(
            out,
            "[{id},\"{}\",\"{}\",\"{}\",\"{}\",",
            json_safe(&r.municipality)?,
            r.day,
            json_safe(r.kva.as_str())?,
            r.performer.as_str()
        );
        match r.minutes {
            Some(m) => {
                let _ = write!(out, "{m}]");
            }
            None => out.push_str("null]"),
        }
    }
    out.push(']');
    Ok(())
}

/// A checked value, refused if it could break out of a JSON string.
fn json_safe(s: &str) -> Result<&str, StoreError> {
    if s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        Ok(s)
    } else {
        Err(StoreError::Corrupt(format!("oväntat tecken i {s:?}")))
    }
}

/// What the reader of an actions file hands the store.
#[derive(Debug)]
pub enum Batch {
    Rows(Vec<ActionRow>),
    /// The whole file was read; the unknown KVÅ codes with their first line.
    End(Vec<(String, usize)>),
    /// A bad row: nothing may be stored.
    Failed(InvalidValue),
}

/// The state of an import between batches: the persons known by id, the
/// municipalities met, and the actions grouped for the aggregates.
struct Loading {
    ids: FxHashMap<String, i64>,
    facts: FxHashMap<i64, PersonFacts>,
    municipalities: Vec<String>,
    municipality_index: FxHashMap<String, u32>,
    groups: FxHashMap<(i64, u32, i64), i64>,
    years: BTreeSet<i64>,
    rows: usize,
    persons_added: usize,
    now: String,
}

impl Loading {
    async fn read(tx: &mut crate::Tx) -> Result<Loading, StoreError> {
        let mut ids = FxHashMap::default();
        let mut facts = FxHashMap::default();
        for r in sqlx::query("SELECT personnummer, id, birth_date, legal_sex FROM persons")
            .fetch_all(&mut **tx)
            .await?
        {
            let id: i64 = r.try_get(1)?;
            let (birth, sex): (String, String) = (r.try_get(2)?, r.try_get(3)?);
            ids.insert(r.try_get(0)?, id);
            facts.insert(id, PersonFacts::from_stored(&birth, &sex));
        }
        Ok(Loading {
            ids,
            facts,
            municipalities: Vec::new(),
            municipality_index: FxHashMap::default(),
            groups: FxHashMap::default(),
            years: BTreeSet::new(),
            rows: 0,
            persons_added: 0,
            now: samsyn_domain::time_fmt::now_stored(),
        })
    }

    /// Adds the persons of `rows` that samsyn does not know yet.
    async fn add_persons(
        &mut self,
        tx: &mut crate::Tx,
        engine: crate::Engine,
        rows: &[ActionRow],
    ) -> Result<(), StoreError> {
        let mut seen = FxHashSet::default();
        let new: Vec<&ActionRow> = rows
            .iter()
            .filter(|r| !self.ids.contains_key(r.person.as_str()) && seen.insert(r.person.as_str()))
            .collect();
        for chunk in new.chunks(200) {
            // housing is bound too, so that every value is a placeholder.
            let values: Vec<String> = (0..chunk.len())
                .map(|i| engine.placeholders(i * 6 + 1, 6))
                .collect();
            let sql = format!(
                "INSERT INTO persons (personnummer, birth_date, legal_sex, municipality_code, housing, created_at) VALUES {} RETURNING personnummer, id",
                values.join(", ")
            );
            let mut q = sqlx::query(AssertSqlSafe(sql));
            for r in chunk {
                q = q
                    .bind(r.person.as_str())
                    .bind(r.person.birth_date().to_string())
                    .bind(r.person.legal_sex().code())
                    .bind(r.municipality.as_str())
                    .bind("ordinart")
                    .bind(self.now.as_str());
            }
            for row in q.fetch_all(&mut **tx).await? {
                let (person, id): (String, i64) = (row.try_get(0)?, row.try_get(1)?);
                self.ids.insert(person, id);
            }
            for r in chunk {
                let id = self.id_of(r)?;
                self.facts.insert(
                    id,
                    PersonFacts {
                        birth_year: r.person.birth_date().year(),
                        sex: r.person.legal_sex().code(),
                    },
                );
            }
        }
        self.persons_added += new.len();
        Ok(())
    }

    fn id_of(&self, r: &ActionRow) -> Result<i64, StoreError> {
        self.ids
            .get(r.person.as_str())
            .copied()
            .ok_or_else(|| StoreError::Corrupt("en person saknas efter inläsningen".into()))
    }

    /// The batch as one JSON array for the database, counted into the groups.
    fn prepare(&mut self, rows: &[ActionRow]) -> Result<String, StoreError> {
        let mut json = String::with_capacity(rows.len() * 56);
        let mut ids = Vec::with_capacity(rows.len());
        for r in rows {
            let id = self.id_of(r)?;
            ids.push(id);
            let m = match self.municipality_index.get(r.municipality.as_str()) {
                Some(m) => *m,
                None => {
                    let m = self.municipalities.len() as u32;
                    self.municipalities.push(r.municipality.clone());
                    self.municipality_index.insert(r.municipality.clone(), m);
                    m
                }
            };
            let year = i64::from(r.day.year());
            self.years.insert(year);
            *self.groups.entry((id, m, year)).or_default() += 1;
        }
        actions_json(&mut json, rows, |i| ids[i])?;
        self.rows += rows.len();
        Ok(json)
    }

    /// The bulk transaction checks no foreign keys row by row: the persons were read
    /// or added in it and the import row too, and the municipalities are checked here,
    /// inside it, against the parties.
    async fn check_municipalities(&self, tx: &mut crate::Tx) -> Result<(), StoreError> {
        for code in &self.municipalities {
            if sqlx::query("SELECT 1 FROM parties WHERE code = $1")
                .bind(code.as_str())
                .fetch_optional(&mut **tx)
                .await?
                .is_none()
            {
                return Err(StoreError::Invalid(InvalidValue::new(
                    "kommunkod",
                    format!("{code} finns inte bland parterna; inget lagrades"),
                )));
            }
        }
        Ok(())
    }
}

/// A reader that hashes what passes through it.
struct Hashing<'h, R> {
    inner: R,
    hasher: &'h mut Sha256,
}

impl<R: Read> Read for Hashing<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }
}

/// What an import stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportSummary {
    pub rows: usize,
    pub persons_added: usize,
    pub years: Vec<i64>,
    pub unknown_codes: Vec<(String, usize)>,
}

impl Store {
    /// The municipalities' codes and the KVÅ table, to check a file against.
    pub async fn import_context(&self) -> Result<(HashSet<String>, HashSet<String>), StoreError> {
        let municipalities = self
            .parties()
            .await?
            .into_iter()
            .filter(|p| p.kind == "kommun")
            .map(|p| p.code)
            .collect();
        let codes = self
            .kva_codes()
            .await?
            .into_iter()
            .map(|(c, _)| c)
            .collect();
        Ok((municipalities, codes))
    }

    /// Stores checked actions in one transaction and counts them into the aggregates.
    /// The same file (by SHA-256) is not imported twice.
    pub async fn import_actions(
        &self,
        filename: &str,
        sha256: &str,
        parsed: ParsedActions,
        actor: &str,
    ) -> Result<ImportSummary, StoreError> {
        let batches = parsed.rows.len().div_ceil(BATCH) + 1;
        let (tx, rx) = mpsc::channel(batches);
        let mut rows = parsed.rows.into_iter();
        loop {
            let batch: Vec<ActionRow> = rows.by_ref().take(BATCH).collect();
            if batch.is_empty() {
                break;
            }
            let _ = tx.try_send(Batch::Rows(batch));
        }
        let _ = tx.try_send(Batch::End(parsed.unknown_codes));
        drop(tx);
        self.import_action_batches(filename, sha256, rx, actor)
            .await
    }

    /// Reads and stores an actions file at once: the file is checked on a thread of
    /// its own while the checked batches are stored, all in one transaction that a bad
    /// row rolls back (its line and field named) — so nothing is stored unless all is.
    /// `sha256` is the file's hash, taken before (so a file already imported is refused
    /// at once); what is read must hash to it, or nothing is stored.
    #[allow(clippy::too_many_arguments)]
    pub async fn import_actions_from<R: Read + Send + 'static>(
        &self,
        filename: &str,
        sha256: &str,
        input: R,
        municipalities: HashSet<String>,
        kva_table: HashSet<String>,
        progress: impl FnMut(u64) + Send + 'static,
        actor: &str,
    ) -> Result<ImportSummary, StoreError> {
        let (tx, rx) = mpsc::channel(4);
        let expected = sha256.to_owned();
        let reader = tokio::task::spawn_blocking(move || {
            let mut hasher = Sha256::new();
            let hashing = Hashing {
                inner: input,
                hasher: &mut hasher,
            };
            let result =
                parse_actions_in_batches(hashing, &municipalities, &kva_table, progress, |batch| {
                    tx.blocking_send(Batch::Rows(batch)).is_ok()
                });
            let read = samsyn_domain::hex::encode(&hasher.finalize());
            let _ = tx.blocking_send(match result {
                Ok(_) if read != expected => Batch::Failed(InvalidValue::new(
                    "fil",
                    "filen ändrades medan den lästes in (dess SHA-256 stämmer inte längre)",
                )),
                Ok(unknown) => Batch::End(unknown),
                Err(e) => Batch::Failed(e),
            });
        });
        let stored = self
            .import_action_batches(filename, sha256, rx, actor)
            .await;
        // Dropping the receiver stops the reader at its next batch.
        let _ = reader.await;
        stored
    }

    /// Stores batches of checked actions as they arrive, in one transaction: each
    /// batch's new persons are added, then its actions go to the database as one JSON
    /// array while the next batch is prepared, and at the end all of them are counted
    /// into the aggregates ([`merge`]). A [`Batch::Failed`] rolls everything back.
    pub async fn import_action_batches(
        &self,
        filename: &str,
        sha256: &str,
        mut batches: mpsc::Receiver<Batch>,
        actor: &str,
    ) -> Result<ImportSummary, StoreError> {
        let mut tx = self.begin_bulk_write().await?;
        if let Some(r) = sqlx::query("SELECT id, imported_at FROM action_imports WHERE sha256 = $1")
            .bind(sha256)
            .fetch_optional(&mut *tx)
            .await?
        {
            let (id, at): (i64, String) = (r.try_get(0)?, r.try_get(1)?);
            return Err(StoreError::Conflict(format!(
                "filen är redan inläst (import {id}, {at}); inget ändrades"
            )));
        }
        let import_id: i64 = sqlx::query(
            "INSERT INTO action_imports (filename, sha256, rows, warnings, imported_at, imported_by) VALUES ($1, $2, 0, 0, $3, $4) RETURNING id",
        )
        .bind(filename)
        .bind(sha256)
        .bind(samsyn_domain::time_fmt::now_stored())
        .bind(actor)
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
        let mut loading = Loading::read(&mut tx).await?;
        let insert = match self.engine {
            crate::Engine::Sqlite => {
                "INSERT INTO historical_actions (import_id, person_id, municipality_code, performed_on, kva_code, performer_kind, minutes) \
                 SELECT $1, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5 FROM jsonb_each($2)"
            }
            crate::Engine::Postgres => {
                "INSERT INTO historical_actions (import_id, person_id, municipality_code, performed_on, kva_code, performer_kind, minutes) \
                 SELECT $1, (e ->> 0)::BIGINT, e ->> 1, e ->> 2, e ->> 3, e ->> 4, (e ->> 5)::BIGINT FROM jsonb_array_elements($2::jsonb) AS e"
            }
        };
        // The statement of the previous batch runs in the database while the next
        // batch is prepared here.
        let mut ready: Option<String> = None;
        let unknown_codes = loop {
            let next = match batches.recv().await {
                Some(Batch::Rows(rows)) => {
                    loading.add_persons(&mut tx, self.engine, &rows).await?;
                    Some(rows)
                }
                Some(Batch::End(unknown)) => break Some(unknown),
                Some(Batch::Failed(e)) => return Err(StoreError::Invalid(e)),
                None => break None,
            };
            let Some(json) = ready.take() else {
                ready = next.map(|rows| loading.prepare(&rows)).transpose()?;
                continue;
            };
            let exec = sqlx::query(insert)
                .bind(import_id)
                .bind(json.as_str())
                .execute(&mut *tx);
            let mut exec = std::pin::pin!(exec);
            // The first poll hands the statement to the database.
            let started = std::future::poll_fn(|cx| Poll::Ready(exec.as_mut().poll(cx))).await;
            let prepared = next.map(|rows| loading.prepare(&rows)).transpose();
            match started {
                Poll::Ready(done) => done?,
                Poll::Pending => exec.await?,
            };
            ready = prepared?;
        };
        let Some(unknown_codes) = unknown_codes else {
            return Err(StoreError::Corrupt(
                "inläsningen av filen avbröts innan den var klar; inget lagrades".into(),
            ));
        };
        if let Some(json) = ready.take() {
            sqlx::query(insert)
                .bind(import_id)
                .bind(json.as_str())
                .execute(&mut *tx)
                .await?;
        }
        loading.check_municipalities(&mut tx).await?;
        sqlx::query("UPDATE action_imports SET rows = $1, warnings = $2 WHERE id = $3")
            .bind(loading.rows as i64)
            .bind(unknown_codes.len() as i64)
            .bind(import_id)
            .execute(&mut *tx)
            .await?;
        let years: Vec<i64> = loading.years.iter().copied().collect();
        let before = merge::read_before(&mut tx, &years).await?;
        let plan = merge::plan(
            loading
                .groups
                .iter()
                .map(|((p, m, y), n)| (*p, loading.municipalities[*m as usize].as_str(), *y, *n)),
            &loading.facts,
            &before,
        )?;
        merge::write(&mut tx, self.engine, &plan).await?;
        audit::append(
            &mut tx,
            &AuditEvent::system(
                actor,
                "actions.import",
                Purpose::Administration,
                Outcome::Ok,
            )
            .with_detail(format!(
                "import {import_id}: {} insatser, {} nya personer, {} okända KVÅ-koder",
                loading.rows,
                loading.persons_added,
                unknown_codes.len()
            )),
        )
        .await?;
        crate::commit(tx).await?;
        Ok(ImportSummary {
            rows: loading.rows,
            persons_added: loading.persons_added,
            years,
            unknown_codes,
        })
    }

    /// Stores population figures, replacing earlier figures for the same cells.
    pub async fn import_population(
        &self,
        rows: &[PopulationRow],
        actor: &str,
    ) -> Result<usize, StoreError> {
        let mut tx = self.begin_write().await?;
        for r in rows {
            sqlx::query(
                "INSERT INTO population (municipality_code, year, sex, age_group, count) VALUES ($1, $2, $3, $4, $5) \
                 ON CONFLICT (municipality_code, year, sex, age_group) DO UPDATE SET count = $5",
            )
            .bind(&r.municipality)
            .bind(r.year)
            .bind(r.sex)
            .bind(r.group.as_str())
            .bind(r.count)
            .execute(&mut *tx)
            .await?;
        }
        audit::append(
            &mut tx,
            &AuditEvent::system(
                actor,
                "population.import",
                Purpose::Administration,
                Outcome::Ok,
            )
            .with_detail(format!("{} rader", rows.len())),
        )
        .await?;
        crate::commit(tx).await?;
        Ok(rows.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sets() -> (HashSet<String>, HashSet<String>) {
        (
            ["1880".to_string(), "1881".to_string()].into(),
            ["DT016".to_string()].into(),
        )
    }

    #[test]
    fn a_good_file_parses_with_unknown_codes_as_warnings() {
        let (m, k) = sets();
        let csv = "personnummer,kommunkod,datum,kva_kod,utforare,minuter\n19121212-1212,1880,2019-03-01,DT016,delegerad,10\n191212121212,1881,2019-03-02,QAB10,legitimerad,\n";
        let p = parse_actions(csv.as_bytes(), &m, &k, |_| {}).unwrap();
        assert_eq!(p.rows.len(), 2);
        assert_eq!(p.rows[1].minutes, None);
        assert_eq!(p.unknown_codes, [("QAB10".to_string(), 3)]);
    }

    #[test]
    fn the_first_bad_row_is_named_by_line_and_field() {
        let (m, k) = sets();
        let cases = [
            (
                "19121212-1213,1880,2019-03-01,DT016,delegerad,10",
                "personnummer",
            ),
            (
                "19121212-1212,1999,2019-03-01,DT016,delegerad,10",
                "kommunkod",
            ),
            ("19121212-1212,1880,2019-02-30,DT016,delegerad,10", "datum"),
            (
                "19121212-1212,1880,2019-03-01,DT000,delegerad,10",
                "kva_kod",
            ),
            ("19121212-1212,1880,2019-03-01,DT016,läkare,10", "utforare"),
            (
                "19121212-1212,1880,2019-03-01,DT016,delegerad,-5",
                "minuter",
            ),
        ];
        for (row, field) in cases {
            let csv = format!(
                "personnummer,kommunkod,datum,kva_kod,utforare,minuter\n19121212-1212,1880,2019-03-01,DT016,delegerad,10\n{row}\n"
            );
            let e = parse_actions(csv.as_bytes(), &m, &k, |_| {}).unwrap_err();
            assert_eq!(e.field, field, "{row}");
            assert!(e.message.starts_with("rad 3, fält"), "{}", e.message);
        }
    }

    #[test]
    fn a_wrong_header_or_short_row_is_refused() {
        let (m, k) = sets();
        assert_eq!(
            parse_actions("pnr,kommun\n".as_bytes(), &m, &k, |_| {})
                .unwrap_err()
                .field,
            "header"
        );
        let short = "personnummer,kommunkod,datum,kva_kod,utforare,minuter\n19121212-1212,1880\n";
        assert!(
            parse_actions(short.as_bytes(), &m, &k, |_| {})
                .unwrap_err()
                .message
                .contains("rad 2")
        );
    }

    #[test]
    fn population_rows_are_checked_and_duplicates_refused() {
        let (m, _) = sets();
        let ok = "kommunkod,ar,kon,aldersgrupp,antal\n1880,2019,K,80+,4620\n";
        assert_eq!(parse_population(ok.as_bytes(), &m).unwrap()[0].count, 4620);
        let bad = "kommunkod,ar,kon,aldersgrupp,antal\n1880,2019,X,80+,1\n";
        assert_eq!(
            parse_population(bad.as_bytes(), &m).unwrap_err().field,
            "kon"
        );
        let dup = "kommunkod,ar,kon,aldersgrupp,antal\n1880,2019,K,80+,1\n1880,2019,K,80+,2\n";
        assert!(
            parse_population(dup.as_bytes(), &m)
                .unwrap_err()
                .message
                .contains("rad 3")
        );
    }
}
