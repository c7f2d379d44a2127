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

/// A unit that has a care relationship with a person (it sent or received a request
/// for them, holds an episode, or takes part in their plan), with its party.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelatedUnit {
    pub unit: String,
    pub party: String,
}

/// Staff see a person only through a care relationship of their own unit; a MAS
/// through one of a unit of their municipality (for quality and safety follow-up).
/// Administrators, analysts and body roles do not see persons at all.
pub fn can_read_person(p: &Principal, related: &[RelatedUnit]) -> bool {
    p.assignments.iter().any(|a| match a.role {
        Role::Vardpersonal | Role::Samordnare => a
            .unit
            .as_ref()
            .is_some_and(|u| related.iter().any(|r| r.unit == u.as_str())),
        Role::Mas => a
            .party
            .as_ref()
            .is_some_and(|party| related.iter().any(|r| r.party == party.as_str())),
        _ => false,
    })
}

/// The staff unit a principal acts for, if they are staff in that unit.
pub fn acts_for_unit(p: &Principal, unit: &str) -> bool {
    p.assignments.iter().any(|a| {
        matches!(a.role, Role::Vardpersonal | Role::Samordnare)
            && a.unit.as_ref().is_some_and(|u| u.as_str() == unit)
    })
}

/// Minutes are imported into the decisions register by the bodies' secretaries and by
/// administrators (who move archives in). Everyone logged in may search the register:
/// minutes are public documents.
pub fn can_import_protocols(p: &Principal) -> bool {
    p.has_role(Role::Sekreterare) || p.has_role(Role::Admin)
}

/// A body's secretary keeps its members, meeting plan, agendas and minutes;
/// administrators may do it for any body.
pub fn can_keep_minutes(p: &Principal, body: &str) -> bool {
    p.has_role(Role::Admin)
        || p.assignments
            .iter()
            .any(|a| a.role == Role::Sekreterare && a.body.as_deref() == Some(body))
}

/// The follow-up dashboard is for analysts, administrators and the MAS.
pub fn can_view_statistics(p: &Principal) -> bool {
    p.has_role(Role::Analytiker) || p.has_role(Role::Admin) || p.has_role(Role::Mas)
}

/// Whether the principal has access to the persons behind a municipality's figures
/// (then small numbers are shown as they are): the MAS of that municipality.
pub fn sees_persons_of(p: &Principal, municipality: &str) -> bool {
    p.assignments.iter().any(|a| {
        a.role == Role::Mas && a.party.as_ref().is_some_and(|c| c.as_str() == municipality)
    })
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
    fn only_the_bodys_own_secretary_or_an_admin_keeps_its_minutes() {
        let mut secretary = principal(Role::Sekreterare, Some("18"), None);
        secretary.assignments[0].body = Some("CG-VO".into());
        assert!(can_keep_minutes(&secretary, "CG-VO"));
        assert!(!can_keep_minutes(&secretary, "RSR"));
        assert!(can_keep_minutes(&principal(Role::Admin, None, None), "RSR"));
        let mut member = principal(Role::Ledamot, Some("1881"), None);
        member.assignments[0].body = Some("CG-VO".into());
        assert!(!can_keep_minutes(&member, "CG-VO"));
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

    fn related(pairs: &[(&str, &str)]) -> Vec<RelatedUnit> {
        pairs
            .iter()
            .map(|(u, p)| RelatedUnit {
                unit: u.to_string(),
                party: p.to_string(),
            })
            .collect()
    }

    #[test]
    fn staff_see_a_person_only_through_their_own_units_relationship() {
        let nurse = principal(Role::Vardpersonal, Some("1880"), Some("HSV-1880"));
        assert!(can_read_person(
            &nurse,
            &related(&[("VC-1880", "18"), ("HSV-1880", "1880")])
        ));
        assert!(!can_read_person(
            &nurse,
            &related(&[("VC-1880", "18"), ("HSV-1881", "1881")])
        ));
        assert!(!can_read_person(&nurse, &[]));
    }

    #[test]
    fn a_mas_sees_a_person_related_to_a_unit_of_their_municipality() {
        let mas = principal(Role::Mas, Some("1880"), None);
        assert!(can_read_person(&mas, &related(&[("HSV-1880", "1880")])));
        assert!(!can_read_person(
            &mas,
            &related(&[("HSV-1881", "1881"), ("VC-1880", "18")])
        ));
    }

    #[test]
    fn admins_analysts_and_body_roles_never_see_persons() {
        let all = related(&[("HSV-1880", "1880"), ("VC-1880", "18")]);
        for role in [
            Role::Admin,
            Role::Analytiker,
            Role::Sekreterare,
            Role::Ledamot,
        ] {
            assert!(
                !can_read_person(&principal(role, Some("1880"), Some("HSV-1880")), &all),
                "{role}"
            );
        }
    }

    #[test]
    fn only_staff_of_a_unit_act_for_it() {
        assert!(acts_for_unit(
            &principal(Role::Samordnare, Some("18"), Some("VC-1880")),
            "VC-1880"
        ));
        assert!(!acts_for_unit(
            &principal(Role::Samordnare, Some("18"), Some("VC-1880")),
            "VC-1881"
        ));
        assert!(!acts_for_unit(
            &principal(Role::Mas, Some("1880"), None),
            "HSV-1880"
        ));
    }

    #[test]
    fn statistics_are_for_analysts_admins_and_the_mas_and_only_the_mas_sees_small_numbers() {
        assert!(can_view_statistics(&principal(
            Role::Analytiker,
            None,
            None
        )));
        assert!(can_view_statistics(&principal(
            Role::Mas,
            Some("1880"),
            None
        )));
        assert!(!can_view_statistics(&principal(
            Role::Vardpersonal,
            Some("1880"),
            Some("HSV-1880")
        )));
        assert!(!can_view_statistics(&principal(Role::Ledamot, None, None)));
        assert!(sees_persons_of(
            &principal(Role::Mas, Some("1880"), None),
            "1880"
        ));
        assert!(!sees_persons_of(
            &principal(Role::Mas, Some("1880"), None),
            "1881"
        ));
        assert!(!sees_persons_of(
            &principal(Role::Analytiker, Some("18"), None),
            "1880"
        ));
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
