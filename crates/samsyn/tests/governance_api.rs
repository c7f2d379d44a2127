//! The bodies' work through the API: a signed protocol refuses an edit (403, audited)
//! whatever the path; an edit on an older version is a conflict (409); a signed text
//! verifies and a changed one does not; the OpenAPI document describes it all.

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
fn the_api_keeps_signed_protocols_fixed_and_edits_in_order() {
    let Some((url, _guard)) = common::fresh_database(samsyn_store::Engine::Sqlite) else {
        return;
    };
    assert!(samsyn(&url, &["demo"], None).status.success());
    let server = Server::start(&url, false);
    let secretary = token(&url, "sekreterare");
    let member = token(&url, "ledamot");

    let plan = server.get(
        "/api/v1/bodies/CG-VO/meetings?year=2026",
        &[("authorization", &secretary)],
    );
    assert_eq!(plan.status, 200, "{}", plan.body);
    let plan = plan.json();
    let meetings = plan.as_array().unwrap();
    let signed = meetings
        .iter()
        .find(|m| m["state"] == "justerat")
        .expect("the demo has signed minutes");
    let planned = meetings
        .iter()
        .find(|m| m["state"] == "planerat")
        .expect("and a planned meeting");
    let (signed_id, planned_id) = (
        signed["id"].as_i64().unwrap(),
        planned["id"].as_i64().unwrap(),
    );

    let add = |id: i64, version: i64, auth: &str| {
        server.post(
            &format!("/api/v1/meetings/{id}/items"),
            &[("authorization", auth), JSON],
            json!({ "version": version, "title": "Övrig fråga", "kind": "informationsarende" })
                .to_string()
                .as_bytes(),
        )
    };
    let minutes = server
        .get(
            &format!("/api/v1/meetings/{signed_id}/minutes"),
            &[("authorization", &secretary)],
        )
        .json();
    let locked = add(signed_id, minutes["version"].as_i64().unwrap(), &secretary);
    assert_eq!(locked.status, 403, "{}", locked.body);
    assert_eq!(
        locked.header("content-type"),
        Some("application/problem+json")
    );
    assert!(locked.json()["detail"].as_str().unwrap().contains("låst"));

    let version = server
        .get(
            &format!("/api/v1/meetings/{planned_id}/minutes"),
            &[("authorization", &secretary)],
        )
        .json()["version"]
        .as_i64()
        .unwrap();
    assert_eq!(
        add(planned_id, version, &member).status,
        403,
        "a member does not edit the agenda"
    );
    assert_eq!(
        add(planned_id, version - 1, &secretary).status,
        409,
        "an older version is a conflict"
    );
    let created = add(planned_id, version, &secretary);
    assert_eq!(created.status, 201, "{}", created.body);
    assert_eq!(
        add(planned_id, version, &secretary).status,
        409,
        "the same version cannot be used twice"
    );
    let bad = server.post(
        &format!("/api/v1/meetings/{planned_id}/items"),
        &[("authorization", &secretary), JSON],
        json!({ "version": version + 1, "title": "X", "kind": "okand" })
            .to_string()
            .as_bytes(),
    );
    assert_eq!(
        (bad.status, bad.json()["field"].as_str()),
        (422, Some("kind"))
    );

    let text = server.get(&format!("/moten/{signed_id}/protokoll.txt"), &[]);
    assert_eq!(text.status, 200);
    let ok = server.post(
        "/api/v1/protocols/verify",
        &[("content-type", "text/plain")],
        text.body.replace('\n', "\r\n").as_bytes(),
    );
    assert_eq!(ok.status, 200, "{}", ok.body);
    assert_eq!(
        (
            ok.json()["meeting_id"].as_i64(),
            ok.json()["matched"].as_str()
        ),
        (Some(signed_id), Some("text"))
    );
    let forged = server.post(
        "/api/v1/protocols/verify",
        &[("content-type", "text/plain")],
        text.body.replace("att ", "att inte ").as_bytes(),
    );
    assert_eq!(forged.status, 404);

    let agreements = server
        .get("/api/v1/agreements", &[("authorization", &member)])
        .json();
    assert_eq!(agreements[0]["phase"], "i_kraft");
    let doc = server.get("/api/v1/openapi.json", &[]).json();
    for path in [
        "/api/v1/meetings/{id}/items",
        "/api/v1/meetings/{id}/approval",
        "/api/v1/protocols/verify",
        "/api/v1/agreements/{id}",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} is described");
    }

    let audit = samsyn(&url, &["verify-audit"], None);
    assert!(audit.status.success(), "{}", common::stderr(&audit));
}

#[test]
fn meeting_plans_reach_calendars_per_body_and_per_member() {
    let Some((url, _guard)) = common::fresh_database(samsyn_store::Engine::Sqlite) else {
        return;
    };
    let server = Server::start(&url, true);
    let feed = server.get("/organ/CG-VO/kalender.ics", &[]);
    assert_eq!(feed.status, 200);
    assert_eq!(
        feed.header("content-type"),
        Some("text/calendar; charset=utf-8")
    );
    assert!(feed.body.starts_with("BEGIN:VCALENDAR\r\n"));
    assert_eq!(
        feed.body.matches("BEGIN:VEVENT").count(),
        7,
        "the chefsgrupp's three held and four planned meetings"
    );
    assert!(
        feed.body.contains("DTSTART:20261210T080000Z"),
        "09:00 in December is 08:00 UTC"
    );

    let cookie = server.login("ordforande");
    let page = server.get("/organ/CG-VO", &[("cookie", &cookie)]).body;
    let own = page
        .split("href=\"/kalender/")
        .nth(1)
        .expect("the member sees their own feed")
        .split('"')
        .next()
        .unwrap();
    let mine = server.get(&format!("/kalender/{own}"), &[]);
    assert_eq!(mine.status, 200);
    assert_eq!(mine.body.matches("BEGIN:VEVENT").count(), 7);
    assert_eq!(server.get("/kalender/kal_okand.ics", &[]).status, 404);
    let other = server.login("ledamot");
    let page = server.get("/organ/CG-VO", &[("cookie", &other)]).body;
    assert!(
        !page.contains("href=\"/kalender/"),
        "nobody else is shown a member's feed"
    );
}
