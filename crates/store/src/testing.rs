//! Fresh databases for tests: a temporary SQLite file always, and a PostgreSQL
//! database of its own when `SAMSYN_TEST_POSTGRES_URL` names a server. Each is
//! removed when dropped.

use crate::{Engine, Store};

/// The variable that names the PostgreSQL server for tests, e.g.
/// `postgres://postgres@127.0.0.1:5432/postgres`.
pub const POSTGRES_ENV: &str = "SAMSYN_TEST_POSTGRES_URL";

pub struct TestDb {
    pub url: String,
    pub store: Store,
    cleanup: Cleanup,
}

enum Cleanup {
    File(std::path::PathBuf),
    Database { admin_url: String, name: String },
}

fn unique_name() -> String {
    format!("samsyn_test_{}", &samsyn_domain::token::generate("")[..16])
}

impl TestDb {
    /// A new database on the engine, or `None` for PostgreSQL when no server is named.
    pub async fn new(engine: Engine) -> Option<TestDb> {
        let (url, cleanup) = Self::create(engine).await?;
        let store = Store::open(&url)
            .await
            .expect("a fresh test database opens");
        Some(TestDb {
            url,
            store,
            cleanup,
        })
    }

    /// A new, empty database URL (nothing migrated yet), for tests of the binary.
    pub async fn create_url(engine: Engine) -> Option<(String, DbGuard)> {
        let (url, cleanup) = Self::create(engine).await?;
        Some((url, DbGuard(cleanup)))
    }

    async fn create(engine: Engine) -> Option<(String, Cleanup)> {
        match engine {
            Engine::Sqlite => {
                let path = std::env::temp_dir().join(format!("{}.db", unique_name()));
                Some((format!("sqlite://{}", path.display()), Cleanup::File(path)))
            }
            Engine::Postgres => {
                let Ok(admin_url) = std::env::var(POSTGRES_ENV) else {
                    eprintln!("note: {POSTGRES_ENV} is not set; the PostgreSQL variant is not run");
                    return None;
                };
                let name = unique_name();
                admin_execute(&admin_url, &format!("CREATE DATABASE {name}")).await;
                let base = admin_url
                    .rsplit_once('/')
                    .map(|(b, _)| b)
                    .unwrap_or(&admin_url);
                Some((
                    format!("{base}/{name}"),
                    Cleanup::Database { admin_url, name },
                ))
            }
        }
    }
}

async fn admin_execute(admin_url: &str, sql: &str) {
    use sqlx::Connection;
    sqlx::any::install_default_drivers();
    let mut conn = sqlx::AnyConnection::connect(admin_url)
        .await
        .expect("the PostgreSQL test server answers");
    sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_owned()))
        .execute(&mut conn)
        .await
        .expect("an administrative statement succeeds");
}

impl Cleanup {
    fn run(&self) {
        match self {
            Cleanup::File(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
            }
            Cleanup::Database { admin_url, name } => {
                let (admin_url, sql) = (
                    admin_url.clone(),
                    format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
                );
                // Drop cannot await; a short-lived runtime on its own thread does the work.
                let _ = std::thread::spawn(move || {
                    tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                        .map(|rt| rt.block_on(admin_execute(&admin_url, &sql)))
                })
                .join();
            }
        }
    }
}

/// Removes a database made by [`TestDb::create_url`] when dropped.
pub struct DbGuard(Cleanup);

impl Drop for DbGuard {
    fn drop(&mut self) {
        self.0.run();
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        self.cleanup.run();
    }
}
