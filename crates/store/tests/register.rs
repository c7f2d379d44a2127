//! The decisions register on both engines: imported minutes are stored once, a changed
//! file is refused and named, and search finds Swedish word forms.

mod common;
use common::*;

use samsyn_domain::protocol::{self, Hints};
use samsyn_store::register::{ImportOutcome, search::Query};

fn fixture(name: &str) -> (Vec<u8>, protocol::Protocol) {
    let path = format!(
        "{}/../../../shared/domain/sources/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap();
    let (text, _) = protocol::read_document(&bytes).unwrap();
    let parsed = protocol::parse(&text, &Hints::default()).unwrap();
    (bytes, parsed)
}

const CG: &str = "protokoll-chefsgrupp-2024-04-19.txt";
const SSR: &str = "protokoll-specifika-samverkansradet-2024-09-20.txt";

async fn import(store: &Store, name: &str) -> ImportOutcome {
    let (bytes, p) = fixture(name);
    let body = store.resolve_body(None, p.body.as_deref()).await.unwrap();
    store
        .import_protocol(name, &bytes, &p, &body, "test")
        .await
        .unwrap()
}

contract!(
    importing_the_same_file_twice_stores_it_once,
    |w: World| async move {
        let first = import(&w.store, CG).await;
        let ImportOutcome::Imported { meeting_id } = first else {
            panic!("{first:?}")
        };
        assert_eq!(
            import(&w.store, CG).await,
            ImportOutcome::Unchanged { meeting_id }
        );
        assert_eq!(w.store.table_count("meetings").await.unwrap(), 1);
        let m = w.store.meeting(meeting_id).await.unwrap().unwrap();
        assert_eq!(m.items.len(), 15);
        assert_eq!(m.items[5].decisions.len(), 5);
        assert_eq!(m.chair.as_deref(), Some("Johanna Viberg"));
        let (name, bytes) = w.store.protocol_file(meeting_id).await.unwrap().unwrap();
        assert_eq!(name, CG);
        assert_eq!(
            bytes,
            fixture(CG).0,
            "the original file is kept byte for byte"
        );
        assert_eq!(w.audit_count("protocol.import", "ok").await, 1);
    }
);

contract!(
    a_changed_file_for_a_meeting_already_stored_is_refused,
    |w: World| async move {
        let ImportOutcome::Imported { meeting_id } = import(&w.store, CG).await else {
            panic!()
        };
        let (mut bytes, p) = fixture(CG);
        bytes.extend_from_slice(b"\nEn rad till.\n");
        let body = w.store.resolve_body(None, p.body.as_deref()).await.unwrap();
        let again = w
            .store
            .import_protocol("andrad.txt", &bytes, &p, &body, "test")
            .await
            .unwrap();
        assert_eq!(again, ImportOutcome::Changed { meeting_id });
        assert_eq!(
            w.store.table_count("protocol_files").await.unwrap(),
            1,
            "nothing stored"
        );
    }
);

contract!(
    search_finds_word_forms_across_meetings_with_filters,
    |w: World| async move {
        import(&w.store, CG).await;
        import(&w.store, SSR).await;
        let q = |text: &str| Query {
            text: text.into(),
            limit: 20,
            ..Query::default()
        };
        let r = w.store.search(&q("hemsjukvård")).await.unwrap();
        let dates: std::collections::BTreeSet<&str> =
            r.hits.iter().map(|h| h.date.as_str()).collect();
        assert_eq!(
            dates.into_iter().collect::<Vec<_>>(),
            ["2024-04-19", "2024-09-20"],
            "both meetings"
        );
        assert!(r.hits.iter().any(|h| {
            h.title
                .contains("Ny överenskommelse för hälso- och sjukvård i hemmet")
        }));
        let r = w.store.search(&q("överenskommelsen")).await.unwrap();
        assert!(
            r.hits
                .iter()
                .any(|h| h.snippet_html.contains("<mark>överenskommelser</mark>")
                    || h.snippet_html.contains("<mark>överenskommelse"))
        );
        let mut filtered = q("hemsjukvård");
        filtered.from = Some("2024-06-01".into());
        let r = w.store.search(&filtered).await.unwrap();
        assert!(r.hits.iter().all(|h| h.date == "2024-09-20") && !r.hits.is_empty());
        let r = w.store.search(&q("hemsjukvård ViSam")).await.unwrap();
        assert!(r.hits.is_empty(), "every word must match");
        let r = w.store.search(&q("och att")).await.unwrap();
        assert_eq!(r.total, 0, "stop words alone find nothing");
    }
);

#[test]
fn body_names_match_the_register_despite_small_wording_differences() {
    let bodies = vec![samsyn_store::org::Body {
        code: "SSR-VO".into(),
        name: "Specifika samverkansrådet social välfärd samt vård och omsorg".into(),
        kind: "specifikt_samverkansrad".into(),
        parent: None,
        county_part: None,
    }];
    let m = samsyn_store::register::match_body(
        &bodies,
        "Specifika samverkansrådet för social välfärd samt vård och omsorg",
    );
    assert_eq!(m.map(|b| b.code), Some("SSR-VO".to_owned()));
    assert!(samsyn_store::register::match_body(&bodies, "Chefsgrupp för folkhälsa").is_none());
}

/// Many small protocols over a small vocabulary, so words overlap and scores tie.
async fn corpus(store: &Store, n: usize) {
    const WORDS: [&str; 8] = [
        "hemsjukvård",
        "läkemedel",
        "utskrivning",
        "vårdcentral",
        "kommun",
        "samverkan",
        "uppföljning",
        "budget",
    ];
    let mut seed: u64 = 7;
    let mut next = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    for i in 0..n {
        let mut text = format!(
            "PROTOKOLL\nStyrgruppen\nDatum: 2020-{:02}-{:02}\n\n",
            1 + i % 12,
            1 + i % 28
        );
        for item in 1..=3 {
            let words: Vec<&str> = (0..1 + next() % 6)
                .map(|_| WORDS[next() % WORDS.len()])
                .collect();
            text.push_str(&format!(
                "§ {item} Ärende om {}\n{}\n\n",
                words[0],
                words.join(" ")
            ));
        }
        let mut p = protocol::parse(&text, &Hints::default()).unwrap();
        p.date = format!("2020-01-01-{i}");
        let body = samsyn_store::register::BodyRef {
            code: None,
            name: Some(format!("Styrgrupp {i}")),
        };
        store
            .import_protocol(&format!("p{i}.txt"), text.as_bytes(), &p, &body, "test")
            .await
            .unwrap();
    }
}

contract!(
    the_fast_ranking_of_several_words_equals_the_full_ranking,
    |w: World| async move {
        corpus(&w.store, 40).await;
        let pairs = [
            "hemsjukvård läkemedel",
            "utskrivning vårdcentral",
            "kommun samverkan uppföljning",
            "budget hemsjukvård",
            "samverkan samverkan kommun",
        ];
        // twice round: the second time the counts come from the cache, until more
        // minutes are imported, which must show in them
        for round in 0..3 {
            if round == 2 {
                corpus(&w.store, 70).await;
            }
            for text in pairs {
                for limit in [1, 3, 20] {
                    let fast = w
                        .store
                        .search(&Query {
                            text: text.into(),
                            limit,
                            ..Query::default()
                        })
                        .await
                        .unwrap();
                    // a filter that keeps everything takes the full ranking in SQL
                    let full = w
                        .store
                        .search(&Query {
                            text: text.into(),
                            limit,
                            from: Some("0000-01-01".into()),
                            ..Query::default()
                        })
                        .await
                        .unwrap();
                    assert_eq!(fast.total, full.total, "{text}");
                    // the same scores in the same order; among equal scores the order is
                    // not defined (float sums), and the cut may fall inside the last group
                    let scores = |r: &samsyn_store::register::search::Results| {
                        r.hits
                            .iter()
                            .map(|h| (h.score * 1000.0).round() as i64)
                            .collect::<Vec<_>>()
                    };
                    assert_eq!(scores(&fast), scores(&full), "{text}, limit {limit}");
                    let last = scores(&fast).last().copied();
                    let members = |r: &samsyn_store::register::search::Results| {
                        let mut m: Vec<(i64, Option<i64>)> = r
                            .hits
                            .iter()
                            .filter(|h| Some((h.score * 1000.0).round() as i64) != last)
                            .map(|h| (h.meeting_id, h.item_id))
                            .collect();
                        m.sort();
                        m
                    };
                    assert_eq!(members(&fast), members(&full), "{text}, limit {limit}");
                    assert!(fast.total > 0, "{text} matches something");
                }
            }
        }
    }
);
