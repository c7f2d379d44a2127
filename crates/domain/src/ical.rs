//! iCalendar (RFC 5545) feeds of meetings, so that bookings reach the members'
//! calendars. Times are written in UTC, converted from Swedish local time.

use time::{Date, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

/// One meeting as a calendar event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub uid: String,
    /// Raised on every change, so calendars replace their copy.
    pub sequence: i64,
    pub date: Date,
    /// Local (Swedish) times; without a start the event lasts the whole day.
    pub start: Option<Time>,
    pub end: Option<Time>,
    pub summary: String,
    pub location: Option<String>,
    pub description: String,
    pub url: Option<String>,
    pub cancelled: bool,
    /// When the event last changed (UTC).
    pub stamp: OffsetDateTime,
}

/// Text escaped as RFC 5545 §3.3.11 asks.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

/// A content line folded at 75 octets (never inside a UTF-8 character), CRLF-ended.
fn push_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

fn utc(at: OffsetDateTime) -> String {
    let at = at.to_offset(UtcOffset::UTC);
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        at.year(),
        at.month() as u8,
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// A Swedish wall-clock time as an instant.
fn local(date: Date, t: Time) -> OffsetDateTime {
    let naive = PrimitiveDateTime::new(date, t);
    let guess = naive.assume_utc();
    naive.assume_offset(crate::time_fmt::swedish_offset(guess))
}

/// A calendar with the events, named `name`.
pub fn calendar(name: &str, events: &[Event]) -> String {
    let mut out = String::new();
    for l in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//samsyn//samverkan//SV",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_line(&mut out, l);
    }
    push_line(&mut out, &format!("X-WR-CALNAME:{}", escape(name)));
    for e in events {
        push_line(&mut out, "BEGIN:VEVENT");
        push_line(&mut out, &format!("UID:{}", e.uid));
        push_line(&mut out, &format!("DTSTAMP:{}", utc(e.stamp)));
        push_line(&mut out, &format!("SEQUENCE:{}", e.sequence));
        match e.start {
            Some(s) => {
                push_line(&mut out, &format!("DTSTART:{}", utc(local(e.date, s))));
                let end = e
                    .end
                    .filter(|end| *end > s)
                    .map(|end| local(e.date, end))
                    .unwrap_or(local(e.date, s) + time::Duration::hours(1));
                push_line(&mut out, &format!("DTEND:{}", utc(end)));
            }
            None => {
                let d = |d: Date| format!("{:04}{:02}{:02}", d.year(), d.month() as u8, d.day());
                push_line(&mut out, &format!("DTSTART;VALUE=DATE:{}", d(e.date)));
                push_line(
                    &mut out,
                    &format!(
                        "DTEND;VALUE=DATE:{}",
                        d(e.date.next_day().unwrap_or(e.date))
                    ),
                );
            }
        }
        push_line(&mut out, &format!("SUMMARY:{}", escape(&e.summary)));
        if let Some(l) = &e.location {
            push_line(&mut out, &format!("LOCATION:{}", escape(l)));
        }
        if !e.description.is_empty() {
            push_line(&mut out, &format!("DESCRIPTION:{}", escape(&e.description)));
        }
        if let Some(u) = &e.url {
            push_line(&mut out, &format!("URL:{u}"));
        }
        push_line(
            &mut out,
            if e.cancelled {
                "STATUS:CANCELLED"
            } else {
                "STATUS:CONFIRMED"
            },
        );
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime, time};

    fn event() -> Event {
        Event {
            uid: "mote-7@samsyn".into(),
            sequence: 3,
            date: date!(2026 - 03 - 12),
            start: Some(time!(09:00)),
            end: Some(time!(12:00)),
            summary: "Chefsgruppen, sammanträde".into(),
            location: Some("Region Örebro län; sal 3".into()),
            description: "1. Hemsjukvården\n2. Övrigt".into(),
            url: None,
            cancelled: false,
            stamp: datetime!(2026-02-01 10:00 UTC),
        }
    }

    #[test]
    fn a_winter_meeting_is_written_in_utc_an_hour_earlier() {
        let cal = calendar("Chefsgruppen", &[event()]);
        assert!(cal.contains("DTSTART:20260312T080000Z\r\n"), "{cal}");
        assert!(cal.contains("DTEND:20260312T110000Z\r\n"));
        assert!(cal.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(cal.ends_with("END:VCALENDAR\r\n"));
    }

    #[test]
    fn a_summer_meeting_is_two_hours_earlier_in_utc() {
        let mut e = event();
        e.date = date!(2026 - 06 - 11);
        assert!(calendar("x", &[e]).contains("DTSTART:20260611T070000Z\r\n"));
    }

    #[test]
    fn text_is_escaped_and_long_lines_are_folded_without_splitting_letters() {
        let mut e = event();
        e.description = "Överenskommelsen om hälso- och sjukvård i hemmet, uppföljning; ".repeat(4);
        let cal = calendar("x", &[e]);
        assert!(cal.contains("LOCATION:Region Örebro län\\; sal 3\r\n"));
        assert!(cal.contains("hemmet\\, uppföljning\\;"));
        for line in cal.split("\r\n") {
            assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
        }
        let unfolded = cal.replace("\r\n ", "");
        assert!(unfolded.contains(
            &"Överenskommelsen om hälso- och sjukvård i hemmet\\, uppföljning\\; ".repeat(4)
        ));
    }

    #[test]
    fn a_meeting_without_times_lasts_the_day() {
        let mut e = event();
        e.start = None;
        let cal = calendar("x", &[e]);
        assert!(cal.contains("DTSTART;VALUE=DATE:20260312\r\nDTEND;VALUE=DATE:20260313\r\n"));
    }
}
