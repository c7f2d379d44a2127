//! Demo data: the county's 13 parties and their county parts, units, the
//! collaboration bodies of the brief and one user per role. Loading it twice
//! changes nothing the second time.

mod care;
mod governance;

use samsyn_domain::audit::{AuditEvent, Outcome, Purpose};
use samsyn_domain::org::{BodyKind, PartyKind, UnitKind};
use samsyn_domain::{PartyCode, Role, RoleAssignment, UnitCode, Username, password};
use samsyn_store::org::{self, NewUnit};
use samsyn_store::users::{self, NewUser};
use samsyn_store::{Store, StoreError, Tx, audit};

/// The password of every demo account. Demo data is for trying samsyn, never for real use.
pub const DEMO_PASSWORD: &str = "samsyn-demo-2026";

const PARTIES_CSV: &str = include_str!("../../../../data/parter.csv");

const COUNTY_PARTS: &[(&str, &str)] = &[
    ("norr", "Norr"),
    ("soder", "Söder"),
    ("vaster", "Väster"),
    ("orebro", "Örebro"),
];

/// Units beyond the vårdcentral and home care of each municipality: (code, name, kind).
const REGION_UNITS: &[(&str, &str, UnitKind)] = &[
    (
        "MED-USO",
        "Medicinska kliniken, Universitetssjukhuset Örebro",
        UnitKind::Specialistklinik,
    ),
    (
        "GER-USO",
        "Geriatriska kliniken, Universitetssjukhuset Örebro",
        UnitKind::Specialistklinik,
    ),
    (
        "ONK-USO",
        "Onkologiska kliniken, Universitetssjukhuset Örebro",
        UnitKind::Specialistklinik,
    ),
    (
        "PSY-ORE",
        "Allmänpsykiatriska kliniken Örebro",
        UnitKind::Psykiatri,
    ),
    (
        "PSY-KGA",
        "Psykiatriska kliniken Karlskoga",
        UnitKind::Psykiatri,
    ),
    (
        "AVD-USO-M2",
        "Vårdavdelning M2, Universitetssjukhuset Örebro",
        UnitKind::Vardavdelning,
    ),
    (
        "AVD-KGA-3",
        "Vårdavdelning 3, Karlskoga lasarett",
        UnitKind::Vardavdelning,
    ),
    ("MBT-BARN", "Mobilt team för barn", UnitKind::MobiltTeam),
];

/// A demo body: (code, name, kind, parent, county part).
type DemoBody = (
    &'static str,
    &'static str,
    BodyKind,
    Option<&'static str>,
    Option<&'static str>,
);

/// The bodies of the brief.
const BODIES: &[DemoBody] = &[
    (
        "RSR",
        "Regionala samverkansrådet",
        BodyKind::RegionaltSamverkansrad,
        None,
        None,
    ),
    (
        "SSR-VO",
        "Specifika samverkansrådet social välfärd samt vård och omsorg",
        BodyKind::SpecifiktSamverkansrad,
        Some("RSR"),
        None,
    ),
    (
        "KC-RD",
        "KC/RD – kommunchefer och regiondirektör",
        BodyKind::KcRd,
        None,
        None,
    ),
    (
        "CG-VO",
        "Chefsgrupp för samverkan social välfärd samt vård och omsorg",
        BodyKind::Chefsgrupp,
        Some("SSR-VO"),
        None,
    ),
    (
        "CG-VO-AU",
        "Arbetsutskottet för chefsgruppen social välfärd samt vård och omsorg",
        BodyKind::Arbetsutskott,
        Some("CG-VO"),
        None,
    ),
    (
        "LDG-NORR",
        "Länsdelsgrupp Norr",
        BodyKind::Lansdelsgrupp,
        Some("CG-VO"),
        Some("norr"),
    ),
    (
        "LDG-SODER",
        "Länsdelsgrupp Söder",
        BodyKind::Lansdelsgrupp,
        Some("CG-VO"),
        Some("soder"),
    ),
    (
        "LDG-VASTER",
        "Länsdelsgrupp Väster",
        BodyKind::Lansdelsgrupp,
        Some("CG-VO"),
        Some("vaster"),
    ),
    (
        "LDG-OREBRO",
        "Länsdelsgrupp Örebro",
        BodyKind::Lansdelsgrupp,
        Some("CG-VO"),
        Some("orebro"),
    ),
    (
        "SG-HSIH",
        "Styrgrupp hälso- och sjukvård i hemmet",
        BodyKind::Styrgrupp,
        Some("CG-VO"),
        None,
    ),
    (
        "AG-HSIH",
        "Arbetsgrupp för införande av överenskommelsen om hälso- och sjukvård i hemmet",
        BodyKind::Arbetsgrupp,
        Some("SG-HSIH"),
        None,
    ),
    (
        "NV-MAS",
        "Nätverk för medicinskt ansvariga sjuksköterskor",
        BodyKind::Natverk,
        None,
        None,
    ),
];

