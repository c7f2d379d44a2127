//! Discharge from hospital on both engines: the admission notice reaches both units,
//! each acknowledgement is recorded once, steps out of order are refused, and the
//! payment liability follows from the stored messages.

mod common;
use common::*;

use samsyn_store::discharge::{NewStay, default_rules, kind};
use time::macros::datetime;

fn stay(pn: PersonNumber) -> NewStay {
    NewStay {
        personnummer: pn,
        ward_unit: "MED-USO".into(),
        municipality_unit: "HSV-1880".into(),
        primary_unit: "VC-1880".into(),
        psychiatric: false,
        needs_sip: false,
        admitted_at: datetime!(2024-02-26 08:00),
        notice_at: datetime!(2024-02-26 09:00),
        expected_discharge: None,
        consent: "Samtycker till informationsöverföring".into(),
    }
}

contract!(
    each_receiver_acknowledges_once_and_steps_keep_their_order,
    |w: World| async move {
        let id = w
            .store
            .admit(&w.spec, stay(pn("19400101123")))
            .await
            .unwrap();
        let messages = w.store.stay_messages(&w.hsv, id).await.unwrap();
        assert_eq!(messages.len(), 2, "to home care and to the vårdcentral");
        let to_hsv = messages
            .iter()
            .find(|m| m.to_unit.as_deref() == Some("HSV-1880"))
            .unwrap()
            .id;
        let (a, b) = tokio::join!(
            w.store.acknowledge(&w.hsv, to_hsv),
            w.store.acknowledge(&w.hsv, to_hsv)
        );
        assert_eq!(
            [a.is_ok(), b.is_ok()].iter().filter(|ok| **ok).count(),
            1,
            "{a:?} {b:?}"
        );
        assert!(
            matches!(
                w.store.acknowledge(&w.vc, to_hsv).await,
                Err(StoreError::Forbidden(_))
            ),
            "not the vårdcentral's message"
        );
        assert!(
            matches!(
                w.store.stay_messages(&w.hsv2, id).await,
                Err(StoreError::NotFound(_))
            ),
            "no relationship"
        );

        let before = w.store.table_count("discharge_messages").await.unwrap();
        let early = w
            .store
            .discharge_step(
                &w.spec,
                id,
                kind::WITHDRAWN,
                datetime!(2024-02-28 10:00),
                "",
            )
            .await;
        assert!(matches!(early, Err(StoreError::OutOfOrder(_))), "{early:?}");
        assert_eq!(
            w.store.table_count("discharge_messages").await.unwrap(),
            before,
            "nothing stored"
        );
        let wrong = w
            .store
            .discharge_step(&w.spec, id, kind::CONTACT, datetime!(2024-02-28 10:00), "")
            .await;
        assert!(
            matches!(wrong, Err(StoreError::Forbidden(_))),
            "primary care appoints the contact"
        );
    }
);

contract!(
    payment_liability_follows_the_stored_messages,
    |w: World| async move {
        let id = w
            .store
            .admit(&w.spec, stay(pn("19400202224")))
            .await
            .unwrap();
        let none = w
            .store
            .stay_liability(&w.hsv, id, &default_rules())
            .await
            .unwrap();
        assert!(none.days.is_empty());
        w.store
            .discharge_step(
                &w.vc,
                id,
                kind::CONTACT,
                datetime!(2024-02-27 14:00),
                "Fast vårdkontakt: distriktssköterska",
            )
            .await
            .unwrap();
        w.store
            .discharge_step(&w.spec, id, kind::READY, datetime!(2024-03-01 10:00), "")
            .await
            .unwrap();
        w.store
            .discharge_step(
                &w.spec,
                id,
                kind::DISCHARGED,
                datetime!(2024-03-07 11:00),
                "",
            )
            .await
            .unwrap();
        let l = w
            .store
            .stay_liability(&w.hsv, id, &default_rules())
            .await
            .unwrap();
        let days: Vec<String> = l
            .days
            .iter()
            .map(|d| samsyn_domain::time_fmt::date_text(d.date))
            .collect();
        assert_eq!(
            days,
            ["2024-03-05", "2024-03-06"],
            "ready Friday before noon, three calendar days free"
        );
        assert_eq!(l.total(), 2 * 912_500);
        let all = w
            .store
            .municipality_liabilities("1880", &default_rules())
            .await
            .unwrap();
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].1.days.len(), 2);
        let (lines, total) =
            samsyn_domain::discharge::monthly_statement(&all, 2024, time::Month::March);
        assert_eq!((lines.len(), total), (1, 2 * 912_500));
        let f = w.store.discharge_figures(2024, None).await.unwrap();
        assert_eq!(f.per_party.len(), 1);
        assert_eq!(f.per_party[0].1[2], 6, "ready 1–6 March");
        assert_eq!(f.per_party[0].2, 0, "the notice was in time");
        let after = w
            .store
            .discharge_step(&w.spec, id, kind::READY, datetime!(2024-03-08 10:00), "")
            .await;
        assert!(
            matches!(after, Err(StoreError::OutOfOrder(_))),
            "already discharged"
        );
    }
);

