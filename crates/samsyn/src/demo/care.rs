//! Demo care data: staff in every home-care unit and vårdcentral, the agreement in
//! force from 2025-01-01, a KVÅ sample, and persons across the county with requests
//! in every state, episodes with actions, a disagreement and a SIP with consent.
//! Loaded once: when requests already exist, nothing is added.

use samsyn_domain::agreement::{AgreementRules, RequestKind};
use samsyn_domain::care::{Decision, FollowUpOutcome};
use samsyn_domain::kva::{KvaCode, PerformerKind};
use samsyn_domain::person::{Housing, PersonNumber, check_digit};
use samsyn_domain::{PartyCode, Principal, Role, RoleAssignment, UnitCode, Username};
use samsyn_store::care::episodes::NewAction;
use samsyn_store::care::plans::NewPlan;
use samsyn_store::care::requests::NewRequest;
use samsyn_store::care::{agreement, kva};
use samsyn_store::users::{self, NewUser};
use samsyn_store::{Store, StoreError};

const KVA_SAMPLE: &str = include_str!("../../../../data/kva-urval.csv");

/// The municipalities, as in parter.csv.
pub const MUNICIPALITIES: [&str; 12] = [
    "1814", "1860", "1861", "1862", "1863", "1864", "1880", "1881", "1882", "1883", "1884", "1885",
];

/// Staff per unit: `ssk.<kod>` in the home care, `vc.<kod>` at the vårdcentral.
pub fn staff_accounts() -> Vec<(String, String, Role, String)> {
    let mut out = Vec::new();
    for m in MUNICIPALITIES {
        out.push((
            format!("ssk.{m}"),
            format!("Sjuksköterska hemsjukvården {m}"),
            Role::Vardpersonal,
            format!("HSV-{m}"),
        ));
        out.push((
            format!("vc.{m}"),
            format!("Distriktssköterska vårdcentralen {m}"),
            Role::Samordnare,
            format!("VC-{m}"),
        ));
    }
    out.push((
        "spec.med".into(),
        "Sjuksköterska medicinska kliniken".into(),
        Role::Vardpersonal,
        "MED-USO".into(),
    ));
    out.push((
        "psyk.ore".into(),
        "Sjuksköterska allmänpsykiatrin Örebro".into(),
        Role::Vardpersonal,
        "PSY-ORE".into(),
    ));
    out
}

/// A personnummer from the first eleven digits, with its check digit.
fn person(eleven: &str) -> PersonNumber {
    let n: Vec<u8> = eleven.bytes().map(|b| b - b'0').collect();
    PersonNumber::parse(&format!("{eleven}{}", check_digit(&n[2..11])))
        .expect("demo numbers are valid")
}

async fn principal(store: &Store, username: &str) -> Result<Principal, StoreError> {
    store
        .principal_by_username(&Username::parse(username)?)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("demoanvändaren {username}")))
}

/// Adds what is missing; returns how many things were added.
pub async fn load(store: &Store, hash: &str) -> Result<usize, StoreError> {
    let mut added = 0;
    let mut tx = store.begin_write().await?;
    for (username, display, role, unit) in staff_accounts() {
        let username = Username::parse(&username)?;
        if users::find_user_id(&mut tx, &username).await?.is_some() {
            continue;
        }
        let assignment = RoleAssignment {
            role,
            unit: Some(UnitCode::parse(&unit)?),
            party: None,
            body: None,
        };
        users::create_user(
            &mut tx,
            NewUser {
                username,
                display_name: display,
                password_hash: hash.to_owned(),
                assignment,
            },
        )
        .await?;
        added += 1;
    }
    if store.agreement_versions().await?.is_empty() {
        agreement::add_version(
            &mut tx,
            "2025-01-01",
            &AgreementRules::orebro_2025(),
            "demo",
        )
        .await?;
        added += 1;
    }
    samsyn_store::commit(tx).await?;
    if store.kva_codes().await?.is_empty() {
        let codes = kva::parse_csv(KVA_SAMPLE).expect("the KVÅ sample is valid");
        added += store.import_kva(&codes, "demo").await?;
    }
    if store.table_count("care_requests").await? == 0 {
        added += requests(store).await?;
    }
    if store.table_count("action_imports").await? == 0 {
        added += history_2019(store).await?;
    }
    if store.table_count("supplement_bases").await? == 0 {
        added += economy(store).await?;
    }
    if store.table_count("deviations").await? == 0 {
        added += deviations(store).await?;
    }
    Ok(added)
}

