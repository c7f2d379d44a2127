//! Persons, identified by personnummer or samordningsnummer.

use crate::{StoreError, Tx};
use samsyn_domain::PartyCode;
use samsyn_domain::person::{Housing, PersonNumber};
use serde::Serialize;
use sqlx::Row;

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Person {
    pub id: i64,
    /// `YYYYMMDD-NNNN`.
    pub personnummer: String,
    pub birth_date: String,
    pub age: i32,
    /// `K` or `M`.
    pub legal_sex: String,
    pub municipality: String,
    pub housing: String,
}

/// Finds the person by number, or registers them. Municipality and housing are updated
/// to what the latest request says.
pub async fn ensure(
    tx: &mut Tx,
    pn: &PersonNumber,
    municipality: &PartyCode,
    housing: Housing,
) -> Result<i64, StoreError> {
    if let Some(row) = sqlx::query("SELECT id FROM persons WHERE personnummer = $1")
        .bind(pn.as_str())
        .fetch_optional(&mut **tx)
        .await?
    {
        let id: i64 = row.try_get(0)?;
        sqlx::query("UPDATE persons SET municipality_code = $1, housing = $2 WHERE id = $3")
            .bind(municipality.as_str())
            .bind(housing.as_str())
            .bind(id)
            .execute(&mut **tx)
            .await?;
        return Ok(id);
    }
    Ok(sqlx::query(
        "INSERT INTO persons (personnummer, birth_date, legal_sex, municipality_code, housing, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(pn.as_str())
    .bind(pn.birth_date().to_string())
    .bind(pn.legal_sex().code())
    .bind(municipality.as_str())
    .bind(housing.as_str())
    .bind(samsyn_domain::time_fmt::now_stored())
    .fetch_one(&mut **tx)
    .await?
    .try_get(0)?)
}

pub async fn get(tx: &mut Tx, id: i64) -> Result<Person, StoreError> {
    let row = sqlx::query(
        "SELECT id, personnummer, municipality_code, housing FROM persons WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&mut **tx)
    .await?
    .ok_or_else(|| StoreError::NotFound("personen".into()))?;
    let pn = PersonNumber::parse(&row.try_get::<String, _>(1)?)
        .map_err(|e| StoreError::Corrupt(format!("lagrat personnummer för person {id}: {e}")))?;
    Ok(Person {
        id: row.try_get(0)?,
        personnummer: pn.display(),
        birth_date: pn.birth_date().to_string(),
        age: pn.age_on(time::OffsetDateTime::now_utc().date()),
        legal_sex: pn.legal_sex().code().into(),
        municipality: row.try_get(2)?,
        housing: row.try_get(3)?,
    })
}
