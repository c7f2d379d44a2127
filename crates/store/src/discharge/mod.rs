//! Utskrivning från slutenvård, first part: a stay with its messages (inskrivnings-
//! meddelande to the municipality and primary care, acknowledgements, fast vårdkontakt,
//! utskrivningsklar and its withdrawal, kallelse to SIP, discharge) and the payment
//! liability computed from them. Every step touches a person and is audited.

use crate::care::access::{self, Check, Refusal, allowed};
use crate::care::requests::notify;
use crate::sessions::event_for;
use crate::{Store, StoreError, Tx, audit, org};
use samsyn_domain::audit::{Outcome, Purpose};
use samsyn_domain::discharge::{self as rules, Event, Liability, LiabilityRules, Stay};
use samsyn_domain::org::UnitKind;
use samsyn_domain::person::{Housing, PersonNumber};
use samsyn_domain::{InvalidValue, PartyCode, Principal, policy};
use sqlx::Row;
use time::PrimitiveDateTime;

mod followup;
pub use followup::{Escalated, SipMeeting, StayDuties};

/// Message kinds, as stored.
pub mod kind {
    /// What users read for a kind.
    pub fn label(k: &str) -> &'static str {
        match k {
            ADMISSION => "Inskrivningsmeddelande",
            CONTACT => "Fast vårdkontakt utsedd",
            READY => "Utskrivningsklar",
            WITHDRAWN => "Utskrivningsklar återkallad",
            SIP_CALL => "Kallelse till SIP",
            DISCHARGED => "Utskriven",
            INFO => "Informationsöverföring",
            RETURNED => "Returnerat till avsändaren",
            _ => "Meddelande",
        }
    }
    pub const ADMISSION: &str = "inskrivningsmeddelande";
    pub const CONTACT: &str = "fast_vardkontakt";
    pub const READY: &str = "utskrivningsklar";
    pub const WITHDRAWN: &str = "aterkallad";
    pub const SIP_CALL: &str = "kallelse";
    pub const DISCHARGED: &str = "utskriven";
    /// The ward's information transfer, due at the latest on the day of discharge.
    pub const INFO: &str = "informationsoverforing";
    /// A receiving unit sends a misrouted admission notice back to the ward.
    pub const RETURNED: &str = "returnerat";
}

