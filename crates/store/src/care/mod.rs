//! The agreement's process in the database: persons, requests and decisions,
//! disagreements, episodes, plans, actions and the inbox. Every read and write of a
//! person's data checks the care relationship and is audited in the same transaction;
//! a unit without a relationship is told "not found", and the attempt is logged.

pub mod access;
pub mod agreement;
pub mod attachments;
pub mod episodes;
pub mod extract;
pub mod inbox;
pub mod kva;
pub mod persons;
pub mod plans;
pub mod requests;

use sqlx::Row;
use sqlx::any::AnyRow;

pub(crate) fn flag(row: &AnyRow, i: usize) -> Result<bool, sqlx::Error> {
    Ok(row.try_get::<i64, _>(i)? != 0)
}

pub(crate) fn today() -> String {
    time::OffsetDateTime::now_utc().date().to_string()
}
