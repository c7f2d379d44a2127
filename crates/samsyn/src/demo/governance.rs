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
        let id = store.plan_meeting(&secretary, meeting(*day)).await?;
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
