//! The HTTP service as clients meet it: the real binary on a free port, a fresh
//! database per test, on SQLite and (when named) PostgreSQL.

mod common;

use common::{Server, samsyn, stdout};

fn token(url: &str, username: &str) -> String {
    let o = samsyn(url, &["token", "create", "--username", username], None);
    assert!(o.status.success());
    format!("Bearer {}", stdout(&o).trim())
}

fn assert_problem(r: &common::Response, status: u16) -> serde_json::Value {
    assert_eq!(r.status, status, "{}", r.body);
    assert_eq!(r.header("content-type"), Some("application/problem+json"));
    let p = r.json();
    assert_eq!(p["status"], status);
    p
}

const JSON: (&str, &str) = ("content-type", "application/json");

on_both_engines!(health_and_the_openapi_document_answer, |url: &str| {
    let s = Server::start(url, false);
    assert_eq!(s.get("/healthz", &[]).status, 200);
    let doc = s.get("/api/v1/openapi.json", &[]).json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."), "{doc}");
    assert!(doc["paths"]["/api/v1/units"]["get"].is_object());
    assert!(doc["paths"]["/api/v1/units"]["post"].is_object());
    assert!(doc["components"]["schemas"]["Problem"].is_object());
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
});

on_both_engines!(
    units_are_listed_for_a_token_or_a_session_and_nobody_else,
    |url: &str| {
        let s = Server::start(url, true);
        assert_problem(&s.get("/api/v1/units", &[]), 401);
        assert_problem(
            &s.get("/api/v1/units", &[("authorization", "Bearer sst_wrong")]),
            401,
        );
        let bearer = token(url, "analytiker");
        let units = s.get("/api/v1/units", &[("authorization", &bearer)]).json();
        let units = units.as_array().unwrap();
        assert_eq!(units.len(), 12 * 2 + 8 + 1, "with the private provider");
        let hsv = units.iter().find(|u| u["code"] == "HSV-1880").unwrap();
        assert_eq!(
            (hsv["kind"].as_str(), hsv["party"].as_str()),
            (Some("hemsjukvard"), Some("1880"))
        );
        let cookie = s.login("vardpersonal");
        assert_eq!(s.get("/api/v1/units", &[("cookie", &cookie)]).status, 200);
        assert_problem(
            &s.get("/api/v1/no-such-thing", &[("authorization", &bearer)]),
            404,
        );
    }
);

on_both_engines!(
    bad_json_gets_a_problem_naming_the_field_and_changes_nothing,
    |url: &str| {
        let s = Server::start(url, true);
        let admin = token(url, "admin");
        let auth = ("authorization", admin.as_str());
        let post = |body: &[u8], headers: &[(&str, &str)]| s.post("/api/v1/units", headers, body);

        let p = assert_problem(&post(b"{\"code\": \"X1\", ", &[auth, JSON]), 400);
        assert!(p["detail"].as_str().unwrap().contains("rad 1"), "{p}");
        let p = assert_problem(
            &post(
                br#"{"code": 5, "name": "A", "kind": "vardcentral", "party": "18"}"#,
                &[auth, JSON],
            ),
            422,
        );
        assert_eq!(p["field"], "code");
        let p = assert_problem(
            &post(
                br#"{"code": "X1", "kind": "vardcentral", "party": "18"}"#,
                &[auth, JSON],
            ),
            422,
        );
        assert_eq!(p["field"], "name");
        let p = assert_problem(
            &post(
                br#"{"code": "X1", "name": "A", "kind": "sjukhus", "party": "18"}"#,
                &[auth, JSON],
            ),
            422,
        );
        assert_eq!(p["field"], "kind");
        let p = assert_problem(
            &post(
                br#"{"code": "X1", "name": "A", "kind": "vardcentral", "party": "9999"}"#,
                &[auth, JSON],
            ),
            422,
        );
        assert_eq!(p["field"], "party");
        let big = format!(
            r#"{{"code": "X1", "name": "{}", "kind": "vardcentral", "party": "18"}}"#,
            "a".repeat(2 * 1024 * 1024)
        );
        assert_problem(&post(big.as_bytes(), &[auth, JSON]), 413);
        assert_problem(
            &post(b"code=X1", &[auth, ("content-type", "text/plain")]),
            415,
        );

        let units = s.get("/api/v1/units", &[auth]).json();
        assert_eq!(units.as_array().unwrap().len(), 33, "nothing was stored");
    }
);

