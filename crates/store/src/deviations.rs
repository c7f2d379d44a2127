//! Avvikelser i samverkan: report, route to the responsible unit, answer, feedback,
//! close with measures; anonymous summaries per county part and quarter. A report
//! linked to a care request carries its person, shown only to those with a care
//! relationship; every read and write of such a report is in the audit log.

use crate::care::access::{self, Check, Refusal, allowed};
use crate::care::requests::notify;
use crate::sessions::event_for;
use crate::{Store, StoreError, Tx, audit, org};
use samsyn_domain::audit::{Outcome, Purpose};
use samsyn_domain::deviation::{self, Category, Severity, State, Step};
use samsyn_domain::{InvalidValue, Principal, policy};
use sqlx::Row;

/// A deviation to report, already parsed.
#[derive(Debug, Clone)]
pub struct NewDeviation {
    pub reporter_unit: String,
    pub responsible_unit: String,
    pub category: Category,
    pub severity: Severity,
    pub occurred_on: time::Date,
    pub description: String,
    pub request_id: Option<i64>,
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct DeviationView {
    pub id: i64,
    pub reporter_unit: String,
    pub responsible_unit: String,
    pub category: String,
    pub severity: String,
    pub occurred_on: String,
    pub description: String,
    pub request_id: Option<i64>,
    /// The person's personnummer, for those with a care relationship; otherwise null
    /// (and `person_hidden` true).
    pub person: Option<String>,
    pub person_hidden: bool,
    pub state: String,
    pub answer: Option<String>,
    pub feedback: Option<String>,
    pub measures: Option<String>,
    pub reported_at: String,
}

/// Deviations on the dashboard: counts only.
#[derive(Debug, Clone, Default)]
pub struct DeviationFigures {
    pub per_month: [i64; 12],
    /// (party code, party name, counts in the order of `Category::ALL`)
    pub per_party: Vec<(String, String, Vec<i64>)>,
}

/// A deviation in a list: no description, no person.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DeviationListItem {
    pub id: i64,
    pub reporter_unit: String,
    pub responsible_unit: String,
    pub category: String,
    pub severity: String,
    pub state: String,
    pub occurred_on: String,
}

/// Anonymous counts: county part, quarter, category, number of reports.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct SummaryRow {
    pub county_part: String,
    pub quarter: u8,
    pub category: String,
    pub reports: i64,
}

fn text(field: &'static str, t: &str, what: &str) -> Result<String, InvalidValue> {
    let t = t.trim();
    if t.is_empty() {
        return Err(InvalidValue::new(field, format!("{what} saknas")));
    }
    if t.chars().count() > 10_000 {
        return Err(InvalidValue::new(
            field,
            format!("{what} får ha högst 10 000 tecken"),
        ));
    }
    Ok(t.to_owned())
}

struct Head {
    reporter: (String, String),
    responsible: (String, String),
    person_id: Option<i64>,
    state: State,
}

async fn head(tx: &mut Tx, id: i64) -> Result<Option<Head>, StoreError> {
    let Some(r) = sqlx::query(
        "SELECT d.reporter_unit, ru.party_code, d.responsible_unit, su.party_code, d.person_id, d.state \
         FROM deviations d JOIN units ru ON ru.code = d.reporter_unit JOIN units su ON su.code = d.responsible_unit WHERE d.id = $1",
    )
    .bind(id)
    .fetch_optional(&mut **tx)
    .await?
    else {
        return Ok(None);
    };
    Ok(Some(Head {
        reporter: (r.try_get(0)?, r.try_get(1)?),
        responsible: (r.try_get(2)?, r.try_get(3)?),
        person_id: r.try_get(4)?,
        state: State::parse(&r.try_get::<String, _>(5)?)?,
    }))
}

async fn visible(tx: &mut Tx, p: &Principal, id: i64, action: &'static str) -> Result<Head, Check> {
    match head(tx, id).await? {
        Some(h)
            if deviation::can_see(
                p,
                (&h.reporter.0, &h.reporter.1),
                (&h.responsible.0, &h.responsible.1),
            ) =>
        {
            Ok(h)
        }
        other => Err(Check::Refused(Refusal {
            action,
            person_id: other.and_then(|h| h.person_id),
            what: "avvikelsen",
        })),
    }
}

