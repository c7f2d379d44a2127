#![forbid(unsafe_code)]
//! samsyn's storage: one SQL layer that runs on SQLite (the embedded default) and on
//! PostgreSQL (several stateless servers on one database). Engine differences live in
//! [`dialect`]; every write that touches personal data appends to the audit chain in
//! the same transaction.

pub mod audit;
pub mod backup;
pub mod care;
pub mod deviations;
pub mod dialect;
pub mod discharge;
mod error;
pub mod governance;
pub mod migrate;
pub mod org;
pub mod register;
pub mod sessions;
pub mod stats;
pub mod testing;
pub mod users;

pub use dialect::Engine;
pub use error::StoreError;

use sqlx::any::AnyPoolOptions;
use sqlx::{AnyPool, Executor};
use std::time::Duration;

/// A transaction on either engine.
pub type Tx = sqlx::Transaction<'static, sqlx::Any>;

/// The database: a connection pool and the engine it talks to. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Store {
    pool: AnyPool,
    engine: Engine,
    /// How many items hold every word of a multi-word search, by the words and the
    /// index's newest item: counting the matches costs more than ranking the best.
    search_counts: register::search::CountCache,
}

impl Store {
    /// Opens (and for SQLite creates) the database at `url` and migrates it.
    pub async fn open(url: &str) -> Result<Store, StoreError> {
        let engine = Engine::from_url(url).ok_or_else(|| {
            StoreError::Open(format!(
                "databasadressen måste börja med sqlite: eller postgres:// (fick «{}»)",
                redact_url(url)
            ))
        })?;
        sqlx::any::install_default_drivers();
        let connect_url = match engine {
            Engine::Sqlite if !url.contains('?') => format!("{url}?mode=rwc"),
            _ => url.to_owned(),
        };
        let open_error = |e: sqlx::Error| {
            StoreError::Open(format!(
                "kan inte öppna databasen {}: {}",
                redact_url(url),
                one_line(&e.to_string())
            ))
        };
        let setup = engine.connection_setup();
        // One direct connection first: a corrupt file or an unreachable server fails
        // here at once, instead of in the pool's retries.
        {
            use sqlx::Connection;
            let mut probe = sqlx::AnyConnection::connect(&connect_url)
                .await
                .map_err(open_error)?;
            probe.execute(setup).await.map_err(open_error)?;
            let check = match engine {
                Engine::Sqlite => "SELECT COUNT(*) FROM sqlite_master",
                Engine::Postgres => "SELECT 1",
            };
            probe.execute(check).await.map_err(open_error)?;
            probe.close().await.map_err(open_error)?;
        }
        let pool = AnyPoolOptions::new()
            .max_connections(match engine {
                Engine::Sqlite => 8,
                Engine::Postgres => 16,
            })
            .acquire_timeout(Duration::from_secs(10))
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    conn.execute(setup).await?;
                    Ok(())
                })
            })
            .connect(&connect_url)
            .await
            .map_err(open_error)?;
        if engine == Engine::Sqlite {
            // WAL lets readers work while one writer writes; it is kept in the file.
            sqlx::query("PRAGMA journal_mode = WAL")
                .execute(&pool)
                .await
                .map_err(open_error)?;
        }
        migrate::run(&pool, engine).await.map_err(open_error)?;
        Ok(Store {
            pool,
            engine,
            search_counts: Default::default(),
        })
    }

    pub fn engine(&self) -> Engine {
        self.engine
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Begins a transaction that will write.
    pub async fn begin_write(&self) -> Result<Tx, StoreError> {
        Ok(self.engine.begin_write(&self.pool).await?)
    }

    /// Begins a transaction for a bulk load whose every reference the caller checks
    /// inside it: on SQLite a connection of its own, without per-row foreign-key checks
    /// and with a larger page cache, closed afterwards so no other work runs with
    /// those settings. On PostgreSQL an ordinary write transaction.
    pub async fn begin_bulk_write(&self) -> Result<Tx, StoreError> {
        Ok(self.engine.begin_bulk_write(&self.pool).await?)
    }

    /// Whether the database answers; for `/healthz`.
    pub async fn ping(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
    }

    /// Closes the pool, waiting for connections in use.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// A database URL without its password, for messages.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let userinfo = &url[scheme_end + 3..at];
            match userinfo.find(':') {
                Some(colon) => format!(
                    "{}{}:***{}",
                    &url[..scheme_end + 3],
                    &userinfo[..colon],
                    &url[at..]
                ),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Commits a transaction, with the store's error.
pub async fn commit(tx: Tx) -> Result<(), StoreError> {
    Ok(tx.commit().await?)
}

impl Store {
    /// The number of rows in a table of the schema; for tests and diagnostics.
    pub async fn table_count(&self, table: &str) -> Result<i64, StoreError> {
        if !backup::TABLES.iter().any(|(t, _)| *t == table) {
            return Err(StoreError::NotFound(format!("tabellen {table}")));
        }
        use sqlx::Row;
        let row = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get(0)?)
    }

    /// Runs a statement directly: only tests that damage data on purpose use it.
    #[doc(hidden)]
    pub async fn tamper_for_test(&self, sql: &str) {
        sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_owned()))
            .execute(&self.pool)
            .await
            .expect("the tampering statement runs");
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn passwords_in_database_urls_are_hidden() {
        assert_eq!(
            super::redact_url("postgres://app:secret@db/samsyn"),
            "postgres://app:***@db/samsyn"
        );
        assert_eq!(
            super::redact_url("sqlite://samsyn.db"),
            "sqlite://samsyn.db"
        );
    }
}
