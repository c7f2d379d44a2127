//! The statistics aggregates stay equal to a full recount of the actions, whatever
//! order actions are recorded, corrected and deleted in — on both engines.

mod common;
use common::*;

use samsyn_store::stats::import::{parse_actions, parse_population};

/// A small deterministic generator (xorshift), so a failing seed can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// Persons of different ages and sexes: the first six get episodes, the last two only
/// imported actions.
const PERSONS: [&str; 8] = [
    "19400101123",
    "19400202224",
    "19500303123",
    "19550404244",
    "19700505123",
    "19800606224",
    "19300707123",
    "19900808224",
];

/// Episodes for six persons of different ages and sexes; two of them get care from
/// both municipalities, so the county row must count them once.
async fn episodes(w: &World) -> Vec<(i64, Principal)> {
    let mut out = Vec::new();
    for (i, p) in PERSONS[..6].iter().enumerate() {
        let id = w.sent(&pn(p)).await;
        let ep = w
            .store
            .decide_request(&w.hsv, id, Decision::Accept, "", None)
            .await
            .unwrap()
            .episode_id
            .unwrap();
        out.push((ep, w.hsv.clone()));
        if i % 3 == 0 {
            let mut r = w.request(&pn(p), "VC-1880", RequestKind::Ongoing);
            r.to_unit = UnitCode::parse("HSV-1881").unwrap();
            let id = w.store.create_request(&w.vc, r).await.unwrap().id;
            let ep = w
                .store
                .decide_request(&w.hsv2, id, Decision::Accept, "", None)
                .await
                .unwrap()
                .episode_id
                .unwrap();
            out.push((ep, w.hsv2.clone()));
        }
    }
    out
}

fn day(rng: &mut Rng) -> time::Date {
    let year = 2024 + rng.next(2) as i32;
    time::Date::from_ordinal_date(year, 1 + rng.next(365) as u16).unwrap()
}

/// Imports one to four actions for the episodes' persons and two persons new to
/// samsyn, in either municipality and year — on top of whatever is recorded.
async fn import_a_few(w: &World, rng: &mut Rng, sha: &str) {
    let mut file = String::from("personnummer,kommunkod,datum,kva_kod,utforare,minuter\n");
    for _ in 0..1 + rng.next(4) {
        file.push_str(&format!(
            "{},{},{},DT016,delegerad,5\n",
            pn(PERSONS[rng.next(PERSONS.len())]).display(),
            ["1880", "1881"][rng.next(2)],
            day(rng)
        ));
    }
    let (municipalities, codes) = w.store.import_context().await.unwrap();
    let parsed = parse_actions(file.as_bytes(), &municipalities, &codes, |_| {}).unwrap();
    w.store
        .import_actions("historik.csv", sha, parsed, "cli")
        .await
        .unwrap();
}

/// Imports `file` through the streaming path, as `samsyn import actions` does.
async fn import_streamed(
    w: &World,
    sha: &str,
    file: String,
) -> Result<samsyn_store::stats::import::ImportSummary, StoreError> {
    let (municipalities, codes) = w.store.import_context().await.unwrap();
    w.store
        .import_actions_from(
            "historik.csv",
            sha,
            std::io::Cursor::new(file.into_bytes()),
            municipalities,
            codes,
            |_| {},
            "cli",
        )
        .await
}

async fn assert_aggregates_match(store: &Store, context: &str) {
    for year in [2024, 2025] {
        let kept = store.tabell1(year).await.unwrap();
        let counted = store.tabell1_recount(year).await.unwrap();
        assert_eq!(kept, counted, "{context}, year {year}");
    }
}