async fn view(tx: &mut Tx, p: &Principal, id: i64) -> Result<DeviationView, StoreError> {
    let r = sqlx::query(
        "SELECT d.id, d.reporter_unit, d.responsible_unit, d.category, d.severity, d.occurred_on, d.description, d.request_id, \
         pe.personnummer, d.state, d.answer, d.feedback, d.measures, d.reported_at, d.person_id \
         FROM deviations d LEFT JOIN persons pe ON pe.id = d.person_id WHERE d.id = $1",
    )
    .bind(id)
    .fetch_one(&mut **tx)
    .await?;
    let person_id: Option<i64> = r.try_get(14)?;
    let sees_person = match person_id {
        Some(pid) => policy::can_read_person(p, &access::related_units(tx, pid).await?),
        None => false,
    };
    Ok(DeviationView {
        id: r.try_get(0)?,
        reporter_unit: r.try_get(1)?,
        responsible_unit: r.try_get(2)?,
        category: r.try_get(3)?,
        severity: r.try_get(4)?,
        occurred_on: r.try_get(5)?,
        description: r.try_get(6)?,
        request_id: r.try_get(7)?,
        person: if sees_person { r.try_get(8)? } else { None },
        person_hidden: person_id.is_some() && !sees_person,
        state: r.try_get(9)?,
        answer: r.try_get(10)?,
        feedback: r.try_get(11)?,
        measures: r.try_get(12)?,
        reported_at: r.try_get(13)?,
    })
}

impl Store {
    /// Reports a deviation from the reporter's own unit to the unit responsible for it.
    pub async fn report_deviation(
        &self,
        p: &Principal,
        d: NewDeviation,
    ) -> Result<DeviationView, StoreError> {
        let description = deviation::description(&d.description)?;
        if !deviation::acts_for(p, &d.reporter_unit) {
            return Err(StoreError::Forbidden(format!(
                "du kan bara rapportera från din egen enhet, inte från {}",
                d.reporter_unit
            )));
        }
        if d.reporter_unit == d.responsible_unit {
            return Err(InvalidValue::new(
                "responsible_unit",
                "en avvikelse i samverkan gäller en annan enhet än din egen",
            )
            .into());
        }
        if d.occurred_on > time::OffsetDateTime::now_utc().date() {
            return Err(InvalidValue::new("occurred_on", "datumet ligger i framtiden").into());
        }
        let mut tx = self.begin_write().await?;
        let responsible = org::unit(&mut tx, &d.responsible_unit)
            .await?
            .ok_or_else(|| {
                InvalidValue::new(
                    "responsible_unit",
                    format!("enheten {} finns inte", d.responsible_unit),
                )
            })?;
        let mut person_id = None;
        if let Some(rid) = d.request_id {
            // Linking a person needs a care relationship with them, through the request.
            let row = sqlx::query(
                "SELECT person_id, from_unit, to_unit FROM care_requests WHERE id = $1",
            )
            .bind(rid)
            .fetch_optional(&mut *tx)
            .await?;
            let linked = match row {
                Some(r) => {
                    let from: String = r.try_get(1)?;
                    let to: String = r.try_get(2)?;
                    (deviation::acts_for(p, &from) || deviation::acts_for(p, &to))
                        .then(|| r.try_get::<i64, _>(0))
                        .transpose()?
                }
                None => None,
            };
            match linked {
                Some(pid) => person_id = Some(pid),
                None => {
                    let _ = tx.rollback().await;
                    return Err(InvalidValue::new(
                        "request_id",
                        format!("vårdbegäran {rid} finns inte bland din enhets vårdbegäranden"),
                    )
                    .into());
                }
            }
        }
        let now = samsyn_domain::time_fmt::now_stored();
        let id: i64 = sqlx::query(
            "INSERT INTO deviations (reporter_unit, responsible_unit, category, severity, occurred_on, description, request_id, person_id, \
             state, reported_by, reported_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'rapporterad', $9, $10) RETURNING id",
        )
        .bind(&d.reporter_unit)
        .bind(&responsible.code)
        .bind(d.category.as_str())
        .bind(d.severity.as_str())
        .bind(samsyn_domain::time_fmt::date_text(d.occurred_on))
        .bind(&description)
        .bind(d.request_id)
        .bind(person_id)
        .bind(p.username.as_str())
        .bind(&now)
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
        notify(
            &mut tx,
            &responsible.code,
            "deviation.new",
            ("deviation", id),
            &format!(
                "Ny avvikelse ({}) från {}",
                d.category.label(),
                d.reporter_unit
            ),
        )
        .await?;
        let mut event = event_for(p, "deviation.report", Purpose::Care, Outcome::Ok);
        event.person_id = person_id;
        event.detail = format!("avvikelse {id} till {}", responsible.code);
        audit::append(&mut tx, &event).await?;
        let v = view(&mut tx, p, id).await?;
        crate::commit(tx).await?;
        Ok(v)
    }