/// A demo account: (username, display name, role, unit, party, body).
type DemoUser = (
    &'static str,
    &'static str,
    Role,
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
);

/// One user per role, and the chefsgrupp's chair and adjuster (members who approve minutes).
pub const USERS: &[DemoUser] = &[
    ("admin", "Alva Admin", Role::Admin, None, None, None),
    (
        "vardpersonal",
        "Sara Sjöberg, sjuksköterska hemsjukvården Örebro",
        Role::Vardpersonal,
        Some("HSV-1880"),
        None,
        None,
    ),
    (
        "samordnare",
        "Vera Vall, samordnare Vårdcentralen Örebro",
        Role::Samordnare,
        Some("VC-1880"),
        None,
        None,
    ),
    (
        "mas",
        "Maja Ask, MAS Örebro kommun",
        Role::Mas,
        None,
        Some("1880"),
        None,
    ),
    (
        "sekreterare",
        "Malin Ek, sekreterare chefsgruppen",
        Role::Sekreterare,
        None,
        Some("18"),
        Some("CG-VO"),
    ),
    (
        "ledamot",
        "Lars Lind, ledamot specifika samverkansrådet",
        Role::Ledamot,
        None,
        Some("1881"),
        Some("SSR-VO"),
    ),
    (
        "ordforande",
        "Eva Ekström, ordförande chefsgruppen",
        Role::Ledamot,
        None,
        Some("1880"),
        Some("CG-VO"),
    ),
    (
        "justerare",
        "Jonas Berg, justerare chefsgruppen",
        Role::Ledamot,
        None,
        Some("18"),
        Some("CG-VO"),
    ),
    (
        "analytiker",
        "Anna Alm, analytiker",
        Role::Analytiker,
        None,
        Some("18"),
        None,
    ),
];

/// What loading the demo added.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Loaded {
    pub added: usize,
}

pub async fn load(store: &Store) -> Result<Loaded, StoreError> {
    let mut tx = store.begin_write().await?;
    let mut added = 0usize;
    for (code, name) in COUNTY_PARTS {
        added += org::ensure_county_part(&mut tx, code, name).await? as usize;
    }
    let parties = parse_parties();
    for (code, name, kind, part) in &parties {
        added += org::ensure_party(&mut tx, code, name, *kind, part.as_deref()).await? as usize;
    }
    let region = PartyCode::parse("18")?;
    for (code, name, _, _) in parties.iter().filter(|p| p.0.is_municipality()) {
        let place = place_name(name);
        added += unit(
            &mut tx,
            &format!("VC-{code}"),
            &format!("Vårdcentralen {place}"),
            UnitKind::Vardcentral,
            &region,
        )
        .await?;
        added += unit(
            &mut tx,
            &format!("HSV-{code}"),
            &format!("Kommunal hemsjukvård {name}"),
            UnitKind::Hemsjukvard,
            code,
        )
        .await?;
    }
    for (code, name, kind) in REGION_UNITS {
        added += unit(&mut tx, code, name, *kind, &region).await?;
    }
    for (code, name, kind, parent, part) in BODIES {
        added += org::ensure_body(&mut tx, code, name, *kind, *parent, *part).await? as usize;
    }
    for (username, display, role, unit, party, body) in USERS {
        let username = Username::parse(username)?;
        if users::find_user_id(&mut tx, &username).await?.is_some() {
            continue;
        }
        let assignment = RoleAssignment {
            role: *role,
            party: party.map(PartyCode::parse).transpose()?,
            unit: unit.map(UnitCode::parse).transpose()?,
            body: body.map(str::to_owned),
        };
        let hash = password::hash_new(DEMO_PASSWORD).expect("the demo password is long enough");
        users::create_user(
            &mut tx,
            NewUser {
                username: username.clone(),
                display_name: display.to_string(),
                password_hash: hash,
                assignment,
            },
        )
        .await?;
        audit::append(
            &mut tx,
            &AuditEvent::system("cli", "user.create", Purpose::Administration, Outcome::Ok)
                .with_detail(format!("demoanvändare {username}, roll {role}")),
        )
        .await?;
        added += 1;
    }
    if added > 0 {
        audit::append(
            &mut tx,
            &AuditEvent::system("cli", "demo.load", Purpose::Administration, Outcome::Ok)
                .with_detail(format!("{added} poster tillagda")),
        )
        .await?;
    }
    samsyn_store::commit(tx).await?;
    let hash = password::hash_new(DEMO_PASSWORD).expect("the demo password is long enough");
    added += care::load(store, &hash).await?;
    added += protocols(store).await?;
    added += governance::load(store).await?;
    Ok(Loaded { added })
}

