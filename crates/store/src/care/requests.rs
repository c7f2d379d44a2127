//! Vårdbegäran: sent by a unit to the municipal home care of the person's
//! municipality, decided under the agreement version in force, disputed and
//! escalated when the parties disagree.

use super::access::{Check, Refusal, allowed};
use super::{agreement, flag, persons, today};
use crate::sessions::event_for;
use crate::{Store, StoreError, Tx, audit, org};
use samsyn_domain::agreement::{AcceptanceCase, RequestKind, SipState, check_acceptance};
use samsyn_domain::audit::{Outcome, Purpose};
use samsyn_domain::care::{self, Decision, RequestStatus};
use samsyn_domain::org::UnitKind;
use samsyn_domain::person::{Housing, PersonNumber};
use samsyn_domain::policy::{self, RelatedUnit};
use samsyn_domain::{InvalidValue, PartyCode, Principal, UnitCode};
use serde::Serialize;
use sqlx::Row;

/// A request as the sending unit fills it in, already parsed.
#[derive(Debug, Clone)]
pub struct NewRequest {
    pub personnummer: PersonNumber,
    pub housing: Housing,
    pub from_unit: UnitCode,
    pub to_unit: UnitCode,
    pub kind: RequestKind,
    pub reason: String,
    pub requested_actions: String,
    pub self_care_assessed: bool,
    pub medication_list_updated: bool,
    pub specialist_handover: bool,
    pub psychiatric: bool,
    pub physician_contact: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Comment {
    pub author: String,
    pub unit: Option<String>,
    pub body: String,
    pub created_at: String,
}

/// Oenighet: a disagreement about a request, with its escalation step.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Disagreement {
    pub id: i64,
    pub raised_by_unit: String,
    /// 0 local dialogue, 1 county part, 2 the county's disagreement group.
    pub step: i64,
    pub step_name: &'static str,
    pub step_deadline: String,
    pub overdue: bool,
    pub status: String,
    pub outcome: Option<String>,
    pub comments: Vec<Comment>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RequestView {
    pub id: i64,
    pub status: String,
    pub person: persons::Person,
    pub from_unit: String,
    pub from_unit_name: String,
    pub to_unit: String,
    pub to_unit_name: String,
    pub kind: String,
    pub reason: String,
    pub requested_actions: String,
    pub self_care_assessed: bool,
    pub medication_list_updated: bool,
    pub specialist_handover: bool,
    pub psychiatric: bool,
    pub physician_contact: String,
    pub created_at: String,
    pub created_by: String,
    pub decided_at: Option<String>,
    pub decided_by: Option<String>,
    pub decision_reason: Option<String>,
    /// The agreement version the decision applied.
    pub agreement_version: Option<i64>,
    pub episode_id: Option<i64>,
    pub disagreements: Vec<Disagreement>,
    pub attachments: Vec<super::attachments::AttachmentInfo>,
    /// For optimistic concurrency: send it back with a decision.
    pub row_version: i64,
}

struct Row0 {
    person_id: i64,
    from: RelatedUnit,
    to: RelatedUnit,
    status: RequestStatus,
    row_version: i64,
}

async fn head(tx: &mut Tx, id: i64) -> Result<Option<Row0>, StoreError> {
    let row = sqlx::query(
        "SELECT r.person_id, r.from_unit, fu.party_code, r.to_unit, tu.party_code, r.status, r.row_version \
         FROM care_requests r JOIN units fu ON fu.code = r.from_unit JOIN units tu ON tu.code = r.to_unit WHERE r.id = $1",
    )
    .bind(id)
    .fetch_optional(&mut **tx)
    .await?;
    let Some(r) = row else { return Ok(None) };
    Ok(Some(Row0 {
        person_id: r.try_get(0)?,
        from: RelatedUnit {
            unit: r.try_get(1)?,
            party: r.try_get(2)?,
        },
        to: RelatedUnit {
            unit: r.try_get(3)?,
            party: r.try_get(4)?,
        },
        status: RequestStatus::parse(&r.try_get::<String, _>(5)?)?,
        row_version: r.try_get(6)?,
    }))
}

/// A request is seen by its sending and receiving units (and their parties' MAS).
fn can_see(p: &Principal, h: &Row0) -> bool {
    policy::can_read_person(p, &[h.from.clone(), h.to.clone()])
}

pub async fn notify(
    tx: &mut Tx,
    unit: &str,
    kind: &str,
    subject: (&str, i64),
    text: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO notifications (unit_code, kind, subject_kind, subject_id, text, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(unit)
    .bind(kind)
    .bind(subject.0)
    .bind(subject.1)
    .bind(text)
    .bind(samsyn_domain::time_fmt::now_stored())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

async fn load_view(tx: &mut Tx, id: i64) -> Result<RequestView, StoreError> {
    let r = sqlx::query(
        "SELECT r.id, r.status, r.person_id, r.from_unit, fu.name, r.to_unit, tu.name, r.kind, r.reason, \
         r.requested_actions, r.self_care_assessed, r.medication_list_updated, r.specialist_handover, r.psychiatric, \
         r.physician_contact, r.created_at, r.created_by, r.decided_at, r.decided_by, r.decision_reason, \
         v.version, (SELECT e.id FROM episodes e WHERE e.request_id = r.id), r.row_version \
         FROM care_requests r JOIN units fu ON fu.code = r.from_unit JOIN units tu ON tu.code = r.to_unit \
         LEFT JOIN agreement_versions v ON v.id = r.agreement_version_id WHERE r.id = $1",
    )
    .bind(id)
    .fetch_one(&mut **tx)
    .await?;
    let person_id: i64 = r.try_get(2)?;
    Ok(RequestView {
        id: r.try_get(0)?,
        status: r.try_get(1)?,
        person: persons::get(tx, person_id).await?,
        from_unit: r.try_get(3)?,
        from_unit_name: r.try_get(4)?,
        to_unit: r.try_get(5)?,
        to_unit_name: r.try_get(6)?,
        kind: r.try_get(7)?,
        reason: r.try_get(8)?,
        requested_actions: r.try_get(9)?,
        self_care_assessed: flag(&r, 10)?,
        medication_list_updated: flag(&r, 11)?,
        specialist_handover: flag(&r, 12)?,
        psychiatric: flag(&r, 13)?,
        physician_contact: r.try_get(14)?,
        created_at: r.try_get(15)?,
        created_by: r.try_get(16)?,
        decided_at: r.try_get(17)?,
        decided_by: r.try_get(18)?,
        decision_reason: r.try_get(19)?,
        agreement_version: r.try_get(20)?,
        episode_id: r.try_get(21)?,
        disagreements: disagreements(tx, id).await?,
        attachments: super::attachments::list(tx, id).await?,
        row_version: r.try_get(22)?,
    })
}

async fn disagreements(tx: &mut Tx, request_id: i64) -> Result<Vec<Disagreement>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, raised_by_unit, step, step_deadline, status, outcome FROM disagreements WHERE request_id = $1 ORDER BY id",
    )
    .bind(request_id)
    .fetch_all(&mut **tx)
    .await?;
    let today = today();
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let id: i64 = r.try_get(0)?;
        let step: i64 = r.try_get(2)?;
        let deadline: String = r.try_get(3)?;
        let status: String = r.try_get(4)?;
        let comments = sqlx::query(
            "SELECT author, unit_code, body, created_at FROM disagreement_comments WHERE disagreement_id = $1 ORDER BY id",
        )
        .bind(id)
        .fetch_all(&mut **tx)
        .await?
        .iter()
        .map(|c| Ok(Comment { author: c.try_get(0)?, unit: c.try_get(1)?, body: c.try_get(2)?, created_at: c.try_get(3)? }))
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
        out.push(Disagreement {
            id,
            raised_by_unit: r.try_get(1)?,
            step,
            step_name: care::ESCALATION_STEPS
                .get(step as usize)
                .copied()
                .unwrap_or("Okänt steg"),
            overdue: status == "open" && deadline < today,
            step_deadline: deadline,
            status,
            outcome: r.try_get(5)?,
            comments,
        });
    }
    Ok(out)
}

