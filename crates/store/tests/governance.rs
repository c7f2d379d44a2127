//! A collaboration body's work on both engines: members and the plan, the agenda and
//! its underlag, attendance, minutes with decisions and an assignment, approval by
//! the chair and the adjuster, the fixed protocol and its verification; a locked
//! protocol refuses every change, audited; a stale edit is a conflict.

mod common;
use common::*;

use samsyn_domain::governance::{
    AssignmentStatus, AttendanceStatus, DocumentKind, ItemOutcome, MeetingMode, MemberRole,
    RiskScore,
};
use samsyn_domain::protocol::ItemKind;
use samsyn_store::governance::{
    AttendanceEntry, ItemMinutes, Minutes, NewDocument, NewItem, NewMeeting, NewMember,
};
use time::macros::date;

/// The body's people: its secretary, a chair and an adjuster with accounts, and a
/// secretary of another body.
struct Board {
    w: World,
    secretary: Principal,
    chair: Principal,
    adjuster: Principal,
    other_secretary: Principal,
    chair_member: i64,
    adjuster_member: i64,
}

async fn board(w: World) -> Board {
    let mut tx = w.store.begin_write().await.unwrap();
    for (code, name) in [("CG", "Chefsgruppen"), ("RSR", "Regionala samverkansrådet")] {
        org::ensure_body(
            &mut tx,
            code,
            name,
            samsyn_domain::org::BodyKind::Chefsgrupp,
            None,
            None,
        )
        .await
        .unwrap();
    }
    let hash = password::hash_new("ett långt lösenord").unwrap();
    for (name, role, body) in [
        ("sekr", Role::Sekreterare, "CG"),
        ("ordf", Role::Ledamot, "CG"),
        ("just", Role::Ledamot, "CG"),
        ("sekr2", Role::Sekreterare, "RSR"),
    ] {
        users::create_user(
            &mut tx,
            NewUser {
                username: Username::parse(name).unwrap(),
                display_name: name.into(),
                password_hash: hash.clone(),
                assignment: RoleAssignment {
                    role,
                    unit: None,
                    party: None,
                    body: Some(body.into()),
                },
            },
        )
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
    let get = |n: &'static str| {
        let store = w.store.clone();
        async move {
            store
                .principal_by_username(&Username::parse(n).unwrap())
                .await
                .unwrap()
                .unwrap()
        }
    };
    let secretary = get("sekr").await;
    let member = |name: &str, role, user: Option<&str>| NewMember {
        name: name.into(),
        role,
        party: Some("1880".into()),
        organization: Some("Örebro kommun".into()),
        username: user.map(str::to_owned),
        from: date!(2026 - 01 - 01),
        to: None,
    };
    let chair_member = w
        .store
        .add_member(
            &secretary,
            "CG",
            member("Olle Ordf", MemberRole::Ordforande, Some("ordf")),
        )
        .await
        .unwrap();
    let adjuster_member = w
        .store
        .add_member(
            &secretary,
            "CG",
            member("Jenny Just", MemberRole::Justerare, Some("just")),
        )
        .await
        .unwrap();
    w.store
        .add_member(
            &secretary,
            "CG",
            member("Lisa Led", MemberRole::Ledamot, None),
        )
        .await
        .unwrap();
    Board {
        chair: get("ordf").await,
        adjuster: get("just").await,
        other_secretary: get("sekr2").await,
        secretary,
        chair_member,
        adjuster_member,
        w,
    }
}

fn meeting_on(day: time::Date) -> NewMeeting {
    NewMeeting {
        body: "CG".into(),
        date: day,
        start_time: Some("09:00".into()),
        end_time: Some("12:00".into()),
        mode: MeetingMode::Digitalt,
        place: Some("Teams".into()),
        joint_with: vec![],
        underlag_deadline: None,
        document_kind: DocumentKind::Protokoll,
    }
}

fn item(title: &str, needs_underlag: bool) -> NewItem {
    NewItem {
        title: title.into(),
        kind: Some(ItemKind::Beslutsarende),
        presenters: vec!["Ann Berg".into()],
        needs_underlag,
    }
}

impl Board {
    async fn version(&self, id: i64) -> i64 {
        self.w
            .store
            .governed_meeting(id, date!(2026 - 03 - 01))
            .await
            .unwrap()
            .unwrap()
            .version
    }

    /// A planned meeting with one item, its minutes written and sent for approval.
    async fn ready_for_approval(&self) -> i64 {
        let s = &self.w.store;
        let id = s
            .plan_meeting(&self.secretary, meeting_on(date!(2026 - 03 - 12)))
            .await
            .unwrap();
        let item_id = s
            .add_agenda_item(
                &self.secretary,
                id,
                self.version(id).await,
                item("Hemsjukvården i länet", false),
            )
            .await
            .unwrap();
        s.write_minutes(
            &self.secretary,
            id,
            self.version(id).await,
            Minutes {
                document_kind: DocumentKind::Protokoll,
                start_time: Some("09:00".into()),
                end_time: Some("11:30".into()),
                items: vec![ItemMinutes {
                    item_id,
                    notes: "Läget redovisades.".into(),
                    decisions: vec![
                        "att godkänna lägesrapporten".into(),
                        "att uppdra åt arbetsgruppen att återkomma".into(),
                    ],
                    outcome: ItemOutcome::Behandlat,
                }],
                chair: Some(self.chair_member),
                adjusters: vec![self.adjuster_member],
            },
        )
        .await
        .unwrap();
        s.add_assignment(
            &self.secretary,
            id,
            item_id,
            "Ta fram en handlingsplan",
            "Arbetsgruppen",
            date!(2026 - 05 - 20),
            Some("CG"),
        )
        .await
        .unwrap();
        s.submit_for_approval(&self.secretary, id, self.version(id).await)
            .await
            .unwrap();
        id
    }
}

