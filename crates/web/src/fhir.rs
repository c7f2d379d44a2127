//! FHIR R4 where care data leaves samsyn: one person's episode as a `collection`
//! Bundle of Patient, ServiceRequest, EpisodeOfCare, CarePlan, Procedure (KVÅ) and
//! Consent. Hand-written JSON: no maintained FHIR R4 crate exists.

use samsyn_store::care::episodes::EpisodeView;
use samsyn_store::care::plans::PlanView;
use samsyn_store::care::requests::RequestView;
use serde_json::{Value, json};

/// OID of the personnummer, and of the samordningsnummer.
pub const PERSONNUMMER_OID: &str = "urn:oid:1.2.752.129.2.1.3.1";
pub const SAMORDNINGSNUMMER_OID: &str = "urn:oid:1.2.752.129.2.1.3.3";
/// OID of KVÅ, Klassifikation av vårdåtgärder.
pub const KVA_OID: &str = "urn:oid:1.2.752.116.1.3.2.1.4";

fn url(kind: &str, id: i64) -> String {
    format!("urn:samsyn:{}:{id}", kind.to_lowercase())
}

fn entry(kind: &str, id: i64, mut resource: Value) -> Value {
    resource["resourceType"] = json!(kind);
    resource["id"] = json!(id.to_string());
    json!({ "fullUrl": url(kind, id), "resource": resource })
}

/// The Bundle for one episode, its request and the plans the caller may see.
pub fn episode_bundle(episode: &EpisodeView, request: &RequestView, plans: &[PlanView]) -> Value {
    let person = &episode.person;
    let digits = person.personnummer.replace('-', "");
    let coordination = digits
        .get(6..8)
        .and_then(|d| d.parse::<u8>().ok())
        .is_some_and(|d| d > 60);
    let patient_ref = json!({ "reference": url("Patient", person.id) });
    let mut entries = vec![entry(
        "Patient",
        person.id,
        json!({
            "identifier": [{
                "system": if coordination { SAMORDNINGSNUMMER_OID } else { PERSONNUMMER_OID },
                "value": digits,
            }],
            "gender": if person.legal_sex == "K" { "female" } else { "male" },
            "birthDate": person.birth_date,
            "address": [{ "use": "home", "district": person.municipality }],
        }),
    )];
    entries.push(entry(
        "ServiceRequest",
        request.id,
        json!({
            "status": match request.status.as_str() { "accepted" => "completed", "declined" => "revoked", _ => "active" },
            "intent": "order",
            "code": { "text": if request.kind == "ongoing" { "Hälso- och sjukvård i hemmet" } else { "Enstaka insats i hemmet" } },
            "subject": patient_ref,
            "authoredOn": request.created_at,
            "requester": { "display": format!("{} ({})", request.from_unit_name, request.from_unit) },
            "performer": [{ "display": format!("{} ({})", request.to_unit_name, request.to_unit) }],
            "reasonCode": [{ "text": request.reason }],
            "note": [{ "text": request.requested_actions }],
        }),
    ));
    let mut period = json!({ "start": episode.started_on });
    if let Some(end) = &episode.closed_on {
        period["end"] = json!(end);
    }
    entries.push(entry(
        "EpisodeOfCare",
        episode.id,
        json!({
            "status": if episode.status == "closed" { "finished" } else { "active" },
            "patient": patient_ref,
            "managingOrganization": { "display": episode.unit },
            "period": period,
            "referralRequest": [{ "reference": url("ServiceRequest", request.id) }],
        }),
    ));
    for a in &episode.actions {
        let mut procedure = json!({
            "status": "completed",
            "code": { "coding": [{ "system": KVA_OID, "code": a.kva_code, "display": a.kva_title }] },
            "subject": patient_ref,
            "encounter": null,
            "performedDateTime": a.performed_on,
            "performer": [{ "function": { "text": a.performer_kind }, "actor": { "display": episode.unit } }],
        });
        procedure.as_object_mut().map(|o| o.remove("encounter"));
        if let Some(m) = a.minutes {
            procedure["note"] = json!([{ "text": format!("{m} minuter") }]);
        }
        entries.push(entry("Procedure", a.id, procedure));
    }
    for plan in plans {
        let activities: Vec<Value> = plan
            .actions
            .iter()
            .map(|a| {
                json!({ "detail": {
                    "status": match a.status.as_str() { "done" => "completed", "ongoing" => "in-progress", _ => "not-started" },
                    "description": a.text,
                    "performer": [{ "display": a.actor_unit.clone().unwrap_or_else(|| a.actor_kind.clone()) }],
                }})
            })
            .collect();
        let mut care_plan = json!({
            "status": "active",
            "intent": "plan",
            "title": plan.title,
            "subject": patient_ref,
            "author": { "display": plan.responsible_unit },
            "description": plan.goals.join("; "),
        });
        if !activities.is_empty() {
            care_plan["activity"] = json!(activities);
        }
        entries.push(entry("CarePlan", plan.id, care_plan));
        for c in &plan.consents {
            entries.push(entry(
                "Consent",
                c.id,
                json!({
                    "status": if c.withdrawn_on.is_some() { "inactive" } else { "active" },
                    "scope": { "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/consentscope", "code": "patient-privacy" }] },
                    "category": [{ "coding": [{ "system": "http://loinc.org", "code": "59284-0" }], "text": "Samtycke till informationsutbyte" }],
                    "patient": patient_ref,
                    "dateTime": c.given_on,
                    "performer": [{ "display": c.given_by }],
                    "policyRule": { "text": c.scope },
                }),
            ));
        }
    }
    json!({
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": format!("{}", samsyn_domain::time_fmt::now_stored()),
        "entry": entries,
    })
}
