//! The command line as a user meets it: each command, and bad input that gets one
//! clear line, a non-zero exit and no change.

mod common;

use common::{samsyn, stderr, stdout};
use samsyn_store::Store;

/// One user per role, and staff in the home care and vårdcentral of each
/// municipality and at the medical clinic.
const DEMO_USERS: i64 = 9 + 12 * 2 + 2;

fn one_line_error(o: &std::process::Output) -> String {
    assert!(!o.status.success(), "must fail: {}", stdout(o));
    let err = stderr(o);
    let lines: Vec<&str> = err.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "one line, got: {err}");
    assert!(lines[0].starts_with("samsyn: "), "{err}");
    lines[0].to_owned()
}

fn count(url: &str, table: &str) -> i64 {
    common::runtime().block_on(async {
        use sqlx_row::get_count;
        get_count(url, table).await
    })
}

mod sqlx_row {
    pub async fn get_count(url: &str, table: &str) -> i64 {
        let store = samsyn_store::Store::open(url).await.unwrap();
        let n = store.table_count(table).await.unwrap();
        store.close().await;
        n
    }
}

#[test]
fn an_unknown_argument_is_named_on_one_line() {
    let o = samsyn("sqlite://unused.db", &["serve", "--colour", "blue"], None);
    let line = one_line_error(&o);
    assert!(line.contains("--colour"), "{line}");
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_database_url_of_another_kind_is_refused() {
    let line = one_line_error(&samsyn("mysql://x@y/z", &["verify-audit"], None));
    assert!(
        line.contains("sqlite:") && line.contains("postgres://"),
        "{line}"
    );
}

#[test]
fn a_database_that_cannot_be_opened_is_named() {
    let line = one_line_error(&samsyn(
        "sqlite:///no/such/folder/samsyn.db",
        &["verify-audit"],
        None,
    ));
    assert!(line.contains("kan inte öppna databasen"), "{line}");
}

#[test]
fn a_corrupt_sqlite_file_is_refused_and_left_as_it_was() {
    let path = std::env::temp_dir().join(format!("samsyn-corrupt-{}.db", std::process::id()));
    let garbage =
        b"this is not a database, just some bytes that are long enough to look like a header"
            .repeat(20);
    std::fs::write(&path, &garbage).unwrap();
    let line = one_line_error(&samsyn(
        &format!("sqlite://{}", path.display()),
        &["verify-audit"],
        None,
    ));
    assert!(line.contains("kan inte öppna databasen"), "{line}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        garbage,
        "the file is unchanged"
    );
    let _ = std::fs::remove_file(&path);
}

on_both_engines!(
    the_demo_loads_once_and_the_second_run_changes_nothing,
    |url: &str| {
        let first = samsyn(url, &["demo"], None);
        assert!(first.status.success(), "{}", stderr(&first));
        assert!(stdout(&first).contains("admin"), "the logins are printed");
        let audit_before = count(url, "audit_log");
        let second = samsyn(url, &["demo"], None);
        assert!(second.status.success());
        assert!(stdout(&second).contains("inget ändrades"));
        assert_eq!(count(url, "audit_log"), audit_before);
        assert_eq!(
            count(url, "parties"),
            13 + 1,
            "the thirteen and a private provider"
        );
        assert_eq!(
            count(url, "users"),
            DEMO_USERS,
            "one per role and staff in each unit"
        );
        assert_eq!(
            count(url, "care_requests"),
            37,
            "three persons per municipality and one in psychiatric home care"
        );
    }
);

on_both_engines!(
    a_user_is_added_with_a_password_from_standard_input,
    |url: &str| {
        assert!(samsyn(url, &["demo"], None).status.success());
        let add = |args: &[&str], stdin: &str| {
            samsyn(url, &[&["user", "add"][..], args].concat(), Some(stdin))
        };
        let ok = add(
            &[
                "--username",
                "nora.ssk",
                "--role",
                "vardpersonal",
                "--unit",
                "HSV-1884",
                "--password-stdin",
            ],
            "ett-bra-losenord\n",
        );
        assert!(ok.status.success(), "{}", stderr(&ok));

        let empty = one_line_error(&add(
            &["--username", "tom", "--role", "admin", "--password-stdin"],
            "",
        ));
        assert!(empty.contains("lösenordet saknas"), "{empty}");
        let short = one_line_error(&add(
            &["--username", "kort", "--role", "admin", "--password-stdin"],
            "abc\n",
        ));
        assert!(short.contains("minst"), "{short}");
        let role = one_line_error(&add(
            &["--username", "chef", "--role", "chef", "--password-stdin"],
            "ett-bra-losenord\n",
        ));
        assert!(
            role.contains("vardpersonal"),
            "the valid roles are named: {role}"
        );
        let unit = one_line_error(&add(
            &[
                "--username",
                "ingen",
                "--role",
                "vardpersonal",
                "--unit",
                "FINNS-EJ",
                "--password-stdin",
            ],
            "ett-bra-losenord\n",
        ));
        assert!(unit.contains("FINNS-EJ"), "{unit}");
        let taken = one_line_error(&add(
            &["--username", "admin", "--role", "admin", "--password-stdin"],
            "ett-bra-losenord\n",
        ));
        assert!(taken.contains("upptaget"), "{taken}");
        assert_eq!(
            count(url, "users"),
            DEMO_USERS + 1,
            "only the good user was added"
        );

        let logged_in = common::runtime().block_on(async {
            let store = Store::open(url).await.unwrap();
            store
                .login("nora.ssk", "ett-bra-losenord", &Default::default())
                .await
                .unwrap()
        });
        assert!(matches!(
            logged_in,
            samsyn_store::sessions::LoginOutcome::LoggedIn { .. }
        ));
    }
);

on_both_engines!(
    verify_audit_passes_after_the_demo_and_names_an_altered_row,
    |url: &str| {
        assert!(samsyn(url, &["demo"], None).status.success());
        let ok = samsyn(url, &["verify-audit"], None);
        assert!(ok.status.success(), "{}", stderr(&ok));
        assert!(stdout(&ok).contains("hel"));
        common::runtime().block_on(async {
            let store = Store::open(url).await.unwrap();
            store
                .tamper_for_test("UPDATE audit_log SET detail = 'ändrad' WHERE seq = 3")
                .await;
        });
        let line = one_line_error(&samsyn(url, &["verify-audit"], None));
        assert!(line.contains("post 3"), "{line}");
    }
);

on_both_engines!(
    a_token_is_printed_once_and_unknown_users_get_none,
    |url: &str| {
        assert!(samsyn(url, &["demo"], None).status.success());
        let o = samsyn(url, &["token", "create", "--username", "analytiker"], None);
        assert!(o.status.success());
        assert!(stdout(&o).trim().starts_with("sst_"));
        let line = one_line_error(&samsyn(
            url,
            &["token", "create", "--username", "nobody"],
            None,
        ));
        assert!(line.contains("nobody"), "{line}");
    }
);

on_both_engines!(
    a_backup_taken_while_serving_restores_the_same_data,
    |url: &str| {
        let server = common::Server::start(url, true);
        let _cookie = server.login("admin");
        let file = std::env::temp_dir().join(format!(
            "samsyn-backup-{}-{}.jsonl",
            std::process::id(),
            url.len()
        ));
        let b = samsyn(url, &["backup", "--to", file.to_str().unwrap()], None);
        assert!(b.status.success(), "{}", stderr(&b));
        drop(server);

        let engine = samsyn_store::Engine::from_url(url).unwrap();
        let (target, _guard) = common::fresh_database(engine).unwrap();
        let r = samsyn(
            &target,
            &["restore", "--from", file.to_str().unwrap()],
            None,
        );
        assert!(r.status.success(), "{}", stderr(&r));
        for table in ["units", "users", "bodies", "sessions"] {
            assert_eq!(count(&target, table), count(url, table), "{table}");
        }
        assert!(samsyn(&target, &["verify-audit"], None).status.success());

        std::fs::write(&file, "{\"format\":\"samsyn-backup\"}\nnot json\n").unwrap();
        let before = count(&target, "audit_log");
        let line = one_line_error(&samsyn(
            &target,
            &["restore", "--from", file.to_str().unwrap()],
            None,
        ));
        assert!(line.contains("rad"), "the line is named: {line}");
        assert_eq!(count(&target, "audit_log"), before, "nothing changed");
        let _ = std::fs::remove_file(&file);
    }
);

on_both_engines!(
    a_kva_table_is_imported_all_or_nothing_with_the_bad_line_named,
    |url: &str| {
        let dir = std::env::temp_dir();
        let good = dir.join(format!("kva-good-{}-{}.csv", std::process::id(), url.len()));
        let bad = dir.join(format!("kva-bad-{}-{}.csv", std::process::id(), url.len()));
        std::fs::write(&good, "kod,titel\nDT016,Injektion\nQAB10,Omläggning\n").unwrap();
        std::fs::write(&bad, "kod,titel\nDT026,Infusion\nDT000,Grupprubrik\n").unwrap();
        let ok = samsyn(url, &["import", "kva", good.to_str().unwrap()], None);
        assert!(ok.status.success(), "{}", stderr(&ok));
        assert!(stdout(&ok).contains("2 KVÅ-koder"));
        let line = one_line_error(&samsyn(
            url,
            &["import", "kva", bad.to_str().unwrap()],
            None,
        ));
        assert!(
            line.contains("rad 3") && line.contains("grupprubrik"),
            "{line}"
        );
        assert_eq!(count(url, "kva_codes"), 2, "the bad file stored nothing");
        let _ = std::fs::remove_file(&good);
        let _ = std::fs::remove_file(&bad);
    }
);

const REFERENCE_2019: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/tabell1-2019.csv");

on_both_engines!(
    actions_generated_from_the_2019_table_reproduce_it_exactly,
    |url: &str| {
        let dir = std::env::temp_dir();
        let actions = dir.join(format!(
            "actions-2019-{}-{}.csv",
            std::process::id(),
            url.len()
        ));
        let g = samsyn(
            url,
            &[
                "generate",
                "actions",
                "--table",
                REFERENCE_2019,
                "--year",
                "2019",
                "--out",
                actions.to_str().unwrap(),
            ],
            None,
        );
        assert!(g.status.success(), "{}", stderr(&g));
        assert!(samsyn(url, &["demo"], None).status.success());
        let i = samsyn(url, &["import", "actions", actions.to_str().unwrap()], None);
        assert!(i.status.success(), "{}", stderr(&i));
        let report = samsyn(
            url,
            &["report", "tabell1", "--year", "2019", "--format", "csv"],
            None,
        );
        assert!(report.status.success(), "{}", stderr(&report));
        assert_eq!(
            stdout(&report),
            std::fs::read_to_string(REFERENCE_2019).unwrap(),
            "county row included"
        );

        let again = one_line_error(&samsyn(
            url,
            &["import", "actions", actions.to_str().unwrap()],
            None,
        ));
        assert!(again.contains("redan inläst"), "{again}");

        let json: serde_json::Value = serde_json::from_str(&stdout(&samsyn(
            url,
            &["report", "tabell1", "--year", "2019", "--format", "json"],
            None,
        )))
        .unwrap();
        assert_eq!(json["rows"][0]["totalt"], 16572);
        let xlsx = actions.with_extension("xlsx");
        let x = samsyn(
            url,
            &[
                "report",
                "tabell1",
                "--year",
                "2019",
                "--format",
                "xlsx",
                "--out",
                xlsx.to_str().unwrap(),
            ],
            None,
        );
        assert!(x.status.success(), "{}", stderr(&x));
        assert_eq!(
            &std::fs::read(&xlsx).unwrap()[..2],
            b"PK",
            "an XLSX workbook"
        );
        let _ = std::fs::remove_file(&xlsx);
        let missing = one_line_error(&samsyn(url, &["report", "tabell2", "--year", "2019"], None));
        assert!(
            missing.contains("befolkningsuppgifter saknas") && missing.contains("Askersund"),
            "{missing}"
        );
        let _ = std::fs::remove_file(&actions);
    }
);

on_both_engines!(a_bad_action_row_is_named_and_stores_nothing, |url: &str| {
    assert!(samsyn(url, &["demo"], None).status.success());
    let file = std::env::temp_dir().join(format!(
        "actions-bad-{}-{}.csv",
        std::process::id(),
        url.len()
    ));
    std::fs::write(&file, "personnummer,kommunkod,datum,kva_kod,utforare,minuter\n19121212-1212,1880,2019-03-01,DT016,delegerad,10\n19121212-1212,1880,2019-03-02,DT016,sjukgymnast,10\n").unwrap();
    let (actions, persons) = (count(url, "historical_actions"), count(url, "persons"));
    let line = one_line_error(&samsyn(
        url,
        &["import", "actions", file.to_str().unwrap()],
        None,
    ));
    assert!(line.contains("rad 3, fält utforare"), "{line}");
    assert_eq!(
        count(url, "historical_actions"),
        actions,
        "nothing was stored"
    );
    assert_eq!(count(url, "persons"), persons);

    std::fs::write(
        &file,
        "kommunkod,ar,kon,aldersgrupp,antal\n1880,2019,K,80+,4620\n1880,2019,X,80+,1\n",
    )
    .unwrap();
    let line = one_line_error(&samsyn(
        url,
        &["import", "population", file.to_str().unwrap()],
        None,
    ));
    assert!(line.contains("rad 3, fält kon"), "{line}");
    assert_eq!(count(url, "population"), 0);
    let _ = std::fs::remove_file(&file);
});

on_both_engines!(tabell2_divides_by_the_imported_population, |url: &str| {
    assert!(samsyn(url, &["demo"], None).status.success());
    let file = std::env::temp_dir().join(format!("pop-{}-{}.csv", std::process::id(), url.len()));
    let mut csv = String::from("kommunkod,ar,kon,aldersgrupp,antal\n");
    for m in [
        "1814", "1860", "1861", "1862", "1863", "1864", "1880", "1881", "1882", "1883", "1884",
        "1885",
    ] {
        for sex in ["K", "M"] {
            for group in ["0-64", "65-79", "80+"] {
                csv.push_str(&format!("{m},2026,{sex},{group},10\n"));
            }
        }
    }
    std::fs::write(&file, csv).unwrap();
    assert!(
        samsyn(url, &["import", "population", file.to_str().unwrap()], None)
            .status
            .success()
    );
    let report = samsyn(url, &["report", "tabell2", "--year", "2026"], None);
    assert!(report.status.success(), "{}", stderr(&report));
    let out = stdout(&report);
    assert_eq!(
        out.lines().next().unwrap(),
        "kommunkod,kommun,totalt,k_0_64,m_0_64,t_0_64,k_65_79,m_65_79,t_65_79,k_80,m_80,t_80"
    );
    let orebro = out.lines().find(|l| l.starts_with("1880,")).unwrap();
    let total: f64 = orebro.split(',').nth(2).unwrap().parse().unwrap();
    assert!(
        total > 0.0,
        "the demo's enrolled persons in Örebro: {orebro}"
    );
    let _ = std::fs::remove_file(&file);
});

on_both_engines!(
    the_supplementary_amount_follows_the_tax_base_step_by_step,
    |url: &str| {
        assert!(samsyn(url, &["demo"], None).status.success());
        let file =
            std::env::temp_dir().join(format!("tax-{}-{}.csv", std::process::id(), url.len()));
        std::fs::write(&file, "ar,procent\n2026,4.5\n2027,tre\n").unwrap();
        let line = one_line_error(&samsyn(
            url,
            &["import", "tax-base", file.to_str().unwrap()],
            None,
        ));
        assert!(line.contains("rad 3, fält procent"), "{line}");
        std::fs::write(&file, "ar,procent\n2026,4.5\n2027,3.25\n").unwrap();
        assert!(
            samsyn(url, &["import", "tax-base", file.to_str().unwrap()], None)
                .status
                .success()
        );
        let base = samsyn(
            url,
            &[
                "economy",
                "base",
                "--municipality",
                "1880",
                "--year",
                "2025",
                "--amount",
                "1000000",
                "--decision",
                "RSR 2024-11-22 § 7",
            ],
            None,
        );
        assert!(base.status.success(), "{}", stderr(&base));
        let report = stdout(&samsyn(
            url,
            &["report", "tillaggsbelopp", "--year", "2027"],
            None,
        ));
        let orebro = report.lines().find(|l| l.starts_with("1880,")).unwrap();
        assert!(
            orebro.starts_with("1880,2025,100000000,107896250,"),
            "{orebro}"
        );
        assert!(
            orebro.contains(
                "2026: 1\u{a0}000\u{a0}000,00 kr × (1 + 4,50 %) = 1\u{a0}045\u{a0}000,00 kr"
            ),
            "{orebro}"
        );
        let missing = stdout(&samsyn(
            url,
            &["report", "tillaggsbelopp", "--year", "2028"],
            None,
        ));
        assert!(
            missing.contains("skatteunderlagets utveckling saknas för 2028"),
            "{missing}"
        );
        let _ = std::fs::remove_file(&file);
    }
);

on_both_engines!(
    the_psychiatric_invoice_basis_is_exported_with_each_read_audited,
    |url: &str| {
        assert!(samsyn(url, &["demo"], None).status.success());
        let today = time::OffsetDateTime::now_utc().date();
        let month = format!("{:04}-{:02}", today.year(), today.month() as u8);
        let audit_before = count(url, "audit_log");
        let out = samsyn(url, &["report", "psykiatri", "--month", &month], None);
        assert!(out.status.success(), "{}", stderr(&out));
        let text = stdout(&out);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "kommunkod,personnummer,insatser,minuter");
        assert!(lines[1].starts_with("1880,19850912-"), "{text}");
        assert_eq!(
            count(url, "audit_log"),
            audit_before + (lines.len() as i64 - 1),
            "one audit entry per patient"
        );
        let bad = one_line_error(&samsyn(
            url,
            &["report", "psykiatri", "--month", "2026-13"],
            None,
        ));
        assert!(bad.contains("ingen månad"), "{bad}");
    }
);
