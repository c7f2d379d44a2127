//! Demo governance: the chefsgrupp's members and a year of meetings written in samsyn —
//! agendas with underlag, attendance, minutes approved by the chair and the adjuster,
//! decisions and assignments — the specific council's members, and the home-care
//! agreement's risk register as the report scored it.

use samsyn_domain::Username;
use samsyn_domain::governance::{
    AttendanceStatus, DocumentKind, ItemOutcome, MeetingMode, MemberRole, RiskScore,
};
use samsyn_domain::protocol::ItemKind;
use samsyn_store::governance::{
    AttendanceEntry, ItemMinutes, Minutes, NewDocument, NewItem, NewMeeting, NewMember,
};
use samsyn_store::{Store, StoreError};
use time::macros::date;

/// (name, role, party, organization, username)
type DemoMember = (
    &'static str,
    MemberRole,
    &'static str,
    &'static str,
    Option<&'static str>,
);

const CG_MEMBERS: &[DemoMember] = &[
    (
        "Eva Ekström",
        MemberRole::Ordforande,
        "1880",
        "Örebro kommun",
        Some("ordforande"),
    ),
    (
        "Jonas Berg",
        MemberRole::Justerare,
        "18",
        "Region Örebro län",
        Some("justerare"),
    ),
    (
        "Malin Ek",
        MemberRole::Sekreterare,
        "18",
        "Region Örebro län",
        Some("sekreterare"),
    ),
    (
        "Karin Holm",
        MemberRole::ViceOrdforande,
        "18",
        "Region Örebro län",
        None,
    ),
    (
        "Per Sandberg",
        MemberRole::Ledamot,
        "1881",
        "Kumla kommun",
        None,
    ),
    (
        "Ulla Nyberg",
        MemberRole::Ledamot,
        "1885",
        "Lindesbergs kommun",
        None,
    ),
    (
        "Ahmed Karimi",
        MemberRole::Ledamot,
        "1883",
        "Karlskoga kommun",
        None,
    ),
    (
        "Sofia Lund",
        MemberRole::Ersattare,
        "1880",
        "Örebro kommun",
        None,
    ),
];

const SSR_MEMBERS: &[DemoMember] = &[
    (
        "Anders Ståhl",
        MemberRole::Ordforande,
        "18",
        "Region Örebro län",
        None,
    ),
    (
        "Lars Lind",
        MemberRole::Ledamot,
        "1881",
        "Kumla kommun",
        Some("ledamot"),
    ),
    (
        "Birgitta Ohlsson",
        MemberRole::Ledamot,
        "1880",
        "Örebro kommun",
        None,
    ),
];

/// (date, items: (title, kind, decisions, outcome)) of meetings held and signed.
type Held = (
    time::Date,
    &'static [(&'static str, ItemKind, &'static [&'static str], ItemOutcome)],
);

