//! Counting a bulk import into the aggregates without recounting the year: the
//! import's actions are grouped per person, municipality and year in memory, merged
//! with what the aggregates already hold, and written as one upsert per group — the
//! same result as counting every action one by one ([`super::count_action`]), in a
//! number of statements that grows with the persons, not the actions.

use super::{COUNTY, bump_cell};
use crate::{Engine, StoreError, Tx};
use rustc_hash::{FxHashMap, FxHashSet};
use samsyn_domain::stats::AgeGroup;
use sqlx::{AssertSqlSafe, Row as _};
use std::collections::BTreeMap;

/// What the aggregates need to know of a person: birth year and legal sex as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PersonFacts {
    pub birth_year: i32,
    /// `K` or `M`.
    pub sex: &'static str,
}

impl PersonFacts {
    pub fn from_stored(birth_date: &str, legal_sex: &str) -> Self {
        PersonFacts {
            birth_year: birth_date
                .get(..4)
                .and_then(|y| y.parse().ok())
                .unwrap_or(0),
            sex: if legal_sex == "K" { "K" } else { "M" },
        }
    }
}

/// The aggregates of the touched years as they were before the import.
#[derive(Debug, Default)]
pub struct Before {
    /// (person, municipality, year) pairs that already have actions.
    pub presence: FxHashSet<(i64, String, i64)>,
    /// In how many municipalities a person already got care in a year.
    pub municipalities: FxHashMap<(i64, i64), i64>,
}

/// The writes that count an import: presence upserts (actions to add), person-year
/// upserts (municipalities to add) and cell deltas.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Plan {
    pub presence: Vec<(i64, String, i64, i64)>,
    pub person_years: Vec<(i64, i64, i64)>,
    pub cells: BTreeMap<(i64, String, &'static str, &'static str), i64>,
}

/// Plans the writes for actions counted per (person, municipality, year), each group
/// given once. Pure: the same as counting each action in turn with `count_action`.
pub fn plan<'a>(
    groups: impl IntoIterator<Item = (i64, &'a str, i64, i64)>,
    persons: &FxHashMap<i64, PersonFacts>,
    before: &Before,
) -> Result<Plan, StoreError> {
    let mut groups: Vec<((i64, &str, i64), i64)> = groups
        .into_iter()
        .map(|(p, m, y, n)| ((p, m, y), n))
        .collect();
    groups.sort_unstable();
    let mut out = Plan::default();
    let mut added: FxHashMap<(i64, i64), i64> = FxHashMap::default();
    for ((person, municipality, year), n) in groups {
        out.presence
            .push((person, municipality.to_owned(), year, n));
        if before
            .presence
            .contains(&(person, municipality.to_owned(), year))
        {
            continue;
        }
        let facts = persons
            .get(&person)
            .ok_or_else(|| StoreError::Corrupt(format!("person {person} saknas")))?;
        let group = AgeGroup::of_age(year as i32 - facts.birth_year).as_str();
        *out.cells
            .entry((year, municipality.to_owned(), facts.sex, group))
            .or_default() += 1;
        let earlier = before
            .municipalities
            .get(&(person, year))
            .copied()
            .unwrap_or(0);
        let count = added.entry((person, year)).or_default();
        if earlier + *count == 0 {
            *out.cells
                .entry((year, COUNTY.to_owned(), facts.sex, group))
                .or_default() += 1;
        }
        *count += 1;
    }
    let mut person_years: Vec<_> = added.into_iter().map(|((p, y), n)| (p, y, n)).collect();
    person_years.sort_unstable();
    out.person_years = person_years;
    Ok(out)
}

/// Reads the aggregates of `years` as they are now.
pub async fn read_before(tx: &mut Tx, years: &[i64]) -> Result<Before, StoreError> {
    let mut before = Before::default();
    for year in years {
        for r in
            sqlx::query("SELECT person_id, municipality_code FROM stat_presence WHERE year = $1")
                .bind(year)
                .fetch_all(&mut **tx)
                .await?
        {
            before
                .presence
                .insert((r.try_get(0)?, r.try_get(1)?, *year));
        }
        for r in
            sqlx::query("SELECT person_id, municipalities FROM stat_person_year WHERE year = $1")
                .bind(year)
                .fetch_all(&mut **tx)
                .await?
        {
            before
                .municipalities
                .insert((r.try_get(0)?, *year), r.try_get(1)?);
        }
    }
    Ok(before)
}

