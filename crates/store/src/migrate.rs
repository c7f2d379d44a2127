//! Append-only migrations, run at every start. A landed migration is never edited;
//! a change is a new file.

use crate::dialect::Engine;
use sqlx::{AnyPool, AssertSqlSafe, Row};

struct Migration {
    version: i64,
    name: &'static str,
    sql: &'static str,
}

const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "foundation",
        sql: include_str!("../migrations/0001_foundation.sql"),
    },
    Migration {
        version: 2,
        name: "care_process",
        sql: include_str!("../migrations/0002_care_process.sql"),
    },
    Migration {
        version: 3,
        name: "attachments",
        sql: include_str!("../migrations/0003_attachments.sql"),
    },
    Migration {
        version: 4,
        name: "statistics",
        sql: include_str!("../migrations/0004_statistics.sql"),
    },
    Migration {
        version: 5,
        name: "economy",
        sql: include_str!("../migrations/0005_economy.sql"),
    },
    Migration {
        version: 6,
        name: "register",
        sql: include_str!("../migrations/0006_register.sql"),
    },
    Migration {
        version: 7,
        name: "deviations",
        sql: include_str!("../migrations/0007_deviations.sql"),
    },
    Migration {
        version: 8,
        name: "discharge",
        sql: include_str!("../migrations/0008_discharge.sql"),
    },
    Migration {
        version: 9,
        name: "governance",
        sql: include_str!("../migrations/0009_governance.sql"),
    },
    Migration {
        version: 10,
        name: "agreement_cycle",
        sql: include_str!("../migrations/0010_agreement_cycle.sql"),
    },
    Migration {
        version: 11,
        name: "discharge_followup",
        sql: include_str!("../migrations/0011_discharge_followup.sql"),
    },
];

/// The newest schema version this build knows.
pub fn latest_version() -> i64 {
    MIGRATIONS.last().map(|m| m.version).unwrap_or(0)
}

/// Brings the schema up to date; safe to run from several processes at once.
pub async fn run(pool: &AnyPool, engine: Engine) -> Result<(), sqlx::Error> {
    let mut conn = pool.acquire().await?;
    engine.lock_migrations(&mut conn).await?;
    let result = apply_pending(pool, engine).await;
    engine.unlock_migrations(&mut conn).await?;
    result
}

async fn apply_pending(pool: &AnyPool, engine: Engine) -> Result<(), sqlx::Error> {
    sqlx::query(
        "CREATE TABLE IF NOT EXISTS schema_migrations \
         (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
    )
    .execute(pool)
    .await?;
    for m in MIGRATIONS {
        let mut tx = engine.begin_write(pool).await?;
        let done = sqlx::query("SELECT COUNT(*) FROM schema_migrations WHERE version = $1")
            .bind(m.version)
            .fetch_one(&mut *tx)
            .await?
            .try_get::<i64, _>(0)?;
        if done > 0 {
            tx.rollback().await?;
            continue;
        }
        tracing::info!(version = m.version, name = m.name, "applying migration");
        sqlx::raw_sql(AssertSqlSafe(engine.render_migration(m.sql)))
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
        )
        .bind(m.version)
        .bind(m.name)
        .bind(samsyn_domain::time_fmt::now_stored())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
    }
    Ok(())
}
