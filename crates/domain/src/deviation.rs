//! Avvikelser i samverkan (the county's guideline of 2025): what can be reported, how a
//! report moves from the reporter to the responsible unit and back, and who sees it.

use crate::Principal;
use crate::ids::InvalidValue;
use crate::org::code_enum;
use crate::roles::Role;

code_enum!(
    /// Kategori.
    Category, "category" {
        EnrolmentDischarge = "in_utskrivning", "In- eller utskrivning";
        Medication = "lakemedel", "Läkemedel";
        InformationTransfer = "informationsoverforing", "Informationsöverföring";
        Sip = "sip", "SIP";
        MedicalDevices = "medicinteknik", "Medicintekniska produkter";
        Other = "ovrigt", "Övrigt";
    }
);

code_enum!(
    /// Allvarlighetsgrad.
    Severity, "severity" {
        Low = "lag", "Låg";
        Moderate = "mattlig", "Måttlig";
        Serious = "allvarlig", "Allvarlig";
    }
);

code_enum!(
    /// Where a report is in its handling.
    State, "state" {
        Reported = "rapporterad", "Rapporterad – väntar på utredning";
        Answered = "besvarad", "Besvarad – återkoppling till rapportören";
        Closed = "avslutad", "Avslutad med åtgärder";
    }
);

/// The step someone wants to take with a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Answer,
    Feedback,
    Close,
}

/// Whether a step may be taken in a state: the responsible unit answers a reported
/// deviation; the reporter gives feedback on an answer; the responsible unit closes an
/// answered one (with measures).
pub fn step_allowed(state: State, step: Step) -> Result<(), String> {
    match (state, step) {
        (State::Reported, Step::Answer) | (State::Answered, Step::Answer) => Ok(()),
        (State::Answered, Step::Feedback) => Ok(()),
        (State::Answered, Step::Close) => Ok(()),
        (State::Closed, _) => Err("avvikelsen är avslutad".into()),
        (State::Reported, Step::Feedback) => {
            Err("återkoppling ges på ett svar; avvikelsen är inte besvarad än".into())
        }
        (State::Reported, Step::Close) => {
            Err("avvikelsen avslutas när den är utredd och besvarad".into())
        }
    }
}

/// A description must say what happened.
pub fn description(text: &str) -> Result<String, InvalidValue> {
    let t = text.trim();
    if t.chars().count() < 10 {
        return Err(InvalidValue::new(
            "description",
            "beskriv vad som hände (minst 10 tecken)",
        ));
    }
    if t.chars().count() > 10_000 {
        return Err(InvalidValue::new(
            "description",
            "beskrivningen får vara högst 10 000 tecken",
        ));
    }
    Ok(t.to_owned())
}

/// A report is for staff of the reporting and the responsible unit, and for the MAS of
/// their parties. Everyone else learns nothing of it (summaries are anonymous).
pub fn can_see(p: &Principal, reporter_unit: (&str, &str), responsible_unit: (&str, &str)) -> bool {
    p.assignments.iter().any(|a| match a.role {
        Role::Vardpersonal | Role::Samordnare => a
            .unit
            .as_ref()
            .is_some_and(|u| u.as_str() == reporter_unit.0 || u.as_str() == responsible_unit.0),
        Role::Mas => a.party.as_ref().is_some_and(|party| {
            party.as_str() == reporter_unit.1 || party.as_str() == responsible_unit.1
        }),
        _ => false,
    })
}

/// Whether the principal acts for the unit (staff in it).
pub fn acts_for(p: &Principal, unit: &str) -> bool {
    crate::policy::acts_for_unit(p, unit)
}

/// The quarter (1–4) of a month (1–12).
pub fn quarter(month: u8) -> u8 {
    (month.clamp(1, 12) - 1) / 3 + 1
}

/// One cell of the anonymous summary: county part, quarter, category, reports.
pub type SummaryCell<'a> = (&'a str, u8, &'a str, i64);

