//! Utskrivning, continued: a misrouted admission notice returned to the ward and sent
//! on by it to the right unit; messages escalated when nobody acknowledges them; the
//! stay's deadlines (kallelse, information transfer).

use super::{StayHead, add_message, kind, load_stay, now_local, parse_stamp, stay_head};
use crate::care::access::allowed;
use crate::care::requests::notify;
use crate::sessions::event_for;
use crate::{Store, StoreError, audit, org};
use samsyn_domain::audit::{Outcome, Purpose};
use samsyn_domain::discharge_duties::{self, Duties};
use samsyn_domain::{InvalidValue, Principal, Role, policy};
use sqlx::Row;
use time::PrimitiveDateTime;

/// The SIP meeting a kallelse calls to.
#[derive(Debug, Clone)]
pub struct SipMeeting {
    pub at: PrimitiveDateTime,
    /// A place, or a video link.
    pub place: String,
}

/// A stay's deadlines today.
pub type StayDuties = Duties;

/// A message waiting too long for its acknowledgement. No person: the stay by number.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Escalated {
    pub stay_id: i64,
    pub message_id: i64,
    pub kind: String,
    pub from_unit: String,
    pub to_unit: String,
    pub at: String,
    pub hours: i64,
}

impl Store {
    /// The receiving unit sends an admission notice that is not theirs back to the
    /// ward, with the reason; the ward then sends it to the right unit.
    pub async fn return_message(
        &self,
        p: &Principal,
        message_id: i64,
        reason: &str,
    ) -> Result<(), StoreError> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(InvalidValue::new("reason", "skriv varför meddelandet returneras").into());
        }
        let mut tx = self.begin_write().await?;
        let row = sqlx::query("SELECT stay_id, to_unit, kind, acknowledged_at, from_unit FROM discharge_messages WHERE id = $1")
            .bind(message_id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or_else(|| StoreError::NotFound("meddelandet".into()))?;
        let stay: i64 = row.try_get(0)?;
        let to: Option<String> = row.try_get(1)?;
        let (message_kind, handled, ward): (String, Option<String>, String) =
            (row.try_get(2)?, row.try_get(3)?, row.try_get(4)?);
        let h: StayHead = allowed!(
            self,
            tx,
            p,
            stay_head(&mut tx, p, stay, "discharge.return").await
        );
        let Some(here) = to.filter(|u| policy::acts_for_unit(p, u)) else {
            let _ = tx.rollback().await;
            return Err(StoreError::Forbidden(
                "meddelandet returneras av den enhet som fick det".into(),
            ));
        };
        if message_kind != kind::ADMISSION || handled.is_some() {
            let _ = tx.rollback().await;
            return Err(StoreError::OutOfOrder(
                "bara ett okvitterat inskrivningsmeddelande kan returneras".into(),
            ));
        }
        sqlx::query("UPDATE discharge_messages SET acknowledged_at = $1, acknowledged_by = $2, body = $3 WHERE id = $4 AND acknowledged_at IS NULL")
            .bind(samsyn_domain::time_fmt::now_stored())
            .bind(p.username.as_str())
            .bind(format!("Inskrivningsmeddelande (returnerat: {reason})"))
            .bind(message_id)
            .execute(&mut *tx)
            .await?;
        add_message(
            &mut tx,
            stay,
            kind::RETURNED,
            &here,
            Some(&ward),
            now_local(),
            reason,
            p.username.as_str(),
        )
        .await?;
        notify(
            &mut tx,
            &ward,
            "discharge.returnerat",
            ("stay", stay),
            &format!("Vårdtillfälle {stay}: inskrivningsmeddelandet returnerades av {here}"),
        )
        .await?;
        let mut event = event_for(p, "discharge.return", Purpose::Care, Outcome::Ok);
        event.person_id = Some(h.person_id);
        event.detail = format!("meddelande {message_id}");
        audit::append(&mut tx, &event).await?;
        crate::commit(tx).await
    }

    /// The ward sends a returned admission notice to the right unit (of the same kind
    /// as the one that returned it); the stay then belongs to that unit.
    pub async fn readdress(
        &self,
        p: &Principal,
        stay: i64,
        returned_message: i64,
        to_unit: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        let h: StayHead = allowed!(
            self,
            tx,
            p,
            stay_head(&mut tx, p, stay, "discharge.readdress").await
        );
        if !policy::acts_for_unit(p, &h.ward) {
            let _ = tx.rollback().await;
            return Err(StoreError::Forbidden(format!(
                "inskrivningsmeddelandet skickas om av {}",
                h.ward
            )));
        }
        let Some(r) = sqlx::query("SELECT from_unit, acknowledged_at FROM discharge_messages WHERE id = $1 AND stay_id = $2 AND kind = $3")
            .bind(returned_message)
            .bind(stay)
            .bind(kind::RETURNED)
            .fetch_optional(&mut *tx)
            .await?
        else {
            let _ = tx.rollback().await;
            return Err(StoreError::NotFound("det returnerade meddelandet".into()));
        };
        let (returner, handled): (String, Option<String>) = (r.try_get(0)?, r.try_get(1)?);
        if handled.is_some() {
            let _ = tx.rollback().await;
            return Err(StoreError::OutOfOrder(
                "det returnerade meddelandet är redan hanterat".into(),
            ));
        }
        let (Some(old), Some(new)) = (
            org::unit(&mut tx, &returner).await?,
            org::unit(&mut tx, to_unit).await?,
        ) else {
            let _ = tx.rollback().await;
            return Err(
                InvalidValue::new("to_unit", format!("enheten {to_unit} finns inte")).into(),
            );
        };
        if old.kind != new.kind || old.code == new.code {
            let _ = tx.rollback().await;
            return Err(
                InvalidValue::new("to_unit", "skicka till en annan enhet av samma slag").into(),
            );
        }
        let column = if returner == h.municipality {
            "municipality_unit"
        } else {
            "primary_unit"
        };
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE stays SET {column} = $1 WHERE id = $2"
        )))
        .bind(to_unit)
        .bind(stay)
        .execute(&mut *tx)
        .await?;
        sqlx::query("UPDATE discharge_messages SET acknowledged_at = $1, acknowledged_by = $2 WHERE id = $3")
            .bind(samsyn_domain::time_fmt::now_stored())
            .bind(p.username.as_str())
            .bind(returned_message)
            .execute(&mut *tx)
            .await?;
        add_message(
            &mut tx,
            stay,
            kind::ADMISSION,
            &h.ward,
            Some(to_unit),
            now_local(),
            &format!("Inskrivningsmeddelande (omadresserat från {returner})"),
            p.username.as_str(),
        )
        .await?;
        notify(
            &mut tx,
            to_unit,
            "discharge.admission",
            ("stay", stay),
            "Inskrivningsmeddelande",
        )
        .await?;
        let mut event = event_for(p, "discharge.readdress", Purpose::Care, Outcome::Ok);
        event.person_id = Some(h.person_id);
        event.detail = format!("vårdtillfälle {stay} till {to_unit}");
        audit::append(&mut tx, &event).await?;
        crate::commit(tx).await
    }

    /// Messages unacknowledged too long, for the units that sent or should receive
    /// them and for the MAS of the receiving municipality. No persons, no audit entry:
    /// stays by number only.
    pub async fn escalations(&self, p: &Principal) -> Result<Vec<Escalated>, StoreError> {
        let rows = sqlx::query(
            "SELECT m.stay_id, m.id, m.kind, m.from_unit, m.to_unit, m.at, u.party_code FROM discharge_messages m JOIN units u ON u.code = m.to_unit \
             WHERE m.acknowledged_at IS NULL ORDER BY m.at",
        )
        .fetch_all(&self.pool)
        .await?;
        let now = now_local();
        let mut out = Vec::new();
        for r in rows {
            let (from, to, party): (String, String, String) =
                (r.try_get(3)?, r.try_get(4)?, r.try_get(6)?);
            let mas = p.assignments.iter().any(|a| {
                a.role == Role::Mas && a.party.as_ref().is_some_and(|c| c.as_str() == party)
            });
            if !(policy::acts_for_unit(p, &from) || policy::acts_for_unit(p, &to) || mas) {
                continue;
            }
            let at: String = r.try_get(5)?;
            let Some(hours) =
                parse_stamp(&at).and_then(|t| discharge_duties::escalated(t, false, now))
            else {
                continue;
            };
            out.push(Escalated {
                stay_id: r.try_get(0)?,
                message_id: r.try_get(1)?,
                kind: r.try_get(2)?,
                from_unit: from,
                to_unit: to,
                at,
                hours,
            });
        }
        Ok(out)
    }

    /// A stay's deadlines on `today` (for the units of the stay; the caller has read it).
    pub async fn stay_duties(
        &self,
        stay: i64,
        today: time::Date,
    ) -> Result<StayDuties, StoreError> {
        let mut tx = self.begin_write().await?;
        let data = load_stay(&mut tx, stay).await?;
        let info: Option<String> =
            sqlx::query("SELECT MIN(at) FROM discharge_messages WHERE stay_id = $1 AND kind = $2")
                .bind(stay)
                .bind(kind::INFO)
                .fetch_one(&mut *tx)
                .await?
                .try_get(0)?;
        tx.rollback().await?;
        Ok(discharge_duties::duties(
            data.needs_sip,
            &data.events,
            info.as_deref().and_then(parse_stamp),
            today,
        ))
    }
}