on_both_engines!(
    only_an_admin_creates_units_and_the_denial_is_audited,
    |url: &str| {
        let s = Server::start(url, true);
        let body = r#"{"code": "vc-ny", "name": "Vårdcentralen Ny", "kind": "vardcentral", "party": "18"}"#.as_bytes();
        let nurse = token(url, "vardpersonal");
        assert_problem(
            &s.post("/api/v1/units", &[("authorization", &nurse), JSON], body),
            403,
        );
        let admin = token(url, "admin");
        let created = s.post("/api/v1/units", &[("authorization", &admin), JSON], body);
        assert_eq!(created.status, 201, "{}", created.body);
        assert_eq!(created.json()["code"], "VC-NY");
        assert_problem(
            &s.post("/api/v1/units", &[("authorization", &admin), JSON], body),
            409,
        );

        let cookie = s.login("admin");
        let log = s.get(
            "/granskningslogg?action=unit.create",
            &[("cookie", &cookie)],
        );
        assert!(
            log.body.contains("Nekad") && log.body.contains("vardpersonal"),
            "the denied attempt is in the log"
        );
        assert!(log.body.contains("enhet VC-NY"));
    }
);

on_both_engines!(
    session_writes_need_the_csrf_token_and_the_same_site,
    |url: &str| {
        let s = Server::start(url, true);
        let cookie = s.login("admin");
        let body = br#"{"code": "VC-CSRF", "name": "X", "kind": "vardcentral", "party": "18"}"#;
        assert_problem(
            &s.post("/api/v1/units", &[("cookie", &cookie), JSON], body),
            403,
        );
        let cross = s.post(
            "/logga-ut",
            &[
                ("cookie", &cookie),
                ("content-type", "application/x-www-form-urlencoded"),
                ("origin", "https://evil.example"),
            ],
            b"_csrf=whatever",
        );
        assert_eq!(cross.status, 403);
        let no_token = s.post(
            "/logga-ut",
            &[
                ("cookie", &cookie),
                ("content-type", "application/x-www-form-urlencoded"),
            ],
            b"_csrf=wrong",
        );
        assert_eq!(no_token.status, 403);
        assert_eq!(
            s.get("/", &[("cookie", &cookie)]).status,
            200,
            "the session survived both attempts"
        );
    }
);

on_both_engines!(
    a_wrong_password_and_an_unknown_user_get_the_same_answer,
    |url: &str| {
        let s = Server::start(url, true);
        let form = ("content-type", "application/x-www-form-urlencoded");
        let wrong = s.post("/logga-in", &[form], b"username=admin&password=fel-fel-fel");
        let unknown = s.post(
            "/logga-in",
            &[form],
            b"username=ingen.alls&password=fel-fel-fel",
        );
        assert_eq!((wrong.status, unknown.status), (401, 401));
        assert!(wrong.body.contains("Fel användarnamn eller lösenord."));
        let strip = |b: &str| b.replace("admin", "").replace("ingen.alls", "");
        assert_eq!(strip(&wrong.body), strip(&unknown.body));
        for _ in 0..5 {
            s.post("/logga-in", &[form], b"username=mas&password=fel-fel-fel");
        }
        let locked = s.post(
            "/logga-in",
            &[form],
            format!("username=mas&password={}", common::DEMO_PASSWORD).as_bytes(),
        );
        assert!(
            locked.body.contains("För många"),
            "throttled even with the right password"
        );
    }
);

on_both_engines!(
    two_servers_share_sessions_through_the_database,
    |url: &str| {
        let a = Server::start(url, true);
        let b = Server::start(url, false);
        let cookie = a.login("mas");
        let page = b.get("/", &[("cookie", &cookie)]);
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Välkommen, Maja Ask"));
        let log = b.get("/granskningslogg", &[("cookie", &cookie)]);
        assert_eq!(log.status, 200);
        assert!(
            samsyn(url, &["verify-audit"], None).status.success(),
            "appends from both servers form one chain"
        );
    }
);

on_both_engines!(a_server_stops_cleanly_on_sigterm, |url: &str| {
    let mut s = Server::start(url, false);
    let pid = s.child.id().to_string();
    assert!(
        std::process::Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    let status = s.child.wait().unwrap();
    assert!(status.success(), "graceful shutdown exits 0, got {status}");
});
