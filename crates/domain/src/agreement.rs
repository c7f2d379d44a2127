//! The agreement's rules for enrolment, held as versioned data: each decision is
//! checked against the version in force on its day, and records that version.

use crate::ids::InvalidValue;
use serde::{Deserialize, Serialize};

/// The rules of one version of the agreement, as an administrator edits them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreementRules {
    /// Below this age, ongoing care stays with the region.
    pub adult_age: i32,
    /// Shown and recorded when a request for a minor is refused.
    pub minor_text: String,
    /// Shown when a handover from specialist care lacks its SIP conditions.
    pub specialist_handover_text: String,
    /// Shown when psychiatric home care lacks a SIP.
    pub psychiatric_text: String,
    /// Days allowed for each escalation step of a disagreement: local dialogue,
    /// county part, the county's disagreement group.
    pub escalation_days: [i64; 3],
}

impl AgreementRules {
    /// The rules of the agreement in force from 2025-01-01.
    pub fn orebro_2025() -> Self {
        AgreementRules {
            adult_age: 18,
            minor_text: "Hälso- och sjukvård i hemmet för barn under 18 år kvarstår hos regionen. \
                         Enstaka provtagningar enligt överenskommelse kan fortsatt utföras av kommunen."
                .into(),
            specialist_handover_text: "Insatser från specialistvård förutsätter SIP där kompetensöverföring och \
                                       direktingång för läkarkontakt är säkerställda innan kommunen gör ett åtagande."
                .into(),
            psychiatric_text: "Psykiatrisk hemsjukvård förutsätter en samordnad individuell plan (SIP).".into(),
            escalation_days: [14, 21, 30],
        }
    }

    pub fn validate(&self) -> Result<(), InvalidValue> {
        if !(0..=120).contains(&self.adult_age) {
            return Err(InvalidValue::new(
                "adult_age",
                "åldersgränsen ska vara 0–120 år",
            ));
        }
        for (field, text) in [
            ("minor_text", &self.minor_text),
            ("specialist_handover_text", &self.specialist_handover_text),
            ("psychiatric_text", &self.psychiatric_text),
        ] {
            if text.trim().is_empty() {
                return Err(InvalidValue::new(field, "regeltexten får inte vara tom"));
            }
        }
        if self.escalation_days.iter().any(|d| !(1..=365).contains(d)) {
            return Err(InvalidValue::new(
                "escalation_days",
                "varje eskaleringssteg ska ha 1–365 dagar",
            ));
        }
        Ok(())
    }
}

/// Vårdbegärans art: ongoing care, or a single visit such as one sampling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestKind {
    Ongoing,
    SingleVisit,
}

impl RequestKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RequestKind::Ongoing => "ongoing",
            RequestKind::SingleVisit => "single_visit",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            RequestKind::Ongoing => "Fortlöpande hälso- och sjukvård i hemmet",
            RequestKind::SingleVisit => "Enstaka insats (t.ex. en provtagning)",
        }
    }

    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        match text.trim() {
            "ongoing" => Ok(RequestKind::Ongoing),
            "single_visit" => Ok(RequestKind::SingleVisit),
            other => Err(InvalidValue::new(
                "kind",
                format!("«{other}»: art ska vara ongoing eller single_visit"),
            )),
        }
    }
}

/// What the SIP in force records about the conditions of a handover.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SipState {
    pub exists: bool,
    pub competence_transfer_secured: bool,
    pub physician_contact_named: bool,
}

/// The facts an acceptance is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AcceptanceCase {
    pub kind: RequestKind,
    pub age: i32,
    pub specialist_handover: bool,
    pub psychiatric: bool,
    pub sip: SipState,
}

/// Which rule forbids a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    Minor,
    SpecialistHandoverSip,
    PsychiatricSip,
}

impl Rule {
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Minor => "minor",
            Rule::SpecialistHandoverSip => "specialist_handover_sip",
            Rule::PsychiatricSip => "psychiatric_sip",
        }
    }
}

