//! The care process through the fixed API paths, as other systems script it: the
//! rules with the agreement version in the answer, 404 for unrelated units, audit
//! entries for each read, bad input and concurrency.

mod common;

use common::{Server, samsyn, stdout};
use serde_json::json;

fn token(url: &str, username: &str) -> String {
    let o = samsyn(url, &["token", "create", "--username", username], None);
    assert!(o.status.success(), "{}", common::stderr(&o));
    format!("Bearer {}", stdout(&o).trim())
}

const JSON: (&str, &str) = ("content-type", "application/json");

/// A valid personnummer born on the day, from eleven digits.
fn pn(eleven: &str) -> String {
    let d: Vec<u32> = eleven.bytes().map(|b| u32::from(b - b'0')).collect();
    let sum: u32 = d[2..11]
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let x = v * if i % 2 == 0 { 2 } else { 1 };
            x / 10 + x % 10
        })
        .sum();
    format!("{}-{}{}", &eleven[..8], &eleven[8..], (10 - sum % 10) % 10)
}

struct Api<'a> {
    s: &'a Server,
    auth: String,
}

impl Api<'_> {
    fn post(&self, path: &str, body: serde_json::Value) -> common::Response {
        self.s.post(
            path,
            &[("authorization", &self.auth), JSON],
            body.to_string().as_bytes(),
        )
    }
    fn get(&self, path: &str) -> common::Response {
        self.s.get(path, &[("authorization", &self.auth)])
    }
}

fn request_body(personnummer: &str, kind: &str) -> serde_json::Value {
    json!({
        "personnummer": personnummer, "from_unit": "VC-1880", "to_unit": "HSV-1880", "kind": kind,
        "reason": "Behöver hjälp med läkemedel", "requested_actions": "Injektioner",
        "self_care_assessed": true, "medication_list_updated": true,
        "specialist_handover": false, "psychiatric": false
    })
}

on_both_engines!(
    a_request_is_created_read_by_both_units_and_hidden_from_others,
    |url: &str| {
        let s = Server::start(url, true);
        let sender = Api {
            s: &s,
            auth: token(url, "samordnare"),
        };
        let receiver = Api {
            s: &s,
            auth: token(url, "vardpersonal"),
        };
        let other = Api {
            s: &s,
            auth: token(url, "ssk.1881"),
        };
        let created = sender.post(
            "/api/v1/care-requests",
            request_body(&pn("19450303123"), "ongoing"),
        );
        assert_eq!(created.status, 201, "{}", created.body);
        let body = created.json();
        assert_eq!(body["status"], "sent");
        let id = body["id"].as_i64().unwrap();
        assert_eq!(
            sender.get(&format!("/api/v1/care-requests/{id}")).status,
            200
        );
        let seen = receiver.get(&format!("/api/v1/care-requests/{id}")).json();
        assert_eq!(
            seen["person"]["legal_sex"], "M",
            "the second-to-last digit is odd"
        );
        let hidden = other.get(&format!("/api/v1/care-requests/{id}"));
        assert_eq!(hidden.status, 404);
        assert_eq!(
            hidden.header("content-type"),
            Some("application/problem+json")
        );

        let admin = s.login("admin");
        let log = s.get(
            "/granskningslogg?action=care_request.read",
            &[("cookie", &admin)],
        );
        assert_eq!(
            log.body.matches("<code>care_request.read</code>").count(),
            3,
            "two reads and one denial are in the log"
        );
        assert!(log.body.contains("Nekad") && log.body.contains("ssk.1881"));
    }
);

