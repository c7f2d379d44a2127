//! The agreement's process as a state machine: a request is decided, a decline may be
//! disputed, an acceptance opens an episode, which is followed up and closed. A step
//! out of order is an error that says which step and why.

use crate::ids::InvalidValue;

/// Status of a vårdbegäran.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestStatus {
    /// Skickad: waiting for the receiving unit's assessment.
    Sent,
    /// Accepterad: an episode was opened.
    Accepted,
    /// Avböjd.
    Declined,
    /// Bestriden: the sender disputes the decline; a disagreement is open.
    Disputed,
}

impl RequestStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RequestStatus::Sent => "sent",
            RequestStatus::Accepted => "accepted",
            RequestStatus::Declined => "declined",
            RequestStatus::Disputed => "disputed",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            RequestStatus::Sent => "Skickad – väntar på bedömning",
            RequestStatus::Accepted => "Accepterad",
            RequestStatus::Declined => "Avböjd",
            RequestStatus::Disputed => "Bestriden – oenighet pågår",
        }
    }

    /// The label of a stored status; the stored text itself if it is unknown.
    pub fn label_of(text: &str) -> &str {
        RequestStatus::parse(text)
            .map(|s| s.label())
            .unwrap_or(text)
    }

    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        match text {
            "sent" => Ok(RequestStatus::Sent),
            "accepted" => Ok(RequestStatus::Accepted),
            "declined" => Ok(RequestStatus::Declined),
            "disputed" => Ok(RequestStatus::Disputed),
            other => Err(InvalidValue::new(
                "status",
                format!("okänd status «{other}»"),
            )),
        }
    }
}

/// Beslut om inskrivning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Accept,
    Decline,
}

impl Decision {
    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        match text.trim() {
            "accepted" => Ok(Decision::Accept),
            "declined" => Ok(Decision::Decline),
            other => Err(InvalidValue::new(
                "outcome",
                format!("«{other}»: beslutet ska vara accepted eller declined"),
            )),
        }
    }
}

/// A step that the process does not allow now.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct OutOfOrder(pub String);

/// The status after a decision; a request is decided when sent, or again while disputed.
pub fn decide(status: RequestStatus, decision: Decision) -> Result<RequestStatus, OutOfOrder> {
    match status {
        RequestStatus::Sent | RequestStatus::Disputed => Ok(match decision {
            Decision::Accept => RequestStatus::Accepted,
            Decision::Decline => RequestStatus::Declined,
        }),
        RequestStatus::Accepted | RequestStatus::Declined => Err(OutOfOrder(format!(
            "vårdbegäran är redan besvarad ({})",
            status.label().to_lowercase()
        ))),
    }
}

/// The status after the sender disputes; only a decline can be disputed.
pub fn dispute(status: RequestStatus) -> Result<RequestStatus, OutOfOrder> {
    match status {
        RequestStatus::Declined => Ok(RequestStatus::Disputed),
        RequestStatus::Disputed => {
            Err(OutOfOrder("en oenighet pågår redan för vårdbegäran".into()))
        }
        _ => Err(OutOfOrder(
            "bara en avböjd vårdbegäran kan bestridas".into(),
        )),
    }
}

/// Status of an episode (inskrivning i kommunal hemsjukvård).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EpisodeStatus {
    /// Pågående.
    Active,
    /// Åter till bedömning after a follow-up.
    Reassessment,
    /// Avslutad.
    Closed,
}

impl EpisodeStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            EpisodeStatus::Active => "active",
            EpisodeStatus::Reassessment => "reassessment",
            EpisodeStatus::Closed => "closed",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            EpisodeStatus::Active => "Pågående",
            EpisodeStatus::Reassessment => "Åter till bedömning",
            EpisodeStatus::Closed => "Avslutad",
        }
    }

    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        match text {
            "active" => Ok(EpisodeStatus::Active),
            "reassessment" => Ok(EpisodeStatus::Reassessment),
            "closed" => Ok(EpisodeStatus::Closed),
            other => Err(InvalidValue::new(
                "status",
                format!("okänd status «{other}»"),
            )),
        }
    }
}

/// Actions are recorded on an episode that is not closed.
pub fn record_action(status: EpisodeStatus) -> Result<(), OutOfOrder> {
    match status {
        EpisodeStatus::Closed => Err(OutOfOrder(
            "inskrivningen är avslutad; inga insatser kan registreras".into(),
        )),
        _ => Ok(()),
    }
}

