//! Uppföljning in the database: aggregates kept up to date as actions are recorded,
//! counted in groups after a bulk import ([`merge`]), and a full recount to check them against.

pub mod dashboard;
pub mod economy;
pub mod import;
pub mod merge;

use crate::{Store, StoreError, Tx};
use samsyn_domain::person::LegalSex;
use samsyn_domain::stats::{AgeGroup, Counts, Row, Tabell1, short_name};
use sqlx::{AssertSqlSafe, Row as _};
use std::collections::HashMap;

/// The area of the county row in `stat_cells`.
const COUNTY: &str = "county";

/// SQL for a person's age group in year `$1`, from `p.birth_date`.
const AGE_GROUP_SQL: &str = "CASE WHEN ($1 - CAST(SUBSTR(p.birth_date, 1, 4) AS INTEGER)) < 65 THEN '0-64' \
     WHEN ($1 - CAST(SUBSTR(p.birth_date, 1, 4) AS INTEGER)) < 80 THEN '65-79' ELSE '80+' END";

fn year_of(day: &str) -> Result<i64, StoreError> {
    day.get(..4)
        .and_then(|y| y.parse().ok())
        .ok_or_else(|| StoreError::Corrupt(format!("datumet {day} saknar år")))
}

async fn bump_cell(
    tx: &mut Tx,
    year: i64,
    area: &str,
    sex: &str,
    group: &str,
    delta: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO stat_cells (year, area, sex, age_group, persons) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (year, area, sex, age_group) DO UPDATE SET persons = stat_cells.persons + $5",
    )
    .bind(year)
    .bind(area)
    .bind(sex)
    .bind(group)
    .bind(delta)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Counts one action (`delta` 1) or takes one away (`delta` -1) for a person,
/// municipality and day. A person enters a municipality's row with their first action
/// of the year there, and the county row with their first in any municipality.
pub async fn count_action(
    tx: &mut Tx,
    person_id: i64,
    municipality: &str,
    day: &str,
    delta: i64,
) -> Result<(), StoreError> {
    let year = year_of(day)?;
    let person = sqlx::query("SELECT birth_date, legal_sex FROM persons WHERE id = $1")
        .bind(person_id)
        .fetch_one(&mut **tx)
        .await?;
    let birth: String = person.try_get(0)?;
    let sex: String = person.try_get(1)?;
    let birth_year: i32 = birth.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0);
    let group = AgeGroup::of_age(year as i32 - birth_year).as_str();
    let actions: i64 = sqlx::query(
        "INSERT INTO stat_presence (person_id, municipality_code, year, actions) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (person_id, municipality_code, year) DO UPDATE SET actions = stat_presence.actions + $4 RETURNING actions",
    )
    .bind(person_id)
    .bind(municipality)
    .bind(year)
    .bind(delta)
    .fetch_one(&mut **tx)
    .await?
    .try_get(0)?;
    let entered = delta > 0 && actions == delta;
    let left = delta < 0 && actions == 0;
    if !(entered || left) {
        return Ok(());
    }
    if left {
        sqlx::query("DELETE FROM stat_presence WHERE person_id = $1 AND municipality_code = $2 AND year = $3")
            .bind(person_id)
            .bind(municipality)
            .bind(year)
            .execute(&mut **tx)
            .await?;
    }
    let step = if entered { 1 } else { -1 };
    bump_cell(tx, year, municipality, &sex, group, step).await?;
    let municipalities: i64 = sqlx::query(
        "INSERT INTO stat_person_year (person_id, year, municipalities) VALUES ($1, $2, $3) \
         ON CONFLICT (person_id, year) DO UPDATE SET municipalities = stat_person_year.municipalities + $3 RETURNING municipalities",
    )
    .bind(person_id)
    .bind(year)
    .bind(step)
    .fetch_one(&mut **tx)
    .await?
    .try_get(0)?;
    if entered && municipalities == 1 {
        bump_cell(tx, year, COUNTY, &sex, group, 1).await?;
    } else if left && municipalities == 0 {
        sqlx::query("DELETE FROM stat_person_year WHERE person_id = $1 AND year = $2")
            .bind(person_id)
            .bind(year)
            .execute(&mut **tx)
            .await?;
        bump_cell(tx, year, COUNTY, &sex, group, -1).await?;
    }
    Ok(())
}

/// The actions of a year, recorded and imported, as (person, municipality) pairs.
const ACTIONS_OF_YEAR: &str = "SELECT e.person_id AS person_id, u.party_code AS municipality_code \
       FROM care_actions a JOIN episodes e ON e.id = a.episode_id JOIN units u ON u.code = e.unit_code \
       WHERE a.performed_on >= $2 AND a.performed_on < $3 \
     UNION ALL SELECT h.person_id, h.municipality_code FROM historical_actions h \
       WHERE h.performed_on >= $2 AND h.performed_on < $3";

