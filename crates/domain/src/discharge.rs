//! Discharge from inpatient care (lag 2017:612): the municipality's payment liability
//! (*betalningsansvar*) for days a person stays in hospital after being ready for
//! discharge, under the county agreement's rules. Pure arithmetic over the stay's
//! events; every liable day comes with the reason it is liable.

use time::{Date, Duration, Month, PrimitiveDateTime, Weekday};

/// How the days before liability are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DayKind {
    /// Every calendar day counts.
    Calendar,
    /// Only working days count: not Saturdays, Sundays or Swedish public holidays
    /// (with midsommarafton, julafton and nyårsafton, which are not working days in
    /// practice).
    Working,
}

impl DayKind {
    pub fn label(self) -> &'static str {
        match self {
            DayKind::Calendar => "kalenderdagar",
            DayKind::Working => "vardagar",
        }
    }
}

/// The free period for one kind of care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FreePeriod {
    pub kind: DayKind,
    /// Days after the day of the notice before the municipality pays.
    pub days: u32,
}

/// The agreement's rules for payment liability, held as versioned data.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LiabilityRules {
    pub version: i64,
    pub somatic: FreePeriod,
    pub psychiatric: FreePeriod,
    /// A notice at or after this hour counts as given the next day.
    pub cutoff_hour: u8,
    /// The daily rate (öre) per calendar year.
    pub daily_rates: Vec<(i32, i64)>,
}

impl LiabilityRules {
    /// Checks rules an administrator entered, naming the field that is wrong.
    pub fn validate(&self) -> Result<(), crate::InvalidValue> {
        use crate::InvalidValue;
        for (field, p) in [
            ("somatic_days", self.somatic),
            ("psychiatric_days", self.psychiatric),
        ] {
            if p.days > 90 {
                return Err(InvalidValue::new(
                    field,
                    format!("{} dagar är fler än 90", p.days),
                ));
            }
        }
        if self.cutoff_hour > 23 {
            return Err(InvalidValue::new(
                "cutoff_hour",
                "klockslaget ska vara 0–23",
            ));
        }
        if self.daily_rates.is_empty() {
            return Err(InvalidValue::new(
                "daily_rates",
                "ange dygnskostnaden för minst ett år",
            ));
        }
        for (year, rate) in &self.daily_rates {
            if !(1990..=2100).contains(year) || *rate <= 0 {
                return Err(InvalidValue::new(
                    "daily_rates",
                    format!("{year}: {rate} öre är ingen giltig dygnskostnad"),
                ));
            }
        }
        Ok(())
    }

    pub fn rate(&self, year: i32) -> Option<i64> {
        self.daily_rates
            .iter()
            .find(|(y, _)| *y == year)
            .map(|(_, r)| *r)
    }
}

/// What happened during one stay, with local (Swedish) times.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// Inskrivningsmeddelande sent to the municipality and primary care.
    AdmissionNotice(PrimitiveDateTime),
    /// Fast vårdkontakt appointed by primary care.
    ContactAppointed(PrimitiveDateTime),
    /// Kallelse to a SIP meeting sent (needed when both region and municipality are).
    SipCallSent(PrimitiveDateTime),
    /// The ward's notice that the person is ready for discharge.
    Ready(PrimitiveDateTime),
    /// The person is no longer ready.
    ReadyWithdrawn(PrimitiveDateTime),
    Discharged(PrimitiveDateTime),
}

/// One stay as the liability rules need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stay {
    pub psychiatric: bool,
    /// Whether the person needs both the region's and the municipality's efforts (then a
    /// SIP kallelse is one of the region's steps).
    pub needs_sip: bool,
    pub events: Vec<Event>,
}

/// A day the municipality pays for, with why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiableDay {
    pub date: Date,
    /// Öre; `None` when the agreement has no rate for the year.
    pub amount: Option<i64>,
    pub reason: String,
}

/// Why a stay gives no liability at all, if it gives none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Liability {
    pub days: Vec<LiableDay>,
    /// Explanations of days not charged (a missing step, a withdrawal).
    pub notes: Vec<String>,
}

impl Liability {
    pub fn total(&self) -> i64 {
        self.days.iter().filter_map(|d| d.amount).sum()
    }
}

/// Easter Sunday (the anonymous Gregorian algorithm).
fn easter(year: i32) -> Date {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::from_calendar_date(
        year,
        Month::try_from(month as u8).unwrap_or(Month::April),
        day as u8,
    )
    .unwrap_or(Date::MIN)
}

