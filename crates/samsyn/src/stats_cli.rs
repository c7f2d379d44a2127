//! `samsyn import actions|population` and `samsyn report tabell1|tabell2`.

use anyhow::{Context, bail};
use samsyn_domain::stats::{Counts, tabell2_csv};
use samsyn_store::Store;
use samsyn_store::stats::import::parse_population;
use sha2::Digest;
use std::io::{IsTerminal, Read};
use std::path::Path;

/// Reads a file in chunks of a megabyte, handing each to `each`, with a progress bar
/// on a terminal; returns the number of bytes read.
fn stream_with_progress(path: &Path, mut each: impl FnMut(&[u8])) -> anyhow::Result<u64> {
    let mut file =
        std::fs::File::open(path).with_context(|| format!("kan inte läsa {}", path.display()))?;
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    let bar = progress_bar(len, "läser");
    let mut chunk = vec![0u8; 1 << 20];
    let mut read = 0u64;
    loop {
        let n = file
            .read(&mut chunk)
            .with_context(|| format!("kan inte läsa {}", path.display()))?;
        if n == 0 {
            break;
        }
        each(&chunk[..n]);
        read += n as u64;
        bar.set_position(read);
    }
    bar.finish_and_clear();
    Ok(read)
}

/// Reads the whole file, with a progress bar on a terminal.
fn read_with_progress(path: &Path) -> anyhow::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    stream_with_progress(path, |chunk| bytes.extend_from_slice(chunk))?;
    Ok(bytes)
}

/// Hashes a file as it streams by: its length and SHA-256, without holding it in
/// memory.
fn hash_with_progress(path: &Path) -> anyhow::Result<(u64, String)> {
    let mut hasher = sha2::Sha256::new();
    let len = stream_with_progress(path, |chunk| hasher.update(chunk))?;
    Ok((len, samsyn_domain::hex::encode(&hasher.finalize())))
}

fn progress_bar(len: u64, what: &'static str) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{msg} [{bar:40}] {bytes}/{total_bytes} ({eta})")
    {
        bar.set_style(style);
    }
    bar.set_message(what);
    bar
}

/// Streams an actions file: hashed in one pass (a file already imported is refused
/// before anything is read into the database), then checked and stored in batches in
/// a second, so a file of any size needs memory for a few batches only.
pub async fn import_actions(store: &Store, path: &Path) -> anyhow::Result<()> {
    let (len, sha) = hash_with_progress(path)?;
    let file =
        std::fs::File::open(path).with_context(|| format!("kan inte läsa {}", path.display()))?;
    let (municipalities, codes) = store.import_context().await?;
    let bar = progress_bar(len, "kontrollerar och lagrar");
    let progress = bar.clone();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let summary = store
        .import_actions_from(
            &name,
            &sha,
            std::io::BufReader::with_capacity(1 << 20, file),
            municipalities,
            codes,
            move |pos| progress.set_position(pos),
            "cli",
        )
        .await
        .map_err(|e| match e {
            samsyn_store::StoreError::Invalid(e) => {
                anyhow::anyhow!("{}: {}; inget lagrades", path.display(), e.message)
            }
            other => other.into(),
        })?;
    bar.finish_and_clear();
    say!(
        "{} insatser inlästa från {} ({} nya personer; år {}).",
        summary.rows,
        path.display(),
        summary.persons_added,
        summary
            .years
            .iter()
            .map(|y| y.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    );
    for (code, line) in &summary.unknown_codes {
        eprintln!("varning: KVÅ-koden {code} (första gången rad {line}) finns inte i kodtabellen");
    }
    Ok(())
}

pub async fn import_population(store: &Store, path: &Path) -> anyhow::Result<()> {
    let bytes = read_with_progress(path)?;
    let (municipalities, _) = store.import_context().await?;
    let rows = parse_population(bytes.as_slice(), &municipalities)
        .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), e.message))?;
    let n = store.import_population(&rows, "cli").await?;
    say!("{n} befolkningsuppgifter inlästa från {}.", path.display());
    Ok(())
}

/// The table as JSON: one object per row with the CSV's column names.
fn as_json(csv: &str, year: i32, numbers_are_shares: bool) -> serde_json::Value {
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split(',').collect();
    let rows: Vec<serde_json::Value> = lines
        .map(|l| {
            let mut obj = serde_json::Map::new();
            for (k, v) in header.iter().zip(l.split(',')) {
                let value = match *k {
                    "kommunkod" | "kommun" => serde_json::Value::from(v),
                    _ if numbers_are_shares => v
                        .parse::<f64>()
                        .map(serde_json::Value::from)
                        .unwrap_or(serde_json::Value::Null),
                    _ => v
                        .parse::<i64>()
                        .map(serde_json::Value::from)
                        .unwrap_or(serde_json::Value::Null),
                };
                obj.insert((*k).to_owned(), value);
            }
            serde_json::Value::Object(obj)
        })
        .collect();
    serde_json::json!({ "year": year, "rows": rows })
}