/// Writes a plan: upserts in batches, then the cells.
pub async fn write(tx: &mut Tx, engine: Engine, plan: &Plan) -> Result<(), StoreError> {
    for chunk in plan.presence.chunks(400) {
        let values: Vec<String> = (0..chunk.len())
            .map(|i| engine.placeholders(i * 4 + 1, 4))
            .collect();
        let sql = format!(
            "INSERT INTO stat_presence (person_id, municipality_code, year, actions) VALUES {} \
             ON CONFLICT (person_id, municipality_code, year) DO UPDATE SET actions = stat_presence.actions + excluded.actions",
            values.join(", ")
        );
        let mut q = sqlx::query(AssertSqlSafe(sql));
        for (person, municipality, year, n) in chunk {
            q = q
                .bind(*person)
                .bind(municipality.as_str())
                .bind(*year)
                .bind(*n);
        }
        q.execute(&mut **tx).await?;
    }
    for chunk in plan.person_years.chunks(500) {
        let values: Vec<String> = (0..chunk.len())
            .map(|i| engine.placeholders(i * 3 + 1, 3))
            .collect();
        let sql = format!(
            "INSERT INTO stat_person_year (person_id, year, municipalities) VALUES {} \
             ON CONFLICT (person_id, year) DO UPDATE SET municipalities = stat_person_year.municipalities + excluded.municipalities",
            values.join(", ")
        );
        let mut q = sqlx::query(AssertSqlSafe(sql));
        for (person, year, n) in chunk {
            q = q.bind(*person).bind(*year).bind(*n);
        }
        q.execute(&mut **tx).await?;
    }
    for ((year, area, sex, group), n) in &plan.cells {
        bump_cell(tx, *year, area, sex, group, *n).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn persons() -> FxHashMap<i64, PersonFacts> {
        FxHashMap::from_iter([
            (1, PersonFacts::from_stored("1930-01-01", "M")),
            (2, PersonFacts::from_stored("1990-05-05", "K")),
        ])
    }

    #[test]
    fn a_person_counts_once_per_municipality_and_once_in_the_county() {
        let plan = plan(
            [
                (1, "1880", 2019, 2),
                (1, "1881", 2019, 1),
                (2, "1880", 2019, 1),
            ],
            &persons(),
            &Before::default(),
        )
        .unwrap();
        assert_eq!(
            plan.presence,
            [
                (1, "1880".into(), 2019, 2),
                (1, "1881".into(), 2019, 1),
                (2, "1880".into(), 2019, 1)
            ]
        );
        assert_eq!(plan.person_years, [(1, 2019, 2), (2, 2019, 1)]);
        let cell =
            |area: &str, sex, group| plan.cells.get(&(2019, area.into(), sex, group)).copied();
        assert_eq!(cell("1880", "M", "80+"), Some(1));
        assert_eq!(cell("1881", "M", "80+"), Some(1));
        assert_eq!(
            cell("county", "M", "80+"),
            Some(1),
            "counted once in the county"
        );
        assert_eq!(cell("county", "K", "0-64"), Some(1));
    }

    #[test]
    fn a_person_already_counted_adds_actions_but_no_persons() {
        let mut before = Before::default();
        before.presence.insert((1, "1880".into(), 2019));
        before.municipalities.insert((1, 2019), 1);
        let plan = plan(
            [(1, "1880", 2019, 1), (1, "1881", 2019, 1)],
            &persons(),
            &before,
        )
        .unwrap();
        assert_eq!(plan.presence.len(), 2, "both pairs get their actions");
        assert_eq!(plan.person_years, [(1, 2019, 1)], "one new municipality");
        assert_eq!(
            plan.cells.into_iter().collect::<Vec<_>>(),
            [((2019, "1881".into(), "M", "80+"), 1)],
            "only the new municipality's cell; the county has the person already"
        );
    }

    #[test]
    fn an_unknown_person_is_an_error_not_a_guess() {
        assert!(plan([(9, "1880", 2019, 1)], &persons(), &Before::default()).is_err());
    }
}
