//! The county's organisation: county parts, parties, units and collaboration bodies.

use crate::{Store, StoreError, Tx};
use samsyn_domain::org::{BodyKind, PartyKind, UnitKind};
use samsyn_domain::{PartyCode, UnitCode, time_fmt};
use serde::Serialize;
use sqlx::Row;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Party {
    pub code: String,
    pub name: String,
    pub kind: String,
    pub county_part: Option<String>,
}

/// Enhet, as listed in the unit directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unit {
    pub code: String,
    pub name: String,
    pub kind: String,
    pub party: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Body {
    pub code: String,
    pub name: String,
    pub kind: String,
    pub parent: Option<String>,
    pub county_part: Option<String>,
}

/// A unit to create, already validated.
#[derive(Debug, Clone)]
pub struct NewUnit {
    pub code: UnitCode,
    pub name: String,
    pub kind: UnitKind,
    pub party: PartyCode,
}

/// Adds a county part unless it exists. Returns whether it was added.
pub async fn ensure_county_part(tx: &mut Tx, code: &str, name: &str) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO county_parts (code, name) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING",
    )
    .bind(code)
    .bind(name)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Adds a party unless it exists. Returns whether it was added.
pub async fn ensure_party(
    tx: &mut Tx,
    code: &PartyCode,
    name: &str,
    kind: PartyKind,
    county_part: Option<&str>,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO parties (code, name, kind, county_part) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (code) DO NOTHING",
    )
    .bind(code.as_str())
    .bind(name)
    .bind(kind.as_str())
    .bind(county_part)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Adds a unit unless one with its code exists. Returns whether it was added.
pub async fn ensure_unit(tx: &mut Tx, unit: &NewUnit) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO units (code, name, kind, party_code, created_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (code) DO NOTHING",
    )
    .bind(unit.code.as_str())
    .bind(&unit.name)
    .bind(unit.kind.as_str())
    .bind(unit.party.as_str())
    .bind(time_fmt::now_stored())
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Creates a unit; a taken code or an unknown party is an error naming the field.
pub async fn create_unit(tx: &mut Tx, unit: &NewUnit) -> Result<Unit, StoreError> {
    if party(tx, unit.party.as_str()).await?.is_none() {
        return Err(samsyn_domain::InvalidValue::new(
            "party",
            format!("parten {} finns inte", unit.party),
        )
        .into());
    }
    if !ensure_unit(tx, unit).await? {
        return Err(StoreError::Conflict(format!(
            "enhetskoden {} används redan",
            unit.code
        )));
    }
    Ok(Unit {
        code: unit.code.to_string(),
        name: unit.name.clone(),
        kind: unit.kind.as_str().into(),
        party: unit.party.to_string(),
    })
}

/// Adds a body unless one with its code exists. Returns whether it was added.
pub async fn ensure_body(
    tx: &mut Tx,
    code: &str,
    name: &str,
    kind: BodyKind,
    parent: Option<&str>,
    county_part: Option<&str>,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO bodies (code, name, kind, parent_code, county_part) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (code) DO NOTHING",
    )
    .bind(code)
    .bind(name)
    .bind(kind.as_str())
    .bind(parent)
    .bind(county_part)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() > 0)
}

pub async fn party(tx: &mut Tx, code: &str) -> Result<Option<Party>, StoreError> {
    let row = sqlx::query("SELECT code, name, kind, county_part FROM parties WHERE code = $1")
        .bind(code)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(match row {
        Some(r) => Some(Party {
            code: r.try_get(0)?,
            name: r.try_get(1)?,
            kind: r.try_get(2)?,
            county_part: r.try_get(3)?,
        }),
        None => None,
    })
}

pub async fn unit(tx: &mut Tx, code: &str) -> Result<Option<Unit>, StoreError> {
    let row = sqlx::query("SELECT code, name, kind, party_code FROM units WHERE code = $1")
        .bind(code)
        .fetch_optional(&mut **tx)
        .await?;
    row.map(|r| unit_from_row(&r)).transpose()
}

fn unit_from_row(r: &sqlx::any::AnyRow) -> Result<Unit, StoreError> {
    Ok(Unit {
        code: r.try_get(0)?,
        name: r.try_get(1)?,
        kind: r.try_get(2)?,
        party: r.try_get(3)?,
    })
}

impl Store {
    /// Every unit, by party and name.
    pub async fn units(&self) -> Result<Vec<Unit>, StoreError> {
        let rows =
            sqlx::query("SELECT code, name, kind, party_code FROM units ORDER BY party_code, name")
                .fetch_all(&self.pool)
                .await?;
        rows.iter().map(unit_from_row).collect()
    }

    /// Every party, the region first.
    pub async fn parties(&self) -> Result<Vec<Party>, StoreError> {
        let rows = sqlx::query(
            "SELECT code, name, kind, county_part FROM parties ORDER BY LENGTH(code), name",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Party {
                    code: r.try_get(0)?,
                    name: r.try_get(1)?,
                    kind: r.try_get(2)?,
                    county_part: r.try_get(3)?,
                })
            })
            .collect()
    }

    /// The county parts: (code, name).
    pub async fn county_parts(&self) -> Result<Vec<(String, String)>, StoreError> {
        let rows = sqlx::query("SELECT code, name FROM county_parts ORDER BY name")
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
            .collect()
    }

    /// Every collaboration body, by name.
    pub async fn bodies(&self) -> Result<Vec<Body>, StoreError> {
        let rows = sqlx::query(
            "SELECT code, name, kind, parent_code, county_part FROM bodies ORDER BY name",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Body {
                    code: r.try_get(0)?,
                    name: r.try_get(1)?,
                    kind: r.try_get(2)?,
                    parent: r.try_get(3)?,
                    county_part: r.try_get(4)?,
                })
            })
            .collect()
    }
}
