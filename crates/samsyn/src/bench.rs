//! `samsyn bench stats`: a national-scale year of actions, imported through the same
//! path as `samsyn import actions`, then Tabell 1 timed — and, in the same run, the
//! equivalent query in DuckDB over the same rows as the baseline.

use anyhow::Context;
use samsyn_domain::PartyCode;
use samsyn_domain::org::PartyKind;
use samsyn_domain::person::check_digit;
use samsyn_store::Store;
use samsyn_store::stats::import::parse_actions;
use sha2::Digest as _;
use std::fmt::Write as _;
use std::time::{Duration, Instant};

pub struct Scale {
    pub persons: usize,
    pub actions: usize,
    pub municipalities: usize,
    pub year: i32,
}

/// A synthetic personnummer for person `i` (distinct for every `i` below 10 million).
fn person(i: usize, year: i32) -> String {
    let birth_year = year - 1 - (i % 95) as i32;
    let rest = i / 95;
    let (month, day, nn, sex) = (
        1 + rest % 12,
        1 + (rest / 12) % 28,
        (rest / 336) % 100,
        (rest / 33_600) % 10,
    );
    let eleven = format!("{birth_year:04}{month:02}{day:02}{nn:02}{sex}");
    let d: Vec<u8> = eleven.bytes().map(|b| b - b'0').collect();
    format!("{eleven}{}", check_digit(&d[2..11]))
}

/// The actions file for the scale: each person in one municipality, one in fifty
/// also in a second; actions spread over the persons and the year.
pub fn generate(scale: &Scale) -> String {
    let mut out = String::with_capacity(scale.actions * 60);
    out.push_str("personnummer,kommunkod,datum,kva_kod,utforare,minuter\n");
    let codes = ["DT016", "QAB10", "UX010", "AU120", "DV001"];
    let people: Vec<String> = (0..scale.persons).map(|i| person(i, scale.year)).collect();
    for a in 0..scale.actions {
        let i = a % scale.persons;
        let round = a / scale.persons;
        let muni = if i.is_multiple_of(50) && round % 2 == 1 {
            (i + 7) % scale.municipalities
        } else {
            i % scale.municipalities
        };
        let day = 1 + (a * 7 + round) % 365;
        let date =
            time::Date::from_ordinal_date(scale.year, day as u16).expect("a day of the year");
        let _ = writeln!(
            out,
            "{},{},{date},{},{},{}",
            people[i],
            1000 + muni,
            codes[a % 5],
            if a % 3 == 0 {
                "legitimerad"
            } else {
                "delegerad"
            },
            5 + a % 40
        );
    }
    out
}

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn p95(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[((xs.len() as f64) * 0.95).ceil() as usize - 1]
}

