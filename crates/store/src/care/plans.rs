//! Vårdplan and SIP: goals, actions owned by actors with status, overall
//! responsibility, consent and follow-up, seen by every unit that takes part.
//! A unit of another party than the plan's owner sees the content only while the
//! person's consent is in force.

use super::access::{Check, Refusal, allowed, require_person};
use super::requests::notify;
use super::{flag, persons};
use crate::{Store, StoreError, Tx, org};
use samsyn_domain::{InvalidValue, Principal, UnitCode, policy};
use serde::Serialize;
use sqlx::Row;

/// Who carries out a plan action.
pub const ACTOR_KINDS: [(&str, &str); 3] = [
    ("unit", "Enhet"),
    ("person", "Personen själv"),
    ("next_of_kin", "Närstående"),
];
/// A plan action's status.
pub const ACTION_STATUSES: [(&str, &str); 3] = [
    ("planned", "Planerad"),
    ("ongoing", "Pågår"),
    ("done", "Klar"),
];

/// The label of a stored action status.
pub fn action_status_label(status: &str) -> &str {
    ACTION_STATUSES
        .iter()
        .find(|(s, _)| *s == status)
        .map(|(_, l)| *l)
        .unwrap_or(status)
}

#[derive(Debug, Clone)]
pub struct NewPlan {
    pub person_id: i64,
    /// `vardplan` or `sip`.
    pub kind: String,
    pub title: String,
    pub owner_unit: UnitCode,
    pub responsible_unit: UnitCode,
    pub participants: Vec<UnitCode>,
    pub follow_up_on: Option<time::Date>,
    pub competence_transfer_secured: bool,
    pub physician_contact: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PlanAction {
    pub id: i64,
    pub text: String,
    pub actor_kind: String,
    pub actor_unit: Option<String>,
    pub status: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Consent {
    pub id: i64,
    pub given_by: String,
    pub given_on: String,
    pub scope: String,
    pub withdrawn_on: Option<String>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PlanView {
    pub id: i64,
    pub person: persons::Person,
    pub kind: String,
    pub title: String,
    pub owner_unit: String,
    pub responsible_unit: String,
    pub participants: Vec<String>,
    pub follow_up_on: Option<String>,
    pub competence_transfer_secured: bool,
    pub physician_contact: String,
    /// False when the viewer's party differs from the owner's and no consent is in force:
    /// goals and actions are then withheld.
    pub content_visible: bool,
    pub goals: Vec<String>,
    pub actions: Vec<PlanAction>,
    pub consents: Vec<Consent>,
}

struct Head {
    person_id: i64,
    owner_party: String,
    participants: Vec<String>,
}

async fn head(tx: &mut Tx, id: i64) -> Result<Option<Head>, StoreError> {
    let Some(r) = sqlx::query("SELECT p.person_id, u.party_code FROM plans p JOIN units u ON u.code = p.owner_unit WHERE p.id = $1")
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?
    else {
        return Ok(None);
    };
    let participants = sqlx::query(
        "SELECT unit_code FROM plan_participants WHERE plan_id = $1 ORDER BY unit_code",
    )
    .bind(id)
    .fetch_all(&mut **tx)
    .await?
    .iter()
    .map(|r| r.try_get(0))
    .collect::<Result<Vec<String>, _>>()?;
    Ok(Some(Head {
        person_id: r.try_get(0)?,
        owner_party: r.try_get(1)?,
        participants,
    }))
}

/// The plan's head, if the principal's unit takes part in it (or, for a MAS, a unit of
/// their party does).
async fn plan_head(
    tx: &mut Tx,
    p: &Principal,
    id: i64,
    action: &'static str,
) -> Result<Head, Check> {
    let Some(h) = head(tx, id).await? else {
        return Err(Check::Refused(Refusal {
            action,
            person_id: None,
            what: "planen",
        }));
    };
    let mut related = Vec::new();
    for u in &h.participants {
        if let Some(unit) = org::unit(tx, u).await? {
            related.push(policy::RelatedUnit {
                unit: unit.code,
                party: unit.party,
            });
        }
    }
    if !policy::can_read_person(p, &related) {
        return Err(Check::Refused(Refusal {
            action,
            person_id: Some(h.person_id),
            what: "planen",
        }));
    }
    Ok(h)
}

async fn consent_in_force(tx: &mut Tx, plan_id: i64) -> Result<bool, StoreError> {
    let n: i64 =
        sqlx::query("SELECT COUNT(*) FROM consents WHERE plan_id = $1 AND withdrawn_on IS NULL")
            .bind(plan_id)
            .fetch_one(&mut **tx)
            .await?
            .try_get(0)?;
    Ok(n > 0)
}

async fn load(
    tx: &mut Tx,
    p: &Principal,
    id: i64,
    owner_party: &str,
) -> Result<PlanView, StoreError> {
    let r = sqlx::query(
        "SELECT id, person_id, kind, title, owner_unit, responsible_unit, follow_up_on, competence_transfer_secured, physician_contact \
         FROM plans WHERE id = $1",
    )
    .bind(id)
    .fetch_one(&mut **tx)
    .await?;
    let same_party = p.party().is_some_and(|c| c.as_str() == owner_party);
    let content_visible = same_party || consent_in_force(tx, id).await?;
    let participants = sqlx::query(
        "SELECT unit_code FROM plan_participants WHERE plan_id = $1 ORDER BY unit_code",
    )
    .bind(id)
    .fetch_all(&mut **tx)
    .await?
    .iter()
    .map(|r| r.try_get(0))
    .collect::<Result<Vec<String>, _>>()?;
    let (goals, actions) = if content_visible {
        let goals = sqlx::query("SELECT text FROM plan_goals WHERE plan_id = $1 ORDER BY id")
            .bind(id)
            .fetch_all(&mut **tx)
            .await?
            .iter()
            .map(|r| r.try_get(0))
            .collect::<Result<Vec<String>, _>>()?;
        let actions = sqlx::query("SELECT id, text, actor_kind, actor_unit, status FROM plan_actions WHERE plan_id = $1 ORDER BY id")
            .bind(id)
            .fetch_all(&mut **tx)
            .await?
            .iter()
            .map(|a| Ok(PlanAction { id: a.try_get(0)?, text: a.try_get(1)?, actor_kind: a.try_get(2)?, actor_unit: a.try_get(3)?, status: a.try_get(4)? }))
            .collect::<Result<Vec<_>, sqlx::Error>>()?;
        (goals, actions)
    } else {
        (Vec::new(), Vec::new())
    };
    let consents = sqlx::query("SELECT id, given_by, given_on, scope, withdrawn_on FROM consents WHERE plan_id = $1 ORDER BY id")
        .bind(id)
        .fetch_all(&mut **tx)
        .await?
        .iter()
        .map(|c| Ok(Consent { id: c.try_get(0)?, given_by: c.try_get(1)?, given_on: c.try_get(2)?, scope: c.try_get(3)?, withdrawn_on: c.try_get(4)? }))
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    let person_id: i64 = r.try_get(1)?;
    Ok(PlanView {
        id: r.try_get(0)?,
        person: persons::get(tx, person_id).await?,
        kind: r.try_get(2)?,
        title: r.try_get(3)?,
        owner_unit: r.try_get(4)?,
        responsible_unit: r.try_get(5)?,
        participants,
        follow_up_on: r.try_get(6)?,
        competence_transfer_secured: flag(&r, 7)?,
        physician_contact: r.try_get(8)?,
        content_visible,
        goals,
        actions,
        consents,
    })
}

fn text(field: &'static str, value: &str, what: &str) -> Result<String, InvalidValue> {
    let t = value.trim();
    if t.is_empty() || t.chars().count() > 2000 {
        Err(InvalidValue::new(
            field,
            format!("{what} ska ha 1–2000 tecken"),
        ))
    } else {
        Ok(t.to_owned())
    }
}

impl Store {
    /// Creates a plan for a person the principal's unit already has a relationship with.
    pub async fn create_plan(&self, p: &Principal, plan: NewPlan) -> Result<PlanView, StoreError> {
        let title = text("title", &plan.title, "Rubriken")?;
        if !matches!(plan.kind.as_str(), "vardplan" | "sip") {
            return Err(InvalidValue::new("kind", "planen ska vara vardplan eller sip").into());
        }
        if !policy::acts_for_unit(p, plan.owner_unit.as_str()) {
            return Err(StoreError::Forbidden(
                "en plan upprättas av den egna enheten".into(),
            ));
        }
        let mut tx = self.begin_write().await?;
        allowed!(
            self,
            tx,
            p,
            require_person(&mut tx, p, plan.person_id, "plan.create").await
        );
        let mut units: Vec<UnitCode> = vec![plan.owner_unit.clone(), plan.responsible_unit.clone()];
        units.extend(plan.participants.iter().cloned());
        units.sort();
        units.dedup();
        for u in &units {
            if org::unit(&mut tx, u.as_str()).await?.is_none() {
                return Err(
                    InvalidValue::new("participants", format!("enheten {u} finns inte")).into(),
                );
            }
        }
        let owner = org::unit(&mut tx, plan.owner_unit.as_str())
            .await?
            .map(|u| u.party)
            .unwrap_or_default();
        let id: i64 = sqlx::query(
            "INSERT INTO plans (person_id, kind, title, owner_unit, responsible_unit, follow_up_on, competence_transfer_secured, \
             physician_contact, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(plan.person_id)
        .bind(&plan.kind)
        .bind(&title)
        .bind(plan.owner_unit.as_str())
        .bind(plan.responsible_unit.as_str())
        .bind(plan.follow_up_on.map(|d| d.to_string()))
        .bind(plan.competence_transfer_secured as i64)
        .bind(plan.physician_contact.trim())
        .bind(samsyn_domain::time_fmt::now_stored())
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
        for u in &units {
            sqlx::query("INSERT INTO plan_participants (plan_id, unit_code) VALUES ($1, $2)")
                .bind(id)
                .bind(u.as_str())
                .execute(&mut *tx)
                .await?;
            if u != &plan.owner_unit {
                notify(
                    &mut tx,
                    u.as_str(),
                    "plan.new",
                    ("plan", id),
                    &format!("Ni ingår i en ny plan: {title}"),
                )
                .await?;
            }
        }
        self.log(
            &mut tx,
            p,
            "plan.create",
            plan.person_id,
            format!("{} {id}", plan.kind),
        )
        .await?;
        let view = load(&mut tx, p, id, &owner).await?;
        crate::commit(tx).await?;
        Ok(view)
    }

    /// Reads a plan; audited.
    pub async fn plan(&self, p: &Principal, id: i64) -> Result<PlanView, StoreError> {
        let mut tx = self.begin_write().await?;
        let h = allowed!(self, tx, p, plan_head(&mut tx, p, id, "plan.read").await);
        let view = load(&mut tx, p, id, &h.owner_party).await?;
        self.log(&mut tx, p, "plan.read", h.person_id, format!("plan {id}"))
            .await?;
        crate::commit(tx).await?;
        Ok(view)
    }

    /// Adds a goal.
    pub async fn add_plan_goal(
        &self,
        p: &Principal,
        id: i64,
        goal: &str,
    ) -> Result<PlanView, StoreError> {
        let goal = text("goal", goal, "Målet")?;
        self.change_plan(p, id, "plan.goal", move |tx, id| {
            Box::pin(async move {
                sqlx::query("INSERT INTO plan_goals (plan_id, text) VALUES ($1, $2)")
                    .bind(id)
                    .bind(goal)
                    .execute(&mut **tx)
                    .await?;
                Ok(())
            })
        })
        .await
    }

    /// Adds an action owned by a unit, the person or next of kin.
    pub async fn add_plan_action(
        &self,
        p: &Principal,
        id: i64,
        action: &str,
        actor_kind: &str,
        actor_unit: Option<UnitCode>,
    ) -> Result<PlanView, StoreError> {
        let action = text("action", action, "Åtgärden")?;
        if !ACTOR_KINDS.iter().any(|(k, _)| *k == actor_kind) {
            return Err(InvalidValue::new(
                "actor_kind",
                "aktören ska vara unit, person eller next_of_kin",
            )
            .into());
        }
        if (actor_kind == "unit") != actor_unit.is_some() {
            return Err(InvalidValue::new(
                "actor_unit",
                "ange enhet när, och bara när, en enhet äger åtgärden",
            )
            .into());
        }
        let kind = actor_kind.to_owned();
        self.change_plan(p, id, "plan.action", move |tx, id| {
            Box::pin(async move {
                if let Some(u) = &actor_unit {
                    let member: i64 = sqlx::query("SELECT COUNT(*) FROM plan_participants WHERE plan_id = $1 AND unit_code = $2")
                        .bind(id)
                        .bind(u.as_str())
                        .fetch_one(&mut **tx)
                        .await?
                        .try_get(0)?;
                    if member == 0 {
                        return Err(InvalidValue::new("actor_unit", format!("enheten {u} ingår inte i planen")).into());
                    }
                    notify(tx, u.as_str(), "plan.action", ("plan", id), "En åtgärd i en plan väntar på er").await?;
                }
                sqlx::query("INSERT INTO plan_actions (plan_id, text, actor_kind, actor_unit, status, updated_at) VALUES ($1, $2, $3, $4, 'planned', $5)")
                    .bind(id)
                    .bind(action)
                    .bind(kind)
                    .bind(actor_unit.map(|u| u.to_string()))
                    .bind(samsyn_domain::time_fmt::now_stored())
                    .execute(&mut **tx)
                    .await?;
                Ok(())
            })
        })
        .await
    }

    /// Sets an action's status.
    pub async fn set_plan_action_status(
        &self,
        p: &Principal,
        id: i64,
        action_id: i64,
        status: &str,
    ) -> Result<PlanView, StoreError> {
        if !ACTION_STATUSES.iter().any(|(s, _)| *s == status) {
            return Err(
                InvalidValue::new("status", "status ska vara planned, ongoing eller done").into(),
            );
        }
        let status = status.to_owned();
        self.change_plan(p, id, "plan.action_status", move |tx, id| {
            Box::pin(async move {
                let done = sqlx::query("UPDATE plan_actions SET status = $1, updated_at = $2 WHERE id = $3 AND plan_id = $4")
                    .bind(status)
                    .bind(samsyn_domain::time_fmt::now_stored())
                    .bind(action_id)
                    .bind(id)
                    .execute(&mut **tx)
                    .await?;
                if done.rows_affected() == 0 {
                    return Err(StoreError::NotFound("åtgärden".into()));
                }
                Ok(())
            })
        })
        .await
    }

    /// Records the person's consent: who gave it, when, for what.
    pub async fn record_consent(
        &self,
        p: &Principal,
        id: i64,
        given_by: &str,
        given_on: time::Date,
        scope: &str,
    ) -> Result<PlanView, StoreError> {
        let given_by = text("given_by", given_by, "Vem som lämnat samtycket")?;
        let scope = text("scope", scope, "Samtyckets omfattning")?;
        if given_on > time::OffsetDateTime::now_utc().date() {
            return Err(InvalidValue::new(
                "given_on",
                "samtycket kan inte vara lämnat i framtiden",
            )
            .into());
        }
        let recorder = p.username.to_string();
        self.change_plan(p, id, "consent.record", move |tx, id| {
            Box::pin(async move {
                sqlx::query("INSERT INTO consents (plan_id, given_by, given_on, scope, recorded_by) VALUES ($1, $2, $3, $4, $5)")
                    .bind(id)
                    .bind(given_by)
                    .bind(given_on.to_string())
                    .bind(scope)
                    .bind(recorder)
                    .execute(&mut **tx)
                    .await?;
                Ok(())
            })
        })
        .await
    }

    /// Withdraws a consent; content is withheld from other parties from then on.
    pub async fn withdraw_consent(
        &self,
        p: &Principal,
        id: i64,
        consent_id: i64,
    ) -> Result<PlanView, StoreError> {
        self.change_plan(p, id, "consent.withdraw", move |tx, id| {
            Box::pin(async move {
                let done = sqlx::query("UPDATE consents SET withdrawn_on = $1 WHERE id = $2 AND plan_id = $3 AND withdrawn_on IS NULL")
                    .bind(super::today())
                    .bind(consent_id)
                    .bind(id)
                    .execute(&mut **tx)
                    .await?;
                if done.rows_affected() == 0 {
                    return Err(StoreError::OutOfOrder("samtycket finns inte eller är redan återkallat".into()));
                }
                Ok(())
            })
        })
        .await
    }

    /// Runs one change to a plan by a participating unit of the plan, audited, and
    /// returns the plan as it is after.
    async fn change_plan<F>(
        &self,
        p: &Principal,
        id: i64,
        action: &'static str,
        change: F,
    ) -> Result<PlanView, StoreError>
    where
        F: for<'t> FnOnce(
            &'t mut Tx,
            i64,
        ) -> std::pin::Pin<
            Box<dyn std::future::Future<Output = Result<(), StoreError>> + Send + 't>,
        >,
    {
        let mut tx = self.begin_write().await?;
        let h = allowed!(self, tx, p, plan_head(&mut tx, p, id, action).await);
        if !h.participants.iter().any(|u| policy::acts_for_unit(p, u)) {
            return Err(StoreError::Forbidden(
                "bara enheter som ingår i planen kan ändra den".into(),
            ));
        }
        change(&mut tx, id).await?;
        sqlx::query("UPDATE plans SET row_version = row_version + 1 WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        self.log(&mut tx, p, action, h.person_id, format!("plan {id}"))
            .await?;
        let view = load(&mut tx, p, id, &h.owner_party).await?;
        crate::commit(tx).await?;
        Ok(view)
    }
}