contract!(
    a_planned_meeting_starts_with_the_members_and_a_deadline_a_week_before,
    |w: World| async move {
        let b = board(w).await;
        let id =
            b.w.store
                .plan_meeting(&b.secretary, meeting_on(date!(2026 - 03 - 12)))
                .await
                .unwrap();
        let m =
            b.w.store
                .governed_meeting(id, date!(2026 - 03 - 01))
                .await
                .unwrap()
                .unwrap();
        assert_eq!(m.summary.state, "planerat");
        assert_eq!(m.underlag_deadline.as_deref(), Some("2026-03-05"));
        let names: Vec<&str> = m.attendees.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names.len(), 3);
        assert!(names.contains(&"Olle Ordf"));
        let plan = b.w.store.meetings_of_body("CG", Some(2026)).await.unwrap();
        assert_eq!(plan.len(), 1);

        let twice =
            b.w.store
                .plan_meeting(&b.secretary, meeting_on(date!(2026 - 03 - 12)))
                .await;
        assert!(matches!(twice, Err(StoreError::Conflict(_))), "{twice:?}");
        let mut bad = meeting_on(date!(2026 - 03 - 13));
        bad.end_time = Some("08:00".into());
        let e = b.w.store.plan_meeting(&b.secretary, bad).await.unwrap_err();
        assert!(
            matches!(&e, StoreError::Invalid(v) if v.field == "end_time"),
            "{e:?}"
        );
        let foreign =
            b.w.store
                .plan_meeting(&b.other_secretary, meeting_on(date!(2026 - 04 - 01)))
                .await;
        assert!(matches!(foreign, Err(StoreError::Forbidden(_))));
        assert_eq!(
            b.w.store.meetings_of_body("CG", None).await.unwrap().len(),
            1,
            "nothing stored by the refusals"
        );
    }
);

contract!(
    an_item_without_underlag_is_flagged_from_the_deadline,
    |w: World| async move {
        let b = board(w).await;
        let s = &b.w.store;
        let id = s
            .plan_meeting(&b.secretary, meeting_on(date!(2026 - 03 - 12)))
            .await
            .unwrap();
        let item_id = s
            .add_agenda_item(
                &b.secretary,
                id,
                b.version(id).await,
                item("Budget 2027", true),
            )
            .await
            .unwrap();
        let before = s
            .governed_meeting(id, date!(2026 - 03 - 04))
            .await
            .unwrap()
            .unwrap();
        assert!(!before.items[0].underlag_missing);
        let at = s
            .governed_meeting(id, date!(2026 - 03 - 05))
            .await
            .unwrap()
            .unwrap();
        assert!(at.items[0].underlag_missing);
        let flags = s
            .underlag_flags(&b.secretary, date!(2026 - 03 - 06))
            .await
            .unwrap();
        assert_eq!(flags.len(), 1);
        assert_eq!(flags[0].item_title, "Budget 2027");
        assert_eq!(
            s.underlag_flags(&b.chair, date!(2026 - 03 - 06))
                .await
                .unwrap()
                .len(),
            1,
            "the chair is told too"
        );

        s.add_underlag(
            &b.secretary,
            id,
            item_id,
            NewDocument {
                file_name: "budget.pdf".into(),
                content_type: "application/pdf".into(),
                bytes: b"%PDF-1.4".to_vec(),
            },
        )
        .await
        .unwrap();
        assert!(
            s.underlag_flags(&b.secretary, date!(2026 - 03 - 06))
                .await
                .unwrap()
                .is_empty()
        );
        let (name, _, bytes) = s
            .underlag(
                id,
                s.governed_meeting(id, date!(2026 - 03 - 06))
                    .await
                    .unwrap()
                    .unwrap()
                    .items[0]
                    .documents[0]
                    .id,
            )
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (name.as_str(), bytes.as_slice()),
            ("budget.pdf", b"%PDF-1.4".as_slice())
        );
        let empty = s
            .add_underlag(
                &b.secretary,
                id,
                item_id,
                NewDocument {
                    file_name: "tom.pdf".into(),
                    content_type: "application/pdf".into(),
                    bytes: vec![],
                },
            )
            .await;
        assert!(matches!(empty, Err(StoreError::Invalid(v)) if v.field == "file"));
    }
);

contract!(
    an_edit_on_an_older_copy_is_a_conflict_not_an_overwrite,
    |w: World| async move {
        let b = board(w).await;
        let s = &b.w.store;
        let id = s
            .plan_meeting(&b.secretary, meeting_on(date!(2026 - 03 - 12)))
            .await
            .unwrap();
        let seen = b.version(id).await;
        s.add_agenda_item(&b.secretary, id, seen, item("Först", false))
            .await
            .unwrap();
        let stale = s
            .add_agenda_item(
                &b.secretary,
                id,
                seen,
                item("Sedan, på gammal kopia", false),
            )
            .await;
        assert!(matches!(stale, Err(StoreError::Conflict(_))), "{stale:?}");
        let m = s
            .governed_meeting(id, date!(2026 - 03 - 01))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(m.items.len(), 1);
    }
);