/// A version of the liability rules, as stored.
#[derive(Debug, Clone)]
pub struct RuleVersion {
    pub valid_from: String,
    pub rules: samsyn_domain::discharge::LiabilityRules,
    pub created_by: String,
}

impl Store {
    /// The liability rules in force on a day: the newest version from on or before it,
    /// or the county's default (version 1) before any is stored.
    pub async fn liability_rules_on(
        &self,
        day: time::Date,
    ) -> Result<samsyn_domain::discharge::LiabilityRules, StoreError> {
        let row = sqlx::query("SELECT rules FROM liability_rule_versions WHERE valid_from <= $1 ORDER BY valid_from DESC LIMIT 1")
            .bind(samsyn_domain::time_fmt::date_text(day))
            .fetch_optional(&self.pool)
            .await?;
        match row {
            None => Ok(super::default_rules()),
            Some(r) => serde_json::from_str(&r.try_get::<String, _>(0)?)
                .map_err(|e| StoreError::Corrupt(format!("betalningsansvarets regler: {e}"))),
        }
    }

    /// The rules for a stay: those in force on the day it was first ready for discharge
    /// (or today, before that).
    pub async fn liability_rules_for_stay(
        &self,
        stay: i64,
    ) -> Result<samsyn_domain::discharge::LiabilityRules, StoreError> {
        let ready: Option<String> =
            sqlx::query("SELECT MIN(at) FROM discharge_messages WHERE stay_id = $1 AND kind = $2")
                .bind(stay)
                .bind(kind::READY)
                .fetch_one(&self.pool)
                .await?
                .try_get(0)?;
        let day = ready
            .as_deref()
            .and_then(parse_stamp)
            .map(|t| t.date())
            .unwrap_or(now_local().date());
        self.liability_rules_on(day).await
    }