contract!(
    an_admission_to_an_unknown_unit_is_refused,
    |w: World| async move {
        let mut s = stay(pn("19500303123"));
        s.municipality_unit = "HSV-9999".into();
        match w.store.admit(&w.spec, s).await {
            Err(StoreError::Invalid(e)) => assert_eq!(e.field, "municipality_unit"),
            other => panic!("{other:?}"),
        }
        assert_eq!(w.store.table_count("stays").await.unwrap(), 0);
    }
);

contract!(
    a_notice_sent_more_than_a_day_after_admission_is_late,
    |w: World| async move {
        let mut late = stay(pn("19550404244"));
        late.notice_at = datetime!(2024-02-27 10:30);
        w.store.admit(&w.spec, late).await.unwrap();
        w.store
            .admit(&w.spec, stay(pn("19700505123")))
            .await
            .unwrap();
        let list = w.store.stays_for(&w.spec).await.unwrap();
        let late: Vec<Option<i64>> = list.iter().map(|s| s.late_hours).collect();
        assert_eq!(late, [None, Some(26)], "newest first");
        assert!(list.iter().all(|s| s.unacknowledged == 2));
        assert!(
            w.store.stays_for(&w.hsv2).await.unwrap().is_empty(),
            "not a unit of the stays"
        );
    }
);

contract!(
    a_misrouted_notice_is_forwarded_and_the_stay_follows_it,
    |w: World| async move {
        let mut s = stay(pn("19800606224"));
        s.municipality_unit = "HSV-1881".into();
        let id = w.store.admit(&w.spec, s).await.unwrap();
        let to_wrong = w
            .store
            .stay_messages(&w.hsv2, id)
            .await
            .unwrap()
            .into_iter()
            .find(|m| m.to_unit.as_deref() == Some("HSV-1881"))
            .unwrap()
            .id;
        assert!(
            matches!(
                w.store.forward(&w.hsv2, to_wrong, "VC-1880").await,
                Err(StoreError::Invalid(_))
            ),
            "home care forwards to home care"
        );
        w.store
            .forward(&w.hsv2, to_wrong, "HSV-1880")
            .await
            .unwrap();
        assert!(
            matches!(
                w.store.stay_messages(&w.hsv2, id).await,
                Err(StoreError::NotFound(_))
            ),
            "the forwarder no longer sees the stay"
        );
        let messages = w.store.stay_messages(&w.hsv, id).await.unwrap();
        let fresh = messages
            .iter()
            .find(|m| m.to_unit.as_deref() == Some("HSV-1880") && !m.acknowledged)
            .unwrap()
            .id;
        w.store.acknowledge(&w.hsv, fresh).await.unwrap();
        assert_eq!(w.audit_count("discharge.forward", "ok").await, 1);
    }
);

mod followup {
    use super::*;
    use samsyn_store::discharge::SipMeeting;
    use time::macros::date;

    contract!(
        a_returned_notice_goes_back_to_the_ward_and_on_to_the_right_unit,
        |w: World| async move {
            let id = w
                .store
                .admit(&w.spec, stay(pn("19400303335")))
                .await
                .unwrap();
            let messages = w.store.stay_messages(&w.hsv, id).await.unwrap();
            let to_hsv = messages
                .iter()
                .find(|m| m.to_unit.as_deref() == Some("HSV-1880"))
                .unwrap()
                .id;
            let not_theirs = w.store.return_message(&w.vc, to_hsv, "Fel kommun").await;
            assert!(
                matches!(not_theirs, Err(StoreError::Forbidden(_))),
                "{not_theirs:?}"
            );
            let no_reason = w.store.return_message(&w.hsv, to_hsv, " ").await;
            assert!(matches!(no_reason, Err(StoreError::Invalid(v)) if v.field == "reason"));
            w.store
                .return_message(&w.hsv, to_hsv, "Personen bor i Kumla")
                .await
                .unwrap();
            let twice = w.store.return_message(&w.hsv, to_hsv, "Igen").await;
            assert!(matches!(twice, Err(StoreError::OutOfOrder(_))));

            let messages = w.store.stay_messages(&w.spec, id).await.unwrap();
            let returned = messages.iter().find(|m| m.kind == kind::RETURNED).unwrap();
            assert_eq!(
                (
                    returned.from_unit.as_str(),
                    returned.to_unit.as_deref(),
                    returned.body.as_str()
                ),
                ("HSV-1880", Some("MED-USO"), "Personen bor i Kumla")
            );
            let wrong_kind = w.store.readdress(&w.spec, id, returned.id, "VC-1880").await;
            assert!(matches!(wrong_kind, Err(StoreError::Invalid(v)) if v.field == "to_unit"));
            w.store
                .readdress(&w.spec, id, returned.id, "HSV-1881")
                .await
                .unwrap();

            let seen = w.store.stay_messages(&w.hsv2, id).await.unwrap();
            assert!(seen.iter().any(|m| m.kind == kind::ADMISSION
                && m.to_unit.as_deref() == Some("HSV-1881")
                && !m.acknowledged));
            assert!(
                matches!(
                    w.store.stay_messages(&w.hsv, id).await,
                    Err(StoreError::NotFound(_))
                ),
                "the first unit no longer has the stay"
            );
        }
    );