contract!(
    attendance_records_notice_lateness_and_substitutes,
    |w: World| async move {
        let b = board(w).await;
        let s = &b.w.store;
        let id = s
            .plan_meeting(&b.secretary, meeting_on(date!(2026 - 03 - 12)))
            .await
            .unwrap();
        let m = s
            .governed_meeting(id, date!(2026 - 03 - 01))
            .await
            .unwrap()
            .unwrap();
        let lisa = m
            .attendees
            .iter()
            .find(|a| a.name == "Lisa Led")
            .unwrap()
            .id;
        let olle = m
            .attendees
            .iter()
            .find(|a| a.name == "Olle Ordf")
            .unwrap()
            .id;
        let entry =
            |id, name: &str, status, sub: Option<&str>, note: Option<&str>| AttendanceEntry {
                id,
                name: name.into(),
                organization: None,
                role: None,
                status,
                substitute_for: sub.map(str::to_owned),
                note: note.map(str::to_owned),
            };
        s.record_attendance(
            &b.secretary,
            id,
            m.version,
            vec![
                entry(
                    Some(lisa),
                    "",
                    AttendanceStatus::AbsentWithNotice,
                    None,
                    None,
                ),
                entry(
                    Some(olle),
                    "",
                    AttendanceStatus::Late,
                    None,
                    Some("från kl. 09.30"),
                ),
                entry(
                    None,
                    "Sven Ers",
                    AttendanceStatus::Present,
                    Some("Lisa Led"),
                    None,
                ),
            ],
        )
        .await
        .unwrap();
        let m = s
            .governed_meeting(id, date!(2026 - 03 - 01))
            .await
            .unwrap()
            .unwrap();
        let by = |n: &str| m.attendees.iter().find(|a| a.name == n).unwrap().clone();
        assert_eq!(by("Lisa Led").status, "absent_notice");
        assert_eq!(by("Olle Ordf").status, "late");
        assert_eq!(by("Olle Ordf").note.as_deref(), Some("från kl. 09.30"));
        assert_eq!(by("Sven Ers").substitute_for.as_deref(), Some("Lisa Led"));
    }
);

contract!(
    the_protocol_is_fixed_when_the_chair_and_the_adjuster_have_approved,
    |w: World| async move {
        let b = board(w).await;
        let s = &b.w.store;
        let id = b.ready_for_approval().await;
        let early = s.signed_protocol(id).await.unwrap();
        assert!(early.is_none());
        let stranger = s.approve_minutes(&b.secretary, id).await;
        assert!(
            matches!(stranger, Err(StoreError::Forbidden(_))),
            "the secretary does not approve: {stranger:?}"
        );
        assert!(
            !s.approve_minutes(&b.chair, id).await.unwrap(),
            "the adjuster has not approved yet"
        );
        assert!(
            s.approve_minutes(&b.adjuster, id).await.unwrap(),
            "now it is signed"
        );

        let signed = s.signed_protocol(id).await.unwrap().unwrap();
        assert!(signed.text.contains("§ 1 Hemsjukvården i länet"));
        assert!(signed.text.contains("- att godkänna lägesrapporten"));
        assert!(signed.text.contains(
            "Uppdrag: Ta fram en handlingsplan (ansvarig Arbetsgruppen, senast 2026-05-20)"
        ));
        assert!(signed.text.contains("Olle Ordf, ordförande, justerat"));
        let pdf_text = pdf_extract::extract_text_from_mem(&signed.pdf).unwrap();
        assert!(pdf_text.contains("att godkänna lägesrapporten"));

        let by_pdf = s.verify_protocol(&signed.pdf).await.unwrap().unwrap();
        assert_eq!((by_pdf.meeting_id, by_pdf.matched.as_str()), (id, "pdf"));
        let pasted = signed.text.replace('\n', "\r\n");
        assert_eq!(
            s.verify_protocol(pasted.as_bytes())
                .await
                .unwrap()
                .unwrap()
                .matched,
            "text"
        );
        let forged = signed.text.replace("godkänna", "avslå");
        assert!(
            s.verify_protocol(forged.as_bytes())
                .await
                .unwrap()
                .is_none()
        );

        let m = s
            .governed_meeting(id, date!(2026 - 03 - 13))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(m.summary.state, "justerat");
        let hits = s
            .search(&samsyn_store::register::search::Query {
                text: "lägesrapport".into(),
                ..Default::default()
            })
            .await
            .unwrap();
        assert!(
            hits.hits.iter().any(|h| h.meeting_id == id),
            "the signed items are searchable"
        );
    }
);

