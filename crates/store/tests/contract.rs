//! Store contract tests: every behaviour runs on SQLite and, when
//! SAMSYN_TEST_POSTGRES_URL is set, on PostgreSQL.

use samsyn_domain::audit::{AuditEvent, BreakReason, Outcome, Purpose};
use samsyn_domain::org::{PartyKind, UnitKind};
use samsyn_domain::policy::AuditScope;
use samsyn_domain::throttle::LoginThrottle;
use samsyn_domain::{PartyCode, Role, RoleAssignment, UnitCode, Username, password};
use samsyn_store::audit::{self, AuditFilter};
use samsyn_store::org::{self, NewUnit};
use samsyn_store::sessions::{self, LoginOutcome};
use samsyn_store::testing::TestDb;
use samsyn_store::users::{self, NewUser};
use samsyn_store::{Engine, Store, StoreError};

macro_rules! contract {
    ($name:ident, $body:expr) => {
        mod $name {
            use super::*;
            #[tokio::test]
            async fn on_sqlite() {
                let db = TestDb::new(Engine::Sqlite).await.unwrap();
                ($body)(db.store.clone()).await;
            }
            #[tokio::test]
            async fn on_postgres() {
                let Some(db) = TestDb::new(Engine::Postgres).await else {
                    return;
                };
                ($body)(db.store.clone()).await;
            }
        }
    };
}

const PASSWORD: &str = "ett långt lösenord";

/// Two parties with a unit each.
async fn seed(store: &Store) {
    let mut tx = store.begin_write().await.unwrap();
    org::ensure_county_part(&mut tx, "orebro", "Örebro")
        .await
        .unwrap();
    for (code, name, kind) in [
        ("18", "Region Örebro län", PartyKind::Region),
        ("1880", "Örebro kommun", PartyKind::Kommun),
        ("1881", "Kumla kommun", PartyKind::Kommun),
    ] {
        org::ensure_party(
            &mut tx,
            &PartyCode::parse(code).unwrap(),
            name,
            kind,
            Some("orebro"),
        )
        .await
        .unwrap();
    }
    for (code, party, kind) in [
        ("HSV-1880", "1880", UnitKind::Hemsjukvard),
        ("HSV-1881", "1881", UnitKind::Hemsjukvard),
        ("VC-1880", "18", UnitKind::Vardcentral),
    ] {
        let unit = NewUnit {
            code: UnitCode::parse(code).unwrap(),
            name: format!("Enhet {code}"),
            kind,
            party: PartyCode::parse(party).unwrap(),
        };
        org::ensure_unit(&mut tx, &unit).await.unwrap();
    }
    tx.commit().await.unwrap();
}

