//! Enheter: the unit directory.

use crate::AppState;
use crate::auth::PageSession;
use crate::error::PageError;
use crate::pages::Layout;
use askama::Template;
use axum::extract::State;
use axum::response::Html;
use samsyn_domain::org::UnitKind;
use samsyn_store::org::Unit;

#[derive(Template)]
#[template(path = "units.html")]
struct UnitsPage {
    layout: Option<Layout>,
    units: Vec<Unit>,
}

pub async fn list(
    State(state): State<AppState>,
    PageSession(session): PageSession,
) -> Result<Html<String>, PageError> {
    let units = state
        .store
        .units()
        .await?
        .into_iter()
        .map(|mut u| {
            if let Ok(k) = UnitKind::parse(&u.kind) {
                u.kind = k.label().to_owned();
            }
            u
        })
        .collect();
    let page = UnitsPage {
        layout: Some(Layout::new(&session, "enheter")),
        units,
    };
    Ok(Html(page.render()?))
}
