//! Ekonomi in the database: supplementary-amount bases, the tax base's development,
//! and the invoice basis for psychiatric home care from recorded time.

use crate::{Store, StoreError, audit};
use samsyn_domain::audit::{AuditEvent, Outcome, Purpose};
use samsyn_domain::economy::{AdjustError, Step, adjust};
use samsyn_domain::{InvalidValue, PartyCode};
use serde::Serialize;
use sqlx::Row;
use std::collections::BTreeMap;

/// The supplementary amount of a municipality for a year, or why it cannot be given.
#[derive(Debug, Clone)]
pub struct Supplement {
    pub municipality: String,
    pub base_year: Option<i32>,
    pub base: Option<i64>,
    pub decision: Option<String>,
    pub result: Result<(i64, Vec<Step>), String>,
}

/// Invoice basis for psychiatric home care: per municipality and patient for a month.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct InvoiceLine {
    pub municipality: String,
    pub person_id: i64,
    pub personnummer: String,
    pub actions: i64,
    pub minutes: i64,
}

/// A municipality's totals in the invoice basis.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, Default)]
pub struct MunicipalityTotal {
    pub municipality: String,
    pub patients: i64,
    pub actions: i64,
    pub minutes: i64,
}

/// What a principal sees of the invoice basis.
#[derive(Debug, Clone, Serialize)]
pub struct InvoiceBasis {
    pub totals: Vec<MunicipalityTotal>,
    /// Per patient, only for the municipalities whose persons the principal may see.
    pub patients: Vec<InvoiceLine>,
}

impl Store {
    /// Sets (or replaces) a municipality's base for a year, as decided.
    pub async fn set_supplement_base(
        &self,
        municipality: &PartyCode,
        base_year: i32,
        amount_ore: i64,
        decision: &str,
        actor: &str,
    ) -> Result<(), StoreError> {
        if !municipality.is_municipality() {
            return Err(
                InvalidValue::new("municipality", "tilläggsbeloppet gäller en kommun").into(),
            );
        }
        if amount_ore < 0 {
            return Err(InvalidValue::new("amount", "beloppet kan inte vara negativt").into());
        }
        if decision.trim().is_empty() {
            return Err(
                InvalidValue::new("decision", "ange beslutet som satte basbeloppet").into(),
            );
        }
        let mut tx = self.begin_write().await?;
        if crate::org::party(&mut tx, municipality.as_str())
            .await?
            .is_none()
        {
            return Err(InvalidValue::new(
                "municipality",
                format!("kommunen {municipality} finns inte"),
            )
            .into());
        }
        sqlx::query(
            "INSERT INTO supplement_bases (municipality_code, base_year, amount_ore, decision) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (municipality_code, base_year) DO UPDATE SET amount_ore = $3, decision = $4",
        )
        .bind(municipality.as_str())
        .bind(i64::from(base_year))
        .bind(amount_ore)
        .bind(decision.trim())
        .execute(&mut *tx)
        .await?;
        audit::append(
            &mut tx,
            &AuditEvent::system(actor, "economy.base", Purpose::Administration, Outcome::Ok)
                .with_detail(format!("{municipality} {base_year}")),
        )
        .await?;
        crate::commit(tx).await
    }

    /// Stores the tax base's development per year (`(year, hundredths of a percent)`).
    pub async fn import_tax_base(
        &self,
        rows: &[(i32, i64)],
        actor: &str,
    ) -> Result<usize, StoreError> {
        let mut tx = self.begin_write().await?;
        for (year, p) in rows {
            sqlx::query("INSERT INTO tax_base_development (year, hundredths) VALUES ($1, $2) ON CONFLICT (year) DO UPDATE SET hundredths = $2")
                .bind(i64::from(*year))
                .bind(*p)
                .execute(&mut *tx)
                .await?;
        }
        audit::append(
            &mut tx,
            &AuditEvent::system(
                actor,
                "economy.tax_base",
                Purpose::Administration,
                Outcome::Ok,
            )
            .with_detail(format!("{} år", rows.len())),
        )
        .await?;
        crate::commit(tx).await?;
        Ok(rows.len())
    }

