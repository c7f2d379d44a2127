//! The county's organisation: parties, their units and the collaboration bodies.

use crate::ids::InvalidValue;

/// An enum of codes with Swedish labels; `parse` names `$field` (default `kind`) when a
/// code is unknown.
macro_rules! code_enum {
    ($(#[$doc:meta])* $name:ident { $($body:tt)* }) => {
        $crate::org::code_enum!($(#[$doc])* $name, "kind" { $($body)* });
    };
    ($(#[$doc:meta])* $name:ident, $field:literal { $($(#[$vdoc:meta])* $variant:ident = $code:literal, $label:literal;)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($(#[$vdoc])* $variant,)* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The identifier stored and used in the API.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code,)* }
            }

            /// The name users read.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label,)* }
            }

            pub fn parse(text: &str) -> Result<Self, InvalidValue> {
                match text.trim() {
                    $($code => Ok($name::$variant),)*
                    other => Err(InvalidValue::new(
                        $field,
                        format!(
                            "okänt värde «{other}»; giltiga: {}",
                            [$($code),*].join(", ")
                        ),
                    )),
                }
            }
        }
    };
}
pub(crate) use code_enum;

code_enum!(
    /// Enhetstyp: what kind of care a unit gives.
    UnitKind {
        Vardcentral = "vardcentral", "Vårdcentral";
        /// Kommunal hemsjukvård.
        Hemsjukvard = "hemsjukvard", "Kommunal hemsjukvård";
        Specialistklinik = "specialistklinik", "Specialistklinik";
        Psykiatri = "psykiatri", "Psykiatrisk klinik";
        Vardavdelning = "vardavdelning", "Vårdavdelning";
        /// Mobilt team för barn.
        MobiltTeam = "mobilt_team", "Mobilt team";
        /// A private provider under contract.
        Privat = "privat", "Privat vårdgivare";
        Annan = "annan", "Annan enhet";
    }
);

code_enum!(
    /// Samverkansorgan: the kinds of collaboration bodies, from the political council
    /// down to working groups.
    BodyKind {
        RegionaltSamverkansrad = "regionalt_samverkansrad", "Regionalt samverkansråd";
        SpecifiktSamverkansrad = "specifikt_samverkansrad", "Specifikt samverkansråd";
        KcRd = "kc_rd", "KC/RD";
        Chefsgrupp = "chefsgrupp", "Chefsgrupp";
        Arbetsutskott = "arbetsutskott", "Arbetsutskott";
        Lansdelsgrupp = "lansdelsgrupp", "Länsdelsgrupp";
        Styrgrupp = "styrgrupp", "Styrgrupp";
        Arbetsgrupp = "arbetsgrupp", "Arbetsgrupp";
        Natverk = "natverk", "Nätverk";
    }
);

code_enum!(
    /// Partstyp: the region or a municipality (or a private provider under contract).
    PartyKind {
        Region = "region", "Region";
        Kommun = "kommun", "Kommun";
        Privat = "privat", "Privat vårdgivare";
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_through_their_codes() {
        for k in UnitKind::ALL {
            assert_eq!(UnitKind::parse(k.as_str()), Ok(*k));
        }
        for k in BodyKind::ALL {
            assert_eq!(BodyKind::parse(k.as_str()), Ok(*k));
        }
    }

    #[test]
    fn an_unknown_kind_names_the_field_and_the_valid_codes() {
        let err = UnitKind::parse("sjukhus").unwrap_err();
        assert_eq!(err.field, "kind");
        assert!(err.message.contains("vardcentral"));
    }
}
