//! A county in miniature for the store's tests, on each engine.
#![allow(dead_code, unused_imports)]

pub use samsyn_domain::agreement::{AgreementRules, RequestKind, Rule};
pub use samsyn_domain::care::{Decision, FollowUpOutcome};
pub use samsyn_domain::kva::{KvaCode, PerformerKind};
pub use samsyn_domain::org::{PartyKind, UnitKind};
pub use samsyn_domain::person::{Housing, PersonNumber, check_digit};
pub use samsyn_domain::{PartyCode, Principal, Role, RoleAssignment, UnitCode, Username, password};
pub use samsyn_store::care::episodes::NewAction;
pub use samsyn_store::care::plans::NewPlan;
pub use samsyn_store::care::requests::NewRequest;
pub use samsyn_store::care::{agreement, kva};
pub use samsyn_store::org::{self, NewUnit};
pub use samsyn_store::testing::TestDb;
pub use samsyn_store::users::{self, NewUser};
pub use samsyn_store::{Engine, Store, StoreError};

#[macro_export]
macro_rules! contract {
    ($name:ident, $body:expr) => {
        mod $name {
            use super::*;
            #[tokio::test]
            async fn on_sqlite() {
                let db = TestDb::new(Engine::Sqlite).await.unwrap();
                ($body)($crate::common::World::new(db.store.clone()).await).await;
            }
            #[tokio::test]
            async fn on_postgres() {
                let Some(db) = TestDb::new(Engine::Postgres).await else {
                    return;
                };
                ($body)($crate::common::World::new(db.store.clone()).await).await;
            }
        }
    };
}

/// A county in miniature: a vårdcentral and a specialist clinic of the region, home
/// care in two municipalities, staff in each and the MAS of Örebro.
pub struct World {
    pub store: Store,
    pub vc: Principal,
    pub spec: Principal,
    pub hsv: Principal,
    pub hsv2: Principal,
    pub mas: Principal,
}

pub fn pn(eleven: &str) -> PersonNumber {
    let n: Vec<u8> = eleven.bytes().map(|b| b - b'0').collect();
    PersonNumber::parse(&format!("{eleven}{}", check_digit(&n[2..11]))).unwrap()
}

impl World {
    pub async fn new(store: Store) -> World {
        let mut tx = store.begin_write().await.unwrap();
        org::ensure_county_part(&mut tx, "orebro", "Örebro")
            .await
            .unwrap();
        for (code, kind) in [
            ("18", PartyKind::Region),
            ("1880", PartyKind::Kommun),
            ("1881", PartyKind::Kommun),
        ] {
            org::ensure_party(
                &mut tx,
                &PartyCode::parse(code).unwrap(),
                code,
                kind,
                Some("orebro"),
            )
            .await
            .unwrap();
        }
        for (code, party, kind) in [
            ("VC-1880", "18", UnitKind::Vardcentral),
            ("MED-USO", "18", UnitKind::Specialistklinik),
            ("HSV-1880", "1880", UnitKind::Hemsjukvard),
            ("HSV-1881", "1881", UnitKind::Hemsjukvard),
        ] {
            let u = NewUnit {
                code: UnitCode::parse(code).unwrap(),
                name: format!("Enhet {code}"),
                kind,
                party: PartyCode::parse(party).unwrap(),
            };
            org::ensure_unit(&mut tx, &u).await.unwrap();
        }
        let users = [
            ("vc", Role::Samordnare, Some("VC-1880"), None),
            ("spec", Role::Vardpersonal, Some("MED-USO"), None),
            ("hsv", Role::Vardpersonal, Some("HSV-1880"), None),
            ("hsv2", Role::Vardpersonal, Some("HSV-1881"), None),
            ("mas", Role::Mas, None, Some("1880")),
        ];
        let hash = password::hash_new("ett långt lösenord").unwrap();
        for (name, role, unit, party) in users {
            let assignment = RoleAssignment {
                role,
                unit: unit.map(|u| UnitCode::parse(u).unwrap()),
                party: party.map(|p| PartyCode::parse(p).unwrap()),
                body: None,
            };
            users::create_user(
                &mut tx,
                NewUser {
                    username: Username::parse(name).unwrap(),
                    display_name: name.into(),
                    password_hash: hash.clone(),
                    assignment,
                },
            )
            .await
            .unwrap();
        }
        agreement::add_version(
            &mut tx,
            "2025-01-01",
            &AgreementRules::orebro_2025(),
            "test",
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
        store
            .import_kva(
                &kva::parse_csv("kod,titel\nDT016,Injektion\nQAB10,Omläggning\n").unwrap(),
                "test",
            )
            .await
            .unwrap();
        let get = |n: &str| {
            let store = store.clone();
            let n = n.to_owned();
            async move {
                store
                    .principal_by_username(&Username::parse(&n).unwrap())
                    .await
                    .unwrap()
                    .unwrap()
            }
        };
        World {
            vc: get("vc").await,
            spec: get("spec").await,
            hsv: get("hsv").await,
            hsv2: get("hsv2").await,
            mas: get("mas").await,
            store,
        }
    }

    pub fn request(&self, person: &PersonNumber, from: &str, kind: RequestKind) -> NewRequest {
        NewRequest {
            personnummer: person.clone(),
            housing: Housing::Ordinary,
            from_unit: UnitCode::parse(from).unwrap(),
            to_unit: UnitCode::parse("HSV-1880").unwrap(),
            kind,
            reason: "Behöver hjälp med läkemedel och omläggningar".into(),
            requested_actions: "Injektioner dagligen".into(),
            self_care_assessed: true,
            medication_list_updated: true,
            specialist_handover: from == "MED-USO",
            psychiatric: false,
            physician_contact: "Dr Berg, 019-123 45".into(),
        }
    }

    pub async fn sent(&self, person: &PersonNumber) -> i64 {
        self.store
            .create_request(
                &self.vc,
                self.request(person, "VC-1880", RequestKind::Ongoing),
            )
            .await
            .unwrap()
            .id
    }

    pub async fn audit_count(&self, action: &str, outcome: &str) -> usize {
        let mut tx = self.store.begin_write().await.unwrap();
        let filter = samsyn_store::audit::AuditFilter {
            action: Some(action.into()),
            outcome: Some(outcome.into()),
            limit: 500,
            ..Default::default()
        };
        samsyn_store::audit::search(&mut tx, &samsyn_domain::policy::AuditScope::All, &filter)
            .await
            .unwrap()
            .len()
    }
}