on_both_engines!(
    rules_answer_with_the_rule_and_the_agreement_version,
    |url: &str| {
        let s = Server::start(url, true);
        let sender = Api {
            s: &s,
            auth: token(url, "samordnare"),
        };
        let receiver = Api {
            s: &s,
            auth: token(url, "vardpersonal"),
        };
        let child = pn("20160606234");
        let id = sender
            .post("/api/v1/care-requests", request_body(&child, "ongoing"))
            .json()["id"]
            .as_i64()
            .unwrap();
        let refused = receiver.post(
            &format!("/api/v1/care-requests/{id}/decision"),
            json!({"outcome": "accepted"}),
        );
        assert_eq!(refused.status, 422);
        let problem = refused.json();
        assert_eq!(
            (
                problem["rule"].as_str(),
                problem["agreement_version"].as_i64()
            ),
            (Some("minor"), Some(1))
        );
        assert!(problem["detail"].as_str().unwrap().contains("18 år"));
        let visit = sender
            .post(
                "/api/v1/care-requests",
                request_body(&child, "single_visit"),
            )
            .json()["id"]
            .as_i64()
            .unwrap();
        let ok = receiver.post(
            &format!("/api/v1/care-requests/{visit}/decision"),
            json!({"outcome": "accepted"}),
        );
        assert_eq!(ok.status, 200, "{}", ok.body);
        assert_eq!(ok.json()["agreement_version"], 1);

        let specialist = Api {
            s: &s,
            auth: token(url, "spec.med"),
        };
        let mut handover = request_body(&pn("19420202123"), "ongoing");
        handover["from_unit"] = json!("MED-USO");
        handover["specialist_handover"] = json!(true);
        let hid = specialist.post("/api/v1/care-requests", handover).json()["id"]
            .as_i64()
            .unwrap();
        let refused = receiver
            .post(
                &format!("/api/v1/care-requests/{hid}/decision"),
                json!({"outcome": "accepted"}),
            )
            .json();
        assert_eq!(
            (
                refused["rule"].as_str(),
                refused["agreement_version"].as_i64()
            ),
            (Some("specialist_handover_sip"), Some(1))
        );

        let mut psych = request_body(&pn("19500505345"), "ongoing");
        psych["psychiatric"] = json!(true);
        let pid = sender.post("/api/v1/care-requests", psych).json()["id"]
            .as_i64()
            .unwrap();
        let refused = receiver
            .post(
                &format!("/api/v1/care-requests/{pid}/decision"),
                json!({"outcome": "accepted"}),
            )
            .json();
        assert_eq!(refused["rule"], "psychiatric_sip");
        let plan = sender.post("/api/v1/plans", json!({"care_request_id": pid, "kind": "sip", "title": "SIP", "responsible_unit": "VC-1880", "participants": ["HSV-1880"]}));
        assert_eq!(plan.status, 201, "{}", plan.body);
        assert_eq!(
            receiver
                .post(
                    &format!("/api/v1/care-requests/{pid}/decision"),
                    json!({"outcome": "accepted"})
                )
                .status,
            200
        );
    }
);

