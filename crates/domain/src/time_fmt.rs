//! One text form for instants, used in both databases: RFC 3339 in UTC with
//! microseconds and a fixed width, so that text order is time order.

use time::{OffsetDateTime, UtcOffset, format_description::FormatItem, macros::format_description};

const STORED: &[FormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:6]Z");

/// The stored text form of an instant.
pub fn to_stored(at: OffsetDateTime) -> String {
    at.to_offset(UtcOffset::UTC)
        .format(STORED)
        .expect("a UTC instant within year 0..9999 always formats")
}

/// Reads the stored text form back; `None` for text that is not in it.
pub fn from_stored(text: &str) -> Option<OffsetDateTime> {
    time::PrimitiveDateTime::parse(text, STORED)
        .ok()
        .map(|t| t.assume_utc())
}

/// Now, in the stored text form.
/// A calendar date written `YYYY-MM-DD`, if it is one.
pub fn parse_date(text: &str) -> Option<time::Date> {
    time::Date::parse(
        text,
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .ok()
}

/// A calendar date as `YYYY-MM-DD`.
pub fn date_text(d: time::Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month() as u8, d.day())
}

pub fn now_stored() -> String {
    to_stored(OffsetDateTime::now_utc())
}

/// The offset of Swedish time at an instant: CEST (+2) from the last Sunday of March
/// 01:00 UTC to the last Sunday of October 01:00 UTC, as the EU rule has it; else +1.
pub fn swedish_offset(at: OffsetDateTime) -> UtcOffset {
    let utc = at.to_offset(UtcOffset::UTC);
    let last_sunday = |month: time::Month| {
        let mut d = time::Date::from_calendar_date(
            utc.year(),
            month,
            time::util::days_in_month(month, utc.year()),
        )
        .expect("the last day of a month exists");
        while d.weekday() != time::Weekday::Sunday {
            d = d.previous_day().expect("within the year");
        }
        d.with_hms(1, 0, 0).expect("01:00 exists").assume_utc()
    };
    let summer = utc >= last_sunday(time::Month::March) && utc < last_sunday(time::Month::October);
    UtcOffset::from_hms(if summer { 2 } else { 1 }, 0, 0).expect("a valid offset")
}

/// A stored instant as people in Sweden read it: `YYYY-MM-DD HH:MM` in Swedish time.
/// Text that is not a stored instant is shown as it is.
pub fn display(stored: &str) -> String {
    match from_stored(stored) {
        Some(at) => {
            let local = at.to_offset(swedish_offset(at));
            format!("{} {:02}:{:02}", local.date(), local.hour(), local.minute())
        }
        None => stored.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn swedish_time_follows_the_eu_summer_time_rule() {
        assert_eq!(display("2026-01-15T12:00:00.000000Z"), "2026-01-15 13:00");
        assert_eq!(display("2026-07-01T12:00:00.000000Z"), "2026-07-01 14:00");
        // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
        assert_eq!(display("2026-03-29T00:59:00.000000Z"), "2026-03-29 01:59");
        assert_eq!(display("2026-03-29T01:00:00.000000Z"), "2026-03-29 03:00");
        assert_eq!(display("2026-10-25T00:59:00.000000Z"), "2026-10-25 02:59");
        assert_eq!(display("2026-10-25T01:00:00.000000Z"), "2026-10-25 02:00");
        assert_eq!(display("inte en tid"), "inte en tid");
    }

    #[test]
    fn stored_form_round_trips_and_sorts_as_time() {
        let a = datetime!(2026-01-02 03:04:05.000006 UTC);
        let b = datetime!(2026-01-02 13:04:05 UTC);
        assert_eq!(to_stored(a), "2026-01-02T03:04:05.000006Z");
        assert_eq!(from_stored(&to_stored(a)), Some(a));
        assert!(to_stored(a) < to_stored(b));
    }

    #[test]
    fn other_offsets_are_stored_in_utc() {
        let a = datetime!(2026-06-01 12:00 +02:00);
        assert_eq!(to_stored(a), "2026-06-01T10:00:00.000000Z");
    }
}