const HELD: &[Held] = &[
    (
        date!(2026 - 02 - 12),
        &[
            (
                "Mötet öppnas, val av justerare",
                ItemKind::Beslutsarende,
                &["att utse Jonas Berg att justera protokollet"],
                ItemOutcome::Behandlat,
            ),
            (
                "Uppföljning av överenskommelsen om hälso- och sjukvård i hemmet",
                ItemKind::Informationsarende,
                &["att lägga informationen till handlingarna"],
                ItemOutcome::Behandlat,
            ),
            (
                "Gemensam riktlinje för läkemedelshantering",
                ItemKind::Beredningsarende,
                &[],
                ItemOutcome::Aterkommer,
            ),
        ],
    ),
    (
        date!(2026 - 04 - 16),
        &[
            (
                "Mötet öppnas, val av justerare",
                ItemKind::Beslutsarende,
                &["att utse Jonas Berg att justera protokollet"],
                ItemOutcome::Behandlat,
            ),
            (
                "Fördelning av stimulansmedel för nära vård 2026",
                ItemKind::Beslutsarende,
                &[
                    "att fördela 4 275 000 kronor till länsdelarna enligt befolkningsmängd för perioden 2026-01-01–2027-12-31",
                    "att medlen villkoras av att nya statsbidrag kommer",
                ],
                ItemOutcome::Behandlat,
            ),
            (
                "Utskrivning från slutenvård, lägesrapport",
                ItemKind::Informationsarende,
                &["att lägga informationen till handlingarna"],
                ItemOutcome::Behandlat,
            ),
        ],
    ),
    (
        date!(2026 - 09 - 10),
        &[
            (
                "Mötet öppnas, val av justerare",
                ItemKind::Beslutsarende,
                &["att utse Jonas Berg att justera protokollet"],
                ItemOutcome::Behandlat,
            ),
            (
                "Gap-analys per vårdcentral och kommunal hemsjukvård",
                ItemKind::Beslutsarende,
                &[
                    "att godkänna gap-analysen",
                    "att uppdra åt länsdelsgrupperna att ta fram gemensamma handlingsplaner",
                ],
                ItemOutcome::Behandlat,
            ),
        ],
    ),
];

/// Meetings still ahead: (date, agenda titles that need underlag).
const AHEAD: &[(time::Date, &[(&str, bool)])] = &[
    (
        date!(2026 - 12 - 10),
        &[
            ("Mötet öppnas, val av justerare", false),
            (
                "Årlig uppföljning av överenskommelsen om hälso- och sjukvård i hemmet",
                true,
            ),
            ("Budget för samverkan 2027", true),
        ],
    ),
    (date!(2027 - 02 - 11), &[]),
    (date!(2027 - 04 - 15), &[]),
    (date!(2027 - 06 - 10), &[]),
];

/// The report's risk register for the agreement (probability, consequence).
const RISKS: &[(&str, i64, i64)] = &[
    ("Implementeringsperson saknas i verksamheten", 3, 2),
    (
        "Kunskap om ny överenskommelse (intern information och kommunikation)",
        4,
        3,
    ),
    ("Förändringsmättnad", 4, 3),
    ("Resurser och kapacitet att förändra arbetssätt", 3, 3),
    ("Byte av projektledare", 4, 2),
    ("Berör många personer, storleken på organisationerna", 4, 3),
    ("Bristande lojalitet gentemot beslut", 3, 2),
    ("Brist på uppföljning", 2, 2),
    (
        "Undanträngningseffekter (till exempel pandemi, världsläget)",
        2,
        4,
    ),
    ("Ekonomiska förutsättningar saknas för införandet", 3, 3),
];

async fn principal(store: &Store, name: &str) -> Result<samsyn_domain::Principal, StoreError> {
    store
        .principal_by_username(&Username::parse(name)?)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("demoanvändaren {name}")))
}

async fn members(
    store: &Store,
    admin: &samsyn_domain::Principal,
    body: &str,
    list: &[DemoMember],
) -> Result<Vec<i64>, StoreError> {
    let mut ids = Vec::new();
    for (name, role, party, org, user) in list {
        ids.push(
            store
                .add_member(
                    admin,
                    body,
                    NewMember {
                        name: (*name).into(),
                        role: *role,
                        party: Some((*party).into()),
                        organization: Some((*org).into()),
                        username: user.map(str::to_owned),
                        from: date!(2025 - 01 - 01),
                        to: None,
                    },
                )
                .await?,
        );
    }
    Ok(ids)
}

fn meeting(day: time::Date) -> NewMeeting {
    NewMeeting {
        body: "CG-VO".into(),
        date: day,
        start_time: Some("09:00".into()),
        end_time: Some("12:00".into()),
        mode: MeetingMode::Hybrid,
        place: Some("Regionhuset, Eklundavägen 1, Örebro, och Teams".into()),
        joint_with: vec![],
        underlag_deadline: None,
        document_kind: DocumentKind::Protokoll,
    }
}

