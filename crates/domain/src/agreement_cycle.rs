//! An agreement's (*överenskommelse*) life cycle, as the brief tells it: pre-study,
//! project directive, drafting, officials' consultation, political consultation
//! (*remiss*), a decision proposal anchored body by body, each party's own decision,
//! entry into force, implementation, yearly follow-up, revision.

use crate::ids::InvalidValue;
use crate::org::code_enum;

code_enum!(
    /// Fas.
    Phase, "phase" {
        Forstudie = "forstudie", "Förstudie";
        Projektdirektiv = "projektdirektiv", "Projektdirektiv";
        Utkast = "utkast", "Utkast";
        Tjanstepersonsremiss = "tjanstepersonsremiss", "Tjänstepersonsremiss";
        Remiss = "remiss", "Politisk remiss";
        Forankring = "forankring", "Beslutsförslag förankras";
        Antagande = "antagande", "Parternas beslut";
        IKraft = "i_kraft", "I kraft";
        Revidering = "revidering", "Revidering";
    }
);

/// The bodies a decision proposal is anchored in, in order.
pub const ANCHORING: [&str; 5] = [
    "styrgrupp",
    "chefsgrupp",
    "specifikt_samverkansrad",
    "kc_rd",
    "regionalt_samverkansrad",
];

impl Phase {
    fn rank(self) -> usize {
        Phase::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }
}

/// Whether an agreement may move from `from` to `to`: forward, one phase or several
/// (a county may skip an officials' round), never back — except that an agreement in
/// force goes into revision, and a revision comes back into force or out on remiss.
pub fn may_move(from: Phase, to: Phase) -> Result<(), String> {
    let ok = match (from, to) {
        (Phase::IKraft, Phase::Revidering) => true,
        (
            Phase::Revidering,
            Phase::Remiss | Phase::Tjanstepersonsremiss | Phase::Utkast | Phase::IKraft,
        ) => true,
        (Phase::IKraft, _) | (Phase::Revidering, _) => false,
        (f, t) => t.rank() > f.rank() && t != Phase::Revidering,
    };
    if ok {
        Ok(())
    } else {
        Err(format!(
            "överenskommelsen kan inte gå från «{}» till «{}»",
            from.label(),
            to.label()
        ))
    }
}

/// Why an agreement cannot come into force yet: the parties that have not decided.
pub fn ready_for_force(parties: &[String], adopted: &[String]) -> Result<(), String> {
    let missing: Vec<&str> = parties
        .iter()
        .filter(|p| !adopted.contains(p))
        .map(String::as_str)
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} av {} parter har inte fattat beslut: {}",
            missing.len(),
            parties.len(),
            missing.join(", ")
        ))
    }
}

/// A remiss comment's number must be new for the answer and positive.
pub fn comment_number(n: i64, taken: &[i64]) -> Result<(), InvalidValue> {
    if n < 1 {
        return Err(InvalidValue::new("number", "kommentarer numreras från 1"));
    }
    if taken.contains(&n) {
        return Err(InvalidValue::new(
            "number",
            format!("svaret har redan en kommentar nummer {n}"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_agreement_moves_forward_and_may_skip_but_not_go_back() {
        assert!(may_move(Phase::Forstudie, Phase::Projektdirektiv).is_ok());
        assert!(may_move(Phase::Utkast, Phase::Remiss).is_ok());
        assert!(may_move(Phase::Remiss, Phase::Utkast).is_err());
        assert!(may_move(Phase::Antagande, Phase::Antagande).is_err());
        assert!(may_move(Phase::Utkast, Phase::Revidering).is_err());
    }

    #[test]
    fn an_agreement_in_force_is_revised_and_comes_back_into_force() {
        assert!(may_move(Phase::IKraft, Phase::Revidering).is_ok());
        assert!(may_move(Phase::IKraft, Phase::Remiss).is_err());
        assert!(may_move(Phase::Revidering, Phase::Remiss).is_ok());
        assert!(may_move(Phase::Revidering, Phase::IKraft).is_ok());
    }

    #[test]
    fn it_comes_into_force_only_when_every_party_has_decided() {
        let parties = vec!["18".to_owned(), "1880".to_owned(), "1881".to_owned()];
        let err = ready_for_force(&parties, &["18".to_owned()]).unwrap_err();
        assert!(err.starts_with("2 av 3 parter"), "{err}");
        assert!(err.contains("1880, 1881"));
        assert!(ready_for_force(&parties, &parties).is_ok());
    }

    #[test]
    fn comments_are_numbered_once_from_one() {
        assert!(comment_number(1, &[]).is_ok());
        assert_eq!(comment_number(0, &[]).unwrap_err().field, "number");
        assert!(
            comment_number(2, &[1, 2])
                .unwrap_err()
                .message
                .contains("nummer 2")
        );
    }
}