fn sex_of(code: &str) -> LegalSex {
    if code == "K" {
        LegalSex::Female
    } else {
        LegalSex::Male
    }
}

impl Store {
    /// The region's code and the county's name for the county row, and every
    /// municipality's code and short name.
    async fn areas(&self) -> Result<((String, String), Vec<(String, String)>), StoreError> {
        let mut region = ("18".to_owned(), "Länet".to_owned());
        let mut municipalities = Vec::new();
        for p in self.parties().await? {
            match p.kind.as_str() {
                "region" => region = (p.code.clone(), short_name(&p.name)),
                "kommun" => municipalities.push((p.code.clone(), short_name(&p.name))),
                _ => {}
            }
        }
        Ok((region, municipalities))
    }

    fn table(
        year: i32,
        cells: HashMap<String, Counts>,
        region: (String, String),
        municipalities: Vec<(String, String)>,
    ) -> Tabell1 {
        let county = Row {
            code: region.0,
            name: region.1,
            counts: cells.get(COUNTY).copied().unwrap_or_default(),
        };
        let rows = municipalities
            .into_iter()
            .map(|(code, name)| Row {
                counts: cells.get(&code).copied().unwrap_or_default(),
                code,
                name,
            })
            .collect();
        Tabell1::new(year, county, rows)
    }

    /// Tabell 1 from the aggregates: answers without scanning actions.
    pub async fn tabell1(&self, year: i32) -> Result<Tabell1, StoreError> {
        let rows =
            sqlx::query("SELECT area, sex, age_group, persons FROM stat_cells WHERE year = $1")
                .bind(i64::from(year))
                .fetch_all(&self.pool)
                .await?;
        let mut cells: HashMap<String, Counts> = HashMap::new();
        for r in rows {
            let group = AgeGroup::parse(&r.try_get::<String, _>(2)?)?;
            cells.entry(r.try_get(0)?).or_default().add(
                sex_of(&r.try_get::<String, _>(1)?),
                group,
                r.try_get(3)?,
            );
        }
        let (region, municipalities) = self.areas().await?;
        Ok(Self::table(year, cells, region, municipalities))
    }

    /// Tabell 1 counted from the actions themselves, to check the aggregates against.
    pub async fn tabell1_recount(&self, year: i32) -> Result<Tabell1, StoreError> {
        let y = i64::from(year);
        let (from, to) = (format!("{y:04}-01-01"), format!("{:04}-01-01", y + 1));
        let pairs =
            format!("SELECT DISTINCT x.person_id, x.municipality_code FROM ({ACTIONS_OF_YEAR}) x");
        let by_area = sqlx::query(AssertSqlSafe(format!(
            "SELECT d.municipality_code, p.legal_sex, {AGE_GROUP_SQL}, COUNT(*) FROM ({pairs}) d JOIN persons p ON p.id = d.person_id \
             GROUP BY d.municipality_code, p.legal_sex, {AGE_GROUP_SQL}"
        )))
        .bind(y)
        .bind(&from)
        .bind(&to)
        .fetch_all(&self.pool)
        .await?;
        let county = sqlx::query(AssertSqlSafe(format!(
            "SELECT '{COUNTY}', p.legal_sex, {AGE_GROUP_SQL}, COUNT(*) FROM (SELECT DISTINCT person_id FROM ({pairs}) q) d \
             JOIN persons p ON p.id = d.person_id GROUP BY p.legal_sex, {AGE_GROUP_SQL}"
        )))
        .bind(y)
        .bind(&from)
        .bind(&to)
        .fetch_all(&self.pool)
        .await?;
        let mut cells: HashMap<String, Counts> = HashMap::new();
        for r in by_area.iter().chain(county.iter()) {
            let group = AgeGroup::parse(&r.try_get::<String, _>(2)?)?;
            cells.entry(r.try_get(0)?).or_default().add(
                sex_of(&r.try_get::<String, _>(1)?),
                group,
                r.try_get(3)?,
            );
        }
        let (region, municipalities) = self.areas().await?;
        Ok(Self::table(year, cells, region, municipalities))
    }

    /// The population of a year per municipality (and the county as their sum).
    pub async fn population(&self, year: i32) -> Result<HashMap<String, Counts>, StoreError> {
        let rows = sqlx::query(
            "SELECT municipality_code, sex, age_group, count FROM population WHERE year = $1",
        )
        .bind(i64::from(year))
        .fetch_all(&self.pool)
        .await?;
        let mut out: HashMap<String, Counts> = HashMap::new();
        for r in rows {
            let group = AgeGroup::parse(&r.try_get::<String, _>(2)?)?;
            let sex = sex_of(&r.try_get::<String, _>(1)?);
            let n: i64 = r.try_get(3)?;
            out.entry(r.try_get(0)?).or_default().add(sex, group, n);
        }
        Ok(out)
    }
}