/// The first `weekday` on or after `from`.
fn first_on_or_after(from: Date, weekday: Weekday) -> Date {
    let mut d = from;
    while d.weekday() != weekday {
        d = d.next_day().unwrap_or(d);
    }
    d
}

/// Swedish public holidays, and the eves that are not working days in practice.
pub fn is_holiday(d: Date) -> bool {
    let (y, m, day) = (d.year(), d.month(), d.day());
    let fixed = matches!(
        (m, day),
        (Month::January, 1)
            | (Month::January, 6)
            | (Month::May, 1)
            | (Month::June, 6)
            | (Month::December, 24)
            | (Month::December, 25)
            | (Month::December, 26)
            | (Month::December, 31)
    );
    if fixed {
        return true;
    }
    let e = easter(y);
    let moving = [
        e - Duration::days(2),
        e,
        e + Duration::days(1),
        e + Duration::days(39),
        e + Duration::days(49),
    ];
    if moving.contains(&d) {
        return true;
    }
    let midsummer_day = Date::from_calendar_date(y, Month::June, 20)
        .map(|s| first_on_or_after(s, Weekday::Saturday));
    if let Ok(md) = midsummer_day
        && (d == md || Some(d) == md.previous_day())
    {
        return true;
    }
    Date::from_calendar_date(y, Month::October, 31)
        .map(|s| first_on_or_after(s, Weekday::Saturday))
        .is_ok_and(|all_saints| d == all_saints)
}

pub fn is_working_day(d: Date) -> bool {
    !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday) && !is_holiday(d)
}

/// The date a notice counts from: its own day, or the next if given at or after the
/// cut-off hour.
fn notice_day(at: PrimitiveDateTime, cutoff_hour: u8) -> Date {
    if at.hour() >= cutoff_hour {
        at.date().next_day().unwrap_or(at.date())
    } else {
        at.date()
    }
}

/// The last day of the free period that starts after `day`.
fn end_of_free_period(day: Date, free: FreePeriod) -> Date {
    let mut d = day;
    let mut counted = 0;
    while counted < free.days {
        d = d.next_day().unwrap_or(d);
        if free.kind == DayKind::Calendar || is_working_day(d) {
            counted += 1;
        }
    }
    d
}

fn date_text(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month() as u8, d.day())
}