/// A few deviations between vårdcentral and home care, one answered, so the
/// Avvikelser page and the dashboard have something to show.
async fn deviations(store: &Store) -> Result<usize, StoreError> {
    use samsyn_domain::deviation::{Category, Severity, Step};
    use samsyn_store::deviations::NewDeviation;
    let today = time::OffsetDateTime::now_utc().date();
    let cases = [
        (
            Category::InformationTransfer,
            Severity::Moderate,
            "Läkemedelslistan följde inte med när personen skrevs in i hemsjukvården.",
        ),
        (
            Category::Medication,
            Severity::Serious,
            "Dosändringen nådde inte hemsjukvården; personen fick fel dos i två dagar.",
        ),
        (
            Category::Sip,
            Severity::Low,
            "Kallelsen till SIP-mötet kom dagen före mötet.",
        ),
    ];
    let mut n = 0;
    for (i, (m, (category, severity, text))) in MUNICIPALITIES.iter().zip(cases).enumerate() {
        let vc = principal(store, &format!("vc.{m}")).await?;
        let d = store
            .report_deviation(
                &vc,
                NewDeviation {
                    reporter_unit: format!("VC-{m}"),
                    responsible_unit: format!("HSV-{m}"),
                    category,
                    severity,
                    occurred_on: today - time::Duration::days(10 + 40 * i as i64),
                    description: text.into(),
                    request_id: None,
                },
            )
            .await?;
        if i == 0 {
            let ssk = principal(store, &format!("ssk.{m}")).await?;
            store
                .deviation_step(
                    &ssk,
                    d.id,
                    Step::Answer,
                    "Rutinen för överlämning ses över tillsammans med vårdcentralen.",
                )
                .await?;
        }
        n += 1;
    }
    n += private_provider(store, today).await?;
    Ok(n)
}

/// A private home-care provider under contract with Örebro kommun, a party of its own:
/// the municipality's home care reports a deviation to it.
async fn private_provider(store: &Store, today: time::Date) -> Result<usize, StoreError> {
    use samsyn_domain::deviation::{Category, Severity};
    use samsyn_domain::org::{PartyKind, UnitKind};
    use samsyn_store::deviations::NewDeviation;
    let party = samsyn_domain::PartyCode::parse("P5569876543")?;
    let mut tx = store.begin_write().await?;
    samsyn_store::org::ensure_party(
        &mut tx,
        &party,
        "Omsorgshuset Norr AB (privat vårdgivare)",
        PartyKind::Privat,
        Some("orebro"),
    )
    .await?;
    let unit = samsyn_store::org::NewUnit {
        code: samsyn_domain::UnitCode::parse("PRIV-OMSORG")?,
        name: "Omsorgshuset Norr, hemsjukvård på uppdrag av Örebro kommun".into(),
        kind: UnitKind::Privat,
        party,
    };
    samsyn_store::org::ensure_unit(&mut tx, &unit).await?;
    samsyn_store::commit(tx).await?;
    let reporter = principal(store, "vardpersonal").await?;
    store
        .report_deviation(
            &reporter,
            NewDeviation {
                reporter_unit: "HSV-1880".into(),
                responsible_unit: "PRIV-OMSORG".into(),
                category: Category::MedicalDevices,
                severity: Severity::Moderate,
                occurred_on: today - time::Duration::days(20),
                description: "Trycksårsmadrassen som utföraren skulle beställa fanns inte på plats vid hemgång.".into(),
                request_id: None,
            },
        )
        .await?;
    Ok(2)
}