/// Minutes in four layouts (the importer's own test fixtures), so the decisions
/// register has something to search.
const PROTOCOLS: &[(&str, &str)] = &[
    (
        "ocr-styrgrupp-nara-vard-2023-03-14.txt",
        include_str!("../../tests/protocols/ocr-styrgrupp-nara-vard-2023-03-14.txt"),
    ),
    (
        "tabell-lansdelsgrupp-norr-2024-02-08.md",
        include_str!("../../tests/protocols/tabell-lansdelsgrupp-norr-2024-02-08.md"),
    ),
    (
        "esign-regionala-samverkansradet-2024-06-14.txt",
        include_str!("../../tests/protocols/esign-regionala-samverkansradet-2024-06-14.txt"),
    ),
    (
        "annan-region-halsosamverkan-2024-11-05.html",
        include_str!("../../tests/protocols/annan-region-halsosamverkan-2024-11-05.html"),
    ),
];

async fn protocols(store: &Store) -> Result<usize, StoreError> {
    use samsyn_domain::protocol::{self, Hints};
    let mut added = 0;
    for (name, text) in PROTOCOLS {
        let hints = Hints {
            file_name: Some((*name).to_owned()),
            body: None,
        };
        let p = protocol::parse(text, &hints).expect("the demo protocols parse");
        let body = store.resolve_body(None, p.body.as_deref()).await?;
        if let samsyn_store::register::ImportOutcome::Imported { .. } = store
            .import_protocol(name, text.as_bytes(), &p, &body, "demo")
            .await?
        {
            added += 1;
        }
    }
    Ok(added)
}

async fn unit(
    tx: &mut Tx,
    code: &str,
    name: &str,
    kind: UnitKind,
    party: &PartyCode,
) -> Result<usize, StoreError> {
    let unit = NewUnit {
        code: UnitCode::parse(code)?,
        name: name.to_owned(),
        kind,
        party: party.clone(),
    };
    Ok(org::ensure_unit(tx, &unit).await? as usize)
}

/// "Lekebergs kommun" → "Lekeberg", "Hällefors kommun" → "Hällefors".
fn place_name(municipality: &str) -> &str {
    let base = municipality.trim_end_matches(" kommun");
    if base.ends_with("fors") {
        base
    } else {
        base.strip_suffix('s').unwrap_or(base)
    }
}

/// The parties of the reference file: (code, name, kind, county part code).
type PartyRow = (PartyCode, String, PartyKind, Option<String>);

fn parse_parties() -> Vec<PartyRow> {
    PARTIES_CSV
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let cols: Vec<&str> = line.split(',').map(str::trim).collect();
            let part = cols.get(3).filter(|p| !p.is_empty()).map(|p| {
                COUNTY_PARTS
                    .iter()
                    .find(|(_, n)| n == p)
                    .map(|(c, _)| c.to_string())
                    .expect("parter.csv names a known county part")
            });
            (
                PartyCode::parse(cols[0]).expect("parter.csv holds valid codes"),
                cols[1].to_owned(),
                PartyKind::parse(cols[2]).expect("parter.csv holds known kinds"),
                part,
            )
        })
        .collect()
}

/// The lines that tell a person how to log in.
pub fn login_help() -> String {
    let mut out = format!("Demoanvändare (lösenord för alla: {DEMO_PASSWORD}):\n");
    for (username, display, role, ..) in USERS {
        out.push_str(&format!(
            "  {username:<13} {:<12} {display}\n",
            role.as_str()
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn place_names_drop_the_genitive() {
        assert_eq!(super::place_name("Lekebergs kommun"), "Lekeberg");
        assert_eq!(super::place_name("Hällefors kommun"), "Hällefors");
        assert_eq!(super::place_name("Laxå kommun"), "Laxå");
    }

    #[test]
    fn the_reference_file_gives_thirteen_parties_with_county_parts() {
        let parties = super::parse_parties();
        assert_eq!(parties.len(), 13);
        assert_eq!(parties.iter().filter(|p| p.3.is_some()).count(), 12);
    }
}
