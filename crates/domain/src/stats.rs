//! Uppföljning: Tabell 1 and Tabell 2 of the report — persons who received municipal
//! health care during a year, by municipality, age group and legal sex, and that
//! number as a share of the population. Pure arithmetic and formatting; the store
//! supplies the counts.

use crate::ids::InvalidValue;
use crate::person::LegalSex;
use std::cmp::Ordering;
use std::fmt::Write as _;

/// Åldersgrupp: age on 31 December of the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AgeGroup {
    Under65,
    From65To79,
    From80,
}

impl AgeGroup {
    pub const ALL: [AgeGroup; 3] = [AgeGroup::Under65, AgeGroup::From65To79, AgeGroup::From80];

    pub fn of_age(age: i32) -> AgeGroup {
        match age {
            a if a < 65 => AgeGroup::Under65,
            a if a < 80 => AgeGroup::From65To79,
            _ => AgeGroup::From80,
        }
    }

    /// The group of a person born on `birth` in `year` (age on 31 December).
    pub fn in_year(birth: time::Date, year: i32) -> AgeGroup {
        AgeGroup::of_age(year - birth.year())
    }

    /// `0-64`, `65-79` or `80+`, as in the population file.
    pub fn as_str(self) -> &'static str {
        match self {
            AgeGroup::Under65 => "0-64",
            AgeGroup::From65To79 => "65-79",
            AgeGroup::From80 => "80+",
        }
    }

    fn column(self) -> &'static str {
        match self {
            AgeGroup::Under65 => "0_64",
            AgeGroup::From65To79 => "65_79",
            AgeGroup::From80 => "80",
        }
    }

    pub fn parse(text: &str) -> Result<AgeGroup, InvalidValue> {
        AgeGroup::ALL
            .into_iter()
            .find(|g| g.as_str() == text.trim())
            .ok_or_else(|| {
                InvalidValue::new(
                    "aldersgrupp",
                    format!(
                        "«{}»: åldersgrupp ska vara 0-64, 65-79 eller 80+",
                        text.trim()
                    ),
                )
            })
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// Persons (or population) per legal sex and age group.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub women: [i64; 3],
    pub men: [i64; 3],
}

impl Counts {
    pub fn add(&mut self, sex: LegalSex, group: AgeGroup, n: i64) {
        match sex {
            LegalSex::Female => self.women[group.index()] += n,
            LegalSex::Male => self.men[group.index()] += n,
        }
    }

    pub fn get(&self, sex: LegalSex, group: AgeGroup) -> i64 {
        match sex {
            LegalSex::Female => self.women[group.index()],
            LegalSex::Male => self.men[group.index()],
        }
    }

    pub fn group(&self, group: AgeGroup) -> i64 {
        self.women[group.index()] + self.men[group.index()]
    }

    pub fn total(&self) -> i64 {
        AgeGroup::ALL.iter().map(|g| self.group(*g)).sum()
    }

    /// The twelve values of a table row after its code and name, in the reference
    /// file's order: total, then per age group women, men, both.
    fn values(&self) -> Vec<i64> {
        let mut v = vec![self.total()];
        for g in AgeGroup::ALL {
            v.extend([
                self.get(LegalSex::Female, g),
                self.get(LegalSex::Male, g),
                self.group(g),
            ]);
        }
        v
    }
}

/// The header of Tabell 1 and Tabell 2 as CSV, exactly as in the reference file.
pub fn csv_header() -> String {
    let mut h = String::from("kommunkod,kommun,totalt");
    for g in AgeGroup::ALL {
        let c = g.column();
        write!(h, ",k_{c},m_{c},t_{c}").expect("writing to a String cannot fail");
    }
    h
}

/// One row of a table: an area (the county, or a municipality) and its counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub code: String,
    pub name: String,
    pub counts: Counts,
}

/// Tabell 1 for a year: the county row (distinct persons) first, then the
/// municipalities in Swedish alphabetical order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tabell1 {
    pub year: i32,
    pub county: Row,
    pub municipalities: Vec<Row>,
}

impl Tabell1 {
    pub fn new(year: i32, county: Row, mut municipalities: Vec<Row>) -> Self {
        municipalities.sort_by(|a, b| swedish_cmp(&a.name, &b.name));
        Tabell1 {
            year,
            county,
            municipalities,
        }
    }

