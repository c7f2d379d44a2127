//! Identifiers that cross the system's edges, as types that cannot hold an invalid value.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Why a text could not become a domain value; `field` names the input it came from.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct InvalidValue {
    pub field: &'static str,
    pub message: String,
}

impl InvalidValue {
    pub fn new(field: &'static str, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
        }
    }
}

macro_rules! text_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = InvalidValue;
            fn try_from(value: String) -> Result<Self, InvalidValue> {
                $name::parse(&value)
            }
        }

        impl std::str::FromStr for $name {
            type Err = InvalidValue;
            fn from_str(value: &str) -> Result<Self, InvalidValue> {
                $name::parse(value)
            }
        }
    };
}

text_id!(
    /// Part (huvudman): a party's SCB code, `18` for the region or four digits for a
    /// municipality (`1880` Örebro).
    PartyCode
);
text_id!(
    /// Enhet: a unit's code, unique in the county (an HSA-id or a local code).
    UnitCode
);
text_id!(
    /// A staff member's login name.
    Username
);

impl PartyCode {
    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        let t = text.trim();
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        let public = digits(t) && (t.len() == 2 || t.len() == 4);
        // A private care provider under contract: P and its organisation number.
        let private = t
            .strip_prefix('P')
            .is_some_and(|n| n.len() == 10 && digits(n));
        if public || private {
            Ok(Self(t.to_owned()))
        } else {
            Err(InvalidValue::new(
                "party",
                format!(
                    "«{t}» är ingen partskod (två siffror för en region, fyra för en kommun, P och organisationsnumret för en privat vårdgivare)"
                ),
            ))
        }
    }

    /// A private care provider under contract with the region or a municipality.
    pub fn is_private(&self) -> bool {
        self.0.starts_with('P')
    }

    /// A municipality's code has four digits; a region's has two.
    pub fn is_municipality(&self) -> bool {
        self.0.len() == 4
    }
}

impl UnitCode {
    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        let t = text.trim();
        let ok = !t.is_empty()
            && t.len() <= 40
            && t.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if ok {
            Ok(Self(t.to_ascii_uppercase()))
        } else {
            Err(InvalidValue::new(
                "unit",
                "en enhetskod har 1–40 tecken: bokstäver A–Z, siffror, - och _",
            ))
        }
    }
}

impl Username {
    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        let t = text.trim().to_lowercase();
        let ok = (2..=64).contains(&t.len())
            && t.bytes().all(|b| {
                b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-')
            });
        if ok {
            Ok(Self(t))
        } else {
            Err(InvalidValue::new(
                "username",
                "ett användarnamn har 2–64 tecken: a–z, siffror, punkt, - och _",
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn party_codes_are_two_or_four_digits() {
        assert!(PartyCode::parse("18").is_ok());
        assert!(PartyCode::parse("1880").unwrap().is_municipality());
        assert!(!PartyCode::parse("18").unwrap().is_municipality());
        assert_eq!(PartyCode::parse("188").unwrap_err().field, "party");
        assert!(PartyCode::parse("18a0").is_err());
    }

    #[test]
    fn a_private_provider_is_p_and_its_organisation_number() {
        let p = PartyCode::parse("P5569876543").unwrap();
        assert!(p.is_private() && !p.is_municipality());
        assert!(PartyCode::parse("P556987654").is_err());
        assert!(PartyCode::parse("X5569876543").is_err());
    }

    #[test]
    fn unit_codes_are_upper_cased_and_limited_to_safe_characters() {
        assert_eq!(UnitCode::parse(" vc-1880 ").unwrap().as_str(), "VC-1880");
        assert!(UnitCode::parse("").is_err());
        assert!(UnitCode::parse("VC 1880").is_err());
        assert!(UnitCode::parse(&"A".repeat(41)).is_err());
    }

    #[test]
    fn usernames_are_lower_cased_and_reject_odd_characters() {
        assert_eq!(Username::parse("Anna.S").unwrap().as_str(), "anna.s");
        assert!(Username::parse("a").is_err());
        assert!(Username::parse("anna s").is_err());
        assert!(Username::parse("änna").is_err());
    }

    #[test]
    fn ids_deserialize_only_when_valid() {
        let ok: Result<UnitCode, _> = serde_json_like("\"hsv-1880\"");
        assert_eq!(ok.unwrap().as_str(), "HSV-1880");
        assert!(serde_json_like::<UnitCode>("\"hsv 1880\"").is_err());
    }

    fn serde_json_like<T: for<'de> Deserialize<'de>>(json: &str) -> Result<T, String> {
        // A string literal without escapes is enough to exercise `try_from`.
        let inner = json.trim_matches('"').to_owned();
        let de: serde::de::value::StringDeserializer<serde::de::value::Error> =
            serde::de::IntoDeserializer::into_deserializer(inner);
        T::deserialize(de).map_err(|e| e.to_string())
    }
}