contract!(
    a_signed_protocol_refuses_every_change_and_each_try_is_audited,
    |w: World| async move {
        let b = board(w).await;
        let s = &b.w.store;
        let id = b.ready_for_approval().await;
        s.approve_minutes(&b.chair, id).await.unwrap();
        s.approve_minutes(&b.adjuster, id).await.unwrap();
        let m = s
            .governed_meeting(id, date!(2026 - 03 - 13))
            .await
            .unwrap()
            .unwrap();
        let before = s.signed_protocol(id).await.unwrap().unwrap().text;
        let tries = [
            s.add_agenda_item(&b.secretary, id, m.version, item("Efteråt", false))
                .await
                .map(|_| ()),
            s.record_attendance(&b.secretary, id, m.version, vec![])
                .await,
            s.write_minutes(
                &b.secretary,
                id,
                m.version,
                Minutes {
                    document_kind: DocumentKind::Protokoll,
                    start_time: None,
                    end_time: None,
                    items: vec![],
                    chair: None,
                    adjusters: vec![],
                },
            )
            .await,
            s.add_underlag(
                &b.secretary,
                id,
                m.items[0].id,
                NewDocument {
                    file_name: "x.txt".into(),
                    content_type: "text/plain".into(),
                    bytes: b"x".to_vec(),
                },
            )
            .await
            .map(|_| ()),
            s.add_assignment(
                &b.secretary,
                id,
                m.items[0].id,
                "Mer",
                "Någon",
                date!(2026 - 06 - 01),
                None,
            )
            .await
            .map(|_| ()),
            s.submit_for_approval(&b.secretary, id, m.version).await,
            s.approve_minutes(&b.chair, id).await.map(|_| ()),
        ];
        for t in &tries {
            assert!(
                matches!(t, Err(StoreError::Forbidden(m)) if m.contains("låst")),
                "{t:?}"
            );
        }
        assert_eq!(b.w.audit_count("agenda.edit", "denied").await, 1);
        assert_eq!(b.w.audit_count("minutes.write", "denied").await, 1);
        assert_eq!(b.w.audit_count("minutes.approve", "denied").await, 1);
        assert_eq!(s.signed_protocol(id).await.unwrap().unwrap().text, before);
        let after = s
            .governed_meeting(id, date!(2026 - 03 - 13))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (after.items.len(), after.assignments.len(), after.version),
            (1, 1, m.version)
        );
    }
);

contract!(
    an_import_cannot_replace_a_signed_protocol,
    |w: World| async move {
        let b = board(w).await;
        let s = &b.w.store;
        let id = b.ready_for_approval().await;
        s.approve_minutes(&b.chair, id).await.unwrap();
        s.approve_minutes(&b.adjuster, id).await.unwrap();
        let text = "PROTOKOLL\nChefsgruppen\nDatum: 2026-03-12\n\n§ 1 Hemsjukvården i länet\nBeslut: att avslå lägesrapporten\n";
        let hints = samsyn_domain::protocol::Hints {
            file_name: Some("falsk.txt".into()),
            body: Some("CG".into()),
        };
        let parsed = samsyn_domain::protocol::parse(text, &hints).unwrap();
        let body = samsyn_store::register::BodyRef {
            code: Some("CG".into()),
            name: Some("Chefsgruppen".into()),
        };
        let outcome = s
            .import_protocol("falsk.txt", text.as_bytes(), &parsed, &body, "sekr")
            .await
            .unwrap();
        assert_eq!(
            outcome,
            samsyn_store::register::ImportOutcome::Changed { meeting_id: id }
        );
        assert_eq!(b.w.audit_count("protocol.import", "denied").await, 1);
        assert!(
            s.signed_protocol(id)
                .await
                .unwrap()
                .unwrap()
                .text
                .contains("att godkänna lägesrapporten")
        );
    }
);

contract!(
    missing_fields_and_impossible_values_are_named,
    |w: World| async move {
        let b = board(w).await;
        let s = &b.w.store;
        let id = s
            .plan_meeting(&b.secretary, meeting_on(date!(2026 - 03 - 12)))
            .await
            .unwrap();
        let untitled = s
            .add_agenda_item(&b.secretary, id, b.version(id).await, item("  ", false))
            .await;
        assert!(matches!(untitled, Err(StoreError::Invalid(v)) if v.field == "title"));
        let mut nameless = NewMember {
            name: "".into(),
            role: MemberRole::Ledamot,
            party: None,
            organization: None,
            username: None,
            from: date!(2026 - 01 - 01),
            to: None,
        };
        assert!(
            matches!(s.add_member(&b.secretary, "CG", nameless.clone()).await, Err(StoreError::Invalid(v)) if v.field == "name")
        );
        nameless.name = "Nils".into();
        nameless.to = Some(date!(2025 - 01 - 01));
        assert!(
            matches!(s.add_member(&b.secretary, "CG", nameless.clone()).await, Err(StoreError::Invalid(v)) if v.field == "to_date")
        );
        nameless.to = None;
        nameless.username = Some("finns_inte".into());
        assert!(
            matches!(s.add_member(&b.secretary, "CG", nameless).await, Err(StoreError::Invalid(v)) if v.field == "username")
        );
        let mut late = meeting_on(date!(2026 - 04 - 01));
        late.underlag_deadline = Some(date!(2026 - 04 - 02));
        assert!(
            matches!(s.plan_meeting(&b.secretary, late).await, Err(StoreError::Invalid(v)) if v.field == "underlag_deadline")
        );
        let x = s
            .add_agenda_item(&b.secretary, id, b.version(id).await, item("X", false))
            .await
            .unwrap();
        let before = s
            .add_assignment(
                &b.secretary,
                id,
                x,
                "Gör",
                "Någon",
                date!(2026 - 01 - 01),
                None,
            )
            .await;
        assert!(matches!(before, Err(StoreError::Invalid(v)) if v.field == "due_date"));
        assert!(
            samsyn_domain::governance::parse_meeting_date("date", "2126-01-01").is_err(),
            "dates out of range"
        );
    }
);