    /// Every municipality's supplementary amount for a year, step by step.
    pub async fn supplements(&self, year: i32) -> Result<Vec<Supplement>, StoreError> {
        let development: BTreeMap<i32, i64> =
            sqlx::query("SELECT year, hundredths FROM tax_base_development")
                .fetch_all(&self.pool)
                .await?
                .iter()
                .map(|r| Ok((r.try_get::<i64, _>(0)? as i32, r.try_get(1)?)))
                .collect::<Result<_, sqlx::Error>>()?;
        let bases = sqlx::query("SELECT municipality_code, base_year, amount_ore, decision FROM supplement_bases WHERE base_year <= $1 ORDER BY base_year")
            .bind(i64::from(year))
            .fetch_all(&self.pool)
            .await?;
        let mut latest: BTreeMap<String, (i32, i64, String)> = BTreeMap::new();
        for r in bases {
            latest.insert(
                r.try_get(0)?,
                (r.try_get::<i64, _>(1)? as i32, r.try_get(2)?, r.try_get(3)?),
            );
        }
        let mut out = Vec::new();
        for p in self
            .parties()
            .await?
            .into_iter()
            .filter(|p| p.kind == "kommun")
        {
            let s = match latest.get(&p.code) {
                Some((by, amount, decision)) => Supplement {
                    municipality: p.code.clone(),
                    base_year: Some(*by),
                    base: Some(*amount),
                    decision: Some(decision.clone()),
                    result: adjust(*amount, *by, year, &development)
                        .map_err(|e: AdjustError| e.to_string()),
                },
                None => Supplement {
                    municipality: p.code.clone(),
                    base_year: None,
                    base: None,
                    decision: None,
                    result: Err(format!(
                        "inget basbelopp beslutat för {year} eller tidigare"
                    )),
                },
            };
            out.push(s);
        }
        Ok(out)
    }

    /// The invoice basis as the principal may see it: totals per municipality for all;
    /// the lines per patient for the MAS of that municipality only, each audited.
    pub async fn invoice_basis_for(
        &self,
        p: &samsyn_domain::Principal,
        month: &str,
    ) -> Result<InvoiceBasis, StoreError> {
        let lines = self.psychiatric_invoice_basis(month).await?;
        let mut totals: BTreeMap<String, MunicipalityTotal> = BTreeMap::new();
        for l in &lines {
            let t = totals
                .entry(l.municipality.clone())
                .or_insert_with(|| MunicipalityTotal {
                    municipality: l.municipality.clone(),
                    ..Default::default()
                });
            t.patients += 1;
            t.actions += l.actions;
            t.minutes += l.minutes;
        }
        let own: Vec<InvoiceLine> = lines
            .into_iter()
            .filter(|l| samsyn_domain::policy::sees_persons_of(p, &l.municipality))
            .collect();
        if !own.is_empty() {
            let mut tx = self.begin_write().await?;
            for l in &own {
                let mut event = crate::sessions::event_for(
                    p,
                    "invoice_basis.read",
                    Purpose::Administration,
                    Outcome::Ok,
                );
                event.person_id = Some(l.person_id);
                event.detail = format!("fakturaunderlag psykiatrisk hemsjukvård {month}");
                audit::append(&mut tx, &event).await?;
            }
            crate::commit(tx).await?;
        }
        Ok(InvoiceBasis {
            totals: totals.into_values().collect(),
            patients: own,
        })
    }

    /// The whole invoice basis for an export by an operator (the command line); each
    /// patient's line is audited as a read.
    pub async fn export_invoice_basis(
        &self,
        month: &str,
        actor: &str,
    ) -> Result<Vec<InvoiceLine>, StoreError> {
        let lines = self.psychiatric_invoice_basis(month).await?;
        let mut tx = self.begin_write().await?;
        for l in &lines {
            let mut event = AuditEvent::system(
                actor,
                "invoice_basis.export",
                Purpose::Administration,
                Outcome::Ok,
            )
            .with_detail(format!("fakturaunderlag psykiatrisk hemsjukvård {month}"));
            event.person_id = Some(l.person_id);
            audit::append(&mut tx, &event).await?;
        }
        crate::commit(tx).await?;
        Ok(lines)
    }

    /// Time per patient per municipality for psychiatric home care in a month
    /// (`YYYY-MM`), from actions recorded on episodes of psychiatric requests.
    async fn psychiatric_invoice_basis(&self, month: &str) -> Result<Vec<InvoiceLine>, StoreError> {
        let ok = month.len() == 7
            && month.as_bytes()[4] == b'-'
            && time::Date::parse(
                &format!("{month}-01"),
                time::macros::format_description!("[year]-[month]-[day]"),
            )
            .is_ok();
        if !ok {
            return Err(
                InvalidValue::new("month", format!("«{month}» är ingen månad (ÅÅÅÅ-MM)")).into(),
            );
        }
        let rows = sqlx::query(
            "SELECT u.party_code, p.id, p.personnummer, COUNT(*), CAST(COALESCE(SUM(a.minutes), 0) AS BIGINT) FROM care_actions a \
             JOIN episodes e ON e.id = a.episode_id JOIN care_requests r ON r.id = e.request_id JOIN units u ON u.code = e.unit_code \
             JOIN persons p ON p.id = e.person_id WHERE r.psychiatric = 1 AND SUBSTR(a.performed_on, 1, 7) = $1 \
             GROUP BY u.party_code, p.id, p.personnummer ORDER BY u.party_code, p.personnummer",
        )
        .bind(month)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let pn: String = r.try_get(2)?;
                Ok(InvoiceLine {
                    municipality: r.try_get(0)?,
                    person_id: r.try_get(1)?,
                    personnummer: if pn.len() == 12 {
                        format!("{}-{}", &pn[..8], &pn[8..])
                    } else {
                        pn
                    },
                    actions: r.try_get(3)?,
                    minutes: r.try_get(4)?,
                })
            })
            .collect()
    }
}
