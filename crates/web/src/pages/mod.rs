//! The Swedish, server-rendered pages. They work without JavaScript: links, plain
//! forms that post back, and redirects.

mod agreement;
mod agreements;
mod audit;
mod bodies;
mod care;
mod deviations;
mod discharge;
mod economy;
mod episodes;
mod login;
mod meetings;
mod plans;
mod register;
mod start;
mod stats;
mod units;
mod verify;

use crate::AppState;
use askama::Template;
use axum::Router;
use axum::routing::{get, post};
use samsyn_domain::policy;
use samsyn_store::sessions::Session;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(start::show))
        .route("/logga-in", get(login::form).post(login::submit))
        .route("/logga-ut", post(login::logout))
        .route("/enheter", get(units::list))
        .route("/granskningslogg", get(audit::search))
        .route("/vardbegaran/ny", get(care::new))
        .route("/vardbegaran", post(care::create))
        .route("/vardbegaran/{id}", get(care::show))
        .route("/vardbegaran/{id}/beslut", post(care::decide))
        .route("/vardbegaran/{id}/oenighet", post(care::dispute))
        .route("/vardbegaran/{id}/oenighet/kommentar", post(care::comment))
        .route("/vardbegaran/{id}/oenighet/avgor", post(care::resolve))
        .route(
            "/vardbegaran/{id}/bilagor",
            post(care::upload).layer(axum::extract::DefaultBodyLimit::max(
                crate::api::UPLOAD_LIMIT,
            )),
        )
        .route("/vardbegaran/{id}/bilagor/{aid}", get(care::download))
        .route("/aviseringar/{id}/last", post(care::mark_read))
        .route("/inskrivning/{id}", get(episodes::show))
        .route("/inskrivning/{id}/insats", post(episodes::record_action))
        .route("/inskrivning/{id}/uppfoljning", post(episodes::follow_up))
        .route("/inskrivning/{id}/avslut", post(episodes::close))
        .route("/plan/ny", get(plans::new))
        .route("/plan", post(plans::create))
        .route("/plan/{id}", get(plans::show))
        .route("/plan/{id}/mal", post(plans::add_goal))
        .route("/plan/{id}/atgard", post(plans::add_action))
        .route("/plan/{id}/atgard/{action}/status", post(plans::set_status))
        .route("/plan/{id}/samtycke", post(plans::consent))
        .route(
            "/plan/{id}/samtycke/{consent}/aterkalla",
            post(plans::withdraw),
        )
        .route("/ekonomi", get(economy::show))
        .route("/ekonomi/psykiatri.csv", get(economy::invoice_csv))
        .route("/uppfoljning", get(stats::show))
        .route("/uppfoljning/tabell1.csv", get(stats::tabell1_csv))
        .route("/uppfoljning/kva.csv", get(stats::kva_csv))
        .route("/uppfoljning/tabell1.xlsx", get(stats::tabell1_xlsx))
        .route("/uppfoljning/kva.xlsx", get(stats::kva_xlsx))
        .route(
            "/overenskommelse",
            get(agreement::show).post(agreement::add_version),
        )
        .route("/personer/{id}/loggutdrag", get(agreement::extract))
        .route(
            "/avvikelser",
            get(deviations::list).post(deviations::create),
        )
        .route("/avvikelser/ny", get(deviations::new))
        .route("/avvikelser/rapport", get(deviations::report))
        .route("/avvikelser/rapport/{file}", get(deviations::report_pdf))
        .route("/utskrivning", get(discharge::list).post(discharge::create))
        .route("/utskrivning/ny", get(discharge::new))
        .route("/utskrivning/betalningsansvar", get(discharge::statement))
        .route(
            "/utskrivning/regler",
            get(discharge::rules).post(discharge::add_rules),
        )
        .route(
            "/utskrivning/betalningsansvar.csv",
            get(discharge::statement_csv),
        )
        .route(
            "/utskrivning/betalningsansvar.xlsx",
            get(discharge::statement_xlsx),
        )
        .route("/utskrivning/{id}", get(discharge::show))
        .route(
            "/utskrivning/{id}/kvittera/{message}",
            post(discharge::acknowledge),
        )
        .route("/utskrivning/{id}/steg", post(discharge::step))
        .route(
            "/utskrivning/{id}/returnera/{message}",
            post(discharge::return_message),
        )
        .route(
            "/utskrivning/{id}/omadressera/{message}",
            post(discharge::readdress),
        )
        .route(
            "/utskrivning/{id}/vidarebefordra/{message}",
            post(discharge::forward),
        )
        .route("/avvikelser/{id}", get(deviations::show))
        .route("/avvikelser/{id}/svar", post(deviations::answer))
        .route("/avvikelser/{id}/aterkoppling", post(deviations::feedback))
        .route("/avvikelser/{id}/avsluta", post(deviations::close))
        .route("/beslut", get(register::search))
        .route("/moten/{id}", get(register::meeting))
        .route("/moten/{id}/original", get(register::original))
        .route("/organ", get(bodies::list))
        .route("/organ/{code}", get(bodies::show))
        .route("/organ/{code}/ledamoter", post(bodies::add_member))
        .route("/organ/{code}/moten", post(bodies::plan))
        .route("/organ/{code}/risker", post(bodies::add_risk))
        .route("/organ/{code}/kalender.ics", get(bodies::body_calendar))
        .route("/kalender/{file}", get(bodies::member_calendar))
        .route("/moten/{id}/punkter", post(meetings::add_item))
        .route("/beslut/punkt/{item}", get(meetings::item))
        .route(
            "/moten/{id}/punkter/{item}/underlag",
            post(meetings::upload).layer(axum::extract::DefaultBodyLimit::max(
                crate::api::UPLOAD_LIMIT,
            )),
        )
        .route("/moten/{id}/underlag/{doc}", get(meetings::document))
        .route(
            "/moten/{id}/narvaro",
            get(meetings::attendance_form).post(meetings::record_attendance),
        )
        .route(
            "/moten/{id}/protokoll",
            get(meetings::minutes_form).post(meetings::write_minutes),
        )
        .route("/moten/{id}/protokoll.pdf", get(meetings::pdf))
        .route("/moten/{id}/protokoll.html", get(meetings::html))
        .route("/moten/{id}/protokoll.txt", get(meetings::text))
        .route("/moten/{id}/uppdrag", post(meetings::add_assignment))
        .route("/moten/{id}/justering", post(meetings::submit))
        .route("/moten/{id}/justera", post(meetings::approve))
        .route(
            "/moten/{id}/justera/{member}",
            post(meetings::record_approval),
        )
        .route("/moten/{id}/utvardering", post(meetings::evaluate))
        .route(
            "/overenskommelser",
            get(agreements::list).post(agreements::create),
        )
        .route("/overenskommelser/{id}", get(agreements::show))
        .route("/overenskommelser/{id}/steg", post(agreements::step))
        .route(
            "/medel",
            get(agreements::funding).post(agreements::add_grant),
        )
        .route("/medel/fordelning", post(agreements::allocate))
        .route("/uppdrag", get(meetings::assignments))
        .route("/uppdrag/{id}/status", post(meetings::assignment_status))
        .route(
            "/verifiera",
            get(verify::form)
                .post(verify::check)
                .layer(axum::extract::DefaultBodyLimit::max(
                    crate::api::UPLOAD_LIMIT,
                )),
        )
        .route(
            "/beslut/import",
            get(register::upload_form)
                .post(register::upload)
                .layer(axum::extract::DefaultBodyLimit::max(register::UPLOAD_LIMIT)),
        )
        .route("/beslut/import/{batch}", get(register::batch))
        .route("/beslut/import/{batch}/status", get(register::progress))
        .route(
            "/beslut/import/{batch}/{id}",
            get(register::review).post(register::save),
        )
}

