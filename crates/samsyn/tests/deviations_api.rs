//! Deviations through the API: bad input named by field, the flow from report to
//! closing across two units, unrelated units told nothing, anonymous summaries.

mod common;

use common::{Server, samsyn, stdout};
use serde_json::json;

fn token(url: &str, username: &str) -> String {
    let o = samsyn(url, &["token", "create", "--username", username], None);
    assert!(o.status.success(), "{}", common::stderr(&o));
    format!("Bearer {}", stdout(&o).trim())
}

const JSON: (&str, &str) = ("content-type", "application/json");

#[test]
fn a_deviation_is_reported_answered_fed_back_on_and_closed() {
    let Some((url, _guard)) = common::fresh_database(samsyn_store::Engine::Sqlite) else {
        return;
    };
    assert!(samsyn(&url, &["demo"], None).status.success());
    let server = Server::start(&url, false);
    let vc = token(&url, "samordnare");
    let hsv = token(&url, "vardpersonal");
    let analyst = token(&url, "analytiker");
    let post = |auth: &str, path: &str, body: serde_json::Value| {
        server.post(
            path,
            &[("authorization", auth), JSON],
            body.to_string().as_bytes(),
        )
    };
    let report = json!({
        "reporter_unit": "VC-1880", "responsible_unit": "HSV-1880", "category": "informationsoverforing",
        "severity": "mattlig", "occurred_on": "2025-05-14",
        "description": "Läkemedelslistan följde inte med vid utskrivningen."
    });

    let mut bad = report.clone();
    bad["description"] = json!("");
    let r = post(&vc, "/api/v1/deviations", bad);
    assert_eq!(r.status, 422, "{}", r.body);
    assert_eq!(r.json()["field"], "description");
    let mut bad = report.clone();
    bad["category"] = json!("okand");
    let r = post(&vc, "/api/v1/deviations", bad);
    assert_eq!(
        (r.status, r.json()["field"].as_str()),
        (422, Some("category")),
        "{}",
        r.body
    );

    let r = post(&vc, "/api/v1/deviations", report);
    assert_eq!(r.status, 201, "{}", r.body);
    let id = r.json()["id"].as_i64().unwrap();

    let r = server.get(
        &format!("/api/v1/deviations/{id}"),
        &[("authorization", analyst.as_str())],
    );
    assert_eq!(r.status, 404, "an analyst sees only summaries");

    let r = post(
        &vc,
        &format!("/api/v1/deviations/{id}/close"),
        json!({"text": "Stängd"}),
    );
    assert_eq!(
        r.status, 403,
        "only the responsible unit closes: {}",
        r.body
    );
    let r = post(
        &hsv,
        &format!("/api/v1/deviations/{id}/answer"),
        json!({"text": "Rutinen ses över."}),
    );
    assert_eq!(
        (r.status, r.json()["state"].as_str()),
        (200, Some("besvarad")),
        "{}",
        r.body
    );
    let r = post(
        &vc,
        &format!("/api/v1/deviations/{id}/feedback"),
        json!({"text": "Tack, vi följer upp."}),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let r = post(
        &hsv,
        &format!("/api/v1/deviations/{id}/close"),
        json!({"text": "Checklista vid utskrivning."}),
    );
    assert_eq!(
        (r.status, r.json()["state"].as_str()),
        (200, Some("avslutad")),
        "{}",
        r.body
    );
    let r = post(
        &hsv,
        &format!("/api/v1/deviations/{id}/close"),
        json!({"text": "Igen"}),
    );
    assert_eq!(r.status, 409, "{}", r.body);

    let r = server.get(
        "/api/v1/deviations/summary?year=2025",
        &[("authorization", analyst.as_str())],
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let rows = r.json();
    assert_eq!(rows[0]["quarter"], 2);
    assert_eq!(rows[0]["reports"], 1);
    assert!(
        !r.body.contains("Läkemedelslistan"),
        "no text, no persons in the summary"
    );
}