/// Example economy: a supplementary-amount base per municipality for 2025 and an
/// example development of the tax base for 2026. The figures are illustrations, not
/// the county's decided amounts.
async fn economy(store: &Store) -> Result<usize, StoreError> {
    for (i, m) in MUNICIPALITIES.iter().enumerate() {
        let ore = (400_000 + 150_000 * (i as i64 % 5)) * 100;
        store
            .set_supplement_base(
                &PartyCode::parse(m)?,
                2025,
                ore,
                "Exempel: regionala samverkansrådet 2024-11-22 § 7",
                "demo",
            )
            .await?;
    }
    store.import_tax_base(&[(2026, 410)], "demo").await?;
    Ok(MUNICIPALITIES.len() + 1)
}

/// Historical actions for 2019 whose Tabell 1 is the report's, so the dashboard shows
/// the county's figures from the start.
async fn history_2019(store: &Store) -> Result<usize, StoreError> {
    let table = include_str!("../../../../data/tabell1-2019.csv");
    let csv = crate::generate::actions_for_table(table, 2019)
        .map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let (municipalities, codes) = store.import_context().await?;
    let parsed = samsyn_store::stats::import::parse_actions(
        csv.as_bytes(),
        &municipalities,
        &codes,
        |_| {},
    )?;
    let n = parsed.rows.len();
    store
        .import_actions("demo-2019.csv", "demo-2019", parsed, "demo")
        .await?;
    Ok(n)
}

/// Psychiatric home care in Örebro: a request from psychiatry with its SIP, accepted,
/// with recorded time — the invoice basis's source.
async fn psychiatry(store: &Store, today: time::Date) -> Result<usize, StoreError> {
    let psyk = principal(store, "psyk.ore").await?;
    let ssk = principal(store, "ssk.1880").await?;
    let mut r = NewRequest {
        personnummer: person("19850912345"),
        housing: Housing::Ordinary,
        from_unit: UnitCode::parse("PSY-ORE")?,
        to_unit: UnitCode::parse("HSV-1880")?,
        kind: RequestKind::Ongoing,
        reason: "Stöd med läkemedelsintag efter utskrivning från psykiatrisk slutenvård".into(),
        requested_actions: "Läkemedelsövervakning dagligen".into(),
        self_care_assessed: true,
        medication_list_updated: true,
        specialist_handover: false,
        psychiatric: true,
        physician_contact: "Överläkare allmänpsykiatrin, direktnummer 019-602 10 00".into(),
    };
    r.psychiatric = true;
    let request = store.create_request(&psyk, r).await?;
    let plan = NewPlan {
        person_id: request.person.id,
        kind: "sip".into(),
        title: "SIP – psykiatrisk hemsjukvård".into(),
        owner_unit: UnitCode::parse("PSY-ORE")?,
        responsible_unit: UnitCode::parse("PSY-ORE")?,
        participants: vec![UnitCode::parse("HSV-1880")?],
        follow_up_on: Some(today + time::Duration::days(30)),
        competence_transfer_secured: true,
        physician_contact: "Överläkare allmänpsykiatrin".into(),
    };
    let sip = store.create_plan(&psyk, plan).await?;
    store
        .record_consent(
            &psyk,
            sip.id,
            "Personen själv",
            today,
            "Informationsutbyte inom SIP",
        )
        .await?;
    let accepted = store
        .decide_request(&ssk, request.id, Decision::Accept, "SIP finns", None)
        .await?;
    if let Some(ep) = accepted.episode_id {
        for days_ago in 0..3 {
            let action = NewAction {
                kva: KvaCode::parse("DV001")?,
                performed_on: today - time::Duration::days(days_ago),
                performer: PerformerKind::Licensed,
                minutes: Some(30),
            };
            store.record_action(&ssk, ep, action).await?;
        }
    }
    Ok(1)
}