pub async fn run(database: Option<String>, scale: Scale) -> anyhow::Result<()> {
    let dir = std::env::temp_dir().join(format!("samsyn-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let url = database.unwrap_or_else(|| format!("sqlite://{}", dir.join("bench.db").display()));
    let store = Store::open(&url).await?;
    let mut tx = store.begin_write().await?;
    samsyn_store::org::ensure_party(
        &mut tx,
        &PartyCode::parse("00")?,
        "Region Bench",
        PartyKind::Region,
        None,
    )
    .await?;
    for m in 0..scale.municipalities {
        samsyn_store::org::ensure_party(
            &mut tx,
            &PartyCode::parse(&format!("{}", 1000 + m))?,
            &format!("Kommun {m:03} kommun"),
            PartyKind::Kommun,
            None,
        )
        .await?;
    }
    samsyn_store::commit(tx).await?;
    let codes = samsyn_store::care::kva::parse_csv(include_str!("../../../data/kva-urval.csv"))
        .map_err(|e| anyhow::anyhow!(e.message))?;
    store.import_kva(&codes, "bench").await?;

    say!(
        "Genererar {} insatser för {} personer i {} kommuner ({}) …",
        scale.actions,
        scale.persons,
        scale.municipalities,
        scale.year
    );
    let csv = generate(&scale);
    let csv_path = dir.join("actions.csv");
    std::fs::write(&csv_path, &csv)?;
    let mb = csv.len() as f64 / 1e6;

    let (municipalities, known) = store.import_context().await?;
    // Reading and checking alone, for the record (the import overlaps it with storing).
    let started = Instant::now();
    let rows = parse_actions(csv.as_bytes(), &municipalities, &known, |_| {})
        .map_err(|e| anyhow::anyhow!(e.message))?
        .rows
        .len();
    let parse_time = started.elapsed();
    anyhow::ensure!(rows == scale.actions, "{rows} rader lästes");
    let sha = samsyn_domain::hex::encode(&sha2::Sha256::digest(csv.as_bytes()));
    let started = Instant::now();
    store
        .import_actions_from(
            "bench.csv",
            &sha,
            std::io::Cursor::new(csv.into_bytes()),
            municipalities,
            known,
            |_| {},
            "bench",
        )
        .await?;
    let import_time = started.elapsed();

    let mut runs = Vec::new();
    let mut table = None;
    for _ in 0..21 {
        let t = Instant::now();
        table = Some(store.tabell1(scale.year).await?);
        runs.push(t.elapsed());
    }
    let table = table.context("Tabell 1")?;
    let recount_started = Instant::now();
    let recount = store.tabell1_recount(scale.year).await?;
    let recount_time = recount_started.elapsed();
    anyhow::ensure!(
        table == recount,
        "Tabell 1 ur aggregaten skiljer sig från en omräkning"
    );

    let per_s = scale.actions as f64 / import_time.as_secs_f64();
    say!("Databas: {}", samsyn_store::redact_url(&url));
    say!(
        "Import (kontroll och lagring samtidigt, aggregat, commit): {:.1} s för {} insatser ({mb:.0} MB CSV) = {:.0} insatser/s (enbart kontrollen av filen, separat: {:.1} s)",
        import_time.as_secs_f64(),
        scale.actions,
        per_s,
        parse_time.as_secs_f64(),
    );
    say!(
        "Tabell 1 ur aggregaten: median {:.2} ms, p95 {:.2} ms (21 körningar); länet {} personer",
        median(runs.clone()).as_secs_f64() * 1e3,
        p95(runs.clone()).as_secs_f64() * 1e3,
        table.county.counts.total()
    );
    say!(
        "Tabell 1 omräknad ur insatserna i samma databas: {:.0} ms",
        recount_time.as_secs_f64() * 1e3
    );

    let script = format!(
        r#"
import duckdb, time, statistics
con = duckdb.connect()
con.execute("SET enable_progress_bar = false")
con.execute("CREATE TABLE a AS SELECT * FROM read_csv('{path}', header=true, types={{'personnummer':'VARCHAR','kommunkod':'VARCHAR','datum':'DATE','kva_kod':'VARCHAR','utforare':'VARCHAR','minuter':'INTEGER'}})")
q = '''
WITH pm AS (SELECT DISTINCT personnummer, kommunkod FROM a WHERE datum >= DATE '{y}-01-01' AND datum < DATE '{y1}-01-01'),
p AS (SELECT personnummer, CASE WHEN CAST(substr(personnummer, 11, 1) AS INTEGER) % 2 = 1 THEN 'M' ELSE 'K' END AS sex,
      CASE WHEN {y} - CAST(substr(personnummer, 1, 4) AS INTEGER) < 65 THEN '0-64' WHEN {y} - CAST(substr(personnummer, 1, 4) AS INTEGER) < 80 THEN '65-79' ELSE '80+' END AS grp
      FROM (SELECT DISTINCT personnummer FROM pm))
SELECT pm.kommunkod AS area, p.sex, p.grp, count(*) FROM pm JOIN p USING (personnummer) GROUP BY ALL
UNION ALL SELECT 'county', sex, grp, count(*) FROM p GROUP BY ALL
'''
times = []
for _ in range(7):
    t = time.perf_counter(); rows = con.execute(q).fetchall(); times.append(time.perf_counter() - t)
county = sum(r[3] for r in rows if r[0] == 'county')
print(f"{{statistics.median(times)*1000:.2f}} {{county}} {{duckdb.__version__}}")
"#,
        path = csv_path.display(),
        y = scale.year,
        y1 = scale.year + 1
    );
    match std::process::Command::new("python3")
        .arg("-c")
        .arg(&script)
        .output()
    {
        Ok(o) if o.status.success() => {
            let text = String::from_utf8_lossy(&o.stdout);
            let mut parts = text.lines().last().unwrap_or("").split_whitespace();
            let duck_ms: f64 = parts
                .next()
                .and_then(|v| v.parse().ok())
                .context("DuckDB:s tid")?;
            let duck_county: i64 = parts
                .next()
                .and_then(|v| v.parse().ok())
                .context("DuckDB:s länsrad")?;
            let version = parts.next().unwrap_or("?");
            anyhow::ensure!(
                duck_county == table.county.counts.total(),
                "DuckDB räknar {duck_county} personer i länet, samsyn {}",
                table.county.counts.total()
            );
            let ours = median(runs).as_secs_f64() * 1e3;
            say!(
                "DuckDB {version}, samma fråga över samma rader i minnet: median {duck_ms:.2} ms (7 körningar)"
            );
            say!("Kvot DuckDB / samsyn: {:.1}×", duck_ms / ours);
        }
        Ok(o) => say!(
            "DuckDB kördes inte: {}",
            String::from_utf8_lossy(&o.stderr)
                .lines()
                .last()
                .unwrap_or("okänt fel")
        ),
        Err(e) => say!("DuckDB kördes inte ({e}); installera med pip install duckdb"),
    }
    store.close().await;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn generated_persons_are_distinct_and_valid() {
        let mut seen = std::collections::HashSet::new();
        for i in 0..50_000 {
            let p = super::person(i, 2025);
            assert!(
                samsyn_domain::person::PersonNumber::parse(&p).is_ok(),
                "{p}"
            );
            assert!(seen.insert(p));
        }
    }
}
