//! OParl 1.1: from `/oparl/v1.1/system` every list and object is reachable by
//! following links, each object is retrievable at its id and has what OParl 1.1's
//! schema requires of its type; lists page and filter by `modified_since`.

mod common;

use common::Server;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// What OParl 1.1 asks of each type: the properties it requires (besides `id` and
/// `type`) and the JSON type of the properties samsyn gives, written from the spec
/// (https://schema.oparl.org/1.1/).
fn schema(kind: &str) -> (Vec<&'static str>, Vec<(&'static str, &'static str)>) {
    let common = vec![
        ("created", "date-time"),
        ("modified", "date-time"),
        ("web", "url"),
        ("deleted", "boolean"),
    ];
    let (required, mut props): (Vec<&str>, Vec<(&str, &str)>) = match kind {
        "System" => (
            vec!["oparlVersion", "body"],
            vec![
                ("oparlVersion", "string"),
                ("body", "url"),
                ("name", "string"),
                ("website", "url"),
                ("product", "url"),
            ],
        ),
        "Body" => (
            vec![
                "name",
                "organization",
                "person",
                "meeting",
                "paper",
                "legislativeTerm",
            ],
            vec![
                ("system", "url"),
                ("name", "string"),
                ("shortName", "string"),
                ("organization", "url"),
                ("person", "url"),
                ("meeting", "url"),
                ("paper", "url"),
                ("agendaItem", "url"),
                ("consultation", "url"),
                ("file", "url"),
                ("membership", "url"),
                ("legislativeTermList", "url"),
                ("locationList", "url"),
                ("legislativeTerm", "array-object"),
                ("classification", "string"),
            ],
        ),
        "LegislativeTerm" => (
            vec![],
            vec![
                ("body", "url"),
                ("name", "string"),
                ("startDate", "date"),
                ("endDate", "date"),
            ],
        ),
        "Organization" => (
            vec![],
            vec![
                ("body", "url"),
                ("name", "string"),
                ("shortName", "string"),
                ("membership", "array-url"),
                ("meeting", "url"),
                ("organizationType", "string"),
                ("classification", "string"),
                ("subOrganizationOf", "url"),
            ],
        ),
        "Person" => (
            vec![],
            vec![
                ("body", "url"),
                ("name", "string"),
                ("familyName", "string"),
                ("givenName", "string"),
                ("membership", "array-object"),
            ],
        ),
        "Membership" => (
            vec!["organization"],
            vec![
                ("person", "url"),
                ("organization", "url"),
                ("role", "string"),
                ("votingRight", "boolean"),
                ("startDate", "date"),
                ("endDate", "date"),
                ("onBehalfOf", "url"),
            ],
        ),
        "Meeting" => (
            vec![],
            vec![
                ("name", "string"),
                ("meetingState", "string"),
                ("cancelled", "boolean"),
                ("start", "date-time"),
                ("end", "date-time"),
                ("location", "object"),
                ("organization", "array-url"),
                ("resultsProtocol", "object"),
                ("agendaItem", "array-object"),
            ],
        ),
        "AgendaItem" => (
            vec!["order"],
            vec![
                ("meeting", "url"),
                ("number", "string"),
                ("order", "integer"),
                ("name", "string"),
                ("public", "boolean"),
                ("consultation", "url"),
                ("result", "string"),
                ("resolutionText", "string"),
                ("auxiliaryFile", "array-object"),
            ],
        ),
        "Paper" => (
            vec![],
            vec![
                ("body", "url"),
                ("name", "string"),
                ("reference", "string"),
                ("date", "date"),
                ("paperType", "string"),
                ("mainFile", "object"),
                ("auxiliaryFile", "array-object"),
                ("underDirectionOf", "array-url"),
                ("consultation", "array-object"),
            ],
        ),
        "Consultation" => (
            vec![],
            vec![
                ("paper", "url"),
                ("agendaItem", "url"),
                ("meeting", "url"),
                ("organization", "array-url"),
                ("authoritative", "boolean"),
                ("role", "string"),
            ],
        ),
        "File" => (
            vec!["accessUrl"],
            vec![
                ("name", "string"),
                ("fileName", "string"),
                ("mimeType", "string"),
                ("date", "date"),
                ("size", "integer"),
                ("accessUrl", "url"),
                ("downloadUrl", "url"),
                ("meeting", "array-url"),
                ("agendaItem", "array-url"),
            ],
        ),
        "Location" => (
            vec![],
            vec![("description", "string"), ("meeting", "array-url")],
        ),
        other => panic!("unknown OParl type {other}"),
    };
    props.extend(common);
    (required, props)
}