fn add_days(day: &str, days: i64) -> String {
    time::Date::parse(
        day,
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .map(|d| (d + time::Duration::days(days)).to_string())
    .unwrap_or_else(|_| day.to_owned())
}

/// The SIP conditions recorded for the person.
async fn sip_state(tx: &mut Tx, person_id: i64) -> Result<SipState, StoreError> {
    let rows = sqlx::query("SELECT competence_transfer_secured, physician_contact FROM plans WHERE person_id = $1 AND kind = 'sip'")
        .bind(person_id)
        .fetch_all(&mut **tx)
        .await?;
    let mut s = SipState::default();
    for r in rows {
        s.exists = true;
        s.competence_transfer_secured |= flag(&r, 0)?;
        s.physician_contact_named |= !r.try_get::<String, _>(1)?.trim().is_empty();
    }
    Ok(s)
}

fn non_empty(field: &'static str, text: &str, what: &str) -> Result<String, InvalidValue> {
    let t = text.trim();
    if t.is_empty() {
        Err(InvalidValue::new(field, format!("{what} saknas")))
    } else if t.chars().count() > 4000 {
        Err(InvalidValue::new(
            field,
            format!("{what} får ha högst 4000 tecken"),
        ))
    } else {
        Ok(t.to_owned())
    }
}

impl Store {
    /// Sends a request from the principal's unit; the receiving unit sees it at once.
    pub async fn create_request(
        &self,
        p: &Principal,
        r: NewRequest,
    ) -> Result<RequestView, StoreError> {
        let reason = non_empty("reason", &r.reason, "Anledningen")?;
        if !policy::acts_for_unit(p, r.from_unit.as_str()) {
            return Err(StoreError::Forbidden(format!(
                "du kan bara skicka vårdbegäran från din egen enhet, inte från {}",
                r.from_unit
            )));
        }
        let mut tx = self.begin_write().await?;
        let from = org::unit(&mut tx, r.from_unit.as_str())
            .await?
            .ok_or_else(|| {
                InvalidValue::new("from_unit", format!("enheten {} finns inte", r.from_unit))
            })?;
        let senders = [
            UnitKind::Vardcentral,
            UnitKind::Specialistklinik,
            UnitKind::Psykiatri,
            UnitKind::Vardavdelning,
            UnitKind::MobiltTeam,
        ];
        if !senders.iter().any(|k| k.as_str() == from.kind) {
            return Err(InvalidValue::new(
                "from_unit",
                "vårdbegäran skickas från en vårdcentral, klinik eller vårdavdelning",
            )
            .into());
        }
        let to = org::unit(&mut tx, r.to_unit.as_str())
            .await?
            .ok_or_else(|| {
                InvalidValue::new("to_unit", format!("enheten {} finns inte", r.to_unit))
            })?;
        if to.kind != UnitKind::Hemsjukvard.as_str() {
            return Err(InvalidValue::new(
                "to_unit",
                "vårdbegäran skickas till kommunal hemsjukvård",
            )
            .into());
        }
        let municipality = PartyCode::parse(&to.party)?;
        let person_id = persons::ensure(&mut tx, &r.personnummer, &municipality, r.housing).await?;
        let id: i64 = sqlx::query(
            "INSERT INTO care_requests (person_id, from_unit, to_unit, kind, reason, requested_actions, self_care_assessed, \
             medication_list_updated, specialist_handover, psychiatric, physician_contact, status, created_at, created_by) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'sent', $12, $13) RETURNING id",
        )
        .bind(person_id)
        .bind(r.from_unit.as_str())
        .bind(r.to_unit.as_str())
        .bind(r.kind.as_str())
        .bind(&reason)
        .bind(r.requested_actions.trim())
        .bind(r.self_care_assessed as i64)
        .bind(r.medication_list_updated as i64)
        .bind(r.specialist_handover as i64)
        .bind(r.psychiatric as i64)
        .bind(r.physician_contact.trim())
        .bind(samsyn_domain::time_fmt::now_stored())
        .bind(p.username.as_str())
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
        notify(
            &mut tx,
            to.code.as_str(),
            "request.new",
            ("care_request", id),
            &format!("Ny vårdbegäran från {}", from.name),
        )
        .await?;
        let mut event = event_for(p, "care_request.create", Purpose::Care, Outcome::Ok);
        event.person_id = Some(person_id);
        event.detail = format!("vårdbegäran {id} till {}", to.code);
        audit::append(&mut tx, &event).await?;
        let view = load_view(&mut tx, id).await?;
        crate::commit(tx).await?;
        Ok(view)
    }

    /// Reads a request: the sending and receiving units see it; anyone else is told
    /// it does not exist, and the attempt is logged.
    pub async fn request(&self, p: &Principal, id: i64) -> Result<RequestView, StoreError> {
        let mut tx = self.begin_write().await?;
        let h = allowed!(
            self,
            tx,
            p,
            visible_head(&mut tx, p, id, "care_request.read").await
        );
        let view = load_view(&mut tx, id).await?;
        let mut event = event_for(p, "care_request.read", Purpose::Care, Outcome::Ok);
        event.person_id = Some(h.person_id);
        event.detail = format!("vårdbegäran {id}");
        audit::append(&mut tx, &event).await?;
        crate::commit(tx).await?;
        Ok(view)
    }

    /// The receiving unit accepts or declines. Acceptance is checked against the
    /// agreement version in force and opens an episode. `expected_version` guards
    /// against two people deciding at once: the second gets a conflict.
    pub async fn decide_request(
        &self,
        p: &Principal,
        id: i64,
        decision: Decision,
        reason: &str,
        expected_version: Option<i64>,
    ) -> Result<RequestView, StoreError> {
        let mut tx = self.begin_write().await?;
        let h = allowed!(
            self,
            tx,
            p,
            visible_head(&mut tx, p, id, "care_request.decide").await
        );
        if !policy::acts_for_unit(p, &h.to.unit) {
            return Err(StoreError::Forbidden(
                "bara den mottagande enheten kan fatta beslut om inskrivning".into(),
            ));
        }
        if expected_version.is_some_and(|v| v != h.row_version)
            || !matches!(h.status, RequestStatus::Sent | RequestStatus::Disputed)
        {
            return Err(conflict(&mut tx, id).await);
        }
        let next = care::decide(h.status, decision)?;
        let day = today();
        let version = agreement::in_force(&mut tx, &day).await?;
        let reason = match decision {
            Decision::Decline => non_empty("reason", reason, "Skälet till avböjandet")?,
            Decision::Accept => reason.trim().to_owned(),
        };
        if decision == Decision::Accept {
            let person = persons::get(&mut tx, h.person_id).await?;
            let r = sqlx::query(
                "SELECT kind, specialist_handover, psychiatric FROM care_requests WHERE id = $1",
            )
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
            let case = AcceptanceCase {
                kind: RequestKind::parse(&r.try_get::<String, _>(0)?)?,
                age: person.age,
                specialist_handover: flag(&r, 1)?,
                psychiatric: flag(&r, 2)?,
                sip: sip_state(&mut tx, h.person_id).await?,
            };
            if let Err(violation) = check_acceptance(&case, &version.rules, version.version) {
                tx.rollback().await?;
                let mut event = event_for(p, "care_request.decide", Purpose::Care, Outcome::Denied);
                event.person_id = Some(h.person_id);
                event.detail = format!(
                    "regel {} i version {}",
                    violation.rule.as_str(),
                    violation.version
                );
                self.audit(&event).await?;
                return Err(StoreError::Rule(violation));
            }
        }
        let updated = sqlx::query(
            "UPDATE care_requests SET status = $1, decided_at = $2, decided_by = $3, decision_reason = $4, \
             agreement_version_id = $5, row_version = row_version + 1 WHERE id = $6 AND row_version = $7",
        )
        .bind(next.as_str())
        .bind(samsyn_domain::time_fmt::now_stored())
        .bind(p.username.as_str())
        .bind(&reason)
        .bind(version.id)
        .bind(id)
        .bind(h.row_version)
        .execute(&mut *tx)
        .await?;
        if updated.rows_affected() != 1 {
            // Someone decided between our read and our write; a new statement sees their decision.
            return Err(conflict(&mut tx, id).await);
        }
        if decision == Decision::Accept {
            sqlx::query(
                "INSERT INTO episodes (person_id, unit_code, request_id, status, started_on, next_follow_up) VALUES ($1, $2, $3, 'active', $4, $5)",
            )
            .bind(h.person_id)
            .bind(&h.to.unit)
            .bind(id)
            .bind(&day)
            .bind(add_days(&day, 30))
            .execute(&mut *tx)
            .await?;
        }
        if h.status == RequestStatus::Disputed {
            sqlx::query("UPDATE disagreements SET status = 'resolved', outcome = $1, resolved_at = $2 WHERE request_id = $3 AND status = 'open'")
                .bind(format!("Nytt beslut: {}", next.label().to_lowercase()))
                .bind(samsyn_domain::time_fmt::now_stored())
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        let text = format!("Vårdbegäran {id}: {}", next.label().to_lowercase());
        notify(
            &mut tx,
            &h.from.unit,
            "request.answer",
            ("care_request", id),
            &text,
        )
        .await?;
        let mut event = event_for(p, "care_request.decide", Purpose::Care, Outcome::Ok);
        event.person_id = Some(h.person_id);
        event.detail = format!("{} enligt version {}", next.as_str(), version.version);
        audit::append(&mut tx, &event).await?;
        let view = load_view(&mut tx, id).await?;
        crate::commit(tx).await?;
        Ok(view)
    }

    /// Raises a disagreement: the sender disputing a decline, or either unit raising
    /// one about the request. It starts at local dialogue with that step's deadline.
    pub async fn raise_disagreement(
        &self,
        p: &Principal,
        id: i64,
        comment: &str,
    ) -> Result<RequestView, StoreError> {
        let comment = non_empty("comment", comment, "En motivering")?;
        let mut tx = self.begin_write().await?;
        let h = allowed!(
            self,
            tx,
            p,
            visible_head(&mut tx, p, id, "care_request.dispute").await
        );
        let unit = [&h.from.unit, &h.to.unit]
            .into_iter()
            .find(|u| policy::acts_for_unit(p, u))
            .cloned()
            .ok_or_else(|| {
                StoreError::Forbidden(
                    "bara den sändande eller mottagande enheten kan väcka en oenighet".into(),
                )
            })?;
        let open: i64 = sqlx::query(
            "SELECT COUNT(*) FROM disagreements WHERE request_id = $1 AND status = 'open'",
        )
        .bind(id)
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
        if open > 0 {
            return Err(StoreError::OutOfOrder(
                "en oenighet pågår redan för vårdbegäran".into(),
            ));
        }
        if unit == h.from.unit && h.status == RequestStatus::Declined {
            let next = care::dispute(h.status)?;
            sqlx::query(
                "UPDATE care_requests SET status = $1, row_version = row_version + 1 WHERE id = $2",
            )
            .bind(next.as_str())
            .bind(id)
            .execute(&mut *tx)
            .await?;
        }
        let day = today();
        let version = agreement::in_force(&mut tx, &day).await?;
        let did: i64 = sqlx::query(
            "INSERT INTO disagreements (request_id, raised_by_unit, step, step_deadline, status, created_at, agreement_version_id) \
             VALUES ($1, $2, 0, $3, 'open', $4, $5) RETURNING id",
        )
        .bind(id)
        .bind(&unit)
        .bind(add_days(&day, version.rules.escalation_days[0]))
        .bind(samsyn_domain::time_fmt::now_stored())
        .bind(version.id)
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
        add_comment(&mut tx, did, p, Some(&unit), &comment).await?;
        let other = if unit == h.from.unit {
            &h.to.unit
        } else {
            &h.from.unit
        };
        notify(
            &mut tx,
            other,
            "disagreement.new",
            ("care_request", id),
            &format!("Oenighet om vårdbegäran {id}"),
        )
        .await?;
        self.finish(
            tx,
            p,
            "care_request.dispute",
            h.person_id,
            format!("oenighet {did} om vårdbegäran {id}"),
            id,
        )
        .await
    }

    /// Moves the open disagreement to the next step (county part, then the county's
    /// group), with that step's deadline from the agreement version it started under.
    pub async fn escalate_disagreement(
        &self,
        p: &Principal,
        id: i64,
        comment: &str,
    ) -> Result<RequestView, StoreError> {
        let comment = non_empty("comment", comment, "En motivering")?;
        let mut tx = self.begin_write().await?;
        let h = allowed!(
            self,
            tx,
            p,
            visible_head(&mut tx, p, id, "disagreement.escalate").await
        );
        let (did, step, version_id) = open_disagreement(&mut tx, id).await?;
        let next = care::escalate(step as usize)? as i64;
        let version = agreement::by_id(&mut tx, version_id).await?;
        sqlx::query("UPDATE disagreements SET step = $1, step_deadline = $2 WHERE id = $3")
            .bind(next)
            .bind(add_days(
                &today(),
                version.rules.escalation_days[next as usize],
            ))
            .bind(did)
            .execute(&mut *tx)
            .await?;
        let unit = p.unit().map(|u| u.to_string());
        add_comment(
            &mut tx,
            did,
            p,
            unit.as_deref(),
            &format!(
                "Eskalerad till {}: {comment}",
                care::ESCALATION_STEPS[next as usize]
            ),
        )
        .await?;
        for u in [&h.from.unit, &h.to.unit] {
            notify(
                &mut tx,
                u,
                "disagreement.escalated",
                ("care_request", id),
                &format!("Oenigheten om vårdbegäran {id} är eskalerad"),
            )
            .await?;
        }
        self.finish(
            tx,
            p,
            "disagreement.escalate",
            h.person_id,
            format!("oenighet {did} till steg {next}"),
            id,
        )
        .await
    }

    /// Adds a comment to the open disagreement.
    pub async fn comment_disagreement(
        &self,
        p: &Principal,
        id: i64,
        comment: &str,
    ) -> Result<RequestView, StoreError> {
        let comment = non_empty("comment", comment, "Kommentaren")?;
        let mut tx = self.begin_write().await?;
        let h = allowed!(
            self,
            tx,
            p,
            visible_head(&mut tx, p, id, "disagreement.comment").await
        );
        let (did, _, _) = open_disagreement(&mut tx, id).await?;
        let unit = p.unit().map(|u| u.to_string());
        add_comment(&mut tx, did, p, unit.as_deref(), &comment).await?;
        self.finish(
            tx,
            p,
            "disagreement.comment",
            h.person_id,
            format!("oenighet {did}"),
            id,
        )
        .await
    }

    /// Records the outcome of the open disagreement. A disputed decline that is not
    /// turned into an acceptance stands.
    pub async fn resolve_disagreement(
        &self,
        p: &Principal,
        id: i64,
        outcome: &str,
    ) -> Result<RequestView, StoreError> {
        let outcome = non_empty("outcome", outcome, "Utfallet")?;
        let mut tx = self.begin_write().await?;
        let h = allowed!(
            self,
            tx,
            p,
            visible_head(&mut tx, p, id, "disagreement.resolve").await
        );
        let (did, _, _) = open_disagreement(&mut tx, id).await?;
        sqlx::query("UPDATE disagreements SET status = 'resolved', outcome = $1, resolved_at = $2 WHERE id = $3")
            .bind(&outcome)
            .bind(samsyn_domain::time_fmt::now_stored())
            .bind(did)
            .execute(&mut *tx)
            .await?;
        if h.status == RequestStatus::Disputed {
            sqlx::query("UPDATE care_requests SET status = 'declined', row_version = row_version + 1 WHERE id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        for u in [&h.from.unit, &h.to.unit] {
            notify(
                &mut tx,
                u,
                "disagreement.resolved",
                ("care_request", id),
                &format!("Oenigheten om vårdbegäran {id} är avgjord"),
            )
            .await?;
        }
        self.finish(
            tx,
            p,
            "disagreement.resolve",
            h.person_id,
            format!("oenighet {did} avgjord"),
            id,
        )
        .await
    }

    async fn finish(
        &self,
        mut tx: Tx,
        p: &Principal,
        action: &str,
        person_id: i64,
        detail: String,
        id: i64,
    ) -> Result<RequestView, StoreError> {
        let mut event = event_for(p, action, Purpose::Care, Outcome::Ok);
        event.person_id = Some(person_id);
        event.detail = detail;
        audit::append(&mut tx, &event).await?;
        let view = load_view(&mut tx, id).await?;
        crate::commit(tx).await?;
        Ok(view)
    }
}

/// The conflict a second decider gets, naming the decision that was made.
async fn conflict(tx: &mut Tx, id: i64) -> StoreError {
    match load_view(tx, id).await {
        Ok(current) => StoreError::Conflict(format!(
            "vårdbegäran har redan ändrats av någon annan: status {}{}",
            RequestStatus::parse(&current.status)
                .map(|s| s.label())
                .unwrap_or("okänd"),
            current
                .decided_by
                .map(|b| format!(", beslutad av {b}"))
                .unwrap_or_default()
        )),
        Err(e) => e,
    }
}

/// The request's head, if the principal may see it.
async fn visible_head(
    tx: &mut Tx,
    p: &Principal,
    id: i64,
    action: &'static str,
) -> Result<Row0, Check> {
    match head(tx, id).await? {
        Some(h) if can_see(p, &h) => Ok(h),
        other => Err(Check::Refused(Refusal {
            action,
            person_id: other.map(|h| h.person_id),
            what: "vårdbegäran",
        })),
    }
}

async fn open_disagreement(tx: &mut Tx, request_id: i64) -> Result<(i64, i64, i64), StoreError> {
    let r = sqlx::query("SELECT id, step, agreement_version_id FROM disagreements WHERE request_id = $1 AND status = 'open'")
        .bind(request_id)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or_else(|| StoreError::OutOfOrder("det finns ingen pågående oenighet för vårdbegäran".into()))?;
    Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?))
}

async fn add_comment(
    tx: &mut Tx,
    did: i64,
    p: &Principal,
    unit: Option<&str>,
    body: &str,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO disagreement_comments (disagreement_id, unit_code, author, body, created_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(did)
        .bind(unit)
        .bind(&p.display_name)
        .bind(body)
        .bind(samsyn_domain::time_fmt::now_stored())
        .execute(&mut **tx)
        .await?;
    Ok(())
}
