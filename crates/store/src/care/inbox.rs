//! Inkorgen: what waits on a unit — new requests, answers, disagreements, follow-ups
//! due, plan actions — and notifications of changes. Reading the inbox shows persons'
//! numbers, so it is audited as one read.

use super::today;
use crate::sessions::event_for;
use crate::{Store, StoreError, audit};
use samsyn_domain::Principal;
use samsyn_domain::audit::{Outcome, Purpose};
use serde::Serialize;
use sqlx::Row;

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct InboxRequest {
    pub id: i64,
    pub personnummer: String,
    pub from_unit: String,
    pub to_unit: String,
    pub kind: String,
    pub status: String,
    pub created_at: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct InboxEpisode {
    pub id: i64,
    pub personnummer: String,
    pub next_follow_up: String,
    pub overdue: bool,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct InboxPlanAction {
    pub plan_id: i64,
    pub plan_title: String,
    pub text: String,
    pub status: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Notification {
    pub id: i64,
    pub kind: String,
    pub subject_kind: String,
    pub subject_id: i64,
    pub text: String,
    pub created_at: String,
}

#[derive(Debug, Clone, Serialize, Default, utoipa::ToSchema)]
pub struct Inbox {
    pub unit: String,
    /// Requests to this unit waiting for a decision.
    pub to_decide: Vec<InboxRequest>,
    /// Requests this unit sent, with their status.
    pub sent: Vec<InboxRequest>,
    /// Requests with an open disagreement involving this unit.
    pub disputed: Vec<InboxRequest>,
    /// Episodes whose follow-up is due within a week or overdue.
    pub follow_ups: Vec<InboxEpisode>,
    /// Plan actions this unit owns that are not done.
    pub plan_actions: Vec<InboxPlanAction>,
    pub notifications: Vec<Notification>,
}

fn pn(text: String) -> String {
    if text.len() == 12 {
        format!("{}-{}", &text[..8], &text[8..])
    } else {
        text
    }
}

impl Store {
    /// The inbox of the principal's unit.
    pub async fn inbox(&self, p: &Principal) -> Result<Option<Inbox>, StoreError> {
        let Some(unit) = p
            .unit()
            .map(|u| u.to_string())
            .filter(|u| samsyn_domain::policy::acts_for_unit(p, u))
        else {
            return Ok(None);
        };
        let mut tx = self.begin_write().await?;
        let requests = |sql: &'static str| sql;
        let select = "SELECT r.id, ps.personnummer, r.from_unit, r.to_unit, r.kind, r.status, r.created_at \
                      FROM care_requests r JOIN persons ps ON ps.id = r.person_id ";
        let mut lists: Vec<Vec<InboxRequest>> = Vec::new();
        for filter in [
            requests("WHERE r.to_unit = $1 AND r.status = 'sent' ORDER BY r.id"),
            requests("WHERE r.from_unit = $1 ORDER BY r.id DESC LIMIT 50"),
            requests(
                "WHERE (r.to_unit = $1 OR r.from_unit = $1) AND EXISTS (SELECT 1 FROM disagreements d WHERE d.request_id = r.id AND d.status = 'open') ORDER BY r.id",
            ),
        ] {
            let rows = sqlx::query(sqlx::AssertSqlSafe(format!("{select}{filter}")))
                .bind(&unit)
                .fetch_all(&mut *tx)
                .await?;
            lists.push(
                rows.into_iter()
                    .map(|r| {
                        Ok(InboxRequest {
                            id: r.try_get(0)?,
                            personnummer: pn(r.try_get(1)?),
                            from_unit: r.try_get(2)?,
                            to_unit: r.try_get(3)?,
                            kind: r.try_get(4)?,
                            status: r.try_get(5)?,
                            created_at: r.try_get(6)?,
                        })
                    })
                    .collect::<Result<Vec<_>, sqlx::Error>>()?,
            );
        }
        let today = today();
        let week = time::OffsetDateTime::now_utc().date() + time::Duration::days(7);
        let follow_ups = sqlx::query(
            "SELECT e.id, ps.personnummer, e.next_follow_up FROM episodes e JOIN persons ps ON ps.id = e.person_id \
             WHERE e.unit_code = $1 AND e.status <> 'closed' AND e.next_follow_up <= $2 ORDER BY e.next_follow_up",
        )
        .bind(&unit)
        .bind(week.to_string())
        .fetch_all(&mut *tx)
        .await?
        .into_iter()
        .map(|r| {
            let next: String = r.try_get(2)?;
            Ok(InboxEpisode { id: r.try_get(0)?, personnummer: pn(r.try_get(1)?), overdue: next < today, next_follow_up: next })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
        let plan_actions = sqlx::query(
            "SELECT a.plan_id, p.title, a.text, a.status FROM plan_actions a JOIN plans p ON p.id = a.plan_id \
             WHERE a.actor_unit = $1 AND a.status <> 'done' ORDER BY a.id",
        )
        .bind(&unit)
        .fetch_all(&mut *tx)
        .await?
        .into_iter()
        .map(|r| Ok(InboxPlanAction { plan_id: r.try_get(0)?, plan_title: r.try_get(1)?, text: r.try_get(2)?, status: r.try_get(3)? }))
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
        let notifications = sqlx::query(
            "SELECT id, kind, subject_kind, subject_id, text, created_at FROM notifications WHERE unit_code = $1 AND read_at IS NULL ORDER BY id DESC LIMIT 50",
        )
        .bind(&unit)
        .fetch_all(&mut *tx)
        .await?
        .into_iter()
        .map(|r| Ok(Notification { id: r.try_get(0)?, kind: r.try_get(1)?, subject_kind: r.try_get(2)?, subject_id: r.try_get(3)?, text: r.try_get(4)?, created_at: r.try_get(5)? }))
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
        let mut event = event_for(p, "inbox.read", Purpose::Care, Outcome::Ok);
        event.detail = format!("inkorg för {unit}");
        audit::append(&mut tx, &event).await?;
        crate::commit(tx).await?;
        let disputed = lists.pop().unwrap_or_default();
        let sent = lists.pop().unwrap_or_default();
        let to_decide = lists.pop().unwrap_or_default();
        Ok(Some(Inbox {
            unit,
            to_decide,
            sent,
            disputed,
            follow_ups,
            plan_actions,
            notifications,
        }))
    }

    /// Marks a notification of the principal's unit as read.
    pub async fn mark_notification_read(&self, p: &Principal, id: i64) -> Result<(), StoreError> {
        let unit = p.unit().map(|u| u.to_string()).unwrap_or_default();
        let done = sqlx::query("UPDATE notifications SET read_at = $1 WHERE id = $2 AND unit_code = $3 AND read_at IS NULL")
            .bind(samsyn_domain::time_fmt::now_stored())
            .bind(id)
            .bind(&unit)
            .execute(&self.pool)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound("aviseringen".into()));
        }
        Ok(())
    }
}

impl Store {
    /// For a MAS: the requests of their municipality's units with an open disagreement.
    pub async fn party_disagreements(
        &self,
        p: &Principal,
    ) -> Result<Vec<InboxRequest>, StoreError> {
        let Some(party) = p
            .assignments
            .iter()
            .find(|a| a.role == samsyn_domain::Role::Mas)
            .and_then(|a| a.party.as_ref())
            .map(|c| c.to_string())
        else {
            return Ok(Vec::new());
        };
        let mut tx = self.begin_write().await?;
        let rows = sqlx::query(
            "SELECT r.id, ps.personnummer, r.from_unit, r.to_unit, r.kind, r.status, r.created_at \
             FROM care_requests r JOIN persons ps ON ps.id = r.person_id \
             JOIN units fu ON fu.code = r.from_unit JOIN units tu ON tu.code = r.to_unit \
             WHERE (fu.party_code = $1 OR tu.party_code = $1) \
             AND EXISTS (SELECT 1 FROM disagreements d WHERE d.request_id = r.id AND d.status = 'open') ORDER BY r.id",
        )
        .bind(&party)
        .fetch_all(&mut *tx)
        .await?;
        let list = rows
            .into_iter()
            .map(|r| {
                Ok(InboxRequest {
                    id: r.try_get(0)?,
                    personnummer: pn(r.try_get(1)?),
                    from_unit: r.try_get(2)?,
                    to_unit: r.try_get(3)?,
                    kind: r.try_get(4)?,
                    status: r.try_get(5)?,
                    created_at: r.try_get(6)?,
                })
            })
            .collect::<Result<Vec<_>, sqlx::Error>>()?;
        let mut event = event_for(p, "disagreements.list", Purpose::Care, Outcome::Ok);
        event.detail = format!("{} oenigheter för part {party}", list.len());
        audit::append(&mut tx, &event).await?;
        crate::commit(tx).await?;
        Ok(list)
    }
}
