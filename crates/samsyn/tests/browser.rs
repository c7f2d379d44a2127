//! Runs the browser journeys in tests/browser (Node, Playwright driving Debian's
//! Chromium, axe-core) against this build of samsyn. Without Node, the npm packages
//! or Chromium the journeys are skipped with a note, unless SAMSYN_REQUIRE_BROWSER=1
//! (as in CI) makes that a failure.

use std::path::Path;
use std::process::Command;

#[test]
fn the_browser_journeys_pass_with_no_serious_accessibility_violation() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/browser");
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let required = std::env::var("SAMSYN_REQUIRE_BROWSER").is_ok_and(|v| v == "1");
    let missing = [
        (!dir.join("node_modules/playwright-core").exists())
            .then_some("npm-paketen (kör npm ci i tests/browser)"),
        (!Path::new(&chromium).exists()).then_some("chromium"),
        Command::new("node")
            .arg("--version")
            .output()
            .is_err()
            .then_some("node"),
    ];
    let missing: Vec<&str> = missing.into_iter().flatten().collect();
    if !missing.is_empty() {
        assert!(
            !required,
            "the browser test must run, but these are missing: {missing:?}"
        );
        eprintln!("note: browser journeys skipped; missing: {missing:?}");
        return;
    }
    let output = Command::new("node")
        .arg("--test")
        .arg("--test-concurrency=1")
        .current_dir(&dir)
        .env("SAMSYN_BIN", env!("CARGO_BIN_EXE_samsyn"))
        .env("CHROMIUM", &chromium)
        .output()
        .expect("node runs");
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.status.success(),
        "browser journeys failed:\n{report}"
    );
    eprintln!(
        "{}",
        report
            .lines()
            .filter(|l| l.starts_with("# "))
            .collect::<Vec<_>>()
            .join("\n")
    );
}
