//! Discharge through the API, as a ward's system would script it: the admission
//! notice, an acknowledgement recorded once, a withdrawal refused before any notice,
//! and the payment liability with each day explained.

mod common;

use common::{Server, samsyn, stdout};
use serde_json::json;

fn token(url: &str, username: &str) -> String {
    let o = samsyn(url, &["token", "create", "--username", username], None);
    assert!(o.status.success(), "{}", common::stderr(&o));
    format!("Bearer {}", stdout(&o).trim())
}

#[test]
fn a_stay_from_admission_notice_to_liability() {
    let Some((url, _guard)) = common::fresh_database(samsyn_store::Engine::Sqlite) else {
        return;
    };
    assert!(samsyn(&url, &["demo"], None).status.success());
    let server = Server::start(&url, false);
    let ward = token(&url, "spec.med");
    let vc = token(&url, "vc.1880");
    let hsv = token(&url, "ssk.1880");
    let post = |auth: &str, path: &str, body: serde_json::Value| {
        server.post(
            path,
            &[
                ("authorization", auth),
                ("content-type", "application/json"),
            ],
            body.to_string().as_bytes(),
        )
    };
    let admission = json!({
        "personnummer": "19400101-1230", "ward_unit": "MED-USO", "municipality_unit": "HSV-1880",
        "primary_unit": "VC-1880", "admitted_at": "2024-02-26 08:00", "notice_at": "2024-02-26 09:00",
        "consent": "Samtycker"
    });
    let mut bad = admission.clone();
    bad["notice_at"] = json!("i morgon");
    let r = post(&ward, "/api/v1/stays", bad);
    assert_eq!(
        (r.status, r.json()["field"].as_str()),
        (422, Some("notice_at")),
        "{}",
        r.body
    );

    let r = post(&ward, "/api/v1/stays", admission);
    assert_eq!(r.status, 201, "{}", r.body);
    let id = r.json()["id"].as_i64().unwrap();
    let r = server.get(
        &format!("/api/v1/stays/{id}/messages"),
        &[("authorization", hsv.as_str())],
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let to_hsv = r
        .json()
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["to_unit"] == "HSV-1880")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let ack = format!("/api/v1/discharge-messages/{to_hsv}/acknowledge");
    assert_eq!(post(&hsv, &ack, json!({})).status, 204);
    assert_eq!(post(&hsv, &ack, json!({})).status, 409, "acknowledged once");

    let steps = format!("/api/v1/stays/{id}/steps");
    let r = post(
        &ward,
        &steps,
        json!({"step": "aterkallad", "at": "2024-02-28 10:00"}),
    );
    assert_eq!(r.status, 409, "nothing to withdraw: {}", r.body);
    assert_eq!(
        post(
            &vc,
            &steps,
            json!({"step": "fast_vardkontakt", "at": "2024-02-27 14:00"})
        )
        .status,
        204
    );
    assert_eq!(
        post(
            &ward,
            &steps,
            json!({"step": "utskrivningsklar", "at": "2024-03-01 10:00"})
        )
        .status,
        204
    );
    assert_eq!(
        post(
            &ward,
            &steps,
            json!({"step": "utskriven", "at": "2024-03-07 11:00"})
        )
        .status,
        204
    );
    let r = server.get(
        &format!("/api/v1/stays/{id}/liability"),
        &[("authorization", hsv.as_str())],
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let l = r.json();
    let days: Vec<&str> = l["days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["date"].as_str().unwrap())
        .collect();
    assert_eq!(days, ["2024-03-05", "2024-03-06"]);
    assert_eq!(l["total"], 2 * 912_500);
    assert!(l["days"][0]["reason"].as_str().unwrap().contains("Dag 4"));

    // the municipality's monthly statement, as CSV
    let cookie = server.login("ssk.1880");
    let r = server.get(
        "/utskrivning/betalningsansvar.csv?kommun=1880&manad=2024-03",
        &[("cookie", cookie.as_str())],
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let lines: Vec<&str> = r.body.lines().collect();
    assert_eq!(lines[0], "vardtillfalle,datum,belopp_kr,skal");
    assert_eq!(lines.len(), 3, "{}", r.body);
    assert!(lines[1].contains(",2024-03-05,9125.00,"), "{}", lines[1]);
    let analyst = server.login("analytiker");
    let r = server.get(
        "/utskrivning/betalningsansvar?kommun=1880&manad=2024-3x",
        &[("cookie", analyst.as_str())],
    );
    assert_ne!(r.status, 200, "a malformed month is refused");
}
