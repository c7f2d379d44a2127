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
pub fn now_stored() -> String {
    to_stored(OffsetDateTime::now_utc())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

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
