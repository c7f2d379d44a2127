//! Accounts and their role assignments.

use crate::{Store, StoreError, Tx, org};
use samsyn_domain::{
    InvalidValue, PartyCode, Principal, Role, RoleAssignment, UnitCode, Username, time_fmt,
};
use sqlx::Row;

/// An account to create; the password is already hashed.
#[derive(Debug, Clone)]
pub struct NewUser {
    pub username: Username,
    pub display_name: String,
    pub password_hash: String,
    pub assignment: RoleAssignment,
}

/// Fills in the party of a unit-scoped assignment and checks that what it names
/// exists, naming the field that does not.
pub async fn resolve_assignment(
    tx: &mut Tx,
    mut a: RoleAssignment,
) -> Result<RoleAssignment, StoreError> {
    if let Some(code) = &a.unit {
        let unit = org::unit(tx, code.as_str())
            .await?
            .ok_or_else(|| InvalidValue::new("unit", format!("enheten {code} finns inte")))?;
        let unit_party = PartyCode::parse(&unit.party)?;
        match &a.party {
            Some(p) if *p != unit_party => {
                return Err(InvalidValue::new(
                    "party",
                    format!("enheten {code} hör till part {unit_party}, inte {p}"),
                )
                .into());
            }
            _ => a.party = Some(unit_party),
        }
    }
    if let Some(code) = &a.party
        && org::party(tx, code.as_str()).await?.is_none()
    {
        return Err(InvalidValue::new("party", format!("parten {code} finns inte")).into());
    }
    if let Some(code) = &a.body {
        let found = sqlx::query("SELECT COUNT(*) FROM bodies WHERE code = $1")
            .bind(code)
            .fetch_one(&mut **tx)
            .await?
            .try_get::<i64, _>(0)?;
        if found == 0 {
            return Err(InvalidValue::new("body", format!("organet {code} finns inte")).into());
        }
    }
    a.validate()?;
    Ok(a)
}

/// Creates an account with one role. A taken username is a conflict.
pub async fn create_user(tx: &mut Tx, user: NewUser) -> Result<i64, StoreError> {
    if find_user_id(tx, &user.username).await?.is_some() {
        return Err(StoreError::Conflict(format!(
            "användarnamnet {} är upptaget",
            user.username
        )));
    }
    let assignment = resolve_assignment(tx, user.assignment).await?;
    let id: i64 = sqlx::query(
        "INSERT INTO users (username, display_name, password_hash, active, created_at) \
         VALUES ($1, $2, $3, 1, $4) RETURNING id",
    )
    .bind(user.username.as_str())
    .bind(&user.display_name)
    .bind(&user.password_hash)
    .bind(time_fmt::now_stored())
    .fetch_one(&mut **tx)
    .await?
    .try_get(0)?;
    add_assignment(tx, id, &assignment).await?;
    Ok(id)
}

pub async fn add_assignment(
    tx: &mut Tx,
    user_id: i64,
    a: &RoleAssignment,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO role_assignments (user_id, role, party_code, unit_code, body_code) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(user_id)
    .bind(a.role.as_str())
    .bind(a.party.as_ref().map(|p| p.as_str().to_owned()))
    .bind(a.unit.as_ref().map(|u| u.as_str().to_owned()))
    .bind(&a.body)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn find_user_id(tx: &mut Tx, username: &Username) -> Result<Option<i64>, StoreError> {
    let row = sqlx::query("SELECT id FROM users WHERE username = $1")
        .bind(username.as_str())
        .fetch_optional(&mut **tx)
        .await?;
    Ok(row.map(|r| r.try_get(0)).transpose()?)
}

/// Loads an active user's principal.
pub async fn principal(
    conn: &mut sqlx::AnyConnection,
    user_id: i64,
) -> Result<Option<Principal>, StoreError> {
    let Some(row) =
        sqlx::query("SELECT id, username, display_name FROM users WHERE id = $1 AND active = 1")
            .bind(user_id)
            .fetch_optional(&mut *conn)
            .await?
    else {
        return Ok(None);
    };
    let rows = sqlx::query(
        "SELECT role, party_code, unit_code, body_code FROM role_assignments WHERE user_id = $1 ORDER BY id",
    )
    .bind(user_id)
    .fetch_all(&mut *conn)
    .await?;
    let corrupt =
        |e: InvalidValue| StoreError::Corrupt(format!("lagrad roll för användare {user_id}: {e}"));
    let mut assignments = Vec::with_capacity(rows.len());
    for r in rows {
        assignments.push(RoleAssignment {
            role: Role::parse(&r.try_get::<String, _>(0)?).map_err(corrupt)?,
            party: r
                .try_get::<Option<String>, _>(1)?
                .map(|p| PartyCode::parse(&p))
                .transpose()
                .map_err(corrupt)?,
            unit: r
                .try_get::<Option<String>, _>(2)?
                .map(|u| UnitCode::parse(&u))
                .transpose()
                .map_err(corrupt)?,
            body: r.try_get(3)?,
        });
    }
    Ok(Some(Principal {
        user_id: row.try_get(0)?,
        username: Username::parse(&row.try_get::<String, _>(1)?).map_err(corrupt)?,
        display_name: row.try_get(2)?,
        assignments,
    }))
}

impl Store {
    /// The stored password hash of an active account, if there is one.
    pub async fn credentials(
        &self,
        username: &Username,
    ) -> Result<Option<(i64, String)>, StoreError> {
        let row =
            sqlx::query("SELECT id, password_hash FROM users WHERE username = $1 AND active = 1")
                .bind(username.as_str())
                .fetch_optional(&self.pool)
                .await?;
        Ok(match row {
            Some(r) => Some((r.try_get(0)?, r.try_get(1)?)),
            None => None,
        })
    }

    /// How many users there are; the demo and tests use it.
    pub async fn user_count(&self) -> Result<i64, StoreError> {
        Ok(sqlx::query("SELECT COUNT(*) FROM users")
            .fetch_one(&self.pool)
            .await?
            .try_get(0)?)
    }

    pub async fn principal_by_username(
        &self,
        username: &Username,
    ) -> Result<Option<Principal>, StoreError> {
        let row = sqlx::query("SELECT id FROM users WHERE username = $1 AND active = 1")
            .bind(username.as_str())
            .fetch_optional(&self.pool)
            .await?;
        match row {
            Some(r) => principal(&mut *self.pool.acquire().await?, r.try_get(0)?).await,
            None => Ok(None),
        }
    }
}