contract!(
    aggregates_equal_a_recount_after_random_records_corrections_deletions_and_imports,
    |w: World| async move {
        let eps = episodes(&w).await;
        for seed in [1u64, 7, 42] {
            let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ seed);
            let mut actions: Vec<(i64, i64, usize)> = Vec::new();
            for step in 0..40 {
                let op = rng.next(6);
                if op == 5 {
                    import_a_few(&w, &mut rng, &format!("sha-{seed}-{step}")).await;
                } else if op < 3 || actions.is_empty() {
                    let e = rng.next(eps.len());
                    let (ep, who) = &eps[e];
                    let a = NewAction {
                        kva: KvaCode::parse("DT016").unwrap(),
                        performed_on: day(&mut rng),
                        performer: PerformerKind::Delegated,
                        minutes: Some(5),
                    };
                    let view = w.store.record_action(who, *ep, a).await.unwrap();
                    actions.push((*ep, view.actions.iter().map(|a| a.id).max().unwrap(), e));
                } else if op == 3 {
                    let (ep, id, e) = actions[rng.next(actions.len())];
                    let a = NewAction {
                        kva: KvaCode::parse("QAB10").unwrap(),
                        performed_on: day(&mut rng),
                        performer: PerformerKind::Licensed,
                        minutes: None,
                    };
                    w.store.correct_action(&eps[e].1, ep, id, a).await.unwrap();
                } else {
                    let (ep, id, e) = actions.swap_remove(rng.next(actions.len()));
                    w.store.delete_action(&eps[e].1, ep, id).await.unwrap();
                }
                if step % 8 == 7 {
                    assert_aggregates_match(&w.store, &format!("seed {seed}, step {step}")).await;
                }
            }
            assert_aggregates_match(&w.store, &format!("seed {seed}, end")).await;
        }
        let t = w.store.tabell1(2024).await.unwrap();
        let sum: i64 = t.municipalities.iter().map(|r| r.counts.total()).sum();
        assert!(
            sum >= t.county.counts.total(),
            "municipality rows add up to at least the county row"
        );
    }
);

contract!(
    a_bulk_import_counts_into_the_years_it_touches_and_is_all_or_nothing,
    |w: World| async move {
        let (municipalities, codes) = w.store.import_context().await.unwrap();
        let file = format!(
            "personnummer,kommunkod,datum,kva_kod,utforare,minuter\n{a},1880,2019-02-01,DT016,delegerad,10\n{a},1881,2019-05-01,DT016,legitimerad,\n{b},1880,2019-06-01,XY123,delegerad,5\n{b},1880,2020-01-10,DT016,delegerad,5\n",
            a = pn("19300101123").display(),
            b = pn("19500101224").display(),
        );
        let parsed = parse_actions(file.as_bytes(), &municipalities, &codes, |_| {}).unwrap();
        let summary = w
            .store
            .import_actions("historik.csv", "sha-1", parsed, "cli")
            .await
            .unwrap();
        assert_eq!(
            (summary.rows, summary.persons_added, summary.years.clone()),
            (4, 2, vec![2019, 2020])
        );
        assert_eq!(
            summary.unknown_codes,
            [("XY123".to_string(), 4)],
            "an unknown code is a warning with its line"
        );
        let t = w.store.tabell1(2019).await.unwrap();
        assert_eq!(t, w.store.tabell1_recount(2019).await.unwrap());
        assert_eq!(
            t.county.counts.total(),
            2,
            "two distinct persons in the county"
        );
        let total: i64 = t.municipalities.iter().map(|r| r.counts.total()).sum();
        assert_eq!(total, 3, "one of them in two municipalities");

        let again = parse_actions(file.as_bytes(), &municipalities, &codes, |_| {}).unwrap();
        assert!(matches!(
            w.store
                .import_actions("historik.csv", "sha-1", again, "cli")
                .await,
            Err(StoreError::Conflict(_))
        ));
        let bad = file.replace("2020-01-10", "2020-13-10");
        assert!(parse_actions(bad.as_bytes(), &municipalities, &codes, |_| {}).is_err());
        assert_eq!(
            w.store.table_count("historical_actions").await.unwrap(),
            4,
            "nothing more was stored"
        );

        let pop = parse_population(
            "kommunkod,ar,kon,aldersgrupp,antal\n1880,2019,K,80+,4000\n".as_bytes(),
            &municipalities,
        )
        .unwrap();
        assert_eq!(w.store.import_population(&pop, "cli").await.unwrap(), 1);
        assert_eq!(
            w.store.population(2019).await.unwrap()["1880"].women[2],
            4000
        );
    }
);

