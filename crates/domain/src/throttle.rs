//! Login throttling: after a number of failed logins for one account within a
//! window, further attempts are refused until the window has passed.

use time::{Duration, OffsetDateTime};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoginThrottle {
    pub max_failures: u32,
    pub window: Duration,
}

impl Default for LoginThrottle {
    fn default() -> Self {
        Self {
            max_failures: 5,
            window: Duration::minutes(15),
        }
    }
}

impl LoginThrottle {
    /// Failures older than this instant no longer count.
    pub fn window_start(&self, now: OffsetDateTime) -> OffsetDateTime {
        now - self.window
    }

    /// Whether an attempt may be tried, given the failures within the window.
    pub fn allows(&self, recent_failures: u32) -> bool {
        recent_failures < self.max_failures
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_failures_lock_the_account_for_the_window() {
        let t = LoginThrottle::default();
        assert!(t.allows(0));
        assert!(t.allows(4));
        assert!(!t.allows(5));
        assert!(!t.allows(50));
    }

    #[test]
    fn the_window_reaches_back_fifteen_minutes() {
        let t = LoginThrottle::default();
        let now = time::macros::datetime!(2026-01-01 12:00 UTC);
        assert_eq!(
            t.window_start(now),
            time::macros::datetime!(2026-01-01 11:45 UTC)
        );
    }
}
