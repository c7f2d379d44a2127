//! Granskningslogg: the append-only audit log. Each entry carries the hash of the
//! entry before it, so altering, removing or reordering any entry breaks the chain
//! from that entry on, and `verify-audit` names the first entry that does not verify.

use sha2::{Digest, Sha256};
use std::fmt;

/// The hash that the first entry chains to.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Ändamål: why personal data was touched, as the patient data rules require.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Vård och behandling.
    Care,
    /// Inloggning och behörighet.
    Authentication,
    /// Administration av användare och referensdata.
    Administration,
    /// Loggkontroll: review of this log.
    LogReview,
    /// Drift: backup, restore and other operations.
    Operations,
}

impl Purpose {
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::Care => "vard",
            Purpose::Authentication => "inloggning",
            Purpose::Administration => "administration",
            Purpose::LogReview => "loggkontroll",
            Purpose::Operations => "drift",
        }
    }

    pub fn label(text: &str) -> &'static str {
        match text {
            "vard" => "Vård och behandling",
            "inloggning" => "Inloggning",
            "administration" => "Administration",
            "loggkontroll" => "Loggkontroll",
            "drift" => "Drift",
            _ => "Okänt ändamål",
        }
    }
}

/// Utfall: whether the attempt was carried out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Ok,
    /// Nekad: refused by an access rule. Denials are logged like successes.
    Denied,
    /// Misslyckad: tried and failed (a wrong password, invalid input).
    Failed,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Ok => "ok",
            Outcome::Denied => "denied",
            Outcome::Failed => "failed",
        }
    }

    pub fn label(text: &str) -> &'static str {
        match text {
            "ok" => "Genomförd",
            "denied" => "Nekad",
            "failed" => "Misslyckad",
            _ => "Okänt utfall",
        }
    }
}

/// What is to be recorded. The actor is a username (staff are not the protected
/// persons); the person is an internal id, never a name or personnummer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEvent {
    pub actor_user_id: Option<i64>,
    /// Username, or `system`/`cli` for work not done by a logged-in user.
    pub actor: String,
    pub party: Option<String>,
    pub unit: Option<String>,
    pub person_id: Option<i64>,
    pub action: String,
    pub purpose: String,
    pub outcome: String,
    /// Free text without personal data: ids, counts, reasons.
    pub detail: String,
}

impl AuditEvent {
    /// An event by the system or the command line, with no user behind it.
    pub fn system(actor: &str, action: &str, purpose: Purpose, outcome: Outcome) -> Self {
        Self {
            actor_user_id: None,
            actor: actor.to_owned(),
            party: None,
            unit: None,
            person_id: None,
            action: action.to_owned(),
            purpose: purpose.as_str().to_owned(),
            outcome: outcome.as_str().to_owned(),
            detail: String::new(),
        }
    }

    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = detail.into();
        self
    }
}

/// A stored entry: its place in the chain, its time, the event and both hashes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub seq: i64,
    pub at: String,
    pub event: AuditEvent,
    pub prev_hash: String,
    pub hash: String,
}

/// The hash of an entry: SHA-256 over a versioned, length-prefixed encoding of every
/// field and the previous hash, so no two different entries encode alike.
pub fn entry_hash(seq: i64, at: &str, event: &AuditEvent, prev_hash: &str) -> String {
    let mut h = Sha256::new();
    h.update(b"samsyn-audit-v1\n");
    let mut field = |value: Option<&str>| match value {
        None => h.update(b"N;"),
        Some(v) => {
            h.update(format!("S{}:", v.len()).as_bytes());
            h.update(v.as_bytes());
            h.update(b";");
        }
    };
    let seq_text = seq.to_string();
    let actor_id = event.actor_user_id.map(|v| v.to_string());
    let person_id = event.person_id.map(|v| v.to_string());
    field(Some(prev_hash));
    field(Some(&seq_text));
    field(Some(at));
    field(actor_id.as_deref());
    field(Some(&event.actor));
    field(event.party.as_deref());
    field(event.unit.as_deref());
    field(person_id.as_deref());
    field(Some(&event.action));
    field(Some(&event.purpose));
    field(Some(&event.outcome));
    field(Some(&event.detail));
    crate::hex::encode(&h.finalize())
}

/// Why an entry does not verify.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BreakReason {
    /// The entry's content does not match its hash: it was altered.
    Altered,
    /// The entry does not chain to the one before: one was removed or replaced.
    Unlinked,
    /// An entry with this number is missing.
    Missing,
    /// The chain's recorded head does not match its last entry: entries at the end
    /// were removed.
    TruncatedEnd,
}

/// The first entry that does not verify.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainBreak {
    pub seq: i64,
    pub reason: BreakReason,
}

