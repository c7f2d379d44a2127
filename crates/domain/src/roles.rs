//! Roles and their scopes. A person's access is the union of their role assignments.

use crate::ids::{InvalidValue, PartyCode, UnitCode};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Roll: what a user does in samsyn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Administratör: reference data, users, agreements.
    Admin,
    /// Vårdpersonal: nurses and other staff who work with persons in a unit.
    Vardpersonal,
    /// Samordnare: coordinators (discharge, SIP) in a unit.
    Samordnare,
    /// Medicinskt ansvarig sjuksköterska: the municipality's MAS, who reviews logs.
    Mas,
    /// Sekreterare: secretary of a collaboration body.
    Sekreterare,
    /// Ledamot: member of a collaboration body.
    Ledamot,
    /// Analytiker: follows up the agreement on aggregate data.
    Analytiker,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::Admin,
        Role::Vardpersonal,
        Role::Samordnare,
        Role::Mas,
        Role::Sekreterare,
        Role::Ledamot,
        Role::Analytiker,
    ];

    /// The identifier used on the command line, in the API and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Vardpersonal => "vardpersonal",
            Role::Samordnare => "samordnare",
            Role::Mas => "mas",
            Role::Sekreterare => "sekreterare",
            Role::Ledamot => "ledamot",
            Role::Analytiker => "analytiker",
        }
    }

    /// The name users read.
    pub fn label(self) -> &'static str {
        match self {
            Role::Admin => "Administratör",
            Role::Vardpersonal => "Vårdpersonal",
            Role::Samordnare => "Samordnare",
            Role::Mas => "Medicinskt ansvarig sjuksköterska (MAS)",
            Role::Sekreterare => "Sekreterare",
            Role::Ledamot => "Ledamot",
            Role::Analytiker => "Analytiker",
        }
    }

    pub fn parse(text: &str) -> Result<Role, InvalidValue> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == text.trim())
            .ok_or_else(|| {
                let known: Vec<&str> = Role::ALL.iter().map(|r| r.as_str()).collect();
                InvalidValue::new(
                    "role",
                    format!(
                        "okänd roll «{}»; giltiga: {}",
                        text.trim(),
                        known.join(", ")
                    ),
                )
            })
    }

    /// Which scope the role needs: staff work in a unit, the MAS for a municipality,
    /// body roles in a body.
    pub fn required_scope(self) -> ScopeKind {
        match self {
            Role::Admin | Role::Analytiker => ScopeKind::Optional,
            Role::Vardpersonal | Role::Samordnare => ScopeKind::Unit,
            Role::Mas => ScopeKind::Party,
            Role::Sekreterare | Role::Ledamot => ScopeKind::Optional,
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Role {
    type Err = InvalidValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::parse(s)
    }
}

/// What a role must be tied to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeKind {
    Unit,
    Party,
    Optional,
}

/// One role held by a user, scoped to a party, a unit or a body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleAssignment {
    pub role: Role,
    /// The party the role acts for; for a unit-scoped role, the unit's party.
    pub party: Option<PartyCode>,
    pub unit: Option<UnitCode>,
    /// The collaboration body, for body roles.
    pub body: Option<String>,
}

impl RoleAssignment {
    /// Checks that the assignment has the scope its role needs.
    pub fn validate(&self) -> Result<(), InvalidValue> {
        match self.role.required_scope() {
            ScopeKind::Unit if self.unit.is_none() => Err(InvalidValue::new(
                "unit",
                format!("rollen {} kräver en enhet (--unit)", self.role),
            )),
            ScopeKind::Party if self.party.is_none() => Err(InvalidValue::new(
                "party",
                format!("rollen {} kräver en part (--party)", self.role),
            )),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_round_trips_through_its_identifier() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Ok(role));
        }
    }

    #[test]
    fn an_unknown_role_names_the_valid_ones() {
        let err = Role::parse("chef").unwrap_err();
        assert_eq!(err.field, "role");
        assert!(err.message.contains("vardpersonal"));
    }

    #[test]
    fn staff_roles_need_a_unit_and_the_mas_needs_a_party() {
        let staff = RoleAssignment {
            role: Role::Vardpersonal,
            party: None,
            unit: None,
            body: None,
        };
        assert_eq!(staff.validate().unwrap_err().field, "unit");
        let mas = RoleAssignment {
            role: Role::Mas,
            ..staff.clone()
        };
        assert_eq!(mas.validate().unwrap_err().field, "party");
        let admin = RoleAssignment {
            role: Role::Admin,
            ..staff
        };
        assert!(admin.validate().is_ok());
    }
}