/// Loads the demo governance once: nothing is added when the chefsgrupp has members.
pub async fn load(store: &Store) -> Result<usize, StoreError> {
    if !store.members("CG-VO").await?.is_empty() {
        return Ok(0);
    }
    let secretary = principal(store, "sekreterare").await?;
    let admin = principal(store, "admin").await?;
    let chair = principal(store, "ordforande").await?;
    let adjuster = principal(store, "justerare").await?;
    let cg = members(store, &secretary, "CG-VO", CG_MEMBERS).await?;
    members(store, &admin, "SSR-VO", SSR_MEMBERS).await?;
    let mut added = CG_MEMBERS.len() + SSR_MEMBERS.len();
    let today = time::OffsetDateTime::now_utc().date();
    let version = |id| async move {
        Ok::<_, StoreError>(
            store
                .governed_meeting(id, today)
                .await?
                .map(|m| m.version)
                .unwrap_or(0),
        )
    };

    for (day, items) in HELD {
        let id = store.plan_meeting(&secretary, meeting(*day)).await?;
        let mut minutes = Vec::new();
        for (title, kind, decisions, outcome) in *items {
            let item = store
                .add_agenda_item(
                    &secretary,
                    id,
                    version(id).await?,
                    NewItem {
                        title: (*title).into(),
                        kind: Some(*kind),
                        presenters: vec!["Karin Holm".into()],
                        needs_underlag: false,
                    },
                )
                .await?;
            minutes.push(ItemMinutes {
                item_id: item,
                notes: String::new(),
                decisions: decisions.iter().map(|d| (*d).to_owned()).collect(),
                outcome: *outcome,
            });
        }
        let m = store
            .governed_meeting(id, today)
            .await?
            .expect("the meeting was just planned");
        let sofia = m
            .attendees
            .iter()
            .find(|a| a.name == "Sofia Lund")
            .map(|a| a.id);
        let ulla = m
            .attendees
            .iter()
            .find(|a| a.name == "Ulla Nyberg")
            .map(|a| a.id);
        let mut rows = Vec::new();
        for (id, status, sub) in [
            (ulla, AttendanceStatus::AbsentWithNotice, None),
            (sofia, AttendanceStatus::Present, Some("Ulla Nyberg")),
        ] {
            if let Some(row) = id {
                rows.push(AttendanceEntry {
                    id: Some(row),
                    name: String::new(),
                    organization: None,
                    role: None,
                    status,
                    substitute_for: sub.map(str::to_owned),
                    note: None,
                });
            }
        }
        store
            .record_attendance(&secretary, id, m.version, rows)
            .await?;
        let first_decision = minutes
            .iter()
            .find(|i| i.decisions.len() > 1)
            .map(|i| i.item_id);
        store
            .write_minutes(
                &secretary,
                id,
                version(id).await?,
                Minutes {
                    document_kind: DocumentKind::Protokoll,
                    start_time: Some("09:00".into()),
                    end_time: Some("11:45".into()),
                    items: minutes,
                    chair: Some(cg[0]),
                    adjusters: vec![cg[1]],
                },
            )
            .await?;
        if let Some(item) = first_decision {
            store
                .add_assignment(
                    &secretary,
                    id,
                    item,
                    "Återrapportera hur beslutet genomförts i länsdelarna",
                    "Länsdelsgrupperna",
                    *day + time::Duration::days(90),
                    Some("CG-VO"),
                )
                .await?;
        }
        store
            .submit_for_approval(&secretary, id, version(id).await?)
            .await?;
        store.approve_minutes(&chair, id).await?;
        store.approve_minutes(&adjuster, id).await?;
        store
            .evaluate_meeting(&chair, id, 4, "Bra förberedda underlag.")
            .await?;
        store.evaluate_meeting(&adjuster, id, 3, "").await?;
        added += 1;
    }
    for (day, items) in AHEAD {
        let mut planned = meeting(*day);
        if *day == date!(2026 - 12 - 10) {
            // Invitations go out three weeks ahead: the budget's underlag is late.
            planned.underlag_deadline = Some(date!(2026 - 11 - 19));
        }
        let id = store.plan_meeting(&secretary, planned).await?;
        for (title, needs) in *items {
            let item = store
                .add_agenda_item(
                    &secretary,
                    id,
                    version(id).await?,
                    NewItem {
                        title: (*title).into(),
                        kind: Some(ItemKind::Beslutsarende),
                        presenters: vec![],
                        needs_underlag: *needs,
                    },
                )
                .await?;
            if title.starts_with("Årlig") {
                store
                    .add_underlag(
                        &secretary,
                        id,
                        item,
                        NewDocument {
                            file_name: "uppfoljning-2026.txt".into(),
                            content_type: "text/plain; charset=utf-8".into(),
                            bytes: "Uppföljning av överenskommelsen 2026 (utkast).\n"
                                .as_bytes()
                                .to_vec(),
                        },
                    )
                    .await?;
            }
        }
        added += 1;
    }
    added += other_bodies(store, &admin).await?;
    added += agreement(store, &secretary).await?;
    added += funding(store, &secretary, today).await?;
    for (title, p, c) in RISKS {
        store
            .add_risk(
                &secretary,
                "CG-VO",
                "Överenskommelsen om hälso- och sjukvård i hemmet",
                title,
                RiskScore::new(*p, *c)?,
                "Styrgruppen hälso- och sjukvård i hemmet",
                "",
                date!(2027 - 03 - 31),
            )
            .await?;
        added += 1;
    }
    Ok(added)
}

