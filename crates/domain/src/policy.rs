//! Access decisions as pure functions of the principal, so that each rule and each
//! denial has a unit test. The web and store layers ask; they never decide.

use crate::ids::PartyCode;
use crate::principal::Principal;
use crate::roles::Role;

/// Which audit entries a principal may review (loggkontroll).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuditScope {
    /// An administrator reviews the whole county's log.
    All,
    /// A MAS reviews the entries of their own party: actions by its staff or in its units.
    Party(PartyCode),
}

/// The audit entries the principal may search, or `None` when they may not search at all.
pub fn audit_scope(p: &Principal) -> Option<AuditScope> {
    if p.has_role(Role::Admin) {
        return Some(AuditScope::All);
    }
    p.assignments
        .iter()
        .find(|a| a.role == Role::Mas)
        .and_then(|a| a.party.clone())
        .map(AuditScope::Party)
}

/// The unit directory is for everyone who is logged in: it holds no personal data.
pub fn can_list_units(_p: &Principal) -> bool {
    true
}

/// Reference data (parties, units, bodies) is kept by administrators.
pub fn can_manage_reference_data(p: &Principal) -> bool {
    p.has_role(Role::Admin)
}

/// The start page a principal lands on, chosen by their main role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartPage {
    Admin,
    Staff,
    Mas,
    Body,
    Analyst,
}

/// Admin outranks MAS, MAS outranks staff, staff outranks body roles and analysts:
/// the start page shows the work the user most likely came to do.
pub fn start_page(p: &Principal) -> StartPage {
    let roles = p.roles();
    let has = |r| roles.contains(&r);
    if has(Role::Admin) {
        StartPage::Admin
    } else if has(Role::Mas) {
        StartPage::Mas
    } else if has(Role::Vardpersonal) || has(Role::Samordnare) {
        StartPage::Staff
    } else if has(Role::Sekreterare) || has(Role::Ledamot) {
        StartPage::Body
    } else {
        StartPage::Analyst
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{PartyCode, UnitCode, Username};
    use crate::roles::RoleAssignment;

    fn principal(role: Role, party: Option<&str>, unit: Option<&str>) -> Principal {
        Principal {
            user_id: 1,
            username: Username::parse("test").unwrap(),
            display_name: "Test".into(),
            assignments: vec![RoleAssignment {
                role,
                party: party.map(|c| PartyCode::parse(c).unwrap()),
                unit: unit.map(|c| UnitCode::parse(c).unwrap()),
                body: None,
            }],
        }
    }

    #[test]
    fn an_admin_reviews_the_whole_log() {
        assert_eq!(
            audit_scope(&principal(Role::Admin, None, None)),
            Some(AuditScope::All)
        );
    }

    #[test]
    fn a_mas_reviews_only_their_own_partys_log() {
        let mas = principal(Role::Mas, Some("1880"), None);
        assert_eq!(
            audit_scope(&mas),
            Some(AuditScope::Party(PartyCode::parse("1880").unwrap()))
        );
    }

    #[test]
    fn staff_members_analysts_and_body_roles_may_not_review_the_log() {
        for role in [
            Role::Vardpersonal,
            Role::Samordnare,
            Role::Sekreterare,
            Role::Ledamot,
            Role::Analytiker,
        ] {
            let p = principal(role, Some("1880"), Some("HSV-1880"));
            assert_eq!(audit_scope(&p), None, "{role} must not review the log");
        }
    }

    #[test]
    fn a_mas_without_a_party_may_not_review_the_log() {
        assert_eq!(audit_scope(&principal(Role::Mas, None, None)), None);
    }

    #[test]
    fn only_admins_manage_reference_data() {
        assert!(can_manage_reference_data(&principal(
            Role::Admin,
            None,
            None
        )));
        assert!(!can_manage_reference_data(&principal(
            Role::Mas,
            Some("1880"),
            None
        )));
        assert!(!can_manage_reference_data(&principal(
            Role::Vardpersonal,
            Some("1880"),
            Some("HSV-1880")
        )));
    }

    #[test]
    fn each_role_lands_on_its_start_page() {
        assert_eq!(
            start_page(&principal(Role::Admin, None, None)),
            StartPage::Admin
        );
        assert_eq!(
            start_page(&principal(Role::Mas, Some("1880"), None)),
            StartPage::Mas
        );
        assert_eq!(
            start_page(&principal(Role::Samordnare, Some("18"), Some("AVD-USO"))),
            StartPage::Staff
        );
        assert_eq!(
            start_page(&principal(Role::Ledamot, None, None)),
            StartPage::Body
        );
        assert_eq!(
            start_page(&principal(Role::Analytiker, None, None)),
            StartPage::Analyst
        );
    }
}
