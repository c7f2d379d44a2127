//! The care process in the store, on SQLite and (when named) PostgreSQL: access by
//! care relationship, the agreement's rules by version, concurrency, disagreements,
//! episodes, plans with consent, the inbox and the audit trail.

mod common;
use common::*;

fn adult() -> PersonNumber {
    pn("19400101123")
}

contract!(
    the_sending_and_receiving_units_see_a_request_and_others_get_not_found,
    |w: World| async move {
        let id = w.sent(&adult()).await;
        assert_eq!(w.store.request(&w.vc, id).await.unwrap().status, "sent");
        let seen = w.store.request(&w.hsv, id).await.unwrap();
        assert_eq!(seen.person.personnummer, adult().display());
        assert_eq!(seen.person.legal_sex, "M");
        assert!(matches!(
            w.store.request(&w.hsv2, id).await,
            Err(StoreError::NotFound(_))
        ));
        assert!(matches!(
            w.store.request(&w.spec, id).await,
            Err(StoreError::NotFound(_))
        ));
        assert!(
            w.store.request(&w.mas, id).await.is_ok(),
            "the MAS of the receiving municipality"
        );
        assert!(
            matches!(
                w.store.request(&w.hsv, 9999).await,
                Err(StoreError::NotFound(_))
            ),
            "a missing request looks the same"
        );
        assert_eq!(w.audit_count("care_request.read", "ok").await, 3);
        assert_eq!(w.audit_count("care_request.read", "denied").await, 3);
    }
);

contract!(
    only_staff_of_the_sending_unit_send_and_only_the_receiver_decides,
    |w: World| async move {
        let mut r = w.request(&adult(), "VC-1880", RequestKind::Ongoing);
        assert!(matches!(
            w.store.create_request(&w.hsv, r.clone()).await,
            Err(StoreError::Forbidden(_))
        ));
        r.to_unit = UnitCode::parse("VC-1880").unwrap();
        match w.store.create_request(&w.vc, r).await {
            Err(StoreError::Invalid(e)) => assert_eq!(e.field, "to_unit"),
            other => panic!("expected an invalid to_unit, got {other:?}"),
        }
        let id = w.sent(&adult()).await;
        assert!(matches!(
            w.store
                .decide_request(&w.vc, id, Decision::Accept, "", None)
                .await,
            Err(StoreError::Forbidden(_))
        ));
    }
);

contract!(
    ongoing_care_for_a_minor_is_refused_by_rule_and_a_single_visit_accepted,
    |w: World| async move {
        let child = pn("20150505234");
        let id = w.sent(&child).await;
        match w
            .store
            .decide_request(&w.hsv, id, Decision::Accept, "", None)
            .await
        {
            Err(StoreError::Rule(v)) => assert_eq!((v.rule, v.version), (Rule::Minor, 1)),
            other => panic!("expected the minor rule, got {other:?}"),
        }
        assert_eq!(
            w.store.request(&w.hsv, id).await.unwrap().status,
            "sent",
            "nothing changed"
        );
        assert_eq!(w.audit_count("care_request.decide", "denied").await, 1);
        let visit = w
            .store
            .create_request(
                &w.vc,
                w.request(&child, "VC-1880", RequestKind::SingleVisit),
            )
            .await
            .unwrap()
            .id;
        let decided = w
            .store
            .decide_request(&w.hsv, visit, Decision::Accept, "Provtagning", None)
            .await
            .unwrap();
        assert_eq!(
            (decided.status.as_str(), decided.agreement_version),
            ("accepted", Some(1))
        );
    }
);

contract!(
    a_specialist_handover_waits_for_a_sip_with_its_conditions,
    |w: World| async move {
        let id = w
            .store
            .create_request(
                &w.spec,
                w.request(&adult(), "MED-USO", RequestKind::Ongoing),
            )
            .await
            .unwrap();
        match w
            .store
            .decide_request(&w.hsv, id.id, Decision::Accept, "", None)
            .await
        {
            Err(StoreError::Rule(v)) => assert_eq!(v.rule, Rule::SpecialistHandoverSip),
            other => panic!("expected the SIP rule, got {other:?}"),
        }
        let plan = |secured: bool, physician: &str| NewPlan {
            person_id: id.person.id,
            kind: "sip".into(),
            title: "SIP inför hemgång".into(),
            owner_unit: UnitCode::parse("MED-USO").unwrap(),
            responsible_unit: UnitCode::parse("MED-USO").unwrap(),
            participants: vec![UnitCode::parse("HSV-1880").unwrap()],
            follow_up_on: None,
            competence_transfer_secured: secured,
            physician_contact: physician.into(),
        };
        w.store.create_plan(&w.spec, plan(true, "")).await.unwrap();
        assert!(
            matches!(
                w.store
                    .decide_request(&w.hsv, id.id, Decision::Accept, "", None)
                    .await,
                Err(StoreError::Rule(_))
            ),
            "no physician contact yet"
        );
        w.store
            .create_plan(&w.spec, plan(true, "Dr Lind, direktnummer 019-60 000"))
            .await
            .unwrap();
        let accepted = w
            .store
            .decide_request(&w.hsv, id.id, Decision::Accept, "", None)
            .await
            .unwrap();
        assert!(accepted.episode_id.is_some(), "acceptance opens an episode");
    }
);