/// The annual report for the patient-safety conference, as lines to set: the year's
/// reports per county part and quarter, and per category. Counts only; no person and
/// no description appears.
pub fn annual_report(
    year: i32,
    county_parts: &[(String, String)],
    cells: &[SummaryCell],
) -> Vec<crate::governance::Line> {
    use crate::governance::Line;
    let total: i64 = cells.iter().map(|c| c.3).sum();
    let mut out = vec![
        Line::Title(format!("AVVIKELSER I SAMVERKAN {year}")),
        Line::Heading("Årsrapport till patientsäkerhetskonferensen".into()),
        Line::Text(format!(
            "{total} avvikelser i samverkan mellan regionen, kommunerna och privata vårdgivare rapporterades med händelsedatum {year}."
        )),
        Line::Text(
            "Rapporten innehåller bara antal; inga personuppgifter och inga beskrivningar.".into(),
        ),
        Line::Blank,
        Line::Heading("Per länsdel och kvartal".into()),
    ];
    for (code, name) in county_parts {
        let per_q: Vec<i64> = (1..=4)
            .map(|q| {
                cells
                    .iter()
                    .filter(|c| c.0 == code && c.1 == q)
                    .map(|c| c.3)
                    .sum()
            })
            .collect();
        let sum: i64 = per_q.iter().sum();
        out.push(Line::Point(format!(
            "{name}: {sum} (kv 1: {}, kv 2: {}, kv 3: {}, kv 4: {})",
            per_q[0], per_q[1], per_q[2], per_q[3]
        )));
    }
    out.push(Line::Blank);
    out.push(Line::Heading("Per kategori".into()));
    for c in Category::ALL {
        let n: i64 = cells
            .iter()
            .filter(|x| x.2 == c.as_str())
            .map(|x| x.3)
            .sum();
        out.push(Line::Point(format!("{}: {n}", c.label())));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_unknown_ones_name_the_field() {
        for c in Category::ALL {
            assert_eq!(Category::parse(c.as_str()), Ok(*c));
        }
        let e = Severity::parse("akut").unwrap_err();
        assert_eq!(e.field, "severity");
        assert!(e.message.contains("allvarlig"));
    }

    #[test]
    fn a_report_is_answered_then_closed_and_feedback_needs_an_answer() {
        assert!(step_allowed(State::Reported, Step::Answer).is_ok());
        assert!(step_allowed(State::Reported, Step::Feedback).is_err());
        assert!(step_allowed(State::Reported, Step::Close).is_err());
        assert!(step_allowed(State::Answered, Step::Feedback).is_ok());
        assert!(step_allowed(State::Answered, Step::Close).is_ok());
        assert!(step_allowed(State::Closed, Step::Answer).is_err());
    }

    #[test]
    fn a_deviation_without_a_description_is_refused() {
        assert_eq!(description("  ").unwrap_err().field, "description");
        assert!(description("Läkemedelslistan saknades vid utskrivningen.").is_ok());
    }

    #[test]
    fn quarters() {
        assert_eq!([1, 3, 4, 6, 7, 12].map(quarter), [1, 1, 2, 2, 3, 4]);
    }

    #[test]
    fn the_annual_report_counts_per_county_part_quarter_and_category() {
        let parts = vec![
            ("norr".to_owned(), "Norr".to_owned()),
            ("soder".to_owned(), "Söder".to_owned()),
        ];
        let cells = [
            ("norr", 1, "lakemedel", 2),
            ("norr", 3, "sip", 1),
            ("soder", 4, "lakemedel", 4),
        ];
        let text: Vec<String> = annual_report(2026, &parts, &cells)
            .into_iter()
            .map(|l| match l {
                crate::governance::Line::Point(t) | crate::governance::Line::Text(t) => t,
                _ => String::new(),
            })
            .filter(|t| !t.is_empty())
            .collect();
        assert!(text[0].starts_with("7 avvikelser"), "{text:?}");
        assert!(text.contains(&"Norr: 3 (kv 1: 2, kv 2: 0, kv 3: 1, kv 4: 0)".to_owned()));
        assert!(text.contains(&"Läkemedel: 6".to_owned()), "{text:?}");
    }
}
