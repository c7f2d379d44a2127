//! Inskrivning: the home-care episode opened by an acceptance, its actions (KVÅ),
//! follow-ups and avslut.

use super::access::{Check, Refusal, allowed, require_person};
use super::{persons, today};
use crate::sessions::event_for;
use crate::{Store, StoreError, Tx, audit};
use samsyn_domain::audit::{Outcome, Purpose};
use samsyn_domain::care::{self, EpisodeStatus, FollowUpOutcome};
use samsyn_domain::kva::{KvaCode, PerformerKind};
use samsyn_domain::{InvalidValue, Principal, policy};
use serde::Serialize;
use sqlx::Row;

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CareAction {
    pub id: i64,
    pub kva_code: String,
    pub kva_title: String,
    pub performed_on: String,
    pub performer_kind: String,
    pub minutes: Option<i64>,
    pub recorded_by: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct FollowUp {
    pub due_on: String,
    pub done_on: String,
    pub outcome: String,
    pub note: String,
    pub recorded_by: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct EpisodeView {
    pub id: i64,
    pub person: persons::Person,
    pub unit: String,
    pub request_id: i64,
    pub status: String,
    pub started_on: String,
    pub next_follow_up: Option<String>,
    pub follow_up_overdue: bool,
    pub closed_on: Option<String>,
    pub close_reason: Option<String>,
    pub actions: Vec<CareAction>,
    pub follow_ups: Vec<FollowUp>,
}

/// A care action to record, already parsed.
#[derive(Debug, Clone)]
pub struct NewAction {
    pub kva: KvaCode,
    pub performed_on: time::Date,
    pub performer: PerformerKind,
    pub minutes: Option<i64>,
}

struct Head {
    person_id: i64,
    unit: String,
    status: EpisodeStatus,
}

async fn head(tx: &mut Tx, id: i64) -> Result<Option<Head>, StoreError> {
    let r = sqlx::query("SELECT person_id, unit_code, status FROM episodes WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?;
    let Some(r) = r else { return Ok(None) };
    Ok(Some(Head {
        person_id: r.try_get(0)?,
        unit: r.try_get(1)?,
        status: EpisodeStatus::parse(&r.try_get::<String, _>(2)?)?,
    }))
}

async fn load(tx: &mut Tx, id: i64) -> Result<EpisodeView, StoreError> {
    let r = sqlx::query(
        "SELECT id, person_id, unit_code, request_id, status, started_on, next_follow_up, closed_on, close_reason FROM episodes WHERE id = $1",
    )
    .bind(id)
    .fetch_one(&mut **tx)
    .await?;
    let actions = sqlx::query(
        "SELECT a.id, a.kva_code, k.title, a.performed_on, a.performer_kind, a.minutes, a.recorded_by \
         FROM care_actions a JOIN kva_codes k ON k.code = a.kva_code WHERE a.episode_id = $1 ORDER BY a.performed_on, a.id",
    )
    .bind(id)
    .fetch_all(&mut **tx)
    .await?
    .iter()
    .map(|a| {
        Ok(CareAction {
            id: a.try_get(0)?,
            kva_code: a.try_get(1)?,
            kva_title: a.try_get(2)?,
            performed_on: a.try_get(3)?,
            performer_kind: a.try_get(4)?,
            minutes: a.try_get(5)?,
            recorded_by: a.try_get(6)?,
        })
    })
    .collect::<Result<Vec<_>, sqlx::Error>>()?;
    let follow_ups = sqlx::query("SELECT due_on, done_on, outcome, note, recorded_by FROM follow_ups WHERE episode_id = $1 ORDER BY id")
        .bind(id)
        .fetch_all(&mut **tx)
        .await?
        .iter()
        .map(|f| Ok(FollowUp { due_on: f.try_get(0)?, done_on: f.try_get(1)?, outcome: f.try_get(2)?, note: f.try_get(3)?, recorded_by: f.try_get(4)? }))
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    let person_id: i64 = r.try_get(1)?;
    let status: String = r.try_get(4)?;
    let next: Option<String> = r.try_get(6)?;
    Ok(EpisodeView {
        id: r.try_get(0)?,
        person: persons::get(tx, person_id).await?,
        unit: r.try_get(2)?,
        request_id: r.try_get(3)?,
        follow_up_overdue: status != "closed"
            && next.as_deref().is_some_and(|d| d < today().as_str()),
        status,
        started_on: r.try_get(5)?,
        next_follow_up: next,
        closed_on: r.try_get(7)?,
        close_reason: r.try_get(8)?,
        actions,
        follow_ups,
    })
}

/// Checks an action against the code table and the calendar.
async fn check_action(tx: &mut Tx, a: &NewAction) -> Result<(), StoreError> {
    let known: i64 = sqlx::query("SELECT COUNT(*) FROM kva_codes WHERE code = $1")
        .bind(a.kva.as_str())
        .fetch_one(&mut **tx)
        .await?
        .try_get(0)?;
    if known == 0 {
        return Err(InvalidValue::new(
            "kva_code",
            format!("KVÅ-koden {} finns inte i kodtabellen", a.kva),
        )
        .into());
    }
    if a.performed_on > time::OffsetDateTime::now_utc().date() {
        return Err(InvalidValue::new("performed_on", "datumet ligger i framtiden").into());
    }
    Ok(())
}

/// The day of a recorded action of the episode.
async fn action_day(tx: &mut Tx, episode_id: i64, action_id: i64) -> Result<String, StoreError> {
    Ok(
        sqlx::query("SELECT performed_on FROM care_actions WHERE id = $1 AND episode_id = $2")
            .bind(action_id)
            .bind(episode_id)
            .fetch_optional(&mut **tx)
            .await?
            .ok_or_else(|| StoreError::NotFound("insatsen".into()))?
            .try_get(0)?,
    )
}

/// The municipality whose statistics a unit's actions count in: the unit's party.
async fn municipality_of(tx: &mut Tx, unit: &str) -> Result<String, StoreError> {
    Ok(sqlx::query("SELECT party_code FROM units WHERE code = $1")
        .bind(unit)
        .fetch_one(&mut **tx)
        .await?
        .try_get(0)?)
}

/// The episode's head, if the principal may see its person.
async fn episode_head(
    tx: &mut Tx,
    p: &Principal,
    id: i64,
    action: &'static str,
) -> Result<Head, Check> {
    let Some(h) = head(tx, id).await? else {
        return Err(Check::Refused(Refusal {
            action,
            person_id: None,
            what: "inskrivningen",
        }));
    };
    require_person(tx, p, h.person_id, action).await?;
    Ok(h)
}

impl Store {
    /// Reads an episode and what was done in it; audited.
    pub async fn episode(&self, p: &Principal, id: i64) -> Result<EpisodeView, StoreError> {
        let mut tx = self.begin_write().await?;
        let h = allowed!(
            self,
            tx,
            p,
            episode_head(&mut tx, p, id, "episode.read").await
        );
        let view = load(&mut tx, id).await?;
        self.log(
            &mut tx,
            p,
            "episode.read",
            h.person_id,
            format!("inskrivning {id}"),
        )
        .await?;
        crate::commit(tx).await?;
        Ok(view)
    }

    /// Records a care action on an open episode of the principal's unit.
    pub async fn record_action(
        &self,
        p: &Principal,
        id: i64,
        a: NewAction,
    ) -> Result<EpisodeView, StoreError> {
        if a.minutes.is_some_and(|m| !(0..=1440).contains(&m)) {
            return Err(InvalidValue::new("minutes", "minuter ska vara 0–1440").into());
        }
        let mut tx = self.begin_write().await?;
        let h = allowed!(
            self,
            tx,
            p,
            episode_head(&mut tx, p, id, "care_action.create").await
        );
        self.require_own_unit(p, &h)?;
        care::record_action(h.status)?;
        check_action(&mut tx, &a).await?;
        let municipality = municipality_of(&mut tx, &h.unit).await?;
        crate::stats::count_action(
            &mut tx,
            h.person_id,
            &municipality,
            &a.performed_on.to_string(),
            1,
        )
        .await?;
        sqlx::query(
            "INSERT INTO care_actions (episode_id, kva_code, performed_on, performer_kind, minutes, recorded_by, recorded_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(id)
        .bind(a.kva.as_str())
        .bind(a.performed_on.to_string())
        .bind(a.performer.as_str())
        .bind(a.minutes)
        .bind(p.username.as_str())
        .bind(samsyn_domain::time_fmt::now_stored())
        .execute(&mut *tx)
        .await?;
        self.finish_episode(
            tx,
            p,
            "care_action.create",
            h.person_id,
            format!("{} på inskrivning {id}", a.kva),
            id,
        )
        .await
    }

    /// Corrects a recorded action (a wrong date, code, performer or time); the
    /// statistics follow.
    pub async fn correct_action(
        &self,
        p: &Principal,
        id: i64,
        action_id: i64,
        a: NewAction,
    ) -> Result<EpisodeView, StoreError> {
        let mut tx = self.begin_write().await?;
        let h = allowed!(
            self,
            tx,
            p,
            episode_head(&mut tx, p, id, "care_action.correct").await
        );
        self.require_own_unit(p, &h)?;
        care::record_action(h.status)?;
        let old = action_day(&mut tx, id, action_id).await?;
        check_action(&mut tx, &a).await?;
        let municipality = municipality_of(&mut tx, &h.unit).await?;
        crate::stats::count_action(&mut tx, h.person_id, &municipality, &old, -1).await?;
        crate::stats::count_action(
            &mut tx,
            h.person_id,
            &municipality,
            &a.performed_on.to_string(),
            1,
        )
        .await?;
        sqlx::query("UPDATE care_actions SET kva_code = $1, performed_on = $2, performer_kind = $3, minutes = $4 WHERE id = $5")
            .bind(a.kva.as_str())
            .bind(a.performed_on.to_string())
            .bind(a.performer.as_str())
            .bind(a.minutes)
            .bind(action_id)
            .execute(&mut *tx)
            .await?;
        self.finish_episode(
            tx,
            p,
            "care_action.correct",
            h.person_id,
            format!("insats {action_id} på inskrivning {id}"),
            id,
        )
        .await
    }

    /// Removes an action recorded by mistake; the statistics follow.
    pub async fn delete_action(
        &self,
        p: &Principal,
        id: i64,
        action_id: i64,
    ) -> Result<EpisodeView, StoreError> {
        let mut tx = self.begin_write().await?;
        let h = allowed!(
            self,
            tx,
            p,
            episode_head(&mut tx, p, id, "care_action.delete").await
        );
        self.require_own_unit(p, &h)?;
        care::record_action(h.status)?;
        let old = action_day(&mut tx, id, action_id).await?;
        let municipality = municipality_of(&mut tx, &h.unit).await?;
        crate::stats::count_action(&mut tx, h.person_id, &municipality, &old, -1).await?;
        sqlx::query("DELETE FROM care_actions WHERE id = $1")
            .bind(action_id)
            .execute(&mut *tx)
            .await?;
        self.finish_episode(
            tx,
            p,
            "care_action.delete",
            h.person_id,
            format!("insats {action_id} på inskrivning {id}"),
            id,
        )
        .await
    }

    /// Records a follow-up; `Reassess` returns the episode to assessment.
    pub async fn follow_up(
        &self,
        p: &Principal,
        id: i64,
        outcome: FollowUpOutcome,
        note: &str,
        next_on: Option<time::Date>,
    ) -> Result<EpisodeView, StoreError> {
        let mut tx = self.begin_write().await?;
        let h = allowed!(
            self,
            tx,
            p,
            episode_head(&mut tx, p, id, "episode.follow_up").await
        );
        self.require_own_unit(p, &h)?;
        let next_status = care::follow_up(h.status, outcome)?;
        let today = time::OffsetDateTime::now_utc().date();
        if next_on.is_some_and(|d| d <= today) {
            return Err(InvalidValue::new(
                "next_follow_up",
                "nästa uppföljning ska ligga efter i dag",
            )
            .into());
        }
        let due: Option<String> = sqlx::query("SELECT next_follow_up FROM episodes WHERE id = $1")
            .bind(id)
            .fetch_one(&mut *tx)
            .await?
            .try_get(0)?;
        sqlx::query("INSERT INTO follow_ups (episode_id, due_on, done_on, outcome, note, recorded_by) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(id)
            .bind(due.unwrap_or_else(|| today.to_string()))
            .bind(today.to_string())
            .bind(outcome.as_str())
            .bind(note.trim())
            .bind(p.username.as_str())
            .execute(&mut *tx)
            .await?;
        let next = next_on
            .unwrap_or(today + time::Duration::days(30))
            .to_string();
        sqlx::query("UPDATE episodes SET status = $1, next_follow_up = $2, row_version = row_version + 1 WHERE id = $3")
            .bind(next_status.as_str())
            .bind(next)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        self.finish_episode(
            tx,
            p,
            "episode.follow_up",
            h.person_id,
            format!("{} på inskrivning {id}", outcome.as_str()),
            id,
        )
        .await
    }

    /// Avslut: closes the episode with a reason.
    pub async fn close_episode(
        &self,
        p: &Principal,
        id: i64,
        reason: &str,
    ) -> Result<EpisodeView, StoreError> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(InvalidValue::new("reason", "skälet till avslutet saknas").into());
        }
        let mut tx = self.begin_write().await?;
        let h = allowed!(
            self,
            tx,
            p,
            episode_head(&mut tx, p, id, "episode.close").await
        );
        self.require_own_unit(p, &h)?;
        let next = care::close(h.status)?;
        sqlx::query("UPDATE episodes SET status = $1, closed_on = $2, close_reason = $3, next_follow_up = NULL, row_version = row_version + 1 WHERE id = $4")
            .bind(next.as_str())
            .bind(today())
            .bind(reason)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        self.finish_episode(
            tx,
            p,
            "episode.close",
            h.person_id,
            format!("inskrivning {id} avslutad"),
            id,
        )
        .await
    }

    fn require_own_unit(&self, p: &Principal, h: &Head) -> Result<(), StoreError> {
        if policy::acts_for_unit(p, &h.unit) {
            Ok(())
        } else {
            Err(StoreError::Forbidden(
                "bara den enhet som har inskrivningen kan registrera i den".into(),
            ))
        }
    }

    /// Audits a change to an episode in its transaction, commits, and returns the
    /// episode as it is after.
    async fn finish_episode(
        &self,
        mut tx: Tx,
        p: &Principal,
        action: &str,
        person_id: i64,
        detail: String,
        id: i64,
    ) -> Result<EpisodeView, StoreError> {
        self.log(&mut tx, p, action, person_id, detail).await?;
        let view = load(&mut tx, id).await?;
        crate::commit(tx).await?;
        Ok(view)
    }

    pub(crate) async fn log(
        &self,
        tx: &mut Tx,
        p: &Principal,
        action: &str,
        person_id: i64,
        detail: String,
    ) -> Result<(), StoreError> {
        let mut event = event_for(p, action, Purpose::Care, Outcome::Ok);
        event.person_id = Some(person_id);
        event.detail = detail;
        audit::append(tx, &event).await?;
        Ok(())
    }
}
