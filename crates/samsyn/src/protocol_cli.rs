//! `samsyn import protocol`: reads minutes into the decisions register, or with
//! `--dry-run` only shows what was read.

use samsyn_domain::protocol::{self, Hints, Protocol};
use std::path::{Path, PathBuf};

/// One file read and parsed, or why not.
pub struct Parsed {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
    pub result: Result<Protocol, String>,
}

pub fn read_and_parse(path: &Path, body: Option<&str>) -> Parsed {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            return Parsed {
                path: path.to_owned(),
                bytes: Vec::new(),
                result: Err(format!("kan inte läsas: {e}")),
            };
        }
    };
    let hints = Hints {
        file_name: name,
        body: body.map(str::to_owned),
    };
    let result = protocol::read_document(&bytes)
        .and_then(|(text, warning)| {
            protocol::parse(&text, &hints).map(|mut p| {
                if let Some(w) = warning {
                    p.warnings.insert(0, w);
                }
                p
            })
        })
        .map_err(|e| e.to_string());
    Parsed {
        path: path.to_owned(),
        bytes,
        result,
    }
}

/// Prints what was read; returns how many files failed.
pub fn dry_run(paths: &[PathBuf], body: Option<&str>, json: bool) -> anyhow::Result<usize> {
    let parsed: Vec<Parsed> = paths.iter().map(|p| read_and_parse(p, body)).collect();
    let mut failed = 0;
    let mut ok: Vec<&Protocol> = Vec::new();
    for p in &parsed {
        match &p.result {
            Ok(protocol) => ok.push(protocol),
            Err(e) => {
                failed += 1;
                eprintln!("samsyn: {}: {e}", p.path.display());
            }
        }
    }
    if json {
        let text = if paths.len() == 1 {
            match ok.first() {
                Some(p) => serde_json::to_string_pretty(p)?,
                None => return Ok(failed),
            }
        } else {
            serde_json::to_string_pretty(&ok)?
        };
        crate::out::emit(&format!("{text}\n"))?;
    } else {
        for (p, protocol) in parsed
            .iter()
            .filter_map(|p| p.result.as_ref().ok().map(|r| (p, r)))
        {
            say!("{}", summary_line(&p.path, protocol));
            for w in &protocol.warnings {
                say!("  varning: {w}");
            }
        }
    }
    Ok(failed)
}

pub fn summary_line(path: &Path, p: &Protocol) -> String {
    format!(
        "{}: {} {} {}, {} ärenden, {} beslut, {} närvarande",
        path.display(),
        p.document_kind.label(),
        p.body.as_deref().unwrap_or("(organ okänt)"),
        p.date,
        p.items.len(),
        p.items.iter().map(|i| i.decisions.len()).sum::<usize>(),
        p.attendees
            .iter()
            .filter(|a| a.status == protocol::Presence::Present)
            .count()
    )
}

/// Stores each file that parses; reports the others. Returns how many failed.
pub async fn import(
    store: &samsyn_store::Store,
    paths: &[PathBuf],
    body: Option<&str>,
    json: bool,
) -> anyhow::Result<usize> {
    use samsyn_store::register::ImportOutcome;
    let mut failed = 0;
    let mut report = Vec::new();
    for path in paths {
        let parsed = read_and_parse(path, body);
        let protocol = match parsed.result {
            Ok(p) => p,
            Err(e) => {
                failed += 1;
                eprintln!("samsyn: {}: {e}", path.display());
                continue;
            }
        };
        let body_ref = store.resolve_body(body, protocol.body.as_deref()).await?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let outcome = store
            .import_protocol(&name, &parsed.bytes, &protocol, &body_ref, "cli")
            .await?;
        let (status, id, line) = match outcome {
            ImportOutcome::Imported { meeting_id } => (
                "imported",
                meeting_id,
                format!(
                    "inläst som möte {meeting_id}: {}",
                    summary_line(path, &protocol)
                ),
            ),
            ImportOutcome::Unchanged { meeting_id } => (
                "unchanged",
                meeting_id,
                format!(
                    "{}: redan inläst (möte {meeting_id}); inget ändrat",
                    path.display()
                ),
            ),
            ImportOutcome::Changed { meeting_id } => {
                failed += 1;
                (
                    "changed",
                    meeting_id,
                    format!(
                        "{}: mötet finns redan i registret (möte {meeting_id}) från en annan fil; inget sparat – rätta i samsyn eller ta bort det gamla först",
                        path.display()
                    ),
                )
            }
        };
        if json {
            report.push(serde_json::json!({"file": path.display().to_string(), "status": status, "meeting_id": id, "body_code": body_ref.code}));
        } else if status == "changed" {
            eprintln!("samsyn: {line}");
        } else {
            say!("{line}");
            if body_ref.code.is_none() && status == "imported" {
                say!(
                    "  varning: organet «{}» finns inte i registret; sparat med namnet",
                    body_ref.name.as_deref().unwrap_or("okänt")
                );
            }
        }
    }
    if json {
        crate::out::emit(&format!("{}\n", serde_json::to_string_pretty(&report)?))?;
    }
    Ok(failed)
}
