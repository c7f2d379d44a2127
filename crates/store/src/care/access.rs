//! The care relationship: which units may see a person, decided by the domain policy.

use crate::{Store, StoreError, Tx};
use samsyn_domain::Principal;
use samsyn_domain::audit::{Outcome, Purpose};
use samsyn_domain::policy::{self, RelatedUnit};
use sqlx::Row;

/// The units with a care relationship to the person, with their parties.
pub async fn related_units(tx: &mut Tx, person_id: i64) -> Result<Vec<RelatedUnit>, StoreError> {
    let rows = sqlx::query(
        "SELECT code, party_code FROM units WHERE code IN ( \
           SELECT from_unit FROM care_requests WHERE person_id = $1 \
           UNION SELECT to_unit FROM care_requests WHERE person_id = $1 \
           UNION SELECT unit_code FROM episodes WHERE person_id = $1 \
           UNION SELECT pp.unit_code FROM plan_participants pp JOIN plans p ON p.id = pp.plan_id WHERE p.person_id = $1 \
           UNION SELECT ward_unit FROM stays WHERE person_id = $1 \
           UNION SELECT municipality_unit FROM stays WHERE person_id = $1 \
           UNION SELECT primary_unit FROM stays WHERE person_id = $1)",
    )
    .bind(person_id)
    .fetch_all(&mut **tx)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(RelatedUnit {
                unit: r.try_get(0)?,
                party: r.try_get(1)?,
            })
        })
        .collect()
}

/// A refused attempt, to be logged after the transaction that found it is rolled back.
#[derive(Debug)]
pub struct Refusal {
    pub action: &'static str,
    pub person_id: Option<i64>,
    pub what: &'static str,
}

/// The result of an access check: refused, or a store failure.
#[derive(Debug)]
pub enum Check {
    Refused(Refusal),
    Store(StoreError),
}

impl<E: Into<StoreError>> From<E> for Check {
    fn from(e: E) -> Self {
        Check::Store(e.into())
    }
}

/// Unwraps an access check inside a `Store` method holding `tx`: a refusal rolls the
/// transaction back, logs the denial on its own and answers "not found".
macro_rules! allowed {
    ($store:expr, $tx:ident, $p:expr, $check:expr) => {
        match $check {
            Ok(v) => v,
            Err($crate::care::access::Check::Refused(r)) => {
                return Err($store.refuse($tx, $p, r).await)
            }
            Err($crate::care::access::Check::Store(e)) => return Err(e),
        }
    };
}
pub(crate) use allowed;

/// Checks that the principal may see the person.
pub async fn require_person(
    tx: &mut Tx,
    p: &Principal,
    person_id: i64,
    action: &'static str,
) -> Result<(), Check> {
    let related = related_units(tx, person_id).await?;
    if policy::can_read_person(p, &related) {
        Ok(())
    } else {
        Err(Check::Refused(Refusal {
            action,
            person_id: Some(person_id),
            what: "personen",
        }))
    }
}

impl Store {
    /// Rolls back the transaction that found a refusal, then logs it.
    pub async fn refuse(&self, tx: Tx, p: &Principal, r: Refusal) -> StoreError {
        let _ = tx.rollback().await;
        self.deny(p, r.action, r.person_id, r.what).await
    }

    /// Logs a refused attempt in a transaction of its own and answers "not found", so a
    /// unit without a relationship learns nothing about whether the thing exists.
    pub async fn deny(
        &self,
        p: &Principal,
        action: &str,
        person_id: Option<i64>,
        what: &str,
    ) -> StoreError {
        let mut event = crate::sessions::event_for(p, action, Purpose::Care, Outcome::Denied);
        event.person_id = person_id;
        event.detail = "ingen vårdrelation".into();
        if let Err(e) = self.audit(&event).await {
            return e;
        }
        StoreError::NotFound(what.into())
    }
}