/// The home-care agreement as it went: remiss to the 13 parties in spring 2024 (one
/// extension), answers with comments and their handling, anchoring from the steering
/// group to the regional council, every party's decision, in force 2025-01-01.
async fn agreement(
    store: &Store,
    secretary: &samsyn_domain::Principal,
) -> Result<usize, StoreError> {
    use samsyn_domain::agreement_cycle::Phase;
    use samsyn_domain::governance::{Disposition, RemissPosition};
    let id = store
        .create_agreement(
            secretary,
            "HSIH-2025",
            "Överenskommelse om hälso- och sjukvård i hemmet i Örebro län",
            "CG-VO",
            Phase::Utkast,
        )
        .await?;
    store
        .move_agreement(
            secretary,
            id,
            Phase::Remiss,
            "Förslaget skickas på politisk remiss",
            None,
        )
        .await?;
    let parties: Vec<String> = store
        .parties()
        .await?
        .into_iter()
        .filter(|p| p.kind == "region" || p.kind == "kommun")
        .map(|p| p.code)
        .collect();
    let remiss = store
        .send_remiss(
            secretary,
            id,
            &parties,
            date!(2024 - 02 - 15),
            date!(2024 - 04 - 30),
        )
        .await?;
    const COMMENTS: &[&str] = &[
        "Förtydliga ansvaret för hjälpmedel vid inskrivning.",
        "Kriterierna för inskrivning behöver exempel.",
        "Inför en gemensam plan för uppföljning.",
        "Beskriv hur oenighet hanteras i länsdelen.",
        "Tilläggsbeloppets beräkning bör redovisas årligen.",
    ];
    let mut handled = Vec::new();
    for (i, party) in parties.iter().enumerate() {
        let (position, answered) = match i % 4 {
            0 => (RemissPosition::Tillstyrker, date!(2024 - 04 - 22)),
            1 | 2 => (RemissPosition::Delvis, date!(2024 - 04 - 29)),
            _ => (RemissPosition::Reserverar, date!(2024 - 04 - 30)),
        };
        let answered = if i == 5 {
            store
                .extend_remiss(
                    secretary,
                    remiss,
                    party,
                    date!(2024 - 05 - 15),
                    "Nämnden sammanträder först den 14 maj",
                )
                .await?;
            date!(2024 - 05 - 14)
        } else {
            answered
        };
        let comments: Vec<String> = COMMENTS
            .iter()
            .skip(i % COMMENTS.len())
            .take(1 + i % 3)
            .map(|c| (*c).to_owned())
            .collect();
        let answer = store
            .answer_remiss(secretary, remiss, party, position, answered, &comments)
            .await?;
        handled.push(answer);
    }
    let view = store
        .agreement_document(id)
        .await?
        .expect("the agreement was just made");
    for (n, c) in view.remisses[0]
        .recipients
        .iter()
        .flat_map(|r| r.comments.iter())
        .enumerate()
    {
        let (d, why) = match n % 3 {
            0 => (Disposition::Tillgodosedd, ""),
            1 => (Disposition::Delvis, "Tas om hand i rutinen för inskrivning"),
            _ => (
                Disposition::Avslagen,
                "Regleras i den ekonomiska överenskommelsen",
            ),
        };
        store.handle_comment(secretary, c.id, d, why).await?;
    }
    store
        .move_agreement(
            secretary,
            id,
            Phase::Forankring,
            "Beslutsförslag efter remissen",
            None,
        )
        .await?;
    for (body, day) in [
        ("SG-HSIH", date!(2024 - 04 - 10)),
        ("CG-VO", date!(2024 - 04 - 19)),
        ("SSR-VO", date!(2024 - 09 - 20)),
        ("KC-RD", date!(2024 - 09 - 27)),
        ("RSR", date!(2024 - 10 - 04)),
    ] {
        store
            .anchor_agreement(secretary, id, body, day, None)
            .await?;
    }
    store
        .move_agreement(
            secretary,
            id,
            Phase::Antagande,
            "Till parternas beslut",
            None,
        )
        .await?;
    for (i, party) in parties.iter().enumerate() {
        let day = date!(2024 - 10 - 15) + time::Duration::days(4 * i as i64);
        store
            .adopt_agreement(secretary, id, party, day, &format!("§ {}", 100 + i))
            .await?;
        store
            .add_implementation_person(
                secretary,
                id,
                party,
                &format!("Implementeringsansvarig {party}"),
                "",
            )
            .await?;
    }
    store
        .move_agreement(
            secretary,
            id,
            Phase::IKraft,
            "Alla tretton parter har beslutat",
            Some(date!(2025 - 01 - 01)),
        )
        .await?;
    for (vc, hsv, gaps, plan) in [
        (
            "VC-1880",
            "HSV-1880",
            "Olika rutiner för läkemedelslistor vid inskrivning",
            "Gemensam rutin för läkemedelsavstämning",
        ),
        (
            "VC-1881",
            "HSV-1881",
            "Läkarkontakt i hemmet saknar fast tid",
            "Fast veckotid för läkarkontakt",
        ),
    ] {
        let gap = store
            .add_gap_analysis(secretary, id, vc, hsv, gaps, plan, date!(2025 - 03 - 31))
            .await?;
        if vc == "VC-1880" {
            store
                .follow_up_gap(
                    secretary,
                    gap,
                    "Rutinen är införd och följs upp kvartalsvis",
                    date!(2025 - 04 - 15),
                )
                .await?;
        }
    }
    Ok(1)
}