fn is_kind(v: &Value, kind: &str) -> bool {
    let url = |s: &str| s.starts_with("http://") || s.starts_with("https://");
    match kind {
        "string" => v.is_string(),
        "url" => v.as_str().is_some_and(url),
        "boolean" => v.is_boolean(),
        "integer" => v.is_i64() || v.is_u64(),
        "object" => v.is_object(),
        "date" => v
            .as_str()
            .is_some_and(|s| samsyn_domain::time_fmt::parse_date(s).is_some()),
        "date-time" => v.as_str().is_some_and(|s| {
            time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).is_ok()
        }),
        "array-url" => v
            .as_array()
            .is_some_and(|a| a.iter().all(|x| x.as_str().is_some_and(url))),
        "array-object" => v.as_array().is_some_and(|a| a.iter().all(Value::is_object)),
        other => panic!("unknown property kind {other}"),
    }
}

/// Every violation of the schema in an object (and the objects embedded in it).
fn violations(o: &Value, path: &str) -> Vec<String> {
    let mut out = Vec::new();
    let Some(t) = o["type"].as_str() else {
        return vec![format!("{path}: no type")];
    };
    let Some(kind) = t.strip_prefix("https://schema.oparl.org/1.1/") else {
        return vec![format!("{path}: type {t} is not OParl 1.1")];
    };
    if !o["id"].is_string() {
        out.push(format!("{path}: no id"));
    }
    let (required, props) = schema(kind);
    for r in required {
        if o.get(r).is_none() {
            out.push(format!("{path} ({kind}): required {r} missing"));
        }
    }
    for (name, v) in o.as_object().unwrap() {
        if name == "id" || name == "type" {
            continue;
        }
        match props.iter().find(|(p, _)| p == name) {
            None => out.push(format!(
                "{path} ({kind}): {name} is not a property of {kind}"
            )),
            Some((_, k)) if !is_kind(v, k) => {
                out.push(format!("{path} ({kind}): {name} is not {k}: {v}"))
            }
            Some((_, k)) if k.ends_with("object") => {
                let inner: Vec<&Value> = v
                    .as_array()
                    .map(|a| a.iter().collect())
                    .unwrap_or_else(|| vec![v]);
                for (i, x) in inner.into_iter().enumerate() {
                    out.extend(violations(x, &format!("{path}.{name}[{i}]")));
                }
            }
            _ => {}
        }
    }
    out
}

fn urls(v: &Value, base: &str, out: &mut Vec<String>) {
    match v {
        Value::String(s) if s.starts_with(base) && !s.ends_with("/download") => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| urls(x, base, out)),
        Value::Object(o) => o.values().for_each(|x| urls(x, base, out)),
        _ => {}
    }
}