/// A rule that forbids acceptance, with its text and the version it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleViolation {
    pub rule: Rule,
    pub text: String,
    pub version: i64,
}

/// Checks whether a request may be accepted under a version's rules.
pub fn check_acceptance(
    case: &AcceptanceCase,
    rules: &AgreementRules,
    version: i64,
) -> Result<(), RuleViolation> {
    let violation = |rule, text: &str| {
        Err(RuleViolation {
            rule,
            text: text.to_owned(),
            version,
        })
    };
    if case.age < rules.adult_age && case.kind == RequestKind::Ongoing {
        return violation(Rule::Minor, &rules.minor_text);
    }
    if case.specialist_handover
        && !(case.sip.exists
            && case.sip.competence_transfer_secured
            && case.sip.physician_contact_named)
    {
        return violation(Rule::SpecialistHandoverSip, &rules.specialist_handover_text);
    }
    if case.psychiatric && !case.sip.exists {
        return violation(Rule::PsychiatricSip, &rules.psychiatric_text);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case() -> AcceptanceCase {
        AcceptanceCase {
            kind: RequestKind::Ongoing,
            age: 80,
            specialist_handover: false,
            psychiatric: false,
            sip: SipState::default(),
        }
    }

    fn check(c: AcceptanceCase) -> Result<(), Rule> {
        check_acceptance(&c, &AgreementRules::orebro_2025(), 3).map_err(|v| {
            assert_eq!(v.version, 3, "the violation names the version");
            v.rule
        })
    }

    #[test]
    fn an_ordinary_request_for_an_adult_may_be_accepted() {
        assert_eq!(check(case()), Ok(()));
    }

    #[test]
    fn ongoing_care_for_a_minor_stays_with_the_region_but_a_single_visit_is_possible() {
        assert_eq!(
            check(AcceptanceCase { age: 17, ..case() }),
            Err(Rule::Minor)
        );
        assert_eq!(
            check(AcceptanceCase {
                age: 17,
                kind: RequestKind::SingleVisit,
                ..case()
            }),
            Ok(())
        );
        assert_eq!(check(AcceptanceCase { age: 18, ..case() }), Ok(()));
    }

    #[test]
    fn a_specialist_handover_needs_a_sip_with_competence_transfer_and_a_physician_contact() {
        let handover = AcceptanceCase {
            specialist_handover: true,
            ..case()
        };
        assert_eq!(check(handover), Err(Rule::SpecialistHandoverSip));
        let partial = SipState {
            exists: true,
            competence_transfer_secured: true,
            physician_contact_named: false,
        };
        assert_eq!(
            check(AcceptanceCase {
                sip: partial,
                ..handover
            }),
            Err(Rule::SpecialistHandoverSip)
        );
        let full = SipState {
            physician_contact_named: true,
            ..partial
        };
        assert_eq!(
            check(AcceptanceCase {
                sip: full,
                ..handover
            }),
            Ok(())
        );
    }

    #[test]
    fn psychiatric_home_care_needs_a_sip() {
        let psych = AcceptanceCase {
            psychiatric: true,
            ..case()
        };
        assert_eq!(check(psych), Err(Rule::PsychiatricSip));
        assert_eq!(
            check(AcceptanceCase {
                sip: SipState {
                    exists: true,
                    ..Default::default()
                },
                ..psych
            }),
            Ok(())
        );
    }

    #[test]
    fn rules_with_empty_texts_or_odd_deadlines_are_refused() {
        let mut r = AgreementRules::orebro_2025();
        assert!(r.validate().is_ok());
        r.minor_text = " ".into();
        assert_eq!(r.validate().unwrap_err().field, "minor_text");
        let mut r = AgreementRules::orebro_2025();
        r.escalation_days[1] = 0;
        assert_eq!(r.validate().unwrap_err().field, "escalation_days");
    }
}