/// An admission reported by the ward.
#[derive(Debug, Clone)]
pub struct NewStay {
    pub personnummer: PersonNumber,
    pub ward_unit: String,
    pub municipality_unit: String,
    pub primary_unit: String,
    pub psychiatric: bool,
    pub needs_sip: bool,
    pub admitted_at: PrimitiveDateTime,
    /// When the inskrivningsmeddelande is sent (now, in the ward's own use).
    pub notice_at: PrimitiveDateTime,
    pub expected_discharge: Option<time::Date>,
    /// What the person has consented to (or why information is shared without it).
    pub consent: String,
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct MessageView {
    pub id: i64,
    pub kind: String,
    pub body: String,
    pub from_unit: String,
    pub to_unit: Option<String>,
    pub at: String,
    pub acknowledged: bool,
    /// For a kallelse: the SIP meeting's time and place (or video link).
    pub meeting_at: Option<String>,
    pub meeting_place: Option<String>,
    /// Hours without acknowledgement, when the message is escalated.
    pub escalated_hours: Option<i64>,
}

/// A stay with its person and messages.
#[derive(Debug, Clone, serde::Serialize)]
pub struct StayView {
    pub id: i64,
    pub personnummer: String,
    pub ward_unit: String,
    pub municipality_unit: String,
    pub primary_unit: String,
    pub psychiatric: bool,
    pub needs_sip: bool,
    pub admitted_at: String,
    pub consent: String,
    pub messages: Vec<MessageView>,
}

/// Discharge on the dashboard: (party name, days as utskrivningsklar per month, late
/// admission notices).
#[derive(Debug, Clone, Default)]
pub struct DischargeFigures {
    pub per_party: Vec<(String, [i64; 12], i64)>,
}

/// A stay in a list: no person.
#[derive(Debug, Clone, serde::Serialize)]
pub struct StaySummary {
    pub id: i64,
    pub ward_unit: String,
    pub municipality_unit: String,
    pub primary_unit: String,
    pub admitted_at: String,
    pub unacknowledged: i64,
    /// The admission notice was sent this many hours after admission, when more than
    /// the 24 the process allows.
    pub late_hours: Option<i64>,
}

/// The admission notice is due within this many hours of admission.
pub const NOTICE_HOURS: i64 = 24;

/// The county's default rules until the agreement holds its own (version 1): three
/// calendar days in somatic care, thirty in psychiatry, notices from noon count from
/// the next day.
pub fn default_rules() -> LiabilityRules {
    LiabilityRules {
        version: 1,
        somatic: rules::FreePeriod {
            kind: rules::DayKind::Calendar,
            days: 3,
        },
        psychiatric: rules::FreePeriod {
            kind: rules::DayKind::Calendar,
            days: 30,
        },
        cutoff_hour: 12,
        daily_rates: vec![(2024, 912_500), (2025, 942_000), (2026, 968_000)],
    }
}

/// The local (Swedish) time now, to the minute.
pub fn now_local() -> PrimitiveDateTime {
    let now = time::OffsetDateTime::now_utc();
    let local = now.to_offset(samsyn_domain::time_fmt::swedish_offset(now));
    PrimitiveDateTime::new(
        local.date(),
        time::Time::from_hms(local.hour(), local.minute(), 0).unwrap_or(time::Time::MIDNIGHT),
    )
}

/// A local time as stored and shown, `YYYY-MM-DD HH:MM`.
pub fn parse_local(s: &str) -> Option<PrimitiveDateTime> {
    parse_stamp(s.trim())
}

pub fn format_local(t: PrimitiveDateTime) -> String {
    stamp(t)
}

const STAMP: &[time::format_description::FormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]");

fn stamp(t: PrimitiveDateTime) -> String {
    t.format(STAMP).unwrap_or_default()
}

fn parse_stamp(s: &str) -> Option<PrimitiveDateTime> {
    PrimitiveDateTime::parse(s, STAMP).ok()
}

struct StayHead {
    person_id: i64,
    ward: String,
    municipality: String,
    primary: String,
}

async fn stay_head(
    tx: &mut Tx,
    p: &Principal,
    id: i64,
    action: &'static str,
) -> Result<StayHead, Check> {
    let row = sqlx::query(
        "SELECT person_id, ward_unit, municipality_unit, primary_unit FROM stays WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&mut **tx)
    .await?;
    let Some(r) = row else {
        return Err(Check::Refused(Refusal {
            action,
            person_id: None,
            what: "vårdtillfället",
        }));
    };
    let h = StayHead {
        person_id: r.try_get(0)?,
        ward: r.try_get(1)?,
        municipality: r.try_get(2)?,
        primary: r.try_get(3)?,
    };
    if policy::can_read_person(p, &access::related_units(tx, h.person_id).await?) {
        Ok(h)
    } else {
        Err(Check::Refused(Refusal {
            action,
            person_id: Some(h.person_id),
            what: "vårdtillfället",
        }))
    }
}

#[allow(clippy::too_many_arguments)] // one column each; a struct would only rename them
async fn add_message(
    tx: &mut Tx,
    stay: i64,
    kind: &str,
    from: &str,
    to: Option<&str>,
    at: PrimitiveDateTime,
    body: &str,
    by: &str,
) -> Result<i64, StoreError> {
    Ok(sqlx::query(
        "INSERT INTO discharge_messages (stay_id, kind, from_unit, to_unit, at, body, sent_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(stay)
    .bind(kind)
    .bind(from)
    .bind(to)
    .bind(stamp(at))
    .bind(body)
    .bind(by)
    .fetch_one(&mut **tx)
    .await?
    .try_get(0)?)
}

fn unit_of_kind(
    u: &org::Unit,
    kinds: &[UnitKind],
    field: &'static str,
    what: &str,
) -> Result<(), InvalidValue> {
    if kinds.iter().any(|k| k.as_str() == u.kind) {
        Ok(())
    } else {
        Err(InvalidValue::new(
            field,
            format!("{} är ingen {what}", u.code),
        ))
    }
}

/// A stored stay as the liability rules need it.
async fn load_stay(tx: &mut Tx, stay: i64) -> Result<Stay, StoreError> {
    let s = sqlx::query("SELECT psychiatric, needs_sip FROM stays WHERE id = $1")
        .bind(stay)
        .fetch_one(&mut **tx)
        .await?;
    let rows = sqlx::query("SELECT kind, at FROM discharge_messages WHERE stay_id = $1")
        .bind(stay)
        .fetch_all(&mut **tx)
        .await?;
    let mut events = Vec::new();
    for row in rows {
        let k: String = row.try_get(0)?;
        let Some(at) = parse_stamp(&row.try_get::<String, _>(1)?) else {
            continue;
        };
        events.push(match k.as_str() {
            kind::ADMISSION => Event::AdmissionNotice(at),
            kind::CONTACT => Event::ContactAppointed(at),
            kind::SIP_CALL => Event::SipCallSent(at),
            kind::READY => Event::Ready(at),
            kind::WITHDRAWN => Event::ReadyWithdrawn(at),
            kind::DISCHARGED => Event::Discharged(at),
            _ => continue,
        });
    }
    Ok(Stay {
        psychiatric: s.try_get::<i64, _>(0)? != 0,
        needs_sip: s.try_get::<i64, _>(1)? != 0,
        events,
    })
}

impl Store {
    /// Every stay whose home care belongs to the municipality, with its liability under
    /// the rules: the basis of the monthly statement. No persons: stays by number and ward.
    pub async fn municipality_liabilities(
        &self,
        municipality: &str,
        r: &LiabilityRules,
    ) -> Result<Vec<(String, Liability)>, StoreError> {
        self.liabilities_of(municipality, Some(r)).await
    }

    /// As [`Store::municipality_liabilities`], each stay under the rules in force on
    /// the day it was first ready for discharge.
    pub async fn municipality_liabilities_in_force(
        &self,
        municipality: &str,
    ) -> Result<Vec<(String, Liability)>, StoreError> {
        self.liabilities_of(municipality, None).await
    }

    async fn liabilities_of(
        &self,
        municipality: &str,
        fixed: Option<&LiabilityRules>,
    ) -> Result<Vec<(String, Liability)>, StoreError> {
        let mut tx = self.begin_write().await?;
        let stays = sqlx::query(
            "SELECT s.id, s.ward_unit FROM stays s JOIN units u ON u.code = s.municipality_unit WHERE u.party_code = $1 ORDER BY s.id",
        )
        .bind(municipality)
        .fetch_all(&mut *tx)
        .await?;
        let mut out = Vec::new();
        for row in stays {
            let id: i64 = row.try_get(0)?;
            let ward: String = row.try_get(1)?;
            let stay = load_stay(&mut tx, id).await?;
            let in_force;
            let r = match fixed {
                Some(r) => r,
                None => {
                    in_force = self.liability_rules_for_stay(id).await?;
                    &in_force
                }
            };
            out.push((
                format!("Vårdtillfälle {id} ({ward}, regler version {})", r.version),
                rules::liability(&stay, r),
            ));
        }
        tx.rollback().await?;
        Ok(out)
    }

    /// Days as utskrivningsklar per municipality (the home care's party) and month of the
    /// year, and admission notices sent late (more than 24 hours after admission).
    /// Counts only, no persons.
    pub async fn discharge_figures(
        &self,
        year: i32,
        parties: Option<&[String]>,
    ) -> Result<DischargeFigures, StoreError> {
        let mut tx = self.begin_write().await?;
        let stays = sqlx::query(
            "SELECT s.id, u.party_code, pa.name, s.admitted_at, \
             (SELECT MIN(m.at) FROM discharge_messages m WHERE m.stay_id = s.id AND m.kind = 'inskrivningsmeddelande') \
             FROM stays s JOIN units u ON u.code = s.municipality_unit JOIN parties pa ON pa.code = u.party_code ORDER BY s.id",
        )
        .fetch_all(&mut *tx)
        .await?;
        let today = time::OffsetDateTime::now_utc().date();
        let mut per_party: std::collections::BTreeMap<String, (String, [i64; 12], i64)> =
            Default::default();
        for row in stays {
            let party: String = row.try_get(1)?;
            if parties.is_some_and(|ps| !ps.contains(&party)) {
                continue;
            }
            let name: String = row.try_get(2)?;
            let entry = per_party.entry(party).or_insert_with(|| (name, [0; 12], 0));
            let admitted = parse_stamp(&row.try_get::<String, _>(3)?);
            let notice = row
                .try_get::<Option<String>, _>(4)?
                .as_deref()
                .and_then(parse_stamp);
            if let (Some(a), Some(n)) = (admitted, notice)
                && a.year() == year
                && (n - a).whole_hours() > NOTICE_HOURS
            {
                entry.2 += 1;
            }
            let stay = load_stay(&mut tx, row.try_get(0)?).await?;
            for d in rules::ready_days(&stay, today) {
                if d.year() == year {
                    entry.1[d.month() as usize - 1] += 1;
                }
            }
        }
        tx.rollback().await?;
        Ok(DischargeFigures {
            per_party: per_party
                .into_values()
                .filter(|(_, days, late)| *late > 0 || days.iter().any(|d| *d > 0))
                .collect(),
        })
    }

    /// The ward reports an admission: the stay, and the inskrivningsmeddelande to the
    /// municipality's home care and the primary-care unit.
    pub async fn admit(&self, p: &Principal, s: NewStay) -> Result<i64, StoreError> {
        if !policy::acts_for_unit(p, &s.ward_unit) {
            return Err(StoreError::Forbidden(
                "inskrivningsmeddelandet skickas av personal på avdelningen".into(),
            ));
        }
        let mut tx = self.begin_write().await?;
        let mut units = Vec::new();
        for (field, code) in [
            ("ward_unit", &s.ward_unit),
            ("municipality_unit", &s.municipality_unit),
            ("primary_unit", &s.primary_unit),
        ] {
            let u = org::unit(&mut tx, code)
                .await?
                .ok_or_else(|| InvalidValue::new(field, format!("enheten {code} finns inte")))?;
            units.push(u);
        }
        unit_of_kind(
            &units[0],
            &[
                UnitKind::Vardavdelning,
                UnitKind::Psykiatri,
                UnitKind::Specialistklinik,
            ],
            "ward_unit",
            "vårdavdelning",
        )?;
        unit_of_kind(
            &units[1],
            &[UnitKind::Hemsjukvard],
            "municipality_unit",
            "kommunal hemsjukvård",
        )?;
        unit_of_kind(
            &units[2],
            &[UnitKind::Vardcentral],
            "primary_unit",
            "vårdcentral",
        )?;
        let municipality = PartyCode::parse(&units[1].party)?;
        let person_id = crate::care::persons::ensure(
            &mut tx,
            &s.personnummer,
            &municipality,
            Housing::Ordinary,
        )
        .await?;
        if s.notice_at < s.admitted_at {
            return Err(InvalidValue::new(
                "notice_at",
                "meddelandet kan inte skickas före inskrivningen",
            )
            .into());
        }
        let id: i64 = sqlx::query(
            "INSERT INTO stays (person_id, ward_unit, municipality_unit, primary_unit, psychiatric, needs_sip, admitted_at, expected_discharge, consent, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
        )
        .bind(person_id)
        .bind(&s.ward_unit)
        .bind(&s.municipality_unit)
        .bind(&s.primary_unit)
        .bind(s.psychiatric as i64)
        .bind(s.needs_sip as i64)
        .bind(stamp(s.admitted_at))
        .bind(s.expected_discharge.map(samsyn_domain::time_fmt::date_text))
        .bind(s.consent.trim())
        .bind(p.username.as_str())
        .bind(samsyn_domain::time_fmt::now_stored())
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
        for to in [&s.municipality_unit, &s.primary_unit] {
            add_message(
                &mut tx,
                id,
                kind::ADMISSION,
                &s.ward_unit,
                Some(to),
                s.notice_at,
                "Inskrivningsmeddelande",
                p.username.as_str(),
            )
            .await?;
            notify(
                &mut tx,
                to,
                "discharge.admission",
                ("stay", id),
                "Nytt inskrivningsmeddelande",
            )
            .await?;
        }
        let mut event = event_for(p, "stay.admit", Purpose::Care, Outcome::Ok);
        event.person_id = Some(person_id);
        event.detail = format!("vårdtillfälle {id}");
        audit::append(&mut tx, &event).await?;
        crate::commit(tx).await?;
        Ok(id)
    }

    /// A receiving unit acknowledges a message; of two acknowledging at once, exactly
    /// one is recorded (the other is told it was already acknowledged).
    pub async fn acknowledge(&self, p: &Principal, message_id: i64) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        let row = sqlx::query("SELECT stay_id, to_unit FROM discharge_messages WHERE id = $1")
            .bind(message_id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or_else(|| StoreError::NotFound("meddelandet".into()))?;
        let stay: i64 = row.try_get(0)?;
        let to: Option<String> = row.try_get(1)?;
        let h = allowed!(
            self,
            tx,
            p,
            stay_head(&mut tx, p, stay, "discharge.acknowledge").await
        );
        if !to.as_deref().is_some_and(|u| policy::acts_for_unit(p, u)) {
            let _ = tx.rollback().await;
            return Err(StoreError::Forbidden(
                "meddelandet kvitteras av den mottagande enheten".into(),
            ));
        }
        let changed = sqlx::query(
            "UPDATE discharge_messages SET acknowledged_at = $1, acknowledged_by = $2 WHERE id = $3 AND acknowledged_at IS NULL",
        )
        .bind(samsyn_domain::time_fmt::now_stored())
        .bind(p.username.as_str())
        .bind(message_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            let _ = tx.rollback().await;
            return Err(StoreError::Conflict(
                "meddelandet är redan kvitterat".into(),
            ));
        }
        let mut event = event_for(p, "discharge.acknowledge", Purpose::Care, Outcome::Ok);
        event.person_id = Some(h.person_id);
        event.detail = format!("meddelande {message_id}");
        audit::append(&mut tx, &event).await?;
        crate::commit(tx).await
    }

    /// A receiving unit that got an admission notice meant for another unit forwards it
    /// there: the stay then belongs to the right unit (and no longer to the forwarder),
    /// the original is marked handled, and the new receiver gets the notice.
    pub async fn forward(
        &self,
        p: &Principal,
        message_id: i64,
        to_unit: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        let row = sqlx::query("SELECT stay_id, to_unit, kind, acknowledged_at, from_unit FROM discharge_messages WHERE id = $1")
            .bind(message_id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or_else(|| StoreError::NotFound("meddelandet".into()))?;
        let stay: i64 = row.try_get(0)?;
        let current: Option<String> = row.try_get(1)?;
        let message_kind: String = row.try_get(2)?;
        let handled: Option<String> = row.try_get(3)?;
        let from: String = row.try_get(4)?;
        let h = allowed!(
            self,
            tx,
            p,
            stay_head(&mut tx, p, stay, "discharge.forward").await
        );
        let Some(current) = current.filter(|u| policy::acts_for_unit(p, u)) else {
            let _ = tx.rollback().await;
            return Err(StoreError::Forbidden(
                "meddelandet vidarebefordras av den enhet som fick det".into(),
            ));
        };
        if message_kind != kind::ADMISSION || handled.is_some() {
            let _ = tx.rollback().await;
            return Err(StoreError::OutOfOrder(
                "bara ett okvitterat inskrivningsmeddelande kan vidarebefordras".into(),
            ));
        }
        let (Some(here), Some(there)) = (
            org::unit(&mut tx, &current).await?,
            org::unit(&mut tx, to_unit).await?,
        ) else {
            let _ = tx.rollback().await;
            return Err(
                InvalidValue::new("to_unit", format!("enheten {to_unit} finns inte")).into(),
            );
        };
        if here.kind != there.kind || here.code == there.code {
            let _ = tx.rollback().await;
            return Err(InvalidValue::new(
                "to_unit",
                "vidarebefordra till en annan enhet av samma slag",
            )
            .into());
        }
        let column = if current == h.municipality {
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
        let note = format!("vidarebefordrat till {to_unit}");
        sqlx::query("UPDATE discharge_messages SET acknowledged_at = $1, acknowledged_by = $2, body = $3 WHERE id = $4 AND acknowledged_at IS NULL")
            .bind(samsyn_domain::time_fmt::now_stored())
            .bind(p.username.as_str())
            .bind(format!("Inskrivningsmeddelande ({note})"))
            .bind(message_id)
            .execute(&mut *tx)
            .await?;
        let at = sqlx::query("SELECT at FROM discharge_messages WHERE id = $1")
            .bind(message_id)
            .fetch_one(&mut *tx)
            .await?
            .try_get::<String, _>(0)?;
        let at = parse_stamp(&at).ok_or_else(|| StoreError::Corrupt("meddelandets tid".into()))?;
        add_message(
            &mut tx,
            stay,
            kind::ADMISSION,
            &from,
            Some(to_unit),
            at,
            &format!("Inskrivningsmeddelande (vidarebefordrat från {current})"),
            p.username.as_str(),
        )
        .await?;
        notify(
            &mut tx,
            to_unit,
            "discharge.admission",
            ("stay", stay),
            "Vidarebefordrat inskrivningsmeddelande",
        )
        .await?;
        let mut event = event_for(p, "discharge.forward", Purpose::Care, Outcome::Ok);
        event.person_id = Some(h.person_id);
        event.detail = format!("meddelande {message_id} till {to_unit}");
        audit::append(&mut tx, &event).await?;
        crate::commit(tx).await
    }

    /// A step of the discharge process by the unit whose step it is: the primary-care
    /// unit appoints the fast vårdkontakt and sends the SIP kallelse, the ward gives
    /// and withdraws the utskrivningsklar notice and discharges.
    pub async fn discharge_step(
        &self,
        p: &Principal,
        stay: i64,
        step: &str,
        at: PrimitiveDateTime,
        body: &str,
    ) -> Result<(), StoreError> {
        self.discharge_step_with(p, stay, step, at, body, None)
            .await
    }

    /// A step, with the SIP meeting when the step is a kallelse (required then).
    pub async fn discharge_step_with(
        &self,
        p: &Principal,
        stay: i64,
        step: &str,
        at: PrimitiveDateTime,
        body: &str,
        sip: Option<SipMeeting>,
    ) -> Result<(), StoreError> {
        if step == kind::SIP_CALL && sip.as_ref().is_none_or(|m| m.place.trim().is_empty()) {
            return Err(InvalidValue::new(
                "meeting_place",
                "kallelsen ska ange SIP-mötets tid och plats eller videolänk",
            )
            .into());
        }
        let mut tx = self.begin_write().await?;
        let h = allowed!(
            self,
            tx,
            p,
            stay_head(&mut tx, p, stay, "discharge.step").await
        );
        let (from, to) = match step {
            kind::CONTACT | kind::SIP_CALL => (h.primary.clone(), Some(h.municipality.clone())),
            kind::READY | kind::WITHDRAWN | kind::DISCHARGED | kind::INFO => {
                (h.ward.clone(), Some(h.municipality.clone()))
            }
            other => {
                let _ = tx.rollback().await;
                return Err(InvalidValue::new("step", format!("okänt steg «{other}»")).into());
            }
        };
        if !policy::acts_for_unit(p, &from) {
            let _ = tx.rollback().await;
            return Err(StoreError::Forbidden(format!("steget tas av {from}")));
        }
        let kinds: Vec<String> =
            sqlx::query("SELECT kind FROM discharge_messages WHERE stay_id = $1 ORDER BY at, id")
                .bind(stay)
                .fetch_all(&mut *tx)
                .await?
                .iter()
                .map(|r| r.try_get(0))
                .collect::<Result<_, _>>()?;
        let ready_open = kinds
            .iter()
            .rev()
            .find(|k| *k == kind::READY || *k == kind::WITHDRAWN)
            .is_some_and(|k| k == kind::READY);
        if step != kind::INFO && kinds.iter().any(|k| k == kind::DISCHARGED) {
            let _ = tx.rollback().await;
            return Err(StoreError::OutOfOrder("personen är redan utskriven".into()));
        }
        if step == kind::WITHDRAWN && !ready_open {
            let _ = tx.rollback().await;
            return Err(StoreError::OutOfOrder(
                "det finns inget utskrivningsklarmeddelande att återkalla".into(),
            ));
        }
        if step == kind::READY && ready_open {
            let _ = tx.rollback().await;
            return Err(StoreError::OutOfOrder(
                "personen är redan meddelad utskrivningsklar".into(),
            ));
        }
        let id = add_message(
            &mut tx,
            stay,
            step,
            &from,
            to.as_deref(),
            at,
            body.trim(),
            p.username.as_str(),
        )
        .await?;
        if let Some(m) = &sip {
            sqlx::query(
                "UPDATE discharge_messages SET meeting_at = $1, meeting_place = $2 WHERE id = $3",
            )
            .bind(stamp(m.at))
            .bind(m.place.trim())
            .bind(id)
            .execute(&mut *tx)
            .await?;
        }
        if step == kind::INFO {
            // primary care gets the information too
            add_message(
                &mut tx,
                stay,
                step,
                &from,
                Some(&h.primary),
                at,
                body.trim(),
                p.username.as_str(),
            )
            .await?;
            notify(
                &mut tx,
                &h.primary,
                "discharge.informationsoverforing",
                ("stay", stay),
                &format!("Vårdtillfälle {stay}: informationsöverföring"),
            )
            .await?;
        }
        if let Some(t) = &to {
            notify(
                &mut tx,
                t,
                &format!("discharge.{step}"),
                ("stay", stay),
                &format!("Vårdtillfälle {stay}: {step}"),
            )
            .await?;
        }
        let mut event = event_for(p, &format!("discharge.{step}"), Purpose::Care, Outcome::Ok);
        event.person_id = Some(h.person_id);
        event.detail = format!("vårdtillfälle {stay}");
        audit::append(&mut tx, &event).await?;
        crate::commit(tx).await
    }

    /// The stay as its units see it: the person, the units and the messages. Audited.
    pub async fn stay(&self, p: &Principal, stay: i64) -> Result<StayView, StoreError> {
        let messages = self.stay_messages(p, stay).await?;
        let r = sqlx::query(
            "SELECT pe.personnummer, s.ward_unit, s.municipality_unit, s.primary_unit, s.psychiatric, s.needs_sip, s.admitted_at, s.consent \
             FROM stays s JOIN persons pe ON pe.id = s.person_id WHERE s.id = $1",
        )
        .bind(stay)
        .fetch_one(&self.pool)
        .await?;
        Ok(StayView {
            id: stay,
            personnummer: r.try_get(0)?,
            ward_unit: r.try_get(1)?,
            municipality_unit: r.try_get(2)?,
            primary_unit: r.try_get(3)?,
            psychiatric: r.try_get::<i64, _>(4)? != 0,
            needs_sip: r.try_get::<i64, _>(5)? != 0,
            admitted_at: r.try_get(6)?,
            consent: r.try_get(7)?,
            messages,
        })
    }

    /// The stays of the principal's units, newest first, without persons.
    pub async fn stays_for(&self, p: &Principal) -> Result<Vec<StaySummary>, StoreError> {
        let rows = sqlx::query(
            "SELECT s.id, s.ward_unit, s.municipality_unit, s.primary_unit, s.admitted_at, \
             (SELECT COUNT(*) FROM discharge_messages m WHERE m.stay_id = s.id AND m.acknowledged_at IS NULL AND m.kind = 'inskrivningsmeddelande'), \
             (SELECT MIN(m.at) FROM discharge_messages m WHERE m.stay_id = s.id AND m.kind = 'inskrivningsmeddelande') \
             FROM stays s ORDER BY s.id DESC LIMIT 500",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::new();
        for r in rows {
            let units: [String; 3] = [r.try_get(1)?, r.try_get(2)?, r.try_get(3)?];
            if !units.iter().any(|u| policy::acts_for_unit(p, u)) {
                continue;
            }
            let [ward_unit, municipality_unit, primary_unit] = units;
            let admitted: String = r.try_get(4)?;
            let notice: Option<String> = r.try_get(6)?;
            let late_hours = match (
                parse_stamp(&admitted),
                notice.as_deref().and_then(parse_stamp),
            ) {
                (Some(a), Some(n)) => Some((n - a).whole_hours()).filter(|h| *h > NOTICE_HOURS),
                _ => None,
            };
            out.push(StaySummary {
                id: r.try_get(0)?,
                ward_unit,
                municipality_unit,
                primary_unit,
                admitted_at: admitted,
                unacknowledged: r.try_get(5)?,
                late_hours,
            });
        }
        Ok(out)
    }

    /// The stay's messages, for the units involved.
    pub async fn stay_messages(
        &self,
        p: &Principal,
        stay: i64,
    ) -> Result<Vec<MessageView>, StoreError> {
        let mut tx = self.begin_write().await?;
        let h = allowed!(self, tx, p, stay_head(&mut tx, p, stay, "stay.read").await);
        let rows = sqlx::query("SELECT id, kind, from_unit, to_unit, at, acknowledged_at, body, meeting_at, meeting_place FROM discharge_messages WHERE stay_id = $1 ORDER BY at, id")
            .bind(stay)
            .fetch_all(&mut *tx)
            .await?;
        let out = rows
            .iter()
            .map(|r| {
                let at: String = r.try_get(4)?;
                let acknowledged = r.try_get::<Option<String>, _>(5)?.is_some();
                let to: Option<String> = r.try_get(3)?;
                Ok(MessageView {
                    id: r.try_get(0)?,
                    kind: r.try_get(1)?,
                    from_unit: r.try_get(2)?,
                    escalated_hours: parse_stamp(&at).and_then(|t| {
                        samsyn_domain::discharge_duties::escalated(
                            t,
                            acknowledged || to.is_none(),
                            now_local(),
                        )
                    }),
                    to_unit: to,
                    at,
                    acknowledged,
                    body: r.try_get(6)?,
                    meeting_at: r.try_get(7)?,
                    meeting_place: r.try_get(8)?,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        let mut event = event_for(p, "stay.read", Purpose::Care, Outcome::Ok);
        event.person_id = Some(h.person_id);
        event.detail = format!("vårdtillfälle {stay}");
        audit::append(&mut tx, &event).await?;
        crate::commit(tx).await?;
        Ok(out)
    }

    /// The municipality's payment liability for a stay under the rules.
    pub async fn stay_liability(
        &self,
        p: &Principal,
        stay: i64,
        r: &LiabilityRules,
    ) -> Result<Liability, StoreError> {
        let mut tx = self.begin_write().await?;
        let h = allowed!(
            self,
            tx,
            p,
            stay_head(&mut tx, p, stay, "stay.liability").await
        );
        let stay_data = load_stay(&mut tx, stay).await?;
        let mut event = event_for(p, "stay.liability", Purpose::Care, Outcome::Ok);
        event.person_id = Some(h.person_id);
        event.detail = format!("vårdtillfälle {stay}");
        audit::append(&mut tx, &event).await?;
        crate::commit(tx).await?;
        Ok(rules::liability(&stay_data, r))
    }
}