    contract!(
        a_kallelse_names_its_meeting_and_is_due_within_three_days_of_the_notice,
        |w: World| async move {
            let mut s = stay(pn("19400404446"));
            s.needs_sip = true;
            let id = w.store.admit(&w.spec, s).await.unwrap();
            let before = w.store.table_count("discharge_messages").await.unwrap();
            let bare = w
                .store
                .discharge_step(&w.vc, id, kind::SIP_CALL, datetime!(2024-02-28 10:00), "")
                .await;
            assert!(
                matches!(&bare, Err(StoreError::Invalid(v)) if v.field == "meeting_place"),
                "{bare:?}"
            );
            assert_eq!(
                w.store.table_count("discharge_messages").await.unwrap(),
                before,
                "nothing stored"
            );
            let meeting = SipMeeting {
                at: datetime!(2024-03-04 10:00),
                place: "Videolänk https://video.example.se/1".into(),
            };
            w.store
                .discharge_step_with(
                    &w.vc,
                    id,
                    kind::SIP_CALL,
                    datetime!(2024-03-01 09:00),
                    "",
                    Some(meeting),
                )
                .await
                .unwrap();
            let call = w
                .store
                .stay_messages(&w.hsv, id)
                .await
                .unwrap()
                .into_iter()
                .find(|m| m.kind == kind::SIP_CALL)
                .unwrap();
            assert_eq!(
                (call.meeting_at.as_deref(), call.meeting_place.as_deref()),
                (
                    Some("2024-03-04 10:00"),
                    Some("Videolänk https://video.example.se/1")
                )
            );
            let d = w
                .store
                .stay_duties(id, date!(2024 - 03 - 10))
                .await
                .unwrap();
            assert_eq!(d.kallelse_due, Some(date!(2024 - 02 - 29)));
            assert!(
                d.kallelse_late,
                "sent on 1 March, two days after the notice's third day"
            );
        }
    );

    contract!(
        the_information_transfer_is_due_on_the_day_of_discharge_and_reaches_both_units,
        |w: World| async move {
            let id = w
                .store
                .admit(&w.spec, stay(pn("19400505557")))
                .await
                .unwrap();
            w.store
                .discharge_step(&w.spec, id, kind::READY, datetime!(2024-03-01 10:00), "")
                .await
                .unwrap();
            w.store
                .discharge_step(
                    &w.spec,
                    id,
                    kind::DISCHARGED,
                    datetime!(2024-03-04 11:00),
                    "",
                )
                .await
                .unwrap();
            assert!(
                w.store
                    .stay_duties(id, date!(2024 - 03 - 04))
                    .await
                    .unwrap()
                    .information_missing
            );
            w.store
                .discharge_step(
                    &w.spec,
                    id,
                    kind::INFO,
                    datetime!(2024-03-04 15:00),
                    "Epikris och läkemedelslista",
                )
                .await
                .unwrap();
            let d = w
                .store
                .stay_duties(id, date!(2024 - 03 - 05))
                .await
                .unwrap();
            assert_eq!(
                (d.information_due, d.information_missing),
                (Some(date!(2024 - 03 - 04)), false)
            );
            let to: Vec<Option<String>> = w
                .store
                .stay_messages(&w.spec, id)
                .await
                .unwrap()
                .into_iter()
                .filter(|m| m.kind == kind::INFO)
                .map(|m| m.to_unit)
                .collect();
            assert_eq!(
                to,
                vec![Some("HSV-1880".to_owned()), Some("VC-1880".to_owned())]
            );
            let after = w
                .store
                .discharge_step(&w.spec, id, kind::READY, datetime!(2024-03-05 10:00), "")
                .await;
            assert!(
                matches!(after, Err(StoreError::OutOfOrder(_))),
                "nothing else after discharge"
            );
        }
    );