    /// Every stored version, oldest first (version 1, the default, is not stored).
    pub async fn liability_rule_versions(&self) -> Result<Vec<RuleVersion>, StoreError> {
        sqlx::query(
            "SELECT valid_from, rules, created_by FROM liability_rule_versions ORDER BY valid_from",
        )
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok(RuleVersion {
                valid_from: r.try_get(0)?,
                rules: serde_json::from_str(&r.try_get::<String, _>(1)?)
                    .map_err(|e| StoreError::Corrupt(format!("betalningsansvarets regler: {e}")))?,
                created_by: r.try_get(2)?,
            })
        })
        .collect()
    }

    /// An administrator stores a new version of the rules, in force from a day after
    /// every earlier version's. Returns its version number.
    pub async fn add_liability_rules(
        &self,
        p: &Principal,
        valid_from: time::Date,
        mut rules: samsyn_domain::discharge::LiabilityRules,
    ) -> Result<i64, StoreError> {
        if !p.has_role(Role::Admin) {
            let e = StoreError::Forbidden(
                "reglerna för betalningsansvar ändras av en administratör".into(),
            );
            let _ = self
                .audit(&event_for(
                    p,
                    "liability.rules",
                    Purpose::Administration,
                    Outcome::Denied,
                ))
                .await;
            return Err(e);
        }
        rules.validate()?;
        let mut tx = self.begin_write().await?;
        let last = sqlx::query("SELECT MAX(version), MAX(valid_from) FROM liability_rule_versions")
            .fetch_one(&mut *tx)
            .await?;
        let (version, latest): (Option<i64>, Option<String>) = (last.try_get(0)?, last.try_get(1)?);
        let from = samsyn_domain::time_fmt::date_text(valid_from);
        if latest.as_deref().is_some_and(|l| from.as_str() <= l) {
            return Err(InvalidValue::new(
                "valid_from",
                format!(
                    "en ny version ska gälla efter {}",
                    latest.unwrap_or_default()
                ),
            )
            .into());
        }
        rules.version = version.unwrap_or(super::default_rules().version) + 1;
        sqlx::query("INSERT INTO liability_rule_versions (version, valid_from, rules, created_by, created_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(rules.version)
            .bind(&from)
            .bind(serde_json::to_string(&rules).map_err(|e| StoreError::Corrupt(e.to_string()))?)
            .bind(p.username.as_str())
            .bind(samsyn_domain::time_fmt::now_stored())
            .execute(&mut *tx)
            .await?;
        let mut e = event_for(p, "liability.rules", Purpose::Administration, Outcome::Ok);
        e.detail = format!("version {} från {from}", rules.version);
        audit::append(&mut tx, &e).await?;
        crate::commit(tx).await?;
        Ok(rules.version)
    }
}
