//! The authenticated actor behind a request or a command.

use crate::ids::{PartyCode, UnitCode, Username};
use crate::roles::{Role, RoleAssignment};

/// Who is acting: a user with their role assignments. Built only by authentication.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    pub user_id: i64,
    pub username: Username,
    pub display_name: String,
    pub assignments: Vec<RoleAssignment>,
}

impl Principal {
    pub fn has_role(&self, role: Role) -> bool {
        self.assignments.iter().any(|a| a.role == role)
    }

    /// The unit the user works in, for staff; the first one if several.
    pub fn unit(&self) -> Option<&UnitCode> {
        self.assignments.iter().find_map(|a| a.unit.as_ref())
    }

    /// The party the user acts for; the first one if several.
    pub fn party(&self) -> Option<&PartyCode> {
        self.assignments.iter().find_map(|a| a.party.as_ref())
    }

    /// The roles, each once, in the order they were assigned.
    pub fn roles(&self) -> Vec<Role> {
        let mut roles: Vec<Role> = Vec::new();
        for a in &self.assignments {
            if !roles.contains(&a.role) {
                roles.push(a.role);
            }
        }
        roles
    }
}
