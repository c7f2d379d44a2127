//! `samsyn generate actions`: a file of actions whose Tabell 1 is a given table — for
//! testing the import and the statistics against the report's reference figures.

use anyhow::{Context, bail};
use samsyn_domain::person::check_digit;
use samsyn_domain::stats::AgeGroup;
use std::fmt::Write as _;

/// One row of a reference table: municipality code and its twelve values.
struct RefRow {
    code: String,
    values: Vec<i64>,
}

fn read_table(text: &str) -> anyhow::Result<(RefRow, Vec<RefRow>)> {
    let mut lines = text.lines();
    let header = lines.next().context("tabellen är tom")?;
    if header.trim() != samsyn_domain::stats::csv_header() {
        bail!(
            "tabellens rubrikrad ska vara «{}»",
            samsyn_domain::stats::csv_header()
        );
    }
    let mut rows = Vec::new();
    for (i, line) in lines.enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split(',').collect();
        if cols.len() != 12 {
            bail!("tabellen, rad {}: väntade 12 kolumner", i + 2);
        }
        let values = cols[2..]
            .iter()
            .map(|v| v.trim().parse::<i64>())
            .collect::<Result<Vec<_>, _>>()
            .with_context(|| format!("tabellen, rad {}", i + 2))?;
        rows.push(RefRow {
            code: cols[0].trim().to_owned(),
            values,
        });
    }
    let county_at = rows
        .iter()
        .position(|r| r.code.len() == 2)
        .context("tabellen saknar länsraden (tvåsiffrig kod)")?;
    let county = rows.remove(county_at);
    Ok((county, rows))
}

/// The column of a cell (sex, group) among the twelve values.
fn column(female: bool, group: AgeGroup) -> usize {
    1 + group.index() * 3 + if female { 0 } else { 1 }
}

/// Birth years that put a person in the group on 31 December of `year`.
fn birth_years(group: AgeGroup, year: i32) -> (i32, i32) {
    match group {
        AgeGroup::Under65 => (year - 59, year - 20),
        AgeGroup::From65To79 => (year - 79, year - 65),
        AgeGroup::From80 => (year - 99, year - 81),
    }
}

/// The `i`th distinct personnummer of a cell.
fn person(i: usize, female: bool, group: AgeGroup, year: i32) -> String {
    let (y0, y1) = birth_years(group, year);
    let span = (y1 - y0 + 1) as usize;
    let birth_year = y0 + (i % span) as i32;
    let rest = i / span;
    let (month, day, nn) = (1 + rest % 12, 1 + (rest / 12) % 28, (rest / 336) % 100);
    let eleven = format!(
        "{birth_year:04}{month:02}{day:02}{nn:02}{}",
        if female { 2 } else { 1 }
    );
    let digits: Vec<u8> = eleven.bytes().map(|b| b - b'0').collect();
    format!(
        "{}-{}{}",
        &eleven[..8],
        &eleven[8..],
        check_digit(&digits[2..11])
    )
}

/// Actions for `year` whose Tabell 1 equals the table: each cell's county count in
/// distinct persons, each municipality's count in persons with an action there; the
/// surplus of the municipality rows over the county row is persons in two.
pub fn actions_for_table(table_csv: &str, year: i32) -> anyhow::Result<String> {
    let (county, mut municipalities) = read_table(table_csv)?;
    municipalities.sort_by(|a, b| b.values[0].cmp(&a.values[0]).then(a.code.cmp(&b.code)));
    let mut out = String::from("personnummer,kommunkod,datum,kva_kod,utforare,minuter\n");
    let codes = ["DT016", "QAB10", "UX010", "AU120"];
    for female in [true, false] {
        for group in AgeGroup::ALL {
            let col = column(female, group);
            let distinct = county.values[col] as usize;
            let slots: Vec<&str> = municipalities
                .iter()
                .flat_map(|m| std::iter::repeat_n(m.code.as_str(), m.values[col] as usize))
                .collect();
            if slots.len() < distinct {
                bail!(
                    "kolumn {col}: kommunraderna ({}) är färre än länsraden ({distinct})",
                    slots.len()
                );
            }
            let mut first: Vec<&str> = Vec::with_capacity(distinct);
            let mut second = vec![false; distinct];
            let mut candidate = 0;
            for (s, muni) in slots.iter().enumerate() {
                let who = if s < distinct {
                    first.push(muni);
                    s
                } else {
                    while candidate < distinct && (first[candidate] == *muni || second[candidate]) {
                        candidate += 1;
                    }
                    if candidate == distinct {
                        bail!("kolumn {col}: för många personer i två kommuner för att gå ihop");
                    }
                    second[candidate] = true;
                    candidate
                };
                let day =
                    time::Date::from_ordinal_date(year, 1 + (s % 360) as u16).context("året")?;
                let performer = if s % 3 == 0 {
                    "legitimerad"
                } else {
                    "delegerad"
                };
                writeln!(
                    out,
                    "{},{muni},{day},{},{performer},{}",
                    person(who, female, group, year),
                    codes[s % codes.len()],
                    5 + s % 40
                )?;
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn persons_are_distinct_and_valid_within_a_cell() {
        use samsyn_domain::person::PersonNumber;
        let mut seen = std::collections::HashSet::new();
        for i in 0..20_000 {
            let p = super::person(i, true, samsyn_domain::stats::AgeGroup::From80, 2019);
            let pn = PersonNumber::parse(&p).unwrap();
            assert!(pn.age_on(time::macros::date!(2019 - 12 - 31)) >= 80);
            assert!(seen.insert(p));
        }
    }
}
