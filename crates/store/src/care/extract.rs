//! Loggutdrag: for a person, which units and staff read or changed their data, and
//! when — the extract the person may ask for. Produced by an administrator, or by the
//! MAS of a municipality that has a care relationship with the person.

use super::access::{Check, Refusal, allowed, related_units};
use crate::{Store, StoreError, Tx};
use samsyn_domain::policy::{self, AuditScope};
use samsyn_domain::{Principal, Role};
use serde::Serialize;
use sqlx::Row;

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ExtractEntry {
    pub at: String,
    pub unit: Option<String>,
    pub unit_name: Option<String>,
    /// The staff member's name (public providers show names).
    pub staff: String,
    pub action: String,
    pub outcome: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct LogExtract {
    pub person: super::persons::Person,
    pub entries: Vec<ExtractEntry>,
}

async fn may_extract(tx: &mut Tx, p: &Principal, person_id: i64) -> Result<(), Check> {
    let allowed = match policy::audit_scope(p) {
        Some(AuditScope::All) => true,
        Some(AuditScope::Party(party)) if p.has_role(Role::Mas) => related_units(tx, person_id)
            .await?
            .iter()
            .any(|r| r.party == party.as_str()),
        _ => false,
    };
    if allowed {
        Ok(())
    } else {
        Err(Check::Refused(Refusal {
            action: "log_extract",
            person_id: Some(person_id),
            what: "personen",
        }))
    }
}

impl Store {
    pub async fn log_extract(
        &self,
        p: &Principal,
        person_id: i64,
    ) -> Result<LogExtract, StoreError> {
        let mut tx = self.begin_write().await?;
        allowed!(self, tx, p, may_extract(&mut tx, p, person_id).await);
        let person = super::persons::get(&mut tx, person_id).await?;
        let rows = sqlx::query(
            "SELECT a.at, a.unit_code, un.name, COALESCE(us.display_name, a.actor), a.action, a.outcome \
             FROM audit_log a LEFT JOIN units un ON un.code = a.unit_code LEFT JOIN users us ON us.id = a.actor_user_id \
             WHERE a.person_id = $1 ORDER BY a.seq",
        )
        .bind(person_id)
        .fetch_all(&mut *tx)
        .await?;
        let entries = rows
            .iter()
            .map(|r| {
                Ok(ExtractEntry {
                    at: r.try_get(0)?,
                    unit: r.try_get(1)?,
                    unit_name: r.try_get(2)?,
                    staff: r.try_get(3)?,
                    action: r.try_get(4)?,
                    outcome: r.try_get(5)?,
                })
            })
            .collect::<Result<Vec<_>, sqlx::Error>>()?;
        self.log(
            &mut tx,
            p,
            "log_extract",
            person_id,
            format!("{} poster", entries.len()),
        )
        .await?;
        crate::commit(tx).await?;
        Ok(LogExtract { person, entries })
    }

    /// The plans of a person in which the principal's unit takes part, for export.
    pub async fn person_plans(
        &self,
        p: &Principal,
        person_id: i64,
    ) -> Result<Vec<super::plans::PlanView>, StoreError> {
        let unit = p.unit().map(|u| u.to_string()).unwrap_or_default();
        let ids: Vec<i64> = sqlx::query(
            "SELECT p.id FROM plans p JOIN plan_participants pp ON pp.plan_id = p.id WHERE p.person_id = $1 AND pp.unit_code = $2 ORDER BY p.id",
        )
        .bind(person_id)
        .bind(&unit)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| r.try_get(0))
        .collect::<Result<_, _>>()?;
        let mut plans = Vec::with_capacity(ids.len());
        for id in ids {
            plans.push(self.plan(p, id).await?);
        }
        Ok(plans)
    }
}