    /// Reads a deviation: the reporting and the responsible unit (and their MAS) see it;
    /// anyone else is told it does not exist, and the attempt is logged.
    pub async fn deviation(&self, p: &Principal, id: i64) -> Result<DeviationView, StoreError> {
        let mut tx = self.begin_write().await?;
        let h = allowed!(self, tx, p, visible(&mut tx, p, id, "deviation.read").await);
        let v = view(&mut tx, p, id).await?;
        let mut event = event_for(p, "deviation.read", Purpose::Care, Outcome::Ok);
        event.person_id = h.person_id;
        event.detail = format!("avvikelse {id}");
        audit::append(&mut tx, &event).await?;
        crate::commit(tx).await?;
        Ok(v)
    }

    /// Takes a step on a deviation: the responsible unit answers and closes, the
    /// reporting unit gives feedback. Two people taking the same step at once: one
    /// succeeds, the other is told the deviation changed.
    pub async fn deviation_step(
        &self,
        p: &Principal,
        id: i64,
        step: Step,
        text_in: &str,
    ) -> Result<DeviationView, StoreError> {
        let (field, what) = match step {
            Step::Answer => ("answer", "Svaret"),
            Step::Feedback => ("feedback", "Återkopplingen"),
            Step::Close => ("measures", "Åtgärderna"),
        };
        let body = text(field, text_in, what)?;
        let mut tx = self.begin_write().await?;
        let action = match step {
            Step::Answer => "deviation.answer",
            Step::Feedback => "deviation.feedback",
            Step::Close => "deviation.close",
        };
        let h = allowed!(self, tx, p, visible(&mut tx, p, id, action).await);
        let (unit, notify_unit) = match step {
            Step::Feedback => (&h.reporter.0, &h.responsible.0),
            _ => (&h.responsible.0, &h.reporter.0),
        };
        if !deviation::acts_for(p, unit) {
            let _ = tx.rollback().await;
            return Err(StoreError::Forbidden(match step {
                Step::Feedback => "återkoppling ges av den rapporterande enheten".into(),
                _ => "avvikelsen utreds, besvaras och avslutas av den ansvariga enheten".into(),
            }));
        }
        deviation::step_allowed(h.state, step).map_err(StoreError::OutOfOrder)?;
        let now = samsyn_domain::time_fmt::now_stored();
        let sql = match step {
            Step::Answer => {
                "UPDATE deviations SET answer = $1, answered_by = $2, answered_at = $3, state = 'besvarad' WHERE id = $4 AND state = $5"
            }
            Step::Feedback => {
                "UPDATE deviations SET feedback = $1, feedback_at = $3, state = state WHERE id = $4 AND state = $5 AND $2 = $2"
            }
            Step::Close => {
                "UPDATE deviations SET measures = $1, closed_by = $2, closed_at = $3, state = 'avslutad' WHERE id = $4 AND state = $5"
            }
        };
        let changed = sqlx::query(sql)
            .bind(&body)
            .bind(p.username.as_str())
            .bind(&now)
            .bind(id)
            .bind(h.state.as_str())
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if changed == 0 {
            let _ = tx.rollback().await;
            return Err(StoreError::Conflict(
                "avvikelsen ändrades av någon annan; läs om den".into(),
            ));
        }
        let label = match step {
            Step::Answer => "besvarad",
            Step::Feedback => "har fått återkoppling",
            Step::Close => "avslutad",
        };
        notify(
            &mut tx,
            notify_unit,
            action,
            ("deviation", id),
            &format!("Avvikelse {id} är {label}"),
        )
        .await?;
        let mut event = event_for(p, action, Purpose::Care, Outcome::Ok);
        event.person_id = h.person_id;
        event.detail = format!("avvikelse {id}");
        audit::append(&mut tx, &event).await?;
        let v = view(&mut tx, p, id).await?;
        crate::commit(tx).await?;
        Ok(v)
    }

