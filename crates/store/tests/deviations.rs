//! Deviations in collaboration on both engines: routed to the responsible unit,
//! answered, fed back on and closed; seen only by the units involved; a linked person
//! shown only through a care relationship; summaries without persons.

mod common;
use common::*;

use samsyn_domain::deviation::{Category, Severity, Step};
use samsyn_store::deviations::NewDeviation;
use time::macros::date;

fn report(from: &str, to: &str, request_id: Option<i64>) -> NewDeviation {
    NewDeviation {
        reporter_unit: from.into(),
        responsible_unit: to.into(),
        category: Category::InformationTransfer,
        severity: Severity::Moderate,
        occurred_on: date!(2025 - 05 - 14),
        description: "Läkemedelslistan följde inte med vid utskrivningen.".into(),
        request_id,
    }
}

contract!(
    a_deviation_goes_from_report_to_answer_feedback_and_closing,
    |w: World| async move {
        let request = w.sent(&pn("19400101123")).await;
        let d = w
            .store
            .report_deviation(&w.vc, report("VC-1880", "HSV-1880", Some(request)))
            .await
            .unwrap();
        assert_eq!(d.state, "rapporterad");
        assert!(
            d.person.is_some(),
            "the reporter has a relationship with the person"
        );

        let seen = w.store.deviation(&w.hsv, d.id).await.unwrap();
        assert!(
            seen.person.is_some(),
            "so has the responsible home care (the request)"
        );
        assert!(
            w.store.deviation(&w.mas, d.id).await.is_ok(),
            "the MAS of the responsible party"
        );
        assert!(matches!(
            w.store.deviation(&w.hsv2, d.id).await,
            Err(StoreError::NotFound(_))
        ));
        assert!(matches!(
            w.store.deviation(&w.spec, d.id).await,
            Err(StoreError::NotFound(_))
        ));
        assert_eq!(w.audit_count("deviation.read", "denied").await, 2);

        let early = w
            .store
            .deviation_step(&w.vc, d.id, Step::Feedback, "Tack")
            .await;
        assert!(matches!(early, Err(StoreError::OutOfOrder(_))), "{early:?}");
        let wrong = w
            .store
            .deviation_step(&w.vc, d.id, Step::Answer, "Vi svarar själva")
            .await;
        assert!(matches!(wrong, Err(StoreError::Forbidden(_))), "{wrong:?}");

        let answered = w
            .store
            .deviation_step(
                &w.hsv,
                d.id,
                Step::Answer,
                "Rutinen för överföring ses över.",
            )
            .await
            .unwrap();
        assert_eq!(answered.state, "besvarad");
        let fed = w
            .store
            .deviation_step(
                &w.vc,
                d.id,
                Step::Feedback,
                "Bra, vi följer upp i länsdelsgruppen.",
            )
            .await
            .unwrap();
        assert_eq!(
            fed.feedback.as_deref(),
            Some("Bra, vi följer upp i länsdelsgruppen.")
        );
        let closed = w
            .store
            .deviation_step(&w.hsv, d.id, Step::Close, "Ny checklista vid utskrivning.")
            .await
            .unwrap();
        assert_eq!(closed.state, "avslutad");
        assert!(matches!(
            w.store
                .deviation_step(&w.hsv, d.id, Step::Answer, "igen")
                .await,
            Err(StoreError::OutOfOrder(_))
        ));
        assert_eq!(w.audit_count("deviation.close", "ok").await, 1);
    }
);

contract!(
    a_person_is_hidden_from_a_responsible_unit_without_a_relationship,
    |w: World| async move {
        let request = w.sent(&pn("19400202224")).await;
        let d = w
            .store
            .report_deviation(&w.vc, report("VC-1880", "HSV-1881", Some(request)))
            .await
            .unwrap();
        let seen = w.store.deviation(&w.hsv2, d.id).await.unwrap();
        assert_eq!(seen.person, None);
        assert!(seen.person_hidden);
    }
);

contract!(
    bad_reports_are_refused_and_nothing_is_stored,
    |w: World| async move {
        let mut empty = report("VC-1880", "HSV-1880", None);
        empty.description = "  ".into();
        match w.store.report_deviation(&w.vc, empty).await {
            Err(StoreError::Invalid(e)) => assert_eq!(e.field, "description"),
            other => panic!("{other:?}"),
        }
        match w
            .store
            .report_deviation(&w.vc, report("VC-1880", "NOPE-1", None))
            .await
        {
            Err(StoreError::Invalid(e)) => assert_eq!(e.field, "responsible_unit"),
            other => panic!("{other:?}"),
        }
        match w
            .store
            .report_deviation(&w.vc, report("VC-1880", "HSV-1880", Some(999_999)))
            .await
        {
            Err(StoreError::Invalid(e)) => assert_eq!(e.field, "request_id"),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            w.store
                .report_deviation(&w.hsv, report("VC-1880", "HSV-1880", None))
                .await,
            Err(StoreError::Forbidden(_))
        ));
        assert_eq!(w.store.table_count("deviations").await.unwrap(), 0);
    }
);

contract!(
    two_people_closing_at_once_close_it_once,
    |w: World| async move {
        let d = w
            .store
            .report_deviation(&w.vc, report("VC-1880", "HSV-1880", None))
            .await
            .unwrap();
        w.store
            .deviation_step(&w.hsv, d.id, Step::Answer, "Utrett.")
            .await
            .unwrap();
        let (a, b) = tokio::join!(
            w.store
                .deviation_step(&w.hsv, d.id, Step::Close, "Åtgärd A."),
            w.store
                .deviation_step(&w.hsv, d.id, Step::Close, "Åtgärd B.")
        );
        assert_eq!(
            [a.is_ok(), b.is_ok()].iter().filter(|ok| **ok).count(),
            1,
            "{a:?} {b:?}"
        );
        assert_eq!(w.audit_count("deviation.close", "ok").await, 1);
    }
);

contract!(
    the_summary_counts_per_county_part_quarter_and_category,
    |w: World| async move {
        for (day, cat) in [
            (date!(2025 - 02 - 01), Category::Sip),
            (date!(2025 - 03 - 01), Category::Sip),
            (date!(2025 - 05 - 01), Category::Medication),
        ] {
            let mut r = report("VC-1880", "HSV-1880", None);
            r.occurred_on = day;
            r.category = cat;
            w.store.report_deviation(&w.vc, r).await.unwrap();
        }
        let rows = w.store.deviation_summary(2025).await.unwrap();
        let got: Vec<(u8, &str, i64)> = rows
            .iter()
            .map(|r| (r.quarter, r.category.as_str(), r.reports))
            .collect();
        assert_eq!(got, [(1, "sip", 2), (2, "lakemedel", 1)]);
        assert!(rows.iter().all(|r| r.county_part == "orebro"));
    }
);