/// What the page frame needs: who is logged in and what the menu offers them.
pub struct Layout {
    pub display_name: String,
    pub roles: String,
    pub csrf: String,
    pub can_review_log: bool,
    pub can_view_statistics: bool,
    /// Staff and the MAS follow deviations.
    pub sees_deviations: bool,
    /// Which menu item is the current page.
    pub current: &'static str,
}

impl Layout {
    pub fn new(session: &Session, current: &'static str) -> Layout {
        let p = &session.principal;
        Layout {
            display_name: p.display_name.clone(),
            roles: p
                .roles()
                .iter()
                .map(|r| r.label())
                .collect::<Vec<_>>()
                .join(", "),
            csrf: session.csrf_token.clone(),
            can_review_log: policy::audit_scope(p).is_some(),
            can_view_statistics: policy::can_view_statistics(p),
            sees_deviations: p.assignments.iter().any(|a| {
                matches!(
                    a.role,
                    samsyn_domain::Role::Vardpersonal
                        | samsyn_domain::Role::Samordnare
                        | samsyn_domain::Role::Mas
                )
            }),
            current,
        }
    }
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub title: &'static str,
    pub detail: String,
    /// Always `None`: the error page must render even when the session could not be read.
    pub layout: Option<Layout>,
}

/// Percent-encodes a text for a query string.
pub fn url_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn query_text_is_percent_encoded() {
        assert_eq!(super::url_encode("/a?b=c d"), "/a%3Fb%3Dc%20d");
    }
}
