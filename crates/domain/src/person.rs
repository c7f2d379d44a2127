//! Personnummer and samordningsnummer: who a person is, their birth date and legal
//! sex, read from the number itself. The number never goes into logs.

use crate::ids::InvalidValue;
use serde::{Deserialize, Serialize};
use std::fmt;
use time::{Date, Month};

/// Personnummer or samordningsnummer (the day plus 60), held as 12 digits.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PersonNumber(String);

/// Juridiskt kön: read from the second-to-last digit (odd for men, even for women).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LegalSex {
    Female,
    Male,
}

impl LegalSex {
    /// `K` or `M`, as in Swedish statistics.
    pub fn code(self) -> &'static str {
        match self {
            LegalSex::Female => "K",
            LegalSex::Male => "M",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            LegalSex::Female => "Kvinna",
            LegalSex::Male => "Man",
        }
    }
}

fn invalid(message: impl Into<String>) -> InvalidValue {
    InvalidValue::new("personnummer", message)
}

/// The Luhn check digit over nine digits (YYMMDDNNN), as the Tax Agency computes it.
pub fn check_digit(nine: &[u8]) -> u8 {
    let sum: u32 = nine
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let v = u32::from(*d) * if i % 2 == 0 { 2 } else { 1 };
            v / 10 + v % 10
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

impl PersonNumber {
    /// Accepts `YYYYMMDD-NNNC`, `YYYYMMDD+NNNC` or `YYYYMMDDNNNC`.
    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        let t = text.trim();
        let digits: String = match t.len() {
            12 => t.to_owned(),
            13 if matches!(t.as_bytes()[8], b'-' | b'+') => format!("{}{}", &t[..8], &t[9..]),
            _ => {
                return Err(invalid(
                    "ska skrivas med tolv siffror, ÅÅÅÅMMDD-NNNN eller ÅÅÅÅMMDDNNNN",
                ));
            }
        };
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid("får bara innehålla siffror (och ett bindestreck)"));
        }
        let n: Vec<u8> = digits.bytes().map(|b| b - b'0').collect();
        if check_digit(&n[2..11]) != n[11] {
            return Err(invalid("kontrollsiffran stämmer inte"));
        }
        let pn = PersonNumber(digits);
        pn.birth_date_checked()?;
        Ok(pn)
    }

    fn birth_date_checked(&self) -> Result<Date, InvalidValue> {
        let d = &self.0;
        let year: i32 = d[0..4].parse().map_err(|_| invalid("ogiltigt år"))?;
        let month: u8 = d[4..6].parse().map_err(|_| invalid("ogiltig månad"))?;
        let mut day: u8 = d[6..8].parse().map_err(|_| invalid("ogiltig dag"))?;
        if day > 60 {
            day -= 60;
        }
        if !(1800..=2200).contains(&year) {
            return Err(invalid("året är orimligt"));
        }
        let month = Month::try_from(month).map_err(|_| invalid("månaden finns inte"))?;
        Date::from_calendar_date(year, month, day).map_err(|_| invalid("datumet finns inte"))
    }

    /// The 12 digits, without separator: the stored form.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether this is a samordningsnummer (day plus 60).
    pub fn is_coordination_number(&self) -> bool {
        self.0[6..8].parse::<u8>().map(|d| d > 60).unwrap_or(false)
    }

    pub fn birth_date(&self) -> Date {
        self.birth_date_checked()
            .expect("a parsed number has a valid date")
    }

    pub fn legal_sex(&self) -> LegalSex {
        if (self.0.as_bytes()[10] - b'0') % 2 == 1 {
            LegalSex::Male
        } else {
            LegalSex::Female
        }
    }

    /// Age in whole years on a day.
    pub fn age_on(&self, day: Date) -> i32 {
        let birth = self.birth_date();
        let mut age = day.year() - birth.year();
        if (day.month() as u8, day.day()) < (birth.month() as u8, birth.day()) {
            age -= 1;
        }
        age
    }

    /// `YYYYMMDD-NNNN`, for people to read.
    pub fn display(&self) -> String {
        format!("{}-{}", &self.0[..8], &self.0[8..])
    }
}

impl fmt::Display for PersonNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display())
    }
}

/// Never prints the number: a debug print must not leak it into a log.
impl fmt::Debug for PersonNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PersonNumber({}-****)", &self.0[..8])
    }
}

impl From<PersonNumber> for String {
    fn from(p: PersonNumber) -> String {
        p.0
    }
}

impl TryFrom<String> for PersonNumber {
    type Error = InvalidValue;
    fn try_from(s: String) -> Result<Self, InvalidValue> {
        PersonNumber::parse(&s)
    }
}