contract!(
    two_deciders_at_once_give_one_decision_and_one_conflict,
    |w: World| async move {
        let id = w.sent(&adult()).await;
        let version = w.store.request(&w.hsv, id).await.unwrap().row_version;
        let (a, b) = tokio::join!(
            w.store
                .decide_request(&w.hsv, id, Decision::Accept, "", Some(version)),
            w.store
                .decide_request(&w.hsv, id, Decision::Decline, "Ingen plats", Some(version)),
        );
        let outcomes = [a.is_ok(), b.is_ok()];
        assert_eq!(
            outcomes.iter().filter(|ok| **ok).count(),
            1,
            "exactly one wins"
        );
        let loser = if a.is_ok() { b } else { a };
        match loser {
            Err(StoreError::Conflict(m)) => {
                assert!(m.contains("hsv"), "the loser sees who decided: {m}")
            }
            other => panic!("expected a conflict, got {other:?}"),
        }
        let episodes = w.store.table_count("episodes").await.unwrap();
        assert!(episodes <= 1);
    }
);

contract!(
    a_decline_is_disputed_escalated_and_then_accepted,
    |w: World| async move {
        let id = w.sent(&adult()).await;
        assert!(
            matches!(
                w.store
                    .decide_request(&w.hsv, id, Decision::Decline, " ", None)
                    .await,
                Err(StoreError::Invalid(_))
            ),
            "a decline needs a reason"
        );
        w.store
            .decide_request(&w.hsv, id, Decision::Decline, "Egenvård räcker", None)
            .await
            .unwrap();
        assert!(matches!(
            w.store.raise_disagreement(&w.hsv2, id, "x").await,
            Err(StoreError::NotFound(_))
        ));
        let disputed = w
            .store
            .raise_disagreement(&w.vc, id, "Personen klarar inte egenvården")
            .await
            .unwrap();
        assert_eq!(disputed.status, "disputed");
        assert_eq!(disputed.disagreements[0].step_name, "Lokal dialog");
        assert!(matches!(
            w.store.raise_disagreement(&w.vc, id, "igen").await,
            Err(StoreError::OutOfOrder(_))
        ));
        let escalated = w
            .store
            .escalate_disagreement(&w.mas, id, "Tas upp i länsdelen")
            .await
            .unwrap();
        assert_eq!(escalated.disagreements[0].step, 1);
        assert!(!escalated.disagreements[0].overdue);
        w.store
            .escalate_disagreement(&w.hsv, id, "Till länet")
            .await
            .unwrap();
        assert!(matches!(
            w.store.escalate_disagreement(&w.hsv, id, "mer").await,
            Err(StoreError::OutOfOrder(_))
        ));
        let accepted = w
            .store
            .decide_request(
                &w.hsv,
                id,
                Decision::Accept,
                "Enligt oenighetsgruppen",
                None,
            )
            .await
            .unwrap();
        assert_eq!(accepted.status, "accepted");
        assert_eq!(accepted.disagreements[0].status, "resolved");
        assert_eq!(accepted.disagreements[0].comments.len(), 3);
    }
);

contract!(
    a_resolved_disagreement_without_acceptance_leaves_the_decline_standing,
    |w: World| async move {
        let id = w.sent(&adult()).await;
        w.store
            .decide_request(&w.hsv, id, Decision::Decline, "Egenvård räcker", None)
            .await
            .unwrap();
        w.store
            .raise_disagreement(&w.vc, id, "Vi bestrider")
            .await
            .unwrap();
        let resolved = w
            .store
            .resolve_disagreement(&w.vc, id, "Parterna är överens om egenvård")
            .await
            .unwrap();
        assert_eq!(resolved.status, "declined");
        assert_eq!(
            resolved.disagreements[0].outcome.as_deref(),
            Some("Parterna är överens om egenvård")
        );
    }
);