async fn add_user(
    store: &Store,
    username: &str,
    role: Role,
    unit: Option<&str>,
    party: Option<&str>,
) -> Result<i64, StoreError> {
    let mut tx = store.begin_write().await?;
    let id = users::create_user(
        &mut tx,
        NewUser {
            username: Username::parse(username).unwrap(),
            display_name: username.to_uppercase(),
            password_hash: password::hash_new(PASSWORD).unwrap(),
            assignment: RoleAssignment {
                role,
                party: party.map(|p| PartyCode::parse(p).unwrap()),
                unit: unit.map(|u| UnitCode::parse(u).unwrap()),
                body: None,
            },
        },
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

async fn count(store: &Store, table: &str) -> i64 {
    use sqlx::Row;
    sqlx::query(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
        .fetch_one(store.pool())
        .await
        .unwrap()
        .get(0)
}

contract!(
    opening_twice_migrates_once_and_keeps_data,
    |store: Store| async move {
        seed(&store).await;
        let url_store = store.clone();
        drop(url_store);
        assert_eq!(store.units().await.unwrap().len(), 3);
        assert_eq!(
            count(&store, "schema_migrations").await,
            samsyn_store::migrate::latest_version()
        );
    }
);

contract!(
    seeding_twice_changes_nothing_the_second_time,
    |store: Store| async move {
        seed(&store).await;
        let before = store.units().await.unwrap();
        seed(&store).await;
        assert_eq!(store.units().await.unwrap(), before);
    }
);

contract!(
    concurrent_appends_form_one_unbroken_chain,
    |store: Store| async move {
        let mut tasks = Vec::new();
        for i in 0..20 {
            let s = store.clone();
            tasks.push(tokio::spawn(async move {
                s.audit(
                    &AuditEvent::system("cli", "test.append", Purpose::Operations, Outcome::Ok)
                        .with_detail(format!("{i}")),
                )
                .await
                .unwrap()
            }));
        }
        let mut seqs = Vec::new();
        for t in tasks {
            seqs.push(t.await.unwrap());
        }
        seqs.sort();
        assert_eq!(seqs, (1..=20).collect::<Vec<i64>>());
        assert_eq!(store.verify_audit().await.unwrap(), Ok(20));
    }
);

contract!(
    an_altered_audit_row_is_named_by_verification,
    |store: Store| async move {
        for _ in 0..3 {
            store
                .audit(&AuditEvent::system(
                    "cli",
                    "test.append",
                    Purpose::Operations,
                    Outcome::Ok,
                ))
                .await
                .unwrap();
        }
        sqlx::query("UPDATE audit_log SET outcome = 'denied' WHERE seq = 2")
            .execute(store.pool())
            .await
            .unwrap();
        let broken = store.verify_audit().await.unwrap().unwrap_err();
        assert_eq!((broken.seq, broken.reason), (2, BreakReason::Altered));
    }
);

contract!(
    a_deleted_audit_row_is_named_by_verification,
    |store: Store| async move {
        for _ in 0..3 {
            store
                .audit(&AuditEvent::system(
                    "cli",
                    "test.append",
                    Purpose::Operations,
                    Outcome::Ok,
                ))
                .await
                .unwrap();
        }
        sqlx::query("DELETE FROM audit_log WHERE seq = 3")
            .execute(store.pool())
            .await
            .unwrap();
        let broken = store.verify_audit().await.unwrap().unwrap_err();
        assert_eq!((broken.seq, broken.reason), (3, BreakReason::TruncatedEnd));
    }
);

contract!(
    a_failed_transaction_leaves_no_audit_entry,
    |store: Store| async move {
        let mut tx = store.begin_write().await.unwrap();
        audit::append(
            &mut tx,
            &AuditEvent::system("cli", "test.append", Purpose::Operations, Outcome::Ok),
        )
        .await
        .unwrap();
        tx.rollback().await.unwrap();
        assert_eq!(count(&store, "audit_log").await, 0);
        assert_eq!(store.verify_audit().await.unwrap(), Ok(0));
    }
);

contract!(
    a_user_logs_in_with_the_right_password_only,
    |store: Store| async move {
        seed(&store).await;
        add_user(&store, "anna", Role::Vardpersonal, Some("HSV-1880"), None)
            .await
            .unwrap();
        let throttle = LoginThrottle::default();
        let LoginOutcome::LoggedIn {
            cookie_token,
            session,
        } = store.login("Anna", PASSWORD, &throttle).await.unwrap()
        else {
            panic!("right password must log in")
        };
        assert_eq!(
            session.principal.party().map(|p| p.as_str()),
            Some("1880"),
            "the unit's party is filled in"
        );
        let again = store
            .session(&cookie_token)
            .await
            .unwrap()
            .expect("the session is found by its cookie");
        assert_eq!(again.principal.username.as_str(), "anna");
        assert!(matches!(
            store
                .login("anna", "fel lösenord!!", &throttle)
                .await
                .unwrap(),
            LoginOutcome::Rejected
        ));
        assert!(matches!(
            store.login("ingen", PASSWORD, &throttle).await.unwrap(),
            LoginOutcome::Rejected
        ));
        store.logout(&again).await.unwrap();
        assert!(
            store.session(&cookie_token).await.unwrap().is_none(),
            "logout ends the session"
        );
        let actions: Vec<(String, String)> = {
            let mut tx = store.begin_write().await.unwrap();
            let e = audit::search(
                &mut tx,
                &AuditScope::All,
                &AuditFilter {
                    limit: 50,
                    ..Default::default()
                },
            )
            .await
            .unwrap();
            e.into_iter()
                .rev()
                .map(|e| (e.event.action, e.event.outcome))
                .collect()
        };
        let expected = [
            ("session.login", "ok"),
            ("session.login", "failed"),
            ("session.login", "failed"),
            ("session.logout", "ok"),
        ];
        assert_eq!(actions, expected.map(|(a, o)| (a.to_owned(), o.to_owned())));
    }
);

contract!(
    five_failed_logins_lock_the_account_even_for_the_right_password,
    |store: Store| async move {
        seed(&store).await;
        add_user(&store, "anna", Role::Vardpersonal, Some("HSV-1880"), None)
            .await
            .unwrap();
        let throttle = LoginThrottle::default();
        for _ in 0..5 {
            assert!(matches!(
                store
                    .login("anna", "fel lösenord!!", &throttle)
                    .await
                    .unwrap(),
                LoginOutcome::Rejected
            ));
        }
        assert!(matches!(
            store.login("anna", PASSWORD, &throttle).await.unwrap(),
            LoginOutcome::Throttled
        ));
    }
);

contract!(
    a_taken_username_or_unknown_unit_stores_nothing,
    |store: Store| async move {
        seed(&store).await;
        add_user(&store, "anna", Role::Vardpersonal, Some("HSV-1880"), None)
            .await
            .unwrap();
        assert!(matches!(
            add_user(&store, "anna", Role::Admin, None, None).await,
            Err(StoreError::Conflict(_))
        ));
        match add_user(&store, "bo", Role::Vardpersonal, Some("FINNS-INTE"), None).await {
            Err(StoreError::Invalid(e)) => assert_eq!(e.field, "unit"),
            other => panic!("expected an invalid unit, got {other:?}"),
        }
        match add_user(
            &store,
            "cia",
            Role::Vardpersonal,
            Some("HSV-1880"),
            Some("1881"),
        )
        .await
        {
            Err(StoreError::Invalid(e)) => assert_eq!(e.field, "party"),
            other => panic!("expected a party mismatch, got {other:?}"),
        }
        assert_eq!(store.user_count().await.unwrap(), 1);
        assert_eq!(count(&store, "role_assignments").await, 1);
    }
);

contract!(
    an_api_token_authenticates_its_user_and_nothing_else,
    |store: Store| async move {
        seed(&store).await;
        let id = add_user(&store, "analys", Role::Analytiker, None, None)
            .await
            .unwrap();
        let mut tx = store.begin_write().await.unwrap();
        let token = sessions::create_api_token(&mut tx, id).await.unwrap();
        tx.commit().await.unwrap();
        assert_eq!(
            store
                .token_principal(&token)
                .await
                .unwrap()
                .unwrap()
                .user_id,
            id
        );
        assert!(store.token_principal("sst_wrong").await.unwrap().is_none());
    }
);

contract!(
    a_mas_reviews_only_the_log_of_their_own_party,
    |store: Store| async move {
        seed(&store).await;
        add_user(&store, "anna", Role::Vardpersonal, Some("HSV-1880"), None)
            .await
            .unwrap();
        add_user(&store, "kurt", Role::Vardpersonal, Some("HSV-1881"), None)
            .await
            .unwrap();
        let throttle = LoginThrottle::default();
        store.login("anna", PASSWORD, &throttle).await.unwrap();
        store.login("kurt", PASSWORD, &throttle).await.unwrap();
        let mut tx = store.begin_write().await.unwrap();
        let scope = AuditScope::Party(PartyCode::parse("1880").unwrap());
        let seen = audit::search(
            &mut tx,
            &scope,
            &AuditFilter {
                limit: 50,
                ..Default::default()
            },
        )
        .await
        .unwrap();
        assert_eq!(
            seen.iter()
                .map(|e| e.event.actor.as_str())
                .collect::<Vec<_>>(),
            ["anna"]
        );
        let filtered = audit::search(
            &mut tx,
            &AuditScope::All,
            &AuditFilter {
                actor: Some("KURT".into()),
                limit: 50,
                ..Default::default()
            },
        )
        .await
        .unwrap();
        assert_eq!(filtered.len(), 1);
    }
);

contract!(
    backup_and_restore_reproduce_the_same_data,
    |store: Store| async move {
        seed(&store).await;
        add_user(&store, "anna", Role::Vardpersonal, Some("HSV-1880"), None)
            .await
            .unwrap();
        store
            .login("anna", PASSWORD, &LoginThrottle::default())
            .await
            .unwrap();
        let mut copy = Vec::new();
        let summary = store.backup(&mut copy).await.unwrap();
        assert!(summary.rows > 10);

        let target = TestDb::new(store.engine()).await.unwrap();
        target.store.restore(copy.as_slice()).await.unwrap();
        assert_eq!(
            target.store.units().await.unwrap(),
            store.units().await.unwrap()
        );
        assert_eq!(target.store.user_count().await.unwrap(), 1);
        assert!(
            matches!(
                target
                    .store
                    .login("anna", PASSWORD, &LoginThrottle::default())
                    .await
                    .unwrap(),
                LoginOutcome::LoggedIn { .. }
            ),
            "passwords survive"
        );
        let verified = target
            .store
            .verify_audit()
            .await
            .unwrap()
            .expect("the restored chain verifies");
        assert_eq!(
            verified,
            count(&store, "audit_log").await + 2,
            "restore and login are appended to the chain"
        );
        // New rows get fresh ids after explicit ids were restored.
        add_user(&target.store, "bo", Role::Admin, None, None)
            .await
            .unwrap();
    }
);

contract!(
    a_damaged_backup_changes_nothing,
    |store: Store| async move {
        seed(&store).await;
        let mut copy = Vec::new();
        store.backup(&mut copy).await.unwrap();
        let text = String::from_utf8(copy).unwrap();
        let truncated: String = text.lines().take(5).map(|l| format!("{l}\n")).collect();
        let before = count(&store, "audit_log").await;
        for bad in [truncated.as_str(), "not json\n", "{\"format\":\"other\"}\n"] {
            let err = store.restore(bad.as_bytes()).await.unwrap_err();
            assert!(matches!(err, StoreError::Corrupt(_)), "{err}");
        }
        assert_eq!(store.units().await.unwrap().len(), 3);
        assert_eq!(count(&store, "audit_log").await, before);
    }
);

contract!(the_backup_covers_every_table, |store: Store| async move {
    use sqlx::Row;
    let sql = match store.engine() {
        Engine::Sqlite => {
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'"
        }
        Engine::Postgres => {
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migrations'"
        }
    };
    let mut tables: Vec<String> = sqlx::query(sql)
        .fetch_all(store.pool())
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    tables.sort();
    let mut listed: Vec<String> = samsyn_store::backup::TABLES
        .iter()
        .map(|(t, _)| t.to_string())
        .collect();
    listed.sort();
    assert_eq!(tables, listed);
});