    contract!(
        unacknowledged_messages_are_escalated_to_both_ends_and_the_mas,
        |w: World| async move {
            let id = w
                .store
                .admit(&w.spec, stay(pn("19400606668")))
                .await
                .unwrap();
            let for_hsv = w.store.escalations(&w.hsv).await.unwrap();
            assert_eq!(
                for_hsv.len(),
                1,
                "only the notice to home care: {for_hsv:?}"
            );
            assert_eq!(
                (for_hsv[0].stay_id, for_hsv[0].to_unit.as_str()),
                (id, "HSV-1880")
            );
            assert!(for_hsv[0].hours >= 24);
            assert_eq!(
                w.store.escalations(&w.spec).await.unwrap().len(),
                2,
                "the sender sees both"
            );
            assert_eq!(
                w.store.escalations(&w.mas).await.unwrap().len(),
                1,
                "the MAS of the receiving municipality"
            );
            assert!(w.store.escalations(&w.hsv2).await.unwrap().is_empty());
            w.store
                .acknowledge(&w.hsv, for_hsv[0].message_id)
                .await
                .unwrap();
            assert!(w.store.escalations(&w.hsv).await.unwrap().is_empty());
        }
    );
}

mod rule_versions {
    use super::*;
    use samsyn_domain::discharge::{DayKind, FreePeriod};
    use time::macros::date;

    async fn admin(w: &World) -> Principal {
        let mut tx = w.store.begin_write().await.unwrap();
        users::create_user(
            &mut tx,
            NewUser {
                username: Username::parse("adm").unwrap(),
                display_name: "Adm".into(),
                password_hash: password::hash_new("ett långt lösenord").unwrap(),
                assignment: RoleAssignment {
                    role: Role::Admin,
                    unit: None,
                    party: None,
                    body: None,
                },
            },
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
        w.store
            .principal_by_username(&Username::parse("adm").unwrap())
            .await
            .unwrap()
            .unwrap()
    }

    fn working_days() -> samsyn_domain::discharge::LiabilityRules {
        let mut r = default_rules();
        r.somatic = FreePeriod {
            kind: DayKind::Working,
            days: 3,
        };
        r
    }

    contract!(
        each_stay_is_reckoned_under_the_rules_in_force_when_it_became_ready,
        |w: World| async move {
            let admin = admin(&w).await;
            let denied = w
                .store
                .add_liability_rules(&w.mas, date!(2024 - 03 - 01), working_days())
                .await;
            assert!(matches!(denied, Err(StoreError::Forbidden(_))));
            let mut bad = working_days();
            bad.cutoff_hour = 25;
            let invalid = w
                .store
                .add_liability_rules(&admin, date!(2024 - 03 - 01), bad)
                .await;
            assert!(matches!(invalid, Err(StoreError::Invalid(v)) if v.field == "cutoff_hour"));
            assert_eq!(
                w.store
                    .add_liability_rules(&admin, date!(2024 - 03 - 01), working_days())
                    .await
                    .unwrap(),
                2
            );
            let earlier = w
                .store
                .add_liability_rules(&admin, date!(2024 - 02 - 01), working_days())
                .await;
            assert!(matches!(earlier, Err(StoreError::Invalid(v)) if v.field == "valid_from"));

            assert_eq!(
                w.store
                    .liability_rules_on(date!(2024 - 02 - 29))
                    .await
                    .unwrap()
                    .version,
                1
            );
            assert_eq!(
                w.store
                    .liability_rules_on(date!(2024 - 03 - 01))
                    .await
                    .unwrap(),
                {
                    let mut r = working_days();
                    r.version = 2;
                    r
                }
            );

            let before = w
                .store
                .admit(&w.spec, stay(pn("19400707779")))
                .await
                .unwrap();
            w.store
                .discharge_step(
                    &w.spec,
                    before,
                    kind::READY,
                    datetime!(2024-02-28 10:00),
                    "",
                )
                .await
                .unwrap();
            let after = w
                .store
                .admit(&w.spec, stay(pn("19400808880")))
                .await
                .unwrap();
            w.store
                .discharge_step(&w.spec, after, kind::READY, datetime!(2024-03-01 10:00), "")
                .await
                .unwrap();
            assert_eq!(
                w.store
                    .liability_rules_for_stay(before)
                    .await
                    .unwrap()
                    .version,
                1
            );
            assert_eq!(
                w.store
                    .liability_rules_for_stay(after)
                    .await
                    .unwrap()
                    .version,
                2
            );
            let statement = w
                .store
                .municipality_liabilities_in_force("1880")
                .await
                .unwrap();
            assert!(
                statement
                    .iter()
                    .any(|(s, _)| s.contains(&format!("Vårdtillfälle {before} "))
                        && s.contains("version 1"))
            );
            assert!(
                statement
                    .iter()
                    .any(|(s, _)| s.contains(&format!("Vårdtillfälle {after} "))
                        && s.contains("version 2"))
            );
        }
    );
}