contract!(
    a_change_during_approval_takes_the_minutes_back_and_clears_approvals,
    |w: World| async move {
        let b = board(w).await;
        let s = &b.w.store;
        let id = b.ready_for_approval().await;
        s.approve_minutes(&b.chair, id).await.unwrap();
        s.add_agenda_item(&b.secretary, id, b.version(id).await, item("Övrigt", false))
            .await
            .unwrap();
        let m = s
            .governed_meeting(id, date!(2026 - 03 - 13))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(m.summary.state, "planerat");
        assert!(m.signers.iter().all(|x| x.approved_at.is_none()));
        let not_sent = s.approve_minutes(&b.adjuster, id).await;
        assert!(
            matches!(not_sent, Err(StoreError::OutOfOrder(_))),
            "{not_sent:?}"
        );
    }
);

contract!(
    an_approval_by_email_is_recorded_by_the_secretary,
    |w: World| async move {
        let b = board(w).await;
        let s = &b.w.store;
        let id = b.ready_for_approval().await;
        s.approve_minutes(&b.chair, id).await.unwrap();
        let no_via = s
            .record_approval(&b.secretary, id, b.adjuster_member, " ")
            .await;
        assert!(matches!(no_via, Err(StoreError::Invalid(_))));
        assert!(
            s.record_approval(&b.secretary, id, b.adjuster_member, "e-post")
                .await
                .unwrap()
        );
        let text = s.signed_protocol(id).await.unwrap().unwrap().text;
        assert!(text.contains("Jenny Just, justerare, justerat"));
        assert!(text.contains("via e-post"));
    }
);

contract!(
    postponed_items_carry_over_to_the_next_meetings_draft_agenda,
    |w: World| async move {
        let b = board(w).await;
        let s = &b.w.store;
        let first = s
            .plan_meeting(&b.secretary, meeting_on(date!(2026 - 03 - 12)))
            .await
            .unwrap();
        let kept = s
            .add_agenda_item(
                &b.secretary,
                first,
                b.version(first).await,
                item("Avgjort", false),
            )
            .await
            .unwrap();
        let back = s
            .add_agenda_item(
                &b.secretary,
                first,
                b.version(first).await,
                item("Länsgemensam riktlinje", true),
            )
            .await
            .unwrap();
        s.write_minutes(
            &b.secretary,
            first,
            b.version(first).await,
            Minutes {
                document_kind: DocumentKind::Protokoll,
                start_time: None,
                end_time: None,
                items: vec![
                    ItemMinutes {
                        item_id: kept,
                        notes: String::new(),
                        decisions: vec!["att godkänna".into()],
                        outcome: ItemOutcome::Behandlat,
                    },
                    ItemMinutes {
                        item_id: back,
                        notes: "Återkommer i april.".into(),
                        decisions: vec![],
                        outcome: ItemOutcome::Aterkommer,
                    },
                ],
                chair: Some(b.chair_member),
                adjusters: vec![],
            },
        )
        .await
        .unwrap();
        let next = s
            .plan_meeting(&b.secretary, meeting_on(date!(2026 - 04 - 09)))
            .await
            .unwrap();
        let m = s
            .governed_meeting(next, date!(2026 - 04 - 01))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(m.items.len(), 1);
        assert_eq!(m.items[0].title, "Länsgemensam riktlinje");
        assert_eq!(m.items[0].carried_from, Some(back));
        assert!(m.items[0].needs_underlag);
        let later = s
            .plan_meeting(&b.secretary, meeting_on(date!(2026 - 05 - 07)))
            .await
            .unwrap();
        let m = s
            .governed_meeting(later, date!(2026 - 05 - 01))
            .await
            .unwrap()
            .unwrap();
        assert!(m.items.is_empty(), "an item is carried over once");
    }
);

contract!(
    assignments_are_reminded_and_reported_back,
    |w: World| async move {
        let b = board(w).await;
        let s = &b.w.store;
        let id = b.ready_for_approval().await;
        let rows = s.assignments(date!(2026 - 05 - 15)).await.unwrap();
        assert_eq!(
            rows[0].reminder.as_deref(),
            Some("Ska återrapporteras om 5 dagar")
        );
        let rows = s.assignments(date!(2026 - 05 - 23)).await.unwrap();
        assert!(rows[0].overdue);
        let denied = s
            .set_assignment_status(
                &b.other_secretary,
                rows[0].id,
                AssignmentStatus::Aterrapporterat,
                "",
            )
            .await;
        assert!(matches!(denied, Err(StoreError::Forbidden(_))));
        s.set_assignment_status(
            &b.secretary,
            rows[0].id,
            AssignmentStatus::Aterrapporterat,
            "Planen redovisad",
        )
        .await
        .unwrap();
        let rows = s.assignments(date!(2026 - 05 - 23)).await.unwrap();
        assert_eq!(
            (rows[0].status.as_str(), rows[0].reminder.as_deref()),
            ("aterrapporterat", None)
        );
        assert_eq!(rows[0].meeting_id, id);
    }
);