contract!(
    a_bulk_import_leaves_every_other_transaction_with_its_foreign_keys_checked,
    |w: World| async move {
        let (municipalities, codes) = w.store.import_context().await.unwrap();
        let file = format!(
            "personnummer,kommunkod,datum,kva_kod,utforare,minuter\n{},1880,2019-02-01,DT016,delegerad,10\n",
            pn("19300101123").display()
        );
        let parsed = parse_actions(file.as_bytes(), &municipalities, &codes, |_| {}).unwrap();
        w.store
            .import_actions("historik.csv", "sha-fk", parsed, "cli")
            .await
            .unwrap();
        // Whichever pooled connection comes: the bulk import's own was closed.
        for _ in 0..4 {
            let mut tx = w.store.begin_write().await.unwrap();
            let refused = sqlx::query(
                "INSERT INTO historical_actions (import_id, person_id, municipality_code, performed_on, kva_code, performer_kind) \
                 VALUES (999999, 999999, '0000', '2019-01-01', 'DT016', 'delegerad')",
            )
            .execute(&mut *tx)
            .await;
            assert!(refused.is_err(), "a reference to nothing is refused");
        }
    }
);

contract!(
    a_bad_row_late_in_a_streamed_import_rolls_the_whole_import_back,
    |w: World| async move {
        let before = (
            w.store.table_count("persons").await.unwrap(),
            w.store.table_count("action_imports").await.unwrap(),
            w.store.table_count("stat_cells").await.unwrap(),
        );
        // More than two batches of good rows before the bad one: storing starts while the file is read.
        let rows = 2 * samsyn_store::stats::import::BATCH + 10;
        let mut file = String::from("personnummer,kommunkod,datum,kva_kod,utforare,minuter\n");
        for i in 0..rows {
            file.push_str(&format!(
                "{},188{},2019-{:02}-01,DT016,delegerad,5\n",
                pn(&format!("193{:01}0101{:03}", i % 10, 100 + i % 800)).display(),
                i % 2,
                1 + i % 12
            ));
        }
        file.push_str(&format!(
            "{},1880,2019-02-30,DT016,delegerad,5\n",
            pn("19300101123").display()
        ));
        let failed = import_streamed(&w, "sha-stream", file).await;
        match failed {
            Err(StoreError::Invalid(e)) => {
                assert_eq!(e.field, "datum");
                assert!(
                    e.message.contains(&format!("rad {}", rows + 2)),
                    "the line is named: {}",
                    e.message
                );
            }
            other => panic!("expected the bad row to be refused, got {other:?}"),
        }
        assert_eq!(
            w.store.table_count("historical_actions").await.unwrap(),
            0,
            "no action was kept"
        );
        assert_eq!(
            (
                w.store.table_count("persons").await.unwrap(),
                w.store.table_count("action_imports").await.unwrap(),
                w.store.table_count("stat_cells").await.unwrap(),
            ),
            before,
            "no person, import or count was kept"
        );
    }
);

contract!(
    a_file_that_is_not_what_was_hashed_is_refused_and_nothing_is_stored,
    |w: World| async move {
        let file = format!(
            "personnummer,kommunkod,datum,kva_kod,utforare,minuter\n{},1880,2019-02-01,DT016,delegerad,10\n",
            pn("19300101123").display()
        );
        let refused = import_streamed(&w, "sha-of-another-file", file).await;
        assert!(
            matches!(&refused, Err(StoreError::Invalid(e)) if e.field == "fil"),
            "{refused:?}"
        );
        assert_eq!(w.store.table_count("historical_actions").await.unwrap(), 0);
        assert_eq!(w.store.table_count("action_imports").await.unwrap(), 0);
    }
);