    pub fn rows(&self) -> impl Iterator<Item = &Row> {
        std::iter::once(&self.county).chain(self.municipalities.iter())
    }

    pub fn to_csv(&self) -> String {
        let mut out = csv_header();
        out.push('\n');
        for r in self.rows() {
            let values: Vec<String> = r.counts.values().iter().map(|v| v.to_string()).collect();
            writeln!(out, "{},{},{}", r.code, r.name, values.join(","))
                .expect("writing to a String cannot fail");
        }
        out
    }
}

/// A share in percent with one decimal, rounded half away from zero, from exact integers.
pub fn share(count: i64, population: i64) -> Option<String> {
    if population <= 0 {
        return None;
    }
    // Tenths of a percent, rounded: (count * 1000 / population) with half up.
    let tenths = (count * 2000 + population) / (2 * population);
    Some(format!("{}.{}", tenths / 10, tenths % 10))
}

/// Tabell 2: each cell of Tabell 1 as a share of the population in that cell.
/// Cells whose population is missing are named instead of divided by zero.
pub fn tabell2_csv(
    t: &Tabell1,
    population: &dyn Fn(&str) -> Option<Counts>,
) -> Result<String, Vec<String>> {
    let mut out = csv_header();
    out.push('\n');
    let mut missing = Vec::new();
    for r in t.rows() {
        let Some(pop) = population(&r.code) else {
            missing.push(format!("{} {} (alla grupper)", r.code, r.name));
            continue;
        };
        let cells = r.counts.values().into_iter().zip(pop.values());
        let mut shares = Vec::with_capacity(12);
        for (i, (count, p)) in cells.enumerate() {
            match share(count, p) {
                Some(s) => shares.push(s),
                None => missing.push(format!(
                    "{} {} ({})",
                    r.code,
                    r.name,
                    csv_header().split(',').nth(i + 2).unwrap_or("?")
                )),
            }
        }
        writeln!(out, "{},{},{}", r.code, r.name, shares.join(","))
            .expect("writing to a String cannot fail");
    }
    if missing.is_empty() {
        Ok(out)
    } else {
        Err(missing)
    }
}