    /// The deviations the principal may see (their units', or their party's for a MAS),
    /// newest first, without persons.
    pub async fn deviations_for(
        &self,
        p: &Principal,
    ) -> Result<Vec<DeviationListItem>, StoreError> {
        let rows = sqlx::query(
            "SELECT d.id, d.reporter_unit, ru.party_code, d.responsible_unit, su.party_code, d.category, d.severity, d.state, d.occurred_on \
             FROM deviations d JOIN units ru ON ru.code = d.reporter_unit JOIN units su ON su.code = d.responsible_unit \
             ORDER BY d.id DESC LIMIT 2000",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::new();
        for r in rows {
            let reporter: (String, String) = (r.try_get(1)?, r.try_get(2)?);
            let responsible: (String, String) = (r.try_get(3)?, r.try_get(4)?);
            if !deviation::can_see(
                p,
                (&reporter.0, &reporter.1),
                (&responsible.0, &responsible.1),
            ) {
                continue;
            }
            out.push(DeviationListItem {
                id: r.try_get(0)?,
                reporter_unit: reporter.0,
                responsible_unit: responsible.0,
                category: r.try_get(5)?,
                severity: r.try_get(6)?,
                state: r.try_get(7)?,
                occurred_on: r.try_get(8)?,
            });
        }
        Ok(out)
    }

    /// The dashboard's deviations for a year, without persons: per month, and per
    /// responsible party (municipality or region) and category. `parties` limits them to
    /// some parties (a county part's).
    pub async fn deviation_figures(
        &self,
        year: i32,
        parties: Option<&[String]>,
    ) -> Result<DeviationFigures, StoreError> {
        let rows = sqlx::query(
            "SELECT u.party_code, pa.name, d.occurred_on, d.category FROM deviations d \
             JOIN units u ON u.code = d.responsible_unit JOIN parties pa ON pa.code = u.party_code \
             WHERE d.occurred_on >= $1 AND d.occurred_on <= $2",
        )
        .bind(format!("{year:04}-01-01"))
        .bind(format!("{year:04}-12-31"))
        .fetch_all(&self.pool)
        .await?;
        let mut f = DeviationFigures::default();
        let mut per_party: std::collections::BTreeMap<(String, String), Vec<i64>> =
            Default::default();
        for r in rows {
            let party: String = r.try_get(0)?;
            if parties.is_some_and(|ps| !ps.contains(&party)) {
                continue;
            }
            let date: String = r.try_get(2)?;
            let month: usize = date.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
            f.per_month[month.clamp(1, 12) - 1] += 1;
            let cat = Category::parse(&r.try_get::<String, _>(3)?).unwrap_or(Category::Other);
            let idx = Category::ALL.iter().position(|c| *c == cat).unwrap_or(0);
            let counts = per_party
                .entry((party, r.try_get(1)?))
                .or_insert_with(|| vec![0; Category::ALL.len()]);
            counts[idx] += 1;
        }
        f.per_party = per_party
            .into_iter()
            .map(|((code, name), counts)| (code, name, counts))
            .collect();
        Ok(f)
    }

    /// Reports a year's deviations without persons: per county part (of the responsible
    /// unit's party), quarter and category.
    pub async fn deviation_summary(&self, year: i32) -> Result<Vec<SummaryRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT COALESCE(pa.county_part, 'okand'), d.occurred_on, d.category FROM deviations d \
             JOIN units u ON u.code = d.responsible_unit JOIN parties pa ON pa.code = u.party_code \
             WHERE d.occurred_on >= $1 AND d.occurred_on <= $2",
        )
        .bind(format!("{year:04}-01-01"))
        .bind(format!("{year:04}-12-31"))
        .fetch_all(&self.pool)
        .await?;
        let mut counts: std::collections::BTreeMap<(String, u8, String), i64> = Default::default();
        for r in rows {
            let date: String = r.try_get(1)?;
            let month: u8 = date.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
            *counts
                .entry((r.try_get(0)?, deviation::quarter(month), r.try_get(2)?))
                .or_default() += 1;
        }
        Ok(counts
            .into_iter()
            .map(|((county_part, quarter, category), reports)| SummaryRow {
                county_part,
                quarter,
                category,
                reports,
            })
            .collect())
    }
}