impl fmt::Display for ChainBreak {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.seq;
        match self.reason {
            BreakReason::Altered => write!(
                f,
                "post {n} har ändrats (innehållet stämmer inte med dess hash)"
            ),
            BreakReason::Unlinked => write!(
                f,
                "post {n} länkar inte till posten före (en post har tagits bort eller bytts ut)"
            ),
            BreakReason::Missing => write!(f, "post {n} saknas"),
            BreakReason::TruncatedEnd => write!(
                f,
                "kedjan slutar före post {n} som huvudet anger (poster i slutet har tagits bort)"
            ),
        }
    }
}

/// Checks entries in order, one at a time, so any log size verifies in constant memory.
#[derive(Debug)]
pub struct ChainVerifier {
    next_seq: i64,
    last_hash: String,
}

impl Default for ChainVerifier {
    fn default() -> Self {
        Self {
            next_seq: 1,
            last_hash: GENESIS.to_owned(),
        }
    }
}

impl ChainVerifier {
    pub fn push(&mut self, entry: &AuditEntry) -> Result<(), ChainBreak> {
        let fail = |seq, reason| Err(ChainBreak { seq, reason });
        if entry.seq != self.next_seq {
            return fail(self.next_seq, BreakReason::Missing);
        }
        if entry.hash != entry_hash(entry.seq, &entry.at, &entry.event, &entry.prev_hash) {
            return fail(entry.seq, BreakReason::Altered);
        }
        if entry.prev_hash != self.last_hash {
            return fail(entry.seq, BreakReason::Unlinked);
        }
        self.next_seq += 1;
        self.last_hash = entry.hash.clone();
        Ok(())
    }

    /// Ends verification against the recorded head (its number and hash).
    pub fn finish(self, head_seq: i64, head_hash: &str) -> Result<i64, ChainBreak> {
        let verified = self.next_seq - 1;
        if head_seq > verified {
            return Err(ChainBreak {
                seq: verified + 1,
                reason: BreakReason::TruncatedEnd,
            });
        }
        if head_seq != verified || head_hash != self.last_hash {
            return Err(ChainBreak {
                seq: verified,
                reason: BreakReason::Unlinked,
            });
        }
        Ok(verified)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(n: i64) -> Vec<AuditEntry> {
        let mut prev = GENESIS.to_owned();
        (1..=n)
            .map(|seq| {
                let event =
                    AuditEvent::system("cli", "test.action", Purpose::Operations, Outcome::Ok)
                        .with_detail(format!("entry {seq}"));
                let at = format!("2026-01-01T00:00:{seq:02}.000000Z");
                let hash = entry_hash(seq, &at, &event, &prev);
                let entry = AuditEntry {
                    seq,
                    at,
                    event,
                    prev_hash: prev.clone(),
                    hash: hash.clone(),
                };
                prev = hash;
                entry
            })
            .collect()
    }

    fn verify(entries: &[AuditEntry]) -> Result<i64, ChainBreak> {
        let mut v = ChainVerifier::default();
        for e in entries {
            v.push(e)?;
        }
        let (seq, hash) = entries
            .last()
            .map(|e| (e.seq, e.hash.clone()))
            .unwrap_or((0, GENESIS.into()));
        v.finish(seq, &hash)
    }

    #[test]
    fn an_untouched_chain_verifies() {
        assert_eq!(verify(&chain(5)), Ok(5));
        assert_eq!(verify(&[]), Ok(0));
    }

    #[test]
    fn an_altered_entry_is_named() {
        let mut entries = chain(5);
        entries[2].event.detail = "changed".into();
        assert_eq!(
            verify(&entries),
            Err(ChainBreak {
                seq: 3,
                reason: BreakReason::Altered
            })
        );
    }

    #[test]
    fn a_removed_entry_is_named() {
        let mut entries = chain(5);
        entries.remove(1);
        assert_eq!(
            verify(&entries),
            Err(ChainBreak {
                seq: 2,
                reason: BreakReason::Missing
            })
        );
    }

    #[test]
    fn a_rehashed_entry_still_breaks_the_link_to_the_next() {
        let mut entries = chain(4);
        entries[1].event.outcome = "denied".into();
        entries[1].hash = entry_hash(2, &entries[1].at, &entries[1].event, &entries[1].prev_hash);
        assert_eq!(
            verify(&entries),
            Err(ChainBreak {
                seq: 3,
                reason: BreakReason::Unlinked
            })
        );
    }

    #[test]
    fn entries_removed_from_the_end_are_caught_by_the_head() {
        let entries = chain(4);
        let mut v = ChainVerifier::default();
        for e in &entries[..3] {
            v.push(e).unwrap();
        }
        assert_eq!(
            v.finish(4, &entries[3].hash),
            Err(ChainBreak {
                seq: 4,
                reason: BreakReason::TruncatedEnd
            })
        );
    }

    #[test]
    fn absent_and_empty_fields_hash_differently() {
        let mut a = AuditEvent::system("cli", "x", Purpose::Operations, Outcome::Ok);
        let mut b = a.clone();
        a.unit = None;
        b.unit = Some(String::new());
        assert_ne!(
            entry_hash(1, "t", &a, GENESIS),
            entry_hash(1, "t", &b, GENESIS)
        );
    }
}