/// Boendeform.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Housing {
    /// Ordinärt boende: the person's own home.
    Ordinary,
    /// Särskilt boende.
    Special,
    /// Bostad enligt LSS.
    Lss,
}

impl Housing {
    pub const ALL: [Housing; 3] = [Housing::Ordinary, Housing::Special, Housing::Lss];

    pub fn as_str(self) -> &'static str {
        match self {
            Housing::Ordinary => "ordinart",
            Housing::Special => "sarskilt",
            Housing::Lss => "lss",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Housing::Ordinary => "Ordinärt boende",
            Housing::Special => "Särskilt boende",
            Housing::Lss => "LSS-boende",
        }
    }

    pub fn parse(text: &str) -> Result<Housing, InvalidValue> {
        Housing::ALL
            .into_iter()
            .find(|h| h.as_str() == text.trim())
            .ok_or_else(|| {
                InvalidValue::new(
                    "housing",
                    "boendeform ska vara ordinart, sarskilt eller lss",
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest_lite::*;
    use time::macros::date;

    /// Builds a valid number from the first eleven digits.
    fn valid(eleven: &str) -> String {
        let n: Vec<u8> = eleven.bytes().map(|b| b - b'0').collect();
        format!("{eleven}{}", check_digit(&n[2..11]))
    }

    #[test]
    fn the_tax_agencys_test_person_is_valid() {
        let p = PersonNumber::parse("19121212-1212").unwrap();
        assert_eq!(p.as_str(), "191212121212");
        assert_eq!(p.birth_date(), date!(1912 - 12 - 12));
        assert_eq!(p.legal_sex(), LegalSex::Male);
        assert!(!p.is_coordination_number());
    }

    #[test]
    fn with_or_without_separator_gives_the_same_number() {
        assert_eq!(
            PersonNumber::parse("191212121212"),
            PersonNumber::parse("19121212-1212")
        );
        assert_eq!(
            PersonNumber::parse("19121212+1212"),
            PersonNumber::parse("19121212-1212")
        );
    }

    #[test]
    fn a_wrong_check_digit_is_refused() {
        let e = PersonNumber::parse("19121212-1213").unwrap_err();
        assert_eq!(e.field, "personnummer");
        assert!(e.message.contains("kontrollsiffran"));
    }

    #[test]
    fn impossible_dates_and_shapes_are_refused() {
        assert!(
            PersonNumber::parse(&valid("19800230123")).is_err(),
            "30 February"
        );
        assert!(
            PersonNumber::parse(&valid("19801301123")).is_err(),
            "month 13"
        );
        assert!(
            PersonNumber::parse("8001011234").is_err(),
            "ten digits are ambiguous"
        );
        assert!(PersonNumber::parse("1980010l-1234").is_err());
        assert!(PersonNumber::parse("").is_err());
    }

    #[test]
    fn a_samordningsnummer_adds_sixty_to_the_day() {
        let p = PersonNumber::parse(&valid("19701063239")).unwrap();
        assert!(p.is_coordination_number());
        assert_eq!(p.birth_date(), date!(1970 - 10 - 03));
        assert!(
            PersonNumber::parse(&valid("19701093239")).is_err(),
            "day 33 does not exist"
        );
    }

    #[test]
    fn legal_sex_follows_the_second_to_last_digit() {
        assert_eq!(
            PersonNumber::parse(&valid("19800101002"))
                .unwrap()
                .legal_sex(),
            LegalSex::Female
        );
        assert_eq!(
            PersonNumber::parse(&valid("19800101001"))
                .unwrap()
                .legal_sex(),
            LegalSex::Male
        );
    }

    #[test]
    fn age_turns_on_the_birthday() {
        let p = PersonNumber::parse(&valid("20080615123")).unwrap();
        assert_eq!(p.age_on(date!(2026 - 06 - 14)), 17);
        assert_eq!(p.age_on(date!(2026 - 06 - 15)), 18);
    }

    #[test]
    fn debug_output_hides_the_number() {
        let p = PersonNumber::parse("19121212-1212").unwrap();
        assert!(!format!("{p:?}").contains("1212-1212"));
    }

    #[test]
    fn no_input_panics() {
        for s in arbitrary_strings(2000) {
            let _ = PersonNumber::parse(&s);
        }
    }

    /// A tiny deterministic generator: this crate keeps no test dependencies.
    mod proptest_lite {
        pub fn arbitrary_strings(n: usize) -> Vec<String> {
            let alphabet: Vec<char> = "0123456789-+ aÅ\u{0}9".chars().collect();
            let mut state = 0x2545_f491_4f6c_dd1du64;
            (0..n)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    let len = (state % 16) as usize;
                    (0..len)
                        .map(|i| alphabet[((state >> (i * 3)) % alphabet.len() as u64) as usize])
                        .collect()
                })
                .collect()
        }
    }
}
