//! KVÅ: Klassifikation av vårdåtgärder, the national codes for care actions.

use crate::ids::InvalidValue;
use std::fmt;

/// A KVÅ code: two letters and three digits (`DT016`) or three letters and two digits
/// (`QAB10`); a group heading ending in `000` is not a code for an action.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KvaCode(String);

impl KvaCode {
    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        let t = text.trim().to_ascii_uppercase();
        let b = t.as_bytes();
        let shape = |letters: usize| {
            b.len() == 5
                && b[..letters].iter().all(u8::is_ascii_uppercase)
                && b[letters..].iter().all(u8::is_ascii_digit)
        };
        if !(shape(2) || shape(3)) {
            return Err(InvalidValue::new(
                "kva_kod",
                format!(
                    "«{}» är ingen KVÅ-kod (två bokstäver och tre siffror, eller tre bokstäver och två siffror)",
                    text.trim()
                ),
            ));
        }
        if t.ends_with("000") {
            return Err(InvalidValue::new(
                "kva_kod",
                format!("{t} är en grupprubrik, inte en åtgärd"),
            ));
        }
        Ok(KvaCode(t))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for KvaCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Utförare: who performed an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PerformerKind {
    /// Legitimerad: a licensed professional (nurse, physiotherapist …).
    Licensed,
    /// Delegerad: staff acting on a delegation; missing from national statistics.
    Delegated,
}

impl PerformerKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PerformerKind::Licensed => "legitimerad",
            PerformerKind::Delegated => "delegerad",
        }
    }

    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        match text.trim() {
            "legitimerad" => Ok(PerformerKind::Licensed),
            "delegerad" => Ok(PerformerKind::Delegated),
            other => Err(InvalidValue::new(
                "utforare",
                format!("«{other}»: utförare ska vara legitimerad eller delegerad"),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_shapes_of_code_are_accepted_and_upper_cased() {
        assert_eq!(KvaCode::parse("dt016").unwrap().as_str(), "DT016");
        assert_eq!(KvaCode::parse("QAB10").unwrap().as_str(), "QAB10");
    }

    #[test]
    fn other_shapes_and_group_headings_are_refused() {
        for bad in ["D0160", "DT01", "DTX016", "12345", "", "DT000", "Ä T016"] {
            assert!(KvaCode::parse(bad).is_err(), "{bad}");
        }
        assert!(
            KvaCode::parse("DT000")
                .unwrap_err()
                .message
                .contains("grupprubrik")
        );
    }

    #[test]
    fn performer_kinds_are_named_in_swedish() {
        assert_eq!(
            PerformerKind::parse("delegerad"),
            Ok(PerformerKind::Delegated)
        );
        assert_eq!(
            PerformerKind::parse("läkare").unwrap_err().field,
            "utforare"
        );
    }
}