/// The result of a follow-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowUpOutcome {
    /// Fortsätt: care goes on, next follow-up set.
    Continue,
    /// Åter till bedömning.
    Reassess,
}

impl FollowUpOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            FollowUpOutcome::Continue => "continue",
            FollowUpOutcome::Reassess => "reassess",
        }
    }

    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        match text.trim() {
            "continue" => Ok(FollowUpOutcome::Continue),
            "reassess" => Ok(FollowUpOutcome::Reassess),
            other => Err(InvalidValue::new(
                "outcome",
                format!("«{other}»: utfallet ska vara continue eller reassess"),
            )),
        }
    }
}

/// The status after a follow-up.
pub fn follow_up(
    status: EpisodeStatus,
    outcome: FollowUpOutcome,
) -> Result<EpisodeStatus, OutOfOrder> {
    match status {
        EpisodeStatus::Closed => Err(OutOfOrder(
            "inskrivningen är avslutad och kan inte följas upp".into(),
        )),
        _ => Ok(match outcome {
            FollowUpOutcome::Continue => EpisodeStatus::Active,
            FollowUpOutcome::Reassess => EpisodeStatus::Reassessment,
        }),
    }
}

/// Avslut: an open episode closes, once.
pub fn close(status: EpisodeStatus) -> Result<EpisodeStatus, OutOfOrder> {
    match status {
        EpisodeStatus::Closed => Err(OutOfOrder("inskrivningen är redan avslutad".into())),
        _ => Ok(EpisodeStatus::Closed),
    }
}

/// The escalation steps of a disagreement (oenighet vid inskrivning).
pub const ESCALATION_STEPS: [&str; 3] = ["Lokal dialog", "Länsdel", "Länets oenighetsgrupp"];

/// The next step, or an error when the county's group already has it.
pub fn escalate(step: usize) -> Result<usize, OutOfOrder> {
    if step + 1 < ESCALATION_STEPS.len() {
        Ok(step + 1)
    } else {
        Err(OutOfOrder(
            "oenigheten ligger redan hos länets oenighetsgrupp, det sista steget".into(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sent_request_is_accepted_or_declined_once() {
        assert_eq!(
            decide(RequestStatus::Sent, Decision::Accept),
            Ok(RequestStatus::Accepted)
        );
        assert_eq!(
            decide(RequestStatus::Sent, Decision::Decline),
            Ok(RequestStatus::Declined)
        );
        assert!(decide(RequestStatus::Accepted, Decision::Decline).is_err());
        assert!(
            decide(RequestStatus::Declined, Decision::Accept).is_err(),
            "a decline is disputed, not re-decided"
        );
    }

    #[test]
    fn only_a_decline_can_be_disputed_and_then_decided_again() {
        assert_eq!(
            dispute(RequestStatus::Declined),
            Ok(RequestStatus::Disputed)
        );
        assert!(dispute(RequestStatus::Sent).is_err());
        assert!(dispute(RequestStatus::Disputed).is_err());
        assert_eq!(
            decide(RequestStatus::Disputed, Decision::Accept),
            Ok(RequestStatus::Accepted)
        );
    }

    #[test]
    fn a_closed_episode_takes_no_actions_follow_ups_or_second_close() {
        assert!(record_action(EpisodeStatus::Closed).is_err());
        assert!(follow_up(EpisodeStatus::Closed, FollowUpOutcome::Continue).is_err());
        assert!(close(EpisodeStatus::Closed).is_err());
        assert_eq!(
            close(EpisodeStatus::Reassessment),
            Ok(EpisodeStatus::Closed)
        );
    }

    #[test]
    fn a_follow_up_may_return_the_episode_to_assessment() {
        assert_eq!(
            follow_up(EpisodeStatus::Active, FollowUpOutcome::Reassess),
            Ok(EpisodeStatus::Reassessment)
        );
        assert_eq!(
            follow_up(EpisodeStatus::Reassessment, FollowUpOutcome::Continue),
            Ok(EpisodeStatus::Active)
        );
    }

    #[test]
    fn escalation_stops_at_the_countys_group() {
        assert_eq!(escalate(0), Ok(1));
        assert_eq!(escalate(1), Ok(2));
        assert!(escalate(2).is_err());
    }
}