pub async fn report(
    store: &Store,
    table: &str,
    year: i32,
    format: &str,
    out: Option<&Path>,
) -> anyhow::Result<()> {
    let t = store.tabell1(year).await?;
    let (csv, shares) = match table {
        "tabell1" => (t.to_csv(), false),
        "tabell2" => {
            let population = store.population(year).await?;
            let county_code = t.county.code.clone();
            let municipalities: Vec<String> =
                t.municipalities.iter().map(|r| r.code.clone()).collect();
            let lookup = |code: &str| -> Option<Counts> {
                if code == county_code {
                    let mut sum = Counts::default();
                    for m in &municipalities {
                        let c = population.get(m)?;
                        for i in 0..3 {
                            sum.women[i] += c.women[i];
                            sum.men[i] += c.men[i];
                        }
                    }
                    Some(sum)
                } else {
                    population.get(code).copied()
                }
            };
            match tabell2_csv(&t, &lookup) {
                Ok(csv) => (csv, true),
                Err(missing) => bail!(
                    "befolkningsuppgifter saknas för {year}: {}",
                    missing.join("; ")
                ),
            }
        }
        other => bail!("okänd tabell {other}"),
    };
    let body: Vec<u8> = match format {
        "csv" => csv.into_bytes(),
        "json" => format!(
            "{}\n",
            serde_json::to_string_pretty(&as_json(&csv, year, shares))?
        )
        .into_bytes(),
        "xlsx" => {
            let sheet = if table == "tabell1" {
                "Tabell 1"
            } else {
                "Tabell 2"
            };
            samsyn_web::export::csv_to_xlsx(sheet, &csv)
                .map_err(|e| anyhow::anyhow!("kan inte skapa XLSX: {e}"))?
        }
        other => bail!("formatet {other} stöds inte (csv, json eller xlsx)"),
    };
    match out {
        Some(path) => {
            std::fs::write(path, &body)
                .with_context(|| format!("kan inte skriva {}", path.display()))?;
            crate::out::emit(&format!(
                "{} skriven till {}.\n",
                if table == "tabell1" {
                    "Tabell 1"
                } else {
                    "Tabell 2"
                },
                path.display()
            ))
        }
        None if format == "xlsx" => bail!("ange --out FIL för xlsx"),
        None => crate::out::emit(&String::from_utf8_lossy(&body)),
    }
}

/// Kronor with up to two decimals (comma or point) as öre.
pub fn parse_kronor(text: &str) -> anyhow::Result<i64> {
    let t = text.trim().replace([' ', '\u{a0}'], "").replace(',', ".");
    let (whole, frac) = t.split_once('.').unwrap_or((&t, ""));
    if whole.is_empty()
        || frac.len() > 2
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        bail!("«{text}» är inget belopp i kronor");
    }
    let ore = whole
        .parse::<i64>()?
        .checked_mul(100)
        .and_then(|w| w.checked_add(format!("{frac:0<2}").parse::<i64>().ok()?));
    ore.context("beloppet är för stort")
}

pub async fn import_tax_base(store: &Store, path: &Path) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("kan inte läsa {}", path.display()))?;
    let mut lines = text.lines();
    if lines.next().map(str::trim) != Some("ar,procent") {
        bail!(
            "{}: rad 1: rubrikraden ska vara «ar,procent»",
            path.display()
        );
    }
    let mut rows = Vec::new();
    for (i, line) in lines.enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let n = i + 2;
        let (year, percent) = line
            .split_once(',')
            .with_context(|| format!("{}: rad {n}: väntade «ar,procent»", path.display()))?;
        let year: i32 = year
            .trim()
            .parse()
            .ok()
            .filter(|y| (1900..=2200).contains(y))
            .with_context(|| {
                format!(
                    "{}: rad {n}, fält ar: «{}» är inget år",
                    path.display(),
                    year.trim()
                )
            })?;
        let p = samsyn_domain::economy::parse_percent(percent).map_err(|e| {
            anyhow::anyhow!("{}: rad {n}, fält procent: {}", path.display(), e.message)
        })?;
        rows.push((year, p));
    }
    let n = store.import_tax_base(&rows, "cli").await?;
    say!("Skatteunderlagets utveckling inläst för {n} år.");
    Ok(())
}

pub async fn supplements(store: &Store, year: i32) -> anyhow::Result<()> {
    use samsyn_domain::economy::{format_kronor, format_percent};
    let mut out = String::from("kommunkod,basar,basbelopp_ore,belopp_ore,berakning\n");
    for s in store.supplements(year).await? {
        match &s.result {
            Ok((amount, steps)) => {
                let how: Vec<String> = steps
                    .iter()
                    .map(|st| {
                        format!(
                            "{}: {} × (1 + {}) = {}",
                            st.year,
                            format_kronor(st.before),
                            format_percent(st.percent),
                            format_kronor(st.after)
                        )
                    })
                    .collect();
                out.push_str(&format!(
                    "{},{},{},{},\"{}\"\n",
                    s.municipality,
                    s.base_year.unwrap_or_default(),
                    s.base.unwrap_or_default(),
                    amount,
                    how.join("; ")
                ));
            }
            Err(why) => out.push_str(&format!(
                "{},{},{},,\"{}\"\n",
                s.municipality,
                s.base_year.map(|y| y.to_string()).unwrap_or_default(),
                s.base.map(|b| b.to_string()).unwrap_or_default(),
                why
            )),
        }
    }
    crate::out::emit(&out)
}

pub async fn invoice_basis(store: &Store, month: &str) -> anyhow::Result<()> {
    let mut out = String::from("kommunkod,personnummer,insatser,minuter\n");
    for l in store.export_invoice_basis(month, "cli").await? {
        out.push_str(&format!(
            "{},{},{},{}\n",
            l.municipality, l.personnummer, l.actions, l.minutes
        ));
    }
    crate::out::emit(&out)
}