on_both_engines!(
    bad_input_and_steps_out_of_order_change_nothing,
    |url: &str| {
        let s = Server::start(url, true);
        let sender = Api {
            s: &s,
            auth: token(url, "samordnare"),
        };
        let receiver = Api {
            s: &s,
            auth: token(url, "vardpersonal"),
        };
        let before = sender.get("/api/v1/inbox").json()["sent"]
            .as_array()
            .unwrap()
            .len();
        let bad = sender
            .post(
                "/api/v1/care-requests",
                request_body("19450303-1235", "ongoing"),
            )
            .json();
        assert_eq!(bad["field"], "personnummer");
        let mut unknown = request_body(&pn("19450303123"), "ongoing");
        unknown["to_unit"] = json!("HSV-9999");
        assert_eq!(
            sender.post("/api/v1/care-requests", unknown).json()["field"],
            "to_unit"
        );
        assert_eq!(
            sender
                .post(
                    "/api/v1/care-requests",
                    request_body(&pn("19450303123"), "weekly")
                )
                .json()["field"],
            "kind"
        );
        assert_eq!(
            sender.get("/api/v1/inbox").json()["sent"]
                .as_array()
                .unwrap()
                .len(),
            before,
            "nothing was stored"
        );

        let id = sender
            .post(
                "/api/v1/care-requests",
                request_body(&pn("19450303123"), "ongoing"),
            )
            .json()["id"]
            .as_i64()
            .unwrap();
        let declined = receiver.post(
            &format!("/api/v1/care-requests/{id}/decision"),
            json!({"outcome": "declined", "reason": "Egenvård"}),
        );
        assert_eq!(declined.status, 200);
        let again = receiver.post(
            &format!("/api/v1/care-requests/{id}/decision"),
            json!({"outcome": "accepted"}),
        );
        assert_eq!(again.status, 409, "a decided request is not decided again");
        assert!(
            again.json()["detail"].as_str().unwrap().contains("Avböjd"),
            "the conflict shows the decision made"
        );

        let accepted_id = sender
            .post(
                "/api/v1/care-requests",
                request_body(&pn("19460404123"), "ongoing"),
            )
            .json()["id"]
            .as_i64()
            .unwrap();
        let episode = receiver
            .post(
                &format!("/api/v1/care-requests/{accepted_id}/decision"),
                json!({"outcome": "accepted"}),
            )
            .json()["episode_id"]
            .as_i64()
            .unwrap();
        let action = json!({"kva_code": "DT016", "performed_on": time::OffsetDateTime::now_utc().date().to_string(), "performer_kind": "delegerad", "minutes": 10});
        assert_eq!(
            receiver
                .post(
                    &format!("/api/v1/episodes/{episode}/actions"),
                    action.clone()
                )
                .status,
            200
        );
        let mut unknown_code = action.clone();
        unknown_code["kva_code"] = json!("ZZ999");
        assert_eq!(
            receiver
                .post(&format!("/api/v1/episodes/{episode}/actions"), unknown_code)
                .json()["field"],
            "kva_code"
        );
        assert_eq!(
            receiver
                .post(
                    &format!("/api/v1/episodes/{episode}/close"),
                    json!({"reason": "Klar"})
                )
                .status,
            200
        );
        assert_eq!(
            receiver
                .post(&format!("/api/v1/episodes/{episode}/actions"), action)
                .status,
            409,
            "a closed episode takes no actions"
        );
        assert_eq!(
            receiver
                .post(
                    &format!("/api/v1/episodes/{episode}/follow-ups"),
                    json!({"outcome": "continue"})
                )
                .status,
            409
        );
        assert_eq!(
            receiver.get(&format!("/api/v1/episodes/{episode}")).json()["actions"]
                .as_array()
                .unwrap()
                .len(),
            1
        );
    }
);

on_both_engines!(
    two_deciders_with_the_same_version_get_one_decision_and_one_409,
    |url: &str| {
        let s = Server::start(url, true);
        let sender = Api {
            s: &s,
            auth: token(url, "samordnare"),
        };
        let receiver = Api {
            s: &s,
            auth: token(url, "vardpersonal"),
        };
        let id = sender
            .post(
                "/api/v1/care-requests",
                request_body(&pn("19470707123"), "ongoing"),
            )
            .json()["id"]
            .as_i64()
            .unwrap();
        let version = receiver.get(&format!("/api/v1/care-requests/{id}")).json()["row_version"]
            .as_i64()
            .unwrap();
        let (addr, auth) = (s.addr.clone(), receiver.auth.clone());
        let decide = move |outcome: &'static str| {
            let (addr, auth) = (addr.clone(), auth.clone());
            std::thread::spawn(move || {
                let body = json!({"outcome": outcome, "reason": "Beslut", "row_version": version})
                    .to_string();
                common::request(
                    &addr,
                    "POST",
                    &format!("/api/v1/care-requests/{id}/decision"),
                    &[("authorization", &auth), JSON],
                    body.as_bytes(),
                )
                .status
            })
        };
        let (a, b) = (decide("accepted"), decide("declined"));
        let mut statuses = [a.join().unwrap(), b.join().unwrap()];
        statuses.sort();
        assert_eq!(statuses, [200, 409]);
    }
);