contract!(
    an_evaluation_is_anonymous_and_answered_once_per_member,
    |w: World| async move {
        let b = board(w).await;
        let s = &b.w.store;
        let id = s
            .plan_meeting(&b.secretary, meeting_on(date!(2026 - 03 - 12)))
            .await
            .unwrap();
        s.evaluate_meeting(&b.chair, id, 4, "Bra dragningar")
            .await
            .unwrap();
        s.evaluate_meeting(&b.adjuster, id, 2, "").await.unwrap();
        let twice = s.evaluate_meeting(&b.chair, id, 5, "").await;
        assert!(matches!(twice, Err(StoreError::Conflict(_))));
        let outsider = s.evaluate_meeting(&b.other_secretary, id, 5, "").await;
        assert!(matches!(outsider, Err(StoreError::Forbidden(_))));
        let bad = s.evaluate_meeting(&b.adjuster, id, 9, "").await;
        assert!(matches!(bad, Err(StoreError::Invalid(v)) if v.field == "score"));
        let sum = s.evaluation_summary(id).await.unwrap();
        assert_eq!(
            (sum.answers, sum.per_score, sum.average),
            (2, [0, 1, 0, 1, 0], Some(3.0))
        );
        assert_eq!(sum.comments, vec!["Bra dragningar".to_owned()]);
    }
);

contract!(
    risks_are_scored_and_banded_highest_first,
    |w: World| async move {
        let b = board(w).await;
        let s = &b.w.store;
        for (title, p, c) in [
            ("Låg bemanning", 2, 2),
            ("Otydlig ansvarsfördelning", 3, 4),
            ("IT-stöd saknas", 2, 3),
        ] {
            s.add_risk(
                &b.secretary,
                "CG",
                "Överenskommelsen HSIH",
                title,
                RiskScore::new(p, c).unwrap(),
                "Styrgruppen",
                "",
                date!(2026 - 06 - 01),
            )
            .await
            .unwrap();
        }
        let rows = s.risks("CG", date!(2026 - 03 - 01)).await.unwrap();
        let got: Vec<(&str, i64, &str)> = rows
            .iter()
            .map(|r| (r.title.as_str(), r.score, r.band.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Otydlig ansvarsfördelning", 12, "hog"),
                ("IT-stöd saknas", 6, "betydande"),
                ("Låg bemanning", 4, "lag")
            ]
        );
        let denied = s
            .add_risk(
                &b.other_secretary,
                "CG",
                "X",
                "Y",
                RiskScore::new(1, 1).unwrap(),
                "Z",
                "",
                date!(2026 - 06 - 01),
            )
            .await;
        assert!(matches!(denied, Err(StoreError::Forbidden(_))));
    }
);

mod agreement_cycle_tests {
    use super::*;
    use samsyn_domain::agreement_cycle::Phase;
    use samsyn_domain::governance::{Disposition, RemissPosition};

    async fn anchoring_bodies(w: &World) {
        let mut tx = w.store.begin_write().await.unwrap();
        for (code, kind) in [
            ("SG", samsyn_domain::org::BodyKind::Styrgrupp),
            ("SSR", samsyn_domain::org::BodyKind::SpecifiktSamverkansrad),
        ] {
            org::ensure_body(&mut tx, code, code, kind, None, None)
                .await
                .unwrap();
        }
        tx.commit().await.unwrap();
    }