/// The state grant for nära vård 2026, allocated to the county parts by the
/// chefsgrupp's decision in April.
async fn funding(
    store: &Store,
    secretary: &samsyn_domain::Principal,
    today: time::Date,
) -> Result<usize, StoreError> {
    let grant = store
        .add_grant(
            secretary,
            "Stimulansmedel nära vård 2026",
            "Statsbidrag",
            2026,
            4_275_000,
        )
        .await?;
    let meetings = store.meetings_of_body("CG-VO", Some(2026)).await?;
    let mut item = None;
    for m in &meetings {
        if let Some(g) = store.governed_meeting(m.id, today).await? {
            item = item.or(g
                .items
                .iter()
                .find(|i| i.title.starts_with("Fördelning av stimulansmedel"))
                .map(|i| i.id));
        }
    }
    for (part, amount) in [
        ("Länsdel Norr", 950_000),
        ("Länsdel Söder", 1_000_000),
        ("Länsdel Väster", 825_000),
        ("Länsdel Örebro", 1_500_000),
    ] {
        store
            .allocate(
                secretary,
                grant,
                item,
                part,
                amount,
                date!(2026 - 01 - 01),
                date!(2027 - 12 - 31),
                "Förutsatt att nya statsbidrag kommer",
            )
            .await?;
    }
    Ok(1)
}