#[test]
fn every_oparl_object_is_reachable_from_the_system_and_valid() {
    let Some((url, _guard)) = common::fresh_database(samsyn_store::Engine::Sqlite) else {
        return;
    };
    let server = Server::start(&url, true);
    let origin = format!("http://{}", server.addr);
    let base = format!("{origin}/oparl/v1.1");
    let mut queue: VecDeque<String> = VecDeque::from([format!("{base}/system")]);
    let mut seen = BTreeSet::new();
    let mut objects: BTreeMap<String, Value> = BTreeMap::new();
    let mut problems = Vec::new();
    while let Some(u) = queue.pop_front() {
        if !seen.insert(u.clone()) {
            continue;
        }
        let r = server.get(u.strip_prefix(&origin).unwrap(), &[]);
        assert_eq!(r.status, 200, "{u}: {}", r.body);
        let v = r.json();
        let mut found = Vec::new();
        if let Some(data) = v.get("data") {
            assert!(
                v["pagination"]["totalElements"].is_u64(),
                "{u} has pagination"
            );
            for o in data.as_array().unwrap() {
                problems.extend(violations(o, &u));
                objects.insert(o["id"].as_str().unwrap().to_owned(), o.clone());
            }
            urls(data, &base, &mut found);
            if let Some(next) = v["links"]["next"].as_str() {
                found.push(next.to_owned());
            }
        } else {
            assert_eq!(v["id"].as_str(), Some(u.as_str()), "an object is at its id");
            problems.extend(violations(&v, &u));
            objects.insert(u.clone(), v.clone());
            urls(&v, &base, &mut found);
        }
        queue.extend(found);
    }
    assert!(problems.is_empty(), "{problems:#?}");
    let count = |kind: &str| {
        objects
            .values()
            .filter(|o| o["type"] == format!("https://schema.oparl.org/1.1/{kind}"))
            .count()
    };
    for kind in [
        "System",
        "Body",
        "Organization",
        "Person",
        "Membership",
        "Meeting",
        "AgendaItem",
        "Paper",
        "Consultation",
        "File",
        "LegislativeTerm",
        "Location",
    ] {
        assert!(count(kind) > 0, "no {kind} reached");
    }
    assert!(
        count("Organization") >= 12 + 13,
        "the bodies and the parties"
    );

    // a signed protocol's file is the PDF the verification page accepts
    let file = objects
        .values()
        .find(|o| {
            o["fileName"]
                .as_str()
                .is_some_and(|n| n.starts_with("protokoll-"))
        })
        .expect("a signed protocol");
    let pdf = server.get(
        file["accessUrl"]
            .as_str()
            .unwrap()
            .strip_prefix(&origin)
            .unwrap(),
        &[],
    );
    assert_eq!(pdf.status, 200);
    assert!(pdf.body.starts_with("%PDF"));

    // item kinds map to consultation roles; a beslutsärende is decided where it is consulted
    let roles: BTreeSet<(String, bool)> = objects
        .values()
        .filter(|o| o["type"] == "https://schema.oparl.org/1.1/Consultation")
        .map(|o| {
            (
                o["role"].as_str().unwrap().to_owned(),
                o["authoritative"].as_bool().unwrap(),
            )
        })
        .collect();
    assert!(
        roles.contains(&("Beslut (beslutsärende)".to_owned(), true)),
        "{roles:?}"
    );
    assert!(
        roles.contains(&("Information (informationsärende)".to_owned(), false)),
        "{roles:?}"
    );
}

#[test]
fn lists_page_and_filter_by_modification_time() {
    let Some((url, _guard)) = common::fresh_database(samsyn_store::Engine::Sqlite) else {
        return;
    };
    let server = Server::start(&url, true);
    let origin = format!("http://{}", server.addr);
    let all = server.get("/oparl/v1.1/body/1/meeting", &[]).json();
    let total = all["pagination"]["totalElements"].as_u64().unwrap();
    assert!(total > 5);

    let mut ids = Vec::new();
    let mut next = Some("/oparl/v1.1/body/1/meeting?limit=2".to_owned());
    while let Some(path) = next {
        let page = server.get(&path, &[]).json();
        assert!(page["data"].as_array().unwrap().len() <= 2);
        ids.extend(
            page["data"]
                .as_array()
                .unwrap()
                .iter()
                .map(|o| o["id"].as_str().unwrap().to_owned()),
        );
        next = page["links"]["next"]
            .as_str()
            .map(|n| n.strip_prefix(&origin).unwrap().to_owned());
    }
    let every: Vec<String> = all["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        ids, every,
        "following next visits every meeting once, in order"
    );

    let future = server
        .get(
            "/oparl/v1.1/body/1/meeting?modified_since=2999-01-01T00:00:00%2B01:00",
            &[],
        )
        .json();
    assert_eq!(future["pagination"]["totalElements"], 0);
    let past = server
        .get(
            "/oparl/v1.1/body/1/meeting?modified_since=2000-01-01T00:00:00Z",
            &[],
        )
        .json();
    assert_eq!(past["pagination"]["totalElements"].as_u64(), Some(total));
    let bad = server.get("/oparl/v1.1/body/1/meeting?modified_since=igår", &[]);
    assert_eq!(bad.status, 422);
    assert_eq!(bad.json()["field"], "modified_since");
    assert_eq!(
        server
            .get("/oparl/v1.1/body/1/meeting?page=999", &[])
            .status,
        422
    );
    assert_eq!(server.get("/oparl/v1.1/meeting/999999", &[]).status, 404);
}