/// The days the municipality pays for in a stay. A day is liable when the person is
/// still in hospital at its end (the day of discharge is not), after the free period
/// that follows a ready notice not since withdrawn, and only from the day after the
/// region has done its own steps: the admission notice, the fast vårdkontakt and, when
/// needed, the SIP kallelse. Without them there is no liability at all.
pub fn liability(stay: &Stay, rules: &LiabilityRules) -> Liability {
    let free = if stay.psychiatric {
        rules.psychiatric
    } else {
        rules.somatic
    };
    let mut notes = Vec::new();
    let step = |f: fn(&Event) -> Option<PrimitiveDateTime>| stay.events.iter().filter_map(f).min();
    let admission = step(|e| {
        if let Event::AdmissionNotice(t) = e {
            Some(*t)
        } else {
            None
        }
    });
    let contact = step(|e| {
        if let Event::ContactAppointed(t) = e {
            Some(*t)
        } else {
            None
        }
    });
    let sip = step(|e| {
        if let Event::SipCallSent(t) = e {
            Some(*t)
        } else {
            None
        }
    });
    let discharged = step(|e| {
        if let Event::Discharged(t) = e {
            Some(*t)
        } else {
            None
        }
    });
    let mut missing = Vec::new();
    if admission.is_none() {
        missing.push("inskrivningsmeddelande");
    }
    if contact.is_none() {
        missing.push("fast vårdkontakt");
    }
    if stay.needs_sip && sip.is_none() {
        missing.push("kallelse till SIP");
    }
    if !missing.is_empty() {
        notes.push(format!(
            "Inget betalningsansvar: regionen har inte gjort sina steg ({}).",
            missing.join(", ")
        ));
        return Liability {
            days: Vec::new(),
            notes,
        };
    }
    // The region's steps done: liability can start the day after the last of them.
    let steps_done = [admission, contact, if stay.needs_sip { sip } else { None }]
        .into_iter()
        .flatten()
        .max()
        .map(|t| t.date());

    // Periods of readiness: from a notice to its withdrawal (or discharge).
    let mut events = stay.events.clone();
    events.sort_by_key(|e| match e {
        Event::AdmissionNotice(t)
        | Event::ContactAppointed(t)
        | Event::SipCallSent(t)
        | Event::Ready(t)
        | Event::ReadyWithdrawn(t)
        | Event::Discharged(t) => *t,
    });
    let mut periods: Vec<(PrimitiveDateTime, Option<PrimitiveDateTime>)> = Vec::new();
    for e in &events {
        match e {
            Event::Ready(t) if periods.last().is_none_or(|p| p.1.is_some()) => {
                periods.push((*t, None))
            }
            Event::ReadyWithdrawn(t) => {
                if let Some(p) = periods.last_mut().filter(|p| p.1.is_none()) {
                    p.1 = Some(*t);
                    notes.push(format!(
                        "Utskrivningsklar {} återtogs {}; dagarna därefter räknas inte förrän ett nytt meddelande.",
                        date_text(p.0.date()),
                        date_text(t.date())
                    ));
                }
            }
            _ => {}
        }
    }
    let Some(end) = discharged.map(|t| t.date()) else {
        notes.push(
            "Personen är inte utskriven ännu; dagarna räknas fram till i dag av den som frågar."
                .into(),
        );
        return Liability {
            days: Vec::new(),
            notes,
        };
    };
    let mut days = Vec::new();
    for (ready_at, withdrawn) in periods {
        let ready_day = notice_day(ready_at, rules.cutoff_hour);
        let free_end = end_of_free_period(ready_day, free);
        let mut d = free_end.next_day().unwrap_or(free_end);
        if let Some(done) = steps_done
            && done >= d
        {
            notes.push(format!(
                "Regionens sista steg gjordes {}; ansvaret börjar dagen efter.",
                date_text(done)
            ));
            d = done.next_day().unwrap_or(done);
        }
        let stop = withdrawn.map(|w| w.date()).map_or(end, |w| w.min(end));
        while d < stop {
            let n = (d - ready_day).whole_days();
            days.push(LiableDay {
                date: d,
                amount: rules.rate(d.year()),
                reason: format!(
                    "Dag {n} efter utskrivningsklar {} (meddelat {:02}:{:02}); {} fria {} enligt överenskommelsen version {}.",
                    date_text(ready_day),
                    ready_at.hour(),
                    ready_at.minute(),
                    free.days,
                    free.kind.label(),
                    rules.version
                ),
            });
            d = d.next_day().unwrap_or(stop);
        }
    }
    Liability { days, notes }
}

/// The days a person was utskrivningsklar but still in hospital: from the day of each
/// ready notice up to the day before discharge or withdrawal (or `today` if neither).
pub fn ready_days(stay: &Stay, today: Date) -> Vec<Date> {
    let mut events: Vec<(PrimitiveDateTime, u8)> = stay
        .events
        .iter()
        .filter_map(|e| match e {
            Event::Ready(t) => Some((*t, 0)),
            Event::ReadyWithdrawn(t) => Some((*t, 1)),
            Event::Discharged(t) => Some((*t, 2)),
            _ => None,
        })
        .collect();
    events.sort();
    let mut days = Vec::new();
    let mut open: Option<Date> = None;
    let close = |from: Date, to: Date, days: &mut Vec<Date>| {
        let mut d = from;
        while d < to {
            days.push(d);
            d = d.next_day().unwrap_or(to);
        }
    };
    for (t, k) in events {
        match (k, open) {
            (0, None) => open = Some(t.date()),
            (1 | 2, Some(from)) => {
                close(from, t.date(), &mut days);
                open = None;
            }
            _ => {}
        }
    }
    if let Some(from) = open {
        close(from, today, &mut days);
    }
    days
}

/// One line of a municipality's monthly statement: a stay's liable days in the month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementLine<'a> {
    pub stay: &'a str,
    pub days: Vec<&'a LiableDay>,
    pub amount: i64,
}