    contract!(
        an_agreement_goes_from_draft_through_remiss_and_adoption_into_force,
        |w: World| async move {
            let b = board(w).await;
            anchoring_bodies(&b.w).await;
            let s = &b.w.store;
            let id = s
                .create_agreement(
                    &b.secretary,
                    "HSIH-2025",
                    "Överenskommelse om hälso- och sjukvård i hemmet",
                    "CG",
                    Phase::Utkast,
                )
                .await
                .unwrap();
            let early = s
                .send_remiss(
                    &b.secretary,
                    id,
                    &["1880".into()],
                    date!(2024 - 03 - 01),
                    date!(2024 - 04 - 30),
                )
                .await;
            assert!(matches!(early, Err(StoreError::OutOfOrder(_))), "{early:?}");
            s.move_agreement(
                &b.secretary,
                id,
                Phase::Remiss,
                "Till politisk remiss",
                None,
            )
            .await
            .unwrap();
            let remiss = s
                .send_remiss(
                    &b.secretary,
                    id,
                    &["18".into(), "1880".into(), "1881".into()],
                    date!(2024 - 03 - 01),
                    date!(2024 - 04 - 30),
                )
                .await
                .unwrap();

            s.answer_remiss(
                &b.secretary,
                remiss,
                "18",
                RemissPosition::Tillstyrker,
                date!(2024 - 04 - 20),
                &[],
            )
            .await
            .unwrap();
            let comments = vec![
                "Förtydliga ansvaret för hjälpmedel.".to_owned(),
                "Inför en gemensam uppföljningsplan.".to_owned(),
            ];
            s.answer_remiss(
                &b.secretary,
                remiss,
                "1880",
                RemissPosition::Delvis,
                date!(2024 - 04 - 30),
                &comments,
            )
            .await
            .unwrap();
            let late = s
                .answer_remiss(
                    &b.secretary,
                    remiss,
                    "1881",
                    RemissPosition::Reserverar,
                    date!(2024 - 05 - 10),
                    &[],
                )
                .await;
            assert!(
                matches!(&late, Err(StoreError::Invalid(v)) if v.field == "answered_on"),
                "{late:?}"
            );
            s.extend_remiss(
                &b.secretary,
                remiss,
                "1881",
                date!(2024 - 05 - 15),
                "Nämndsammanträde 14 maj",
            )
            .await
            .unwrap();
            s.answer_remiss(
                &b.secretary,
                remiss,
                "1881",
                RemissPosition::Reserverar,
                date!(2024 - 05 - 10),
                &["Ekonomin är oklar.".to_owned()],
            )
            .await
            .unwrap();
            let twice = s
                .answer_remiss(
                    &b.secretary,
                    remiss,
                    "1881",
                    RemissPosition::Tillstyrker,
                    date!(2024 - 05 - 11),
                    &[],
                )
                .await;
            assert!(matches!(twice, Err(StoreError::Conflict(_))));

            let view = s.agreement_document(id).await.unwrap().unwrap();
            assert_eq!(view.comments_handled, (0, 3));
            let kommun = view.remisses[0]
                .recipients
                .iter()
                .find(|r| r.party_code == "1880")
                .unwrap();
            assert_eq!(
                kommun.comments.iter().map(|c| c.number).collect::<Vec<_>>(),
                vec![1, 2]
            );
            let no_reason = s
                .handle_comment(
                    &b.secretary,
                    kommun.comments[1].id,
                    Disposition::Avslagen,
                    " ",
                )
                .await;
            assert!(matches!(no_reason, Err(StoreError::Invalid(v)) if v.field == "reason"));
            s.handle_comment(
                &b.secretary,
                kommun.comments[0].id,
                Disposition::Tillgodosedd,
                "",
            )
            .await
            .unwrap();
            s.handle_comment(
                &b.secretary,
                kommun.comments[1].id,
                Disposition::Delvis,
                "Uppföljningsplanen beslutas separat",
            )
            .await
            .unwrap();
            assert_eq!(
                s.agreement_document(id)
                    .await
                    .unwrap()
                    .unwrap()
                    .comments_handled,
                (2, 3)
            );

            s.move_agreement(&b.secretary, id, Phase::Forankring, "Beslutsförslag", None)
                .await
                .unwrap();
            let skipped = s
                .anchor_agreement(&b.secretary, id, "SSR", date!(2024 - 09 - 20), None)
                .await;
            assert!(
                matches!(&skipped, Err(StoreError::OutOfOrder(m)) if m.contains("Styrgrupp")),
                "{skipped:?}"
            );
            s.anchor_agreement(&b.secretary, id, "SG", date!(2024 - 04 - 10), None)
                .await
                .unwrap();
            s.anchor_agreement(&b.secretary, id, "CG", date!(2024 - 04 - 19), None)
                .await
                .unwrap();
            s.anchor_agreement(&b.secretary, id, "SSR", date!(2024 - 09 - 20), None)
                .await
                .unwrap();

            s.move_agreement(&b.secretary, id, Phase::Antagande, "Till parterna", None)
                .await
                .unwrap();
            s.adopt_agreement(&b.secretary, id, "18", date!(2024 - 10 - 15), "RS 2024/123")
                .await
                .unwrap();
            s.adopt_agreement(&b.secretary, id, "1880", date!(2024 - 11 - 05), "KS § 210")
                .await
                .unwrap();
            let not_all = s
                .move_agreement(
                    &b.secretary,
                    id,
                    Phase::IKraft,
                    "",
                    Some(date!(2025 - 01 - 01)),
                )
                .await;
            assert!(
                matches!(&not_all, Err(StoreError::OutOfOrder(m)) if m.contains("1881")),
                "{not_all:?}"
            );
            s.adopt_agreement(&b.secretary, id, "1881", date!(2024 - 11 - 20), "KS § 99")
                .await
                .unwrap();
            let undated = s
                .move_agreement(&b.secretary, id, Phase::IKraft, "", None)
                .await;
            assert!(matches!(undated, Err(StoreError::Invalid(v)) if v.field == "in_force_from"));
            s.move_agreement(
                &b.secretary,
                id,
                Phase::IKraft,
                "Alla parter har beslutat",
                Some(date!(2025 - 01 - 01)),
            )
            .await
            .unwrap();
            let back = s
                .move_agreement(&b.secretary, id, Phase::Remiss, "", None)
                .await;
            assert!(matches!(back, Err(StoreError::OutOfOrder(_))));

            let view = s.agreement_document(id).await.unwrap().unwrap();
            assert_eq!(
                (
                    view.agreement.phase.as_str(),
                    view.agreement.in_force_from.as_deref()
                ),
                ("i_kraft", Some("2025-01-01"))
            );
            assert!(view.adoptions.iter().all(|a| a.adopted_on.is_some()));
            assert_eq!(view.anchorings.len(), 3);
            assert_eq!(view.history.len(), 5);

            s.move_agreement(
                &b.secretary,
                id,
                Phase::Revidering,
                "Årlig revidering",
                None,
            )
            .await
            .unwrap();
            let revised = s.agreement_document(id).await.unwrap().unwrap();
            assert_eq!(revised.agreement.version, 2);
            assert!(
                revised.adoptions.iter().all(|a| a.adopted_on.is_none()),
                "a new version is adopted anew"
            );

            let foreign = s
                .move_agreement(&b.other_secretary, id, Phase::Remiss, "", None)
                .await;
            assert!(matches!(foreign, Err(StoreError::Forbidden(_))));
            assert_eq!(b.w.audit_count("agreement.phase", "denied").await, 1);
        }
    );