/// Three persons per municipality: one enrolled with actions, one waiting for a
/// decision, one declined; in Örebro also a disputed decline and a SIP.
async fn requests(store: &Store) -> Result<usize, StoreError> {
    let today = time::OffsetDateTime::now_utc().date();
    let mut n = 0;
    for (i, m) in MUNICIPALITIES.iter().enumerate() {
        let vc = principal(store, &format!("vc.{m}")).await?;
        let ssk = principal(store, &format!("ssk.{m}")).await?;
        let base = |k: usize| {
            format!(
                "19{:02}{:02}{:02}{:03}",
                30 + (i * 3 + k) % 60,
                1 + (i + k) % 12,
                1 + (i * 7 + k * 5) % 28,
                100 + i * 10 + k
            )
        };
        let request = |pn: PersonNumber, reason: &str, actions: &str| NewRequest {
            personnummer: pn,
            housing: Housing::Ordinary,
            from_unit: UnitCode::parse(&format!("VC-{m}")).expect("demo unit"),
            to_unit: UnitCode::parse(&format!("HSV-{m}")).expect("demo unit"),
            kind: RequestKind::Ongoing,
            reason: reason.into(),
            requested_actions: actions.into(),
            self_care_assessed: true,
            medication_list_updated: true,
            specialist_handover: false,
            psychiatric: false,
            physician_contact: format!("Jourhavande läkare, vårdcentralen {m}"),
        };
        let enrolled = store
            .create_request(
                &vc,
                request(
                    person(&base(0)),
                    "Kan inte ta sig till vårdcentralen; behöver hjälp med insulin",
                    "Insulininjektioner morgon och kväll",
                ),
            )
            .await?;
        let accepted = store
            .decide_request(
                &ssk,
                enrolled.id,
                Decision::Accept,
                "Uppfyller kraven för hemsjukvård",
                None,
            )
            .await?;
        if let Some(ep) = accepted.episode_id {
            for (code, kind, minutes, days_ago) in [
                ("DT016", PerformerKind::Delegated, 10, 2),
                ("DT016", PerformerKind::Delegated, 10, 1),
                ("QAB10", PerformerKind::Licensed, 25, 1),
            ] {
                let action = NewAction {
                    kva: KvaCode::parse(code)?,
                    performed_on: today - time::Duration::days(days_ago),
                    performer: kind,
                    minutes: Some(minutes),
                };
                store.record_action(&ssk, ep, action).await?;
            }
            if i % 4 == 0 {
                store
                    .follow_up(
                        &ssk,
                        ep,
                        FollowUpOutcome::Continue,
                        "Stabilt; fortsatt insulin",
                        None,
                    )
                    .await?;
            }
        }
        store
            .create_request(
                &vc,
                request(
                    person(&base(1)),
                    "Sår på underben som behöver omläggning",
                    "Omläggning tre gånger i veckan",
                ),
            )
            .await?;
        let declined = store
            .create_request(
                &vc,
                request(
                    person(&base(2)),
                    "Behöver påminnelse om läkemedel",
                    "Läkemedelspåminnelse",
                ),
            )
            .await?;
        store
            .decide_request(
                &ssk,
                declined.id,
                Decision::Decline,
                "Egenvård bedöms räcka med dosett och påminnelse",
                None,
            )
            .await?;
        if *m == "1880" {
            store
                .raise_disagreement(
                    &vc,
                    declined.id,
                    "Personen har en kognitiv svikt och klarar inte egenvården",
                )
                .await?;
            let plan = NewPlan {
                person_id: accepted.person.id,
                kind: "sip".into(),
                title: "SIP – insulin och sårvård i hemmet".into(),
                owner_unit: UnitCode::parse("VC-1880")?,
                responsible_unit: UnitCode::parse("VC-1880")?,
                participants: vec![UnitCode::parse("HSV-1880")?],
                follow_up_on: Some(today + time::Duration::days(60)),
                competence_transfer_secured: true,
                physician_contact: "Dr Ek, direktnummer 019-602 00 00".into(),
            };
            let sip = store.create_plan(&vc, plan).await?;
            store
                .add_plan_goal(&vc, sip.id, "Stabilt blodsocker utan akuta besök")
                .await?;
            store
                .add_plan_action(
                    &vc,
                    sip.id,
                    "Insulininjektioner morgon och kväll",
                    "unit",
                    Some(UnitCode::parse("HSV-1880")?),
                )
                .await?;
            store
                .add_plan_action(&vc, sip.id, "Mäta blodsocker före frukost", "person", None)
                .await?;
            store
                .record_consent(
                    &vc,
                    sip.id,
                    "Personen själv",
                    today,
                    "Informationsutbyte mellan vårdcentral och hemsjukvård inom SIP",
                )
                .await?;
        }
        n += 3;
    }
    n += psychiatry(store, today).await?;
    let _ = PartyCode::parse("18")?;
    Ok(n)
}