/// The monthly statement for one municipality: every stay with liable days in the month
/// (`stays` are the municipality's, keyed by a reference the reader recognises), each
/// day with its reason, and the month's total.
pub fn monthly_statement<'a>(
    stays: &'a [(String, Liability)],
    year: i32,
    month: Month,
) -> (Vec<StatementLine<'a>>, i64) {
    let mut lines = Vec::new();
    for (reference, l) in stays {
        let days: Vec<&LiableDay> = l
            .days
            .iter()
            .filter(|d| d.date.year() == year && d.date.month() == month)
            .collect();
        if days.is_empty() {
            continue;
        }
        let amount = days.iter().filter_map(|d| d.amount).sum();
        lines.push(StatementLine {
            stay: reference,
            days,
            amount,
        });
    }
    let total = lines.iter().map(|l| l.amount).sum();
    (lines, total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    fn rules() -> LiabilityRules {
        LiabilityRules {
            version: 1,
            somatic: FreePeriod {
                kind: DayKind::Calendar,
                days: 3,
            },
            psychiatric: FreePeriod {
                kind: DayKind::Calendar,
                days: 30,
            },
            cutoff_hour: 12,
            daily_rates: vec![(2024, 912_500)],
        }
    }

    fn steps() -> Vec<Event> {
        vec![
            Event::AdmissionNotice(datetime!(2024-02-26 09:00)),
            Event::ContactAppointed(datetime!(2024-02-27 14:00)),
        ]
    }

    fn stay(extra: &[Event]) -> Stay {
        let mut events = steps();
        events.extend_from_slice(extra);
        Stay {
            psychiatric: false,
            needs_sip: false,
            events,
        }
    }

    fn dates(l: &Liability) -> Vec<Date> {
        l.days.iter().map(|d| d.date).collect()
    }

    #[test]
    fn ready_on_a_friday_with_calendar_days() {
        // Friday 1 March before noon: free Sat 2, Sun 3, Mon 4; liable Tue 5 and Wed 6;
        // the day of discharge (Thu 7) is not charged.
        let l = liability(
            &stay(&[
                Event::Ready(datetime!(2024-03-01 10:00)),
                Event::Discharged(datetime!(2024-03-07 11:00)),
            ]),
            &rules(),
        );
        assert_eq!(dates(&l), [date!(2024 - 03 - 05), date!(2024 - 03 - 06)]);
        assert_eq!(l.total(), 2 * 912_500);
        assert!(
            l.days[0]
                .reason
                .contains("Dag 4 efter utskrivningsklar 2024-03-01"),
            "{}",
            l.days[0].reason
        );
    }

    #[test]
    fn ready_on_a_friday_with_working_days() {
        // Free Mon 4, Tue 5, Wed 6; liable Thu 7 to Sun 10; discharged Mon 11.
        let mut r = rules();
        r.somatic.kind = DayKind::Working;
        let l = liability(
            &stay(&[
                Event::Ready(datetime!(2024-03-01 10:00)),
                Event::Discharged(datetime!(2024-03-11 09:00)),
            ]),
            &r,
        );
        assert_eq!(
            dates(&l),
            [
                date!(2024 - 03 - 07),
                date!(2024 - 03 - 08),
                date!(2024 - 03 - 09),
                date!(2024 - 03 - 10)
            ]
        );
    }

    #[test]
    fn working_days_skip_easter() {
        // Ready Thursday 28 March 2024: Good Friday 29, Easter Monday 1 April are
        // holidays; free Tue 2, Wed 3, Thu 4; liable from Fri 5.
        let mut r = rules();
        r.somatic.kind = DayKind::Working;
        let l = liability(
            &stay(&[
                Event::Ready(datetime!(2024-03-28 08:00)),
                Event::Discharged(datetime!(2024-04-06 10:00)),
            ]),
            &r,
        );
        assert_eq!(dates(&l), [date!(2024 - 04 - 05)]);
    }

    #[test]
    fn a_notice_after_the_cut_off_counts_from_the_next_day() {
        let l = liability(
            &stay(&[
                Event::Ready(datetime!(2024-03-01 15:30)),
                Event::Discharged(datetime!(2024-03-07 11:00)),
            ]),
            &rules(),
        );
        assert_eq!(
            dates(&l),
            [date!(2024 - 03 - 06)],
            "free Sun 3, Mon 4, Tue 5"
        );
    }

    #[test]
    fn a_withdrawal_stops_the_days_and_a_new_notice_starts_a_new_free_period() {
        let l = liability(
            &stay(&[
                Event::Ready(datetime!(2024-03-01 10:00)),
                Event::ReadyWithdrawn(datetime!(2024-03-06 08:00)),
                Event::Ready(datetime!(2024-03-10 09:00)),
                Event::Discharged(datetime!(2024-03-16 12:00)),
            ]),
            &rules(),
        );
        // first period: liable Tue 5 (withdrawn on the 6th); second: free 11–13, liable 14, 15
        assert_eq!(
            dates(&l),
            [
                date!(2024 - 03 - 05),
                date!(2024 - 03 - 14),
                date!(2024 - 03 - 15)
            ]
        );
        assert!(l.notes.iter().any(|n| n.contains("återtogs")));
    }

    #[test]
    fn without_a_fast_vardkontakt_there_is_no_liability() {
        let s = Stay {
            psychiatric: false,
            needs_sip: false,
            events: vec![
                Event::AdmissionNotice(datetime!(2024-02-26 09:00)),
                Event::Ready(datetime!(2024-03-01 10:00)),
                Event::Discharged(datetime!(2024-03-20 10:00)),
            ],
        };
        let l = liability(&s, &rules());
        assert!(l.days.is_empty());
        assert!(l.notes[0].contains("fast vårdkontakt"));
    }

    #[test]
    fn a_late_step_moves_the_start_to_the_day_after_it() {
        let s = Stay {
            psychiatric: false,
            needs_sip: true,
            events: vec![
                Event::AdmissionNotice(datetime!(2024-02-26 09:00)),
                Event::ContactAppointed(datetime!(2024-02-27 14:00)),
                Event::Ready(datetime!(2024-03-01 10:00)),
                Event::SipCallSent(datetime!(2024-03-06 10:00)),
                Event::Discharged(datetime!(2024-03-09 10:00)),
            ],
        };
        assert_eq!(
            dates(&liability(&s, &rules())),
            [date!(2024 - 03 - 07), date!(2024 - 03 - 08)]
        );
    }

    #[test]
    fn psychiatry_has_its_own_free_period() {
        let s = Stay {
            psychiatric: true,
            needs_sip: false,
            events: [
                steps(),
                vec![
                    Event::Ready(datetime!(2024-03-01 10:00)),
                    Event::Discharged(datetime!(2024-04-03 10:00)),
                ],
            ]
            .concat(),
        };
        // 30 free calendar days: 2–31 March; liable 1 and 2 April
        assert_eq!(
            dates(&liability(&s, &rules())),
            [date!(2024 - 04 - 01), date!(2024 - 04 - 02)]
        );
    }

    #[test]
    fn the_monthly_statement_takes_the_days_of_its_month() {
        let across = liability(
            &stay(&[
                Event::Ready(datetime!(2024-03-27 10:00)),
                Event::Discharged(datetime!(2024-04-03 10:00)),
            ]),
            &rules(),
        );
        // free 28–30 March; liable 31 March, 1 and 2 April
        let early = liability(
            &stay(&[
                Event::Ready(datetime!(2024-03-01 10:00)),
                Event::Discharged(datetime!(2024-03-07 11:00)),
            ]),
            &rules(),
        );
        let stays = vec![
            ("vistelse 1".to_owned(), across),
            ("vistelse 2".to_owned(), early),
        ];
        let (lines, total) = monthly_statement(&stays, 2024, Month::March);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].days.len(), 1);
        assert_eq!(lines[1].days.len(), 2);
        assert_eq!(total, 3 * 912_500);
        let (april, total) = monthly_statement(&stays, 2024, Month::April);
        assert_eq!((april.len(), total), (1, 2 * 912_500));
    }

    #[test]
    fn days_as_ready_run_from_each_notice_to_discharge_or_withdrawal() {
        let s = stay(&[
            Event::Ready(datetime!(2024-03-01 10:00)),
            Event::ReadyWithdrawn(datetime!(2024-03-03 08:00)),
            Event::Ready(datetime!(2024-03-10 09:00)),
            Event::Discharged(datetime!(2024-03-12 12:00)),
        ]);
        assert_eq!(
            ready_days(&s, date!(2024 - 04 - 01)),
            [
                date!(2024 - 03 - 01),
                date!(2024 - 03 - 02),
                date!(2024 - 03 - 10),
                date!(2024 - 03 - 11)
            ]
        );
        let open = stay(&[Event::Ready(datetime!(2024-03-30 10:00))]);
        assert_eq!(
            ready_days(&open, date!(2024 - 04 - 01)),
            [date!(2024 - 03 - 30), date!(2024 - 03 - 31)]
        );
    }

    #[test]
    fn swedish_holidays_are_known() {
        for d in [
            date!(2024 - 03 - 29),
            date!(2024 - 04 - 01),
            date!(2024 - 05 - 09),
            date!(2024 - 06 - 21),
            date!(2024 - 06 - 22),
            date!(2024 - 11 - 02),
            date!(2025 - 04 - 18),
        ] {
            assert!(is_holiday(d), "{d}");
        }
        assert!(!is_holiday(date!(2024 - 03 - 28)));
        assert!(is_working_day(date!(2024 - 04 - 02)));
    }
}