    contract!(
        an_anchoring_links_the_decision_at_the_bodys_own_meeting,
        |w: World| async move {
            let b = board(w).await;
            anchoring_bodies(&b.w).await;
            let s = &b.w.store;
            let meeting = s
                .plan_meeting(&b.secretary, meeting_on(date!(2024 - 04 - 19)))
                .await
                .unwrap();
            let item = s
                .add_agenda_item(
                    &b.secretary,
                    meeting,
                    b.version(meeting).await,
                    item("Ny överenskommelse", false),
                )
                .await
                .unwrap();
            let id = s
                .create_agreement(&b.secretary, "HSIH", "Hemsjukvård", "CG", Phase::Forankring)
                .await
                .unwrap();
            s.anchor_agreement(&b.secretary, id, "SG", date!(2024 - 04 - 10), None)
                .await
                .unwrap();
            s.anchor_agreement(&b.secretary, id, "CG", date!(2024 - 04 - 19), Some(item))
                .await
                .unwrap();
            let at = s.anchorings_at_meeting(meeting).await.unwrap();
            assert_eq!(at, vec![(item, id, "Hemsjukvård".to_owned())]);
            let wrong_body = s
                .anchor_agreement(&b.secretary, id, "SSR", date!(2024 - 09 - 20), Some(item))
                .await;
            assert!(
                matches!(wrong_body, Err(StoreError::Invalid(v)) if v.field == "item"),
                "the item is the chefsgrupp's"
            );
        }
    );

    contract!(
        implementation_has_persons_and_gap_analyses_per_pair,
        |w: World| async move {
            let b = board(w).await;
            let s = &b.w.store;
            let id = s
                .create_agreement(&b.secretary, "HSIH", "Hemsjukvård", "CG", Phase::IKraft)
                .await
                .unwrap();
            s.add_implementation_person(
                &b.secretary,
                id,
                "1880",
                "Anna Implementerare",
                "anna@example.se",
            )
            .await
            .unwrap();
            let wrong = s
                .add_gap_analysis(
                    &b.secretary,
                    id,
                    "HSV-1880",
                    "VC-1880",
                    "x",
                    "y",
                    date!(2025 - 03 - 31),
                )
                .await;
            assert!(matches!(wrong, Err(StoreError::Invalid(v)) if v.field == "vc_unit"));
            let gap = s
                .add_gap_analysis(
                    &b.secretary,
                    id,
                    "VC-1880",
                    "HSV-1880",
                    "Olika rutiner för läkemedelslistor",
                    "Gemensam rutin senast mars",
                    date!(2025 - 03 - 31),
                )
                .await
                .unwrap();
            s.follow_up_gap(
                &b.secretary,
                gap,
                "Rutinen är införd",
                date!(2025 - 04 - 10),
            )
            .await
            .unwrap();
            let view = s.agreement_document(id).await.unwrap().unwrap();
            assert_eq!(view.implementation_persons.len(), 1);
            assert_eq!(view.gaps[0].followed_up_on.as_deref(), Some("2025-04-10"));
        }
    );

    contract!(
        grants_are_allocated_by_decision_and_never_overspent,
        |w: World| async move {
            let b = board(w).await;
            let s = &b.w.store;
            let meeting = s
                .plan_meeting(&b.secretary, meeting_on(date!(2026 - 03 - 12)))
                .await
                .unwrap();
            let item = s
                .add_agenda_item(
                    &b.secretary,
                    meeting,
                    b.version(meeting).await,
                    item("Fördelning av medel", false),
                )
                .await
                .unwrap();
            let grant = s
                .add_grant(
                    &b.secretary,
                    "Nära vård 2026",
                    "Statsbidrag",
                    2026,
                    4_275_000,
                )
                .await
                .unwrap();
            s.allocate(
                &b.secretary,
                grant,
                Some(item),
                "Länsdel Norr",
                1_000_000,
                date!(2026 - 01 - 01),
                date!(2028 - 03 - 31),
                "Förutsatt att nya statsbidrag kommer",
            )
            .await
            .unwrap();
            let over = s
                .allocate(
                    &b.secretary,
                    grant,
                    Some(item),
                    "Länsdel Söder",
                    3_500_000,
                    date!(2026 - 01 - 01),
                    date!(2026 - 12 - 31),
                    "",
                )
                .await;
            assert!(
                matches!(&over, Err(StoreError::Invalid(v)) if v.field == "amount_kr" && v.message.contains("3275000")),
                "{over:?}"
            );
            let foreign = s
                .allocate(
                    &b.other_secretary,
                    grant,
                    Some(item),
                    "X",
                    1,
                    date!(2026 - 01 - 01),
                    date!(2026 - 12 - 31),
                    "",
                )
                .await;
            assert!(matches!(foreign, Err(StoreError::Forbidden(_))));
            let grants = s.grants().await.unwrap();
            assert_eq!(
                (grants[0].amount_kr, grants[0].allocated_kr),
                (4_275_000, 1_000_000)
            );
            let at_item = s.allocations(Some(item)).await.unwrap();
            assert_eq!((at_item.len(), at_item[0].meeting_id), (1, Some(meeting)));
            let nobody = s.add_grant(&b.chair, "X", "Y", 2026, 1).await;
            assert!(matches!(nobody, Err(StoreError::Forbidden(_))));
        }
    );
}