/// One row of Tabell 1 as shown to someone without access to the persons behind it:
/// `values` in the table's order (total, then per age group women, men, both), each
/// `Some(count)` or `None` where hidden. Counts 1–4 are hidden (primary suppression),
/// and so is, in every sum the row holds (women + men = both in a group; the groups'
/// "both" add up to the total), the smallest other cell wherever a hidden one could
/// otherwise be worked out by subtraction (secondary suppression).
pub fn suppress_row(values: &[i64], sees_persons: bool) -> Vec<Option<i64>> {
    let mut hidden: Vec<bool> = values
        .iter()
        .map(|v| !sees_persons && (1..5).contains(v))
        .collect();
    if sees_persons || values.len() != 1 + 3 * AgeGroup::ALL.len() {
        return values
            .iter()
            .zip(&hidden)
            .map(|(v, h)| (!h).then_some(*v))
            .collect();
    }
    // each sum as the cells it ties together: [women, men, both] per group, and the
    // groups' "both" with the total
    let mut sums: Vec<Vec<usize>> = (0..AgeGroup::ALL.len())
        .map(|g| vec![1 + 3 * g, 2 + 3 * g, 3 + 3 * g])
        .collect();
    sums.push(
        std::iter::once(0)
            .chain((0..AgeGroup::ALL.len()).map(|g| 3 + 3 * g))
            .collect(),
    );
    loop {
        let mut changed = false;
        for cells in &sums {
            if cells.iter().filter(|c| hidden[**c]).count() == 1 {
                // hide the smallest shown cell of this sum as well
                if let Some(&c) = cells
                    .iter()
                    .filter(|c| !hidden[**c])
                    .min_by_key(|c| (values[**c], **c))
                {
                    hidden[c] = true;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    values
        .iter()
        .zip(&hidden)
        .map(|(v, h)| (!h).then_some(*v))
        .collect()
}

/// A cell as shown: the count, "<5" for a small count hidden, ".." for a cell hidden
/// only so that a small one cannot be worked out.
pub fn shown(value: i64, cell: Option<i64>) -> String {
    match cell {
        Some(v) => v.to_string(),
        None if (1..5).contains(&value) => "<5".to_owned(),
        None => "..".to_owned(),
    }
}

/// Swedish alphabetical order: a–z, then å, ä, ö; case and accents on other letters
/// (é, ü) folded to their base letter.
pub fn swedish_cmp(a: &str, b: &str) -> Ordering {
    fn key(s: &str) -> Vec<u32> {
        s.chars()
            .flat_map(|c| c.to_lowercase())
            .map(|c| match c {
                'å' => 'z' as u32 + 1,
                'ä' | 'æ' => 'z' as u32 + 2,
                'ö' | 'ø' => 'z' as u32 + 3,
                'é' | 'è' | 'ê' => 'e' as u32,
                'ü' => 'y' as u32,
                'á' | 'à' => 'a' as u32,
                other => other as u32,
            })
            .collect()
    }
    key(a).cmp(&key(b)).then_with(|| a.cmp(b))
}

/// "Askersunds kommun" → "Askersund", "Hällefors kommun" → "Hällefors",
/// "Region Örebro län" → "Örebro län": the names the tables use.
pub fn short_name(party_name: &str) -> String {
    if let Some(rest) = party_name.strip_prefix("Region ") {
        return rest.to_owned();
    }
    let base = party_name.trim_end_matches(" kommun");
    if base.ends_with("fors") || base.ends_with("ss") || !base.ends_with('s') {
        base.to_owned()
    } else {
        base[..base.len() - 1].to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn age_groups_use_the_age_on_the_last_day_of_the_year() {
        assert_eq!(
            AgeGroup::in_year(date!(1955 - 12 - 31), 2019),
            AgeGroup::Under65,
            "64 on 31 December"
        );
        assert_eq!(
            AgeGroup::in_year(date!(1954 - 12 - 31), 2019),
            AgeGroup::From65To79
        );
        assert_eq!(
            AgeGroup::in_year(date!(1939 - 06 - 01), 2019),
            AgeGroup::From80
        );
        assert_eq!(AgeGroup::parse("80+"), Ok(AgeGroup::From80));
        assert_eq!(AgeGroup::parse("80-").unwrap_err().field, "aldersgrupp");
    }

    #[test]
    fn small_counts_are_hidden_from_those_without_access() {
        let row = [9, 3, 0, 3, 0, 0, 0, 5, 1, 6];
        let hidden = suppress_row(&row, false);
        assert_eq!(shown(row[1], hidden[1]), "<5");
        assert_eq!(shown(row[8], hidden[8]), "<5");
        assert_eq!(hidden[5], Some(0), "a zero stays where it reveals nothing");
        assert!(!derivable(&hidden), "{hidden:?}");
        assert!(
            suppress_row(&row, true).iter().all(Option::is_some),
            "the MAS of the municipality sees all"
        );
    }

    /// A cell hidden by a row: it cannot be worked out from the shown cells of any sum.
    fn derivable(shown: &[Option<i64>]) -> bool {
        let groups = AgeGroup::ALL.len();
        let mut sums: Vec<Vec<usize>> = (0..groups)
            .map(|g| vec![1 + 3 * g, 2 + 3 * g, 3 + 3 * g])
            .collect();
        sums.push(
            std::iter::once(0)
                .chain((0..groups).map(|g| 3 + 3 * g))
                .collect(),
        );
        sums.iter()
            .any(|cells| cells.iter().filter(|c| shown[**c].is_none()).count() == 1)
    }

    #[test]
    fn a_small_count_cannot_be_worked_out_from_the_row() {
        // total, then (women, men, both) for 0-64, 65-79, 80+
        let row = [40, 3, 7, 10, 6, 9, 15, 5, 10, 15];
        let s = suppress_row(&row, false);
        assert_eq!(s[1], None, "3 women under 65 are hidden");
        assert_eq!(
            s[2], None,
            "and the men beside them, or 10 - 7 would give the 3"
        );
        assert_eq!(s[3], Some(10), "the group's total can stay");
        assert!(!derivable(&s));
        assert_eq!(shown(row[1], s[1]), "<5");
        assert_eq!(shown(row[2], s[2]), "..");
    }

    #[test]
    fn hiding_spreads_through_the_sums_until_nothing_can_be_derived() {
        // a small group total: hidden, so another group's total must go, and then a
        // cell inside that group too
        let row = [30, 1, 2, 3, 6, 6, 12, 7, 8, 15];
        let s = suppress_row(&row, false);
        assert_eq!(s[3], None);
        assert!(!derivable(&s), "{s:?}");
        assert!(s.iter().filter(|c| c.is_none()).count() >= 5);
    }

    #[test]
    fn rows_without_small_counts_and_the_mas_see_everything() {
        let row = [40, 5, 7, 12, 6, 9, 15, 5, 8, 13];
        assert!(suppress_row(&row, false).iter().all(Option::is_some));
        let small = [10, 3, 7, 10, 0, 0, 0, 0, 0, 0];
        assert!(suppress_row(&small, true).iter().all(Option::is_some));
    }

    #[test]
    fn the_header_is_the_reference_files() {
        assert_eq!(
            csv_header(),
            "kommunkod,kommun,totalt,k_0_64,m_0_64,t_0_64,k_65_79,m_65_79,t_65_79,k_80,m_80,t_80"
        );
    }

    #[test]
    fn municipalities_sort_in_swedish_order() {
        let mut names = vec![
            "Örebro",
            "Hällefors",
            "Hallsberg",
            "Laxå",
            "Lekeberg",
            "Askersund",
            "Åmål",
        ];
        names.sort_by(|a, b| swedish_cmp(a, b));
        assert_eq!(
            names,
            [
                "Askersund",
                "Hallsberg",
                "Hällefors",
                "Laxå",
                "Lekeberg",
                "Åmål",
                "Örebro"
            ]
        );
    }

    #[test]
    fn party_names_shorten_as_in_the_tables() {
        assert_eq!(short_name("Askersunds kommun"), "Askersund");
        assert_eq!(short_name("Hällefors kommun"), "Hällefors");
        assert_eq!(short_name("Laxå kommun"), "Laxå");
        assert_eq!(short_name("Region Örebro län"), "Örebro län");
    }

    #[test]
    fn shares_round_half_away_from_zero_and_refuse_an_empty_population() {
        assert_eq!(share(16572, 306_889).as_deref(), Some("5.4"));
        assert_eq!(share(1, 8).as_deref(), Some("12.5"));
        assert_eq!(share(1, 16).as_deref(), Some("6.3"), "6.25 rounds up");
        assert_eq!(share(0, 10).as_deref(), Some("0.0"));
        assert_eq!(share(1, 0), None);
    }

    #[test]
    fn a_table_writes_the_county_first_then_municipalities_alphabetically() {
        let row = |code: &str, name: &str, n: i64| {
            let mut c = Counts::default();
            c.add(LegalSex::Female, AgeGroup::From80, n);
            Row {
                code: code.into(),
                name: name.into(),
                counts: c,
            }
        };
        let t = Tabell1::new(
            2019,
            row("18", "Örebro län", 3),
            vec![row("1880", "Örebro", 2), row("1882", "Askersund", 2)],
        );
        let csv = t.to_csv();
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[1], "18,Örebro län,3,0,0,0,0,0,0,3,0,3");
        assert_eq!(lines[2], "1882,Askersund,2,0,0,0,0,0,0,2,0,2");
        assert_eq!(lines[3], "1880,Örebro,2,0,0,0,0,0,0,2,0,2");
    }

    #[test]
    fn tabell2_names_the_cells_without_population() {
        let mut c = Counts::default();
        c.add(LegalSex::Male, AgeGroup::Under65, 5);
        let t = Tabell1::new(
            2019,
            Row {
                code: "18".into(),
                name: "Örebro län".into(),
                counts: c,
            },
            vec![Row {
                code: "1880".into(),
                name: "Örebro".into(),
                counts: c,
            }],
        );
        let mut pop = Counts::default();
        for g in AgeGroup::ALL {
            pop.add(LegalSex::Male, g, 100);
            pop.add(LegalSex::Female, g, 100);
        }
        let full = tabell2_csv(&t, &|_| Some(pop)).unwrap();
        assert!(
            full.lines()
                .nth(1)
                .unwrap()
                .starts_with("18,Örebro län,0.8,0.0,5.0,2.5")
        );
        let missing = tabell2_csv(&t, &|code| (code == "18").then_some(pop)).unwrap_err();
        assert_eq!(missing, ["1880 Örebro (alla grupper)"]);
    }
}
