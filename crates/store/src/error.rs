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
    #[error("databasfel: {0}")]
    Db(sqlx::Error),
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
