//! What the units of a stay owe each other, and by when, besides payment liability:
//! the SIP kallelse within three days of the admission notice (lag 2017:612 5 kap.),
//! the information transfer at the latest on the day of discharge, and the
//! acknowledgement of every message — one left unacknowledged is escalated.

use crate::discharge::Event;
use time::{Date, Duration, PrimitiveDateTime};

/// A message not acknowledged within this many hours is escalated.
pub const ESCALATE_AFTER_HOURS: i64 = 24;

/// The kallelse to SIP is due within this many days of the admission notice.
pub const SIP_CALL_DAYS: i64 = 3;

/// Where a stay stands against its deadlines on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Duties {
    /// The last day for the SIP kallelse, when one is needed.
    pub kallelse_due: Option<Date>,
    /// The kallelse came after its last day, or has not come and the day has passed.
    pub kallelse_late: bool,
    /// The day of discharge, by which the information transfer is due.
    pub information_due: Option<Date>,
    /// Discharged without the information transfer on or before that day.
    pub information_missing: bool,
}

pub fn duties(
    needs_sip: bool,
    events: &[Event],
    information_at: Option<PrimitiveDateTime>,
    today: Date,
) -> Duties {
    let first =
        |pick: fn(&Event) -> Option<PrimitiveDateTime>| events.iter().filter_map(pick).min();
    let notice = first(|e| {
        if let Event::AdmissionNotice(t) = e {
            Some(*t)
        } else {
            None
        }
    });
    let call = first(|e| {
        if let Event::SipCallSent(t) = e {
            Some(*t)
        } else {
            None
        }
    });
    let discharged = first(|e| {
        if let Event::Discharged(t) = e {
            Some(*t)
        } else {
            None
        }
    });
    let kallelse_due = notice
        .filter(|_| needs_sip)
        .map(|n| n.date() + Duration::days(SIP_CALL_DAYS));
    let kallelse_late = kallelse_due.is_some_and(|due| match call {
        Some(c) => c.date() > due,
        None => today > due,
    });
    let information_due = discharged.map(|d| d.date());
    let information_missing =
        information_due.is_some_and(|due| information_at.is_none_or(|i| i.date() > due));
    Duties {
        kallelse_due,
        kallelse_late,
        information_due,
        information_missing,
    }
}

/// Hours a message has waited for its acknowledgement, when that is long enough to
/// escalate it.
pub fn escalated(
    sent: PrimitiveDateTime,
    acknowledged: bool,
    now: PrimitiveDateTime,
) -> Option<i64> {
    let hours = (now - sent).whole_hours();
    (!acknowledged && hours >= ESCALATE_AFTER_HOURS).then_some(hours)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    fn notice() -> Event {
        Event::AdmissionNotice(datetime!(2024-02-26 10:00))
    }

    #[test]
    fn the_kallelse_is_due_three_days_after_the_admission_notice() {
        let d = duties(true, &[notice()], None, date!(2024 - 02 - 29));
        assert_eq!(d.kallelse_due, Some(date!(2024 - 02 - 29)));
        assert!(!d.kallelse_late, "on the last day it is not late yet");
        assert!(duties(true, &[notice()], None, date!(2024 - 03 - 01)).kallelse_late);
        let on_time = [notice(), Event::SipCallSent(datetime!(2024-02-28 15:00))];
        assert!(!duties(true, &on_time, None, date!(2024 - 03 - 10)).kallelse_late);
        let late = [notice(), Event::SipCallSent(datetime!(2024-03-01 09:00))];
        assert!(duties(true, &late, None, date!(2024 - 03 - 10)).kallelse_late);
    }

    #[test]
    fn no_kallelse_is_due_when_no_sip_is_needed() {
        let d = duties(false, &[notice()], None, date!(2024 - 03 - 10));
        assert_eq!((d.kallelse_due, d.kallelse_late), (None, false));
    }

    #[test]
    fn the_information_transfer_is_due_on_the_day_of_discharge() {
        let out = [notice(), Event::Discharged(datetime!(2024-03-04 14:00))];
        assert!(
            !duties(false, &[notice()], None, date!(2024 - 03 - 10)).information_missing,
            "not before discharge"
        );
        assert!(duties(false, &out, None, date!(2024 - 03 - 04)).information_missing);
        assert!(
            !duties(
                false,
                &out,
                Some(datetime!(2024-03-04 16:00)),
                date!(2024 - 03 - 05)
            )
            .information_missing,
            "the same day is in time"
        );
        assert!(
            duties(
                false,
                &out,
                Some(datetime!(2024-03-05 08:00)),
                date!(2024 - 03 - 05)
            )
            .information_missing
        );
    }

    #[test]
    fn a_message_unacknowledged_for_a_day_is_escalated() {
        let sent = datetime!(2024-02-26 10:00);
        assert_eq!(escalated(sent, false, datetime!(2024-02-27 09:59)), None);
        assert_eq!(
            escalated(sent, false, datetime!(2024-02-27 10:00)),
            Some(24)
        );
        assert_eq!(escalated(sent, true, datetime!(2024-03-27 10:00)), None);
    }
}
