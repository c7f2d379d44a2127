//! Historical import from older systems: care actions and population figures as CSV.
//! The whole file is read and checked first; one bad row (its line and field named)
//! stores nothing.

use super::rebuild_year;
use crate::{Store, StoreError, audit};
use samsyn_domain::audit::{AuditEvent, Outcome, Purpose};
use samsyn_domain::kva::{KvaCode, PerformerKind};
use samsyn_domain::person::PersonNumber;
use samsyn_domain::stats::AgeGroup;
use samsyn_domain::{InvalidValue, PartyCode};
use sqlx::{AssertSqlSafe, Row};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::io::Read;

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

/// Reads an actions file. `progress` is called with the bytes read so far.
pub fn parse_actions<R: Read>(
    input: R,
    municipalities: &HashSet<String>,
    kva_table: &HashSet<String>,
    mut progress: impl FnMut(u64),
) -> Result<ParsedActions, InvalidValue> {
    let mut rdr = reader(input);
    let headers = rdr
        .headers()
        .map_err(|e| InvalidValue::new("header", format!("rad 1: {e}")))?
        .clone();
    check_header(&headers, &ACTIONS_HEADER)?;
    let today = time::OffsetDateTime::now_utc().date();
    let mut rows = Vec::new();
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
        if rows.len() % 65_536 == 0 {
            progress(rdr.position().byte());
        }
    }
    progress(rdr.position().byte());
    let mut unknown_codes: Vec<(String, usize)> = unknown.into_iter().collect();
    unknown_codes.sort_by_key(|(_, line)| *line);
    Ok(ParsedActions {
        rows,
        unknown_codes,
    })
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

    /// Stores checked actions in one transaction and rebuilds the years they touch.
    /// The same file (by SHA-256) is not imported twice.
    pub async fn import_actions(
        &self,
        filename: &str,
        sha256: &str,
        parsed: ParsedActions,
        actor: &str,
    ) -> Result<ImportSummary, StoreError> {
        let mut tx = self.begin_write().await?;
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
            "INSERT INTO action_imports (filename, sha256, rows, warnings, imported_at, imported_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(filename)
        .bind(sha256)
        .bind(parsed.rows.len() as i64)
        .bind(parsed.unknown_codes.len() as i64)
        .bind(samsyn_domain::time_fmt::now_stored())
        .bind(actor)
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
        // Persons: the ones known, then the new ones in batches.
        let mut ids: HashMap<String, i64> = HashMap::new();
        for r in sqlx::query("SELECT personnummer, id FROM persons")
            .fetch_all(&mut *tx)
            .await?
        {
            ids.insert(r.try_get(0)?, r.try_get(1)?);
        }
        let mut new_persons: Vec<&ActionRow> = Vec::new();
        let mut seen = HashSet::new();
        for row in &parsed.rows {
            if !ids.contains_key(row.person.as_str()) && seen.insert(row.person.as_str()) {
                new_persons.push(row);
            }
        }
        let now = samsyn_domain::time_fmt::now_stored();
        for chunk in new_persons.chunks(200) {
            // housing is bound too, so that every value is a placeholder.
            let values: Vec<String> = (0..chunk.len())
                .map(|i| self.engine.placeholders(i * 6 + 1, 6))
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
                    .bind(now.as_str());
            }
            for r in q.fetch_all(&mut *tx).await? {
                ids.insert(r.try_get(0)?, r.try_get(1)?);
            }
        }
        for chunk in parsed.rows.chunks(500) {
            let values: Vec<String> = (0..chunk.len())
                .map(|i| self.engine.placeholders(i * 7 + 1, 7))
                .collect();
            let sql = format!(
                "INSERT INTO historical_actions (import_id, person_id, municipality_code, performed_on, kva_code, performer_kind, minutes) VALUES {}",
                values.join(", ")
            );
            let mut q = sqlx::query(AssertSqlSafe(sql));
            for r in chunk {
                q = q
                    .bind(import_id)
                    .bind(ids[r.person.as_str()])
                    .bind(r.municipality.as_str())
                    .bind(r.day.to_string())
                    .bind(r.kva.as_str())
                    .bind(r.performer.as_str())
                    .bind(r.minutes);
            }
            q.execute(&mut *tx).await?;
        }
        let years: BTreeSet<i64> = parsed
            .rows
            .iter()
            .map(|r| i64::from(r.day.year()))
            .collect();
        for y in &years {
            rebuild_year(&mut tx, *y).await?;
        }
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
                parsed.rows.len(),
                new_persons.len(),
                parsed.unknown_codes.len()
            )),
        )
        .await?;
        crate::commit(tx).await?;
        Ok(ImportSummary {
            rows: parsed.rows.len(),
            persons_added: new_persons.len(),
            years: years.into_iter().collect(),
            unknown_codes: parsed.unknown_codes,
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