contract!(
    an_episode_takes_actions_follow_ups_and_closes_once,
    |w: World| async move {
        let id = w.sent(&adult()).await;
        let ep = w
            .store
            .decide_request(&w.hsv, id, Decision::Accept, "", None)
            .await
            .unwrap()
            .episode_id
            .unwrap();
        let today = time::OffsetDateTime::now_utc().date();
        let action = |code: &str| NewAction {
            kva: KvaCode::parse(code).unwrap(),
            performed_on: today,
            performer: PerformerKind::Delegated,
            minutes: Some(15),
        };
        let view = w
            .store
            .record_action(&w.hsv, ep, action("DT016"))
            .await
            .unwrap();
        assert_eq!(view.actions.len(), 1);
        match w.store.record_action(&w.hsv, ep, action("ZZ999")).await {
            Err(StoreError::Invalid(e)) => assert_eq!(e.field, "kva_code"),
            other => panic!("an unknown code must be refused: {other:?}"),
        }
        assert!(
            matches!(
                w.store.record_action(&w.vc, ep, action("DT016")).await,
                Err(StoreError::Forbidden(_))
            ),
            "the sender reads but does not record"
        );
        assert!(matches!(
            w.store.episode(&w.hsv2, ep).await,
            Err(StoreError::NotFound(_))
        ));
        let after = w
            .store
            .follow_up(&w.hsv, ep, FollowUpOutcome::Reassess, "Ökat behov", None)
            .await
            .unwrap();
        assert_eq!(after.status, "reassessment");
        let closed = w
            .store
            .close_episode(&w.hsv, ep, "Flyttat till särskilt boende")
            .await
            .unwrap();
        assert_eq!(closed.status, "closed");
        assert!(matches!(
            w.store.record_action(&w.hsv, ep, action("QAB10")).await,
            Err(StoreError::OutOfOrder(_))
        ));
        assert!(matches!(
            w.store.close_episode(&w.hsv, ep, "igen").await,
            Err(StoreError::OutOfOrder(_))
        ));
        assert_eq!(
            w.store.table_count("care_actions").await.unwrap(),
            1,
            "refused actions stored nothing"
        );
    }
);

contract!(
    another_partys_unit_sees_plan_content_only_with_consent_in_force,
    |w: World| async move {
        let id = w.sent(&adult()).await;
        let person = w.store.request(&w.vc, id).await.unwrap().person.id;
        let plan = w
            .store
            .create_plan(
                &w.vc,
                NewPlan {
                    person_id: person,
                    kind: "sip".into(),
                    title: "SIP".into(),
                    owner_unit: UnitCode::parse("VC-1880").unwrap(),
                    responsible_unit: UnitCode::parse("VC-1880").unwrap(),
                    participants: vec![UnitCode::parse("HSV-1880").unwrap()],
                    follow_up_on: None,
                    competence_transfer_secured: false,
                    physician_contact: String::new(),
                },
            )
            .await
            .unwrap();
        w.store
            .add_plan_goal(&w.vc, plan.id, "Klara morgonrutinen själv")
            .await
            .unwrap();
        w.store
            .add_plan_action(
                &w.vc,
                plan.id,
                "Dosett varje vecka",
                "unit",
                Some(UnitCode::parse("HSV-1880").unwrap()),
            )
            .await
            .unwrap();
        assert!(
            !w.store.plan(&w.hsv, plan.id).await.unwrap().content_visible,
            "no consent yet"
        );
        let today = time::OffsetDateTime::now_utc().date();
        let with = w
            .store
            .record_consent(
                &w.vc,
                plan.id,
                "Personen själv",
                today,
                "Informationsutbyte inom SIP",
            )
            .await
            .unwrap();
        let seen = w.store.plan(&w.hsv, plan.id).await.unwrap();
        assert!(seen.content_visible);
        assert_eq!(seen.goals, ["Klara morgonrutinen själv"]);
        let action = seen.actions[0].id;
        w.store
            .set_plan_action_status(&w.hsv, plan.id, action, "done")
            .await
            .unwrap();
        assert_eq!(
            w.store.plan(&w.vc, plan.id).await.unwrap().actions[0].status,
            "done",
            "progress is seen by the owner"
        );
        w.store
            .withdraw_consent(&w.vc, plan.id, with.consents[0].id)
            .await
            .unwrap();
        assert!(
            !w.store.plan(&w.hsv, plan.id).await.unwrap().content_visible,
            "withdrawn consent hides the content"
        );
        assert!(matches!(
            w.store.plan(&w.hsv2, plan.id).await,
            Err(StoreError::NotFound(_))
        ));
    }
);

contract!(
    the_inbox_shows_new_requests_to_the_receiver_and_answers_to_the_sender,
    |w: World| async move {
        let id = w.sent(&adult()).await;
        let inbox = w.store.inbox(&w.hsv).await.unwrap().unwrap();
        assert_eq!(
            inbox.to_decide.iter().map(|r| r.id).collect::<Vec<_>>(),
            [id]
        );
        assert_eq!(inbox.notifications.len(), 1);
        assert!(
            w.store
                .inbox(&w.hsv2)
                .await
                .unwrap()
                .unwrap()
                .to_decide
                .is_empty()
        );
        w.store
            .decide_request(&w.hsv, id, Decision::Accept, "", None)
            .await
            .unwrap();
        let sender = w.store.inbox(&w.vc).await.unwrap().unwrap();
        assert_eq!(sender.sent[0].status, "accepted");
        assert!(sender.notifications[0].text.contains("accepterad"));
        w.store
            .mark_notification_read(&w.vc, sender.notifications[0].id)
            .await
            .unwrap();
        assert!(
            w.store
                .inbox(&w.vc)
                .await
                .unwrap()
                .unwrap()
                .notifications
                .is_empty()
        );
        assert!(
            w.store.inbox(&w.mas).await.unwrap().is_none(),
            "the MAS has no unit inbox"
        );
        assert_eq!(
            w.store.verify_audit().await.unwrap().map(|n| n > 5),
            Ok(true)
        );
    }
);
