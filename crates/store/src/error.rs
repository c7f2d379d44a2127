use samsyn_domain::InvalidValue;

/// What can go wrong in the store, in terms its callers act on.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database could not be opened or migrated.
    #[error("{0}")]
    Open(String),
    #[error("{0} hittades inte")]
    NotFound(String),
    /// A unique value is taken, or someone else changed the row first.
    #[error("{0}")]
    Conflict(String),
    #[error(transparent)]
    Invalid(#[from] InvalidValue),
    /// A backup file or stored value is not what it should be.
    #[error("{0}")]
    Corrupt(String),
    /// A rule of the agreement forbids the step.
    #[error("{}", .0.text)]
    Rule(samsyn_domain::agreement::RuleViolation),
    /// The process does not allow the step now.
    #[error("{0}")]
    OutOfOrder(String),
    /// Seen, but not to be changed by this user.
    #[error("{0}")]
    Forbidden(String),
    #[error("databasfel: {0}")]
    Db(sqlx::Error),
}

impl From<samsyn_domain::care::OutOfOrder> for StoreError {
    fn from(e: samsyn_domain::care::OutOfOrder) -> Self {
        StoreError::OutOfOrder(e.0)
    }
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        if let sqlx::Error::Database(db) = &e {
            if db.is_unique_violation() {
                return StoreError::Conflict("värdet finns redan".into());
            }
            if db.is_foreign_key_violation() {
                return StoreError::Conflict("en hänvisning pekar på något som inte finns".into());
            }
        }
        StoreError::Db(e)
    }
}