/// The other bodies of the brief: a chair and an adjuster each, two meetings held in
/// 2026 whose minutes were approved by e-mail, and two ahead.
async fn other_bodies(
    store: &Store,
    admin: &samsyn_domain::Principal,
) -> Result<usize, StoreError> {
    const OTHERS: &[(&str, &str, &str, &str)] = &[
        (
            "RSR",
            "Regionala samverkansrådet",
            "Marie Dahl",
            "Olof Rask",
        ),
        ("KC-RD", "KC/RD", "Henrik Sjö", "Lena Mark"),
        ("SG-HSIH", "Styrgruppen", "Karin Holm", "Per Sandberg"),
        ("LDG-NORR", "Länsdelsgrupp Norr", "Ulla Nyberg", "Tomas Ek"),
    ];
    let today = time::OffsetDateTime::now_utc().date();
    let mut added = 0;
    for (body, _, chair, adjuster) in OTHERS {
        let people: &[DemoMember] = &[
            (
                chair,
                MemberRole::Ordforande,
                "18",
                "Region Örebro län",
                None,
            ),
            (
                adjuster,
                MemberRole::Justerare,
                "1880",
                "Örebro kommun",
                None,
            ),
        ];
        let ids = members(store, admin, body, people).await?;
        added += ids.len();
        for (i, day) in [
            date!(2026 - 03 - 20),
            date!(2026 - 06 - 12),
            date!(2026 - 12 - 11),
            date!(2027 - 03 - 19),
        ]
        .into_iter()
        .enumerate()
        {
            let mut m = meeting(day);
            m.body = (*body).into();
            m.mode = MeetingMode::Fysiskt;
            m.place = Some("Regionhuset, Örebro".into());
            let id = store.plan_meeting(admin, m).await?;
            let version = |id| async move {
                Ok::<_, StoreError>(
                    store
                        .governed_meeting(id, today)
                        .await?
                        .map(|m| m.version)
                        .unwrap_or(0),
                )
            };
            let item = store
                .add_agenda_item(
                    admin,
                    id,
                    version(id).await?,
                    NewItem {
                        title: "Lägesrapport om hälso- och sjukvård i hemmet".into(),
                        kind: Some(ItemKind::Informationsarende),
                        presenters: vec![],
                        needs_underlag: false,
                    },
                )
                .await?;
            if i < 2 {
                let minutes = Minutes {
                    document_kind: DocumentKind::Protokoll,
                    start_time: Some("09:00".into()),
                    end_time: Some("10:30".into()),
                    items: vec![ItemMinutes {
                        item_id: item,
                        notes: "Lägesrapporten redovisades.".into(),
                        decisions: vec!["att lägga informationen till handlingarna".into()],
                        outcome: ItemOutcome::Behandlat,
                    }],
                    chair: Some(ids[0]),
                    adjusters: vec![ids[1]],
                };
                store
                    .write_minutes(admin, id, version(id).await?, minutes)
                    .await?;
                store
                    .submit_for_approval(admin, id, version(id).await?)
                    .await?;
                for member in &ids {
                    store.record_approval(admin, id, *member, "e-post").await?;
                }
            }
            added += 1;
        }
    }
    Ok(added)
}