on_both_engines!(an_episode_exports_as_a_fhir_bundle, |url: &str| {
    let s = Server::start(url, true);
    let nurse = Api {
        s: &s,
        auth: token(url, "vardpersonal"),
    };
    let inbox = nurse.get("/api/v1/inbox").json();
    let plan_id = inbox["plan_actions"][0]["plan_id"]
        .as_i64()
        .expect("the demo SIP waits on the home care");
    let plan = nurse.get(&format!("/api/v1/plans/{plan_id}")).json();
    assert!(
        plan["content_visible"].as_bool().unwrap(),
        "consent is recorded in the demo"
    );
    let episodes: Vec<i64> = (1..=40)
        .filter(|e| nurse.get(&format!("/api/v1/episodes/{e}")).status == 200)
        .collect();
    let episode = episodes[0];
    let r = nurse.get(&format!("/api/v1/episodes/{episode}/fhir"));
    assert_eq!(r.header("content-type"), Some("application/fhir+json"));
    let bundle = r.json();
    assert_eq!(
        (bundle["resourceType"].as_str(), bundle["type"].as_str()),
        (Some("Bundle"), Some("collection"))
    );
    let kinds: Vec<&str> = bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["resource"]["resourceType"].as_str().unwrap())
        .collect();
    for kind in [
        "Patient",
        "ServiceRequest",
        "EpisodeOfCare",
        "Procedure",
        "CarePlan",
        "Consent",
    ] {
        assert!(kinds.contains(&kind), "{kind} in {kinds:?}");
    }
    let procedure = bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["resource"]["resourceType"] == "Procedure")
        .unwrap();
    assert_eq!(
        procedure["resource"]["code"]["coding"][0]["system"],
        "urn:oid:1.2.752.116.1.3.2.1.4"
    );
    let patient = &bundle["entry"][0]["resource"];
    assert_eq!(
        patient["identifier"][0]["system"],
        "urn:oid:1.2.752.129.2.1.3.1"
    );
});

on_both_engines!(
    the_mas_produces_a_log_extract_and_staff_may_not,
    |url: &str| {
        let s = Server::start(url, true);
        let nurse = Api {
            s: &s,
            auth: token(url, "vardpersonal"),
        };
        let mas = Api {
            s: &s,
            auth: token(url, "mas"),
        };
        let id = nurse.get("/api/v1/inbox").json()["to_decide"][0]["id"]
            .as_i64()
            .unwrap();
        let person = nurse.get(&format!("/api/v1/care-requests/{id}")).json()["person"]["id"]
            .as_i64()
            .unwrap();
        let extract = mas.get(&format!("/api/v1/persons/{person}/log-extract"));
        assert_eq!(extract.status, 200, "{}", extract.body);
        let entries = extract.json()["entries"].as_array().unwrap().clone();
        assert!(entries.iter().any(|e| e["action"] == "care_request.read"
            && e["staff"].as_str().unwrap().contains("Sara Sjöberg")));
        assert_eq!(
            nurse
                .get(&format!("/api/v1/persons/{person}/log-extract"))
                .status,
            404
        );
    }
);

fn multipart(name: &str, bytes: &[u8]) -> (String, Vec<u8>) {
    let boundary = "samsyntestboundary";
    let mut body = format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/pdf\r\n\r\n").into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

on_both_engines!(attachments_are_shared_by_the_two_units_only, |url: &str| {
    let s = Server::start(url, true);
    let sender = Api {
        s: &s,
        auth: token(url, "samordnare"),
    };
    let receiver = Api {
        s: &s,
        auth: token(url, "vardpersonal"),
    };
    let other = Api {
        s: &s,
        auth: token(url, "ssk.1881"),
    };
    let id = sender
        .post(
            "/api/v1/care-requests",
            request_body(&pn("19480808123"), "ongoing"),
        )
        .json()["id"]
        .as_i64()
        .unwrap();
    let file = vec![b'%'; 2 * 1024 * 1024];
    let (kind, body) = multipart("läkemedelslista.pdf", &file);
    let path = format!("/api/v1/care-requests/{id}/attachments");
    let up = s.post(
        &path,
        &[("authorization", &sender.auth), ("content-type", &kind)],
        &body,
    );
    assert_eq!(up.status, 201, "{}", up.body);
    let aid = up.json()["id"].as_i64().unwrap();
    let down = receiver.get(&format!("{path}/{aid}"));
    assert_eq!(down.status, 200);
    assert_eq!(down.body.len(), file.len());
    assert!(
        down.header("content-disposition")
            .unwrap()
            .starts_with("attachment")
    );
    assert_eq!(other.get(&format!("{path}/{aid}")).status, 404);
    let (kind, big) = multipart("stor.pdf", &vec![0u8; 6 * 1024 * 1024]);
    let refused = s.post(
        &path,
        &[("authorization", &sender.auth), ("content-type", &kind)],
        &big,
    );
    assert_eq!(refused.status, 413);
    assert_eq!(
        receiver.get(&format!("/api/v1/care-requests/{id}")).json()["attachments"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
});
