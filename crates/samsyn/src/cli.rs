//! The command line. Every failure is one line on standard error and a non-zero exit.

use crate::demo;
use anyhow::{Context, bail};
use clap::{Parser, Subcommand};
use samsyn_domain::audit::{AuditEvent, Outcome, Purpose};
use samsyn_domain::{PartyCode, Role, RoleAssignment, UnitCode, Username, password};
use samsyn_store::users::{self, NewUser};
use samsyn_store::{Store, audit, sessions};
use std::io::{BufRead, BufReader, Read};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "samsyn",
    version,
    about = "samsyn – samverkan mellan region och kommuner i hälso- och sjukvård och omsorg"
)]
pub struct Cli {
    /// Database: sqlite://FILE (created on first start) or postgres://USER@HOST/DB.
    #[arg(
        long,
        global = true,
        env = "SAMSYN_DATABASE_URL",
        default_value = "sqlite://samsyn.db"
    )]
    database: String,
    /// Log format: text or json.
    #[arg(long, global = true, env = "SAMSYN_LOG_FORMAT", default_value = "text", value_parser = ["text", "json"])]
    log_format: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Serve the web app and the JSON API.
    Serve {
        #[arg(long, env = "SAMSYN_ADDR", default_value = "127.0.0.1:8080")]
        addr: SocketAddr,
        /// Load the demo data first and print the demo logins.
        #[arg(long)]
        demo: bool,
        /// Mark the session cookie Secure (when served over HTTPS).
        #[arg(long, env = "SAMSYN_SECURE_COOKIES")]
        secure_cookies: bool,
    },
    /// Load the demo data (parties, units, bodies, one user per role).
    Demo,
    /// Manage user accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Manage API tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// Import reference data from files.
    Import {
        #[command(subcommand)]
        command: ImportCommand,
    },
    /// The agreement's economy.
    Economy {
        #[command(subcommand)]
        command: EconomyCommand,
    },
    /// Follow-up reports.
    Report {
        #[command(subcommand)]
        command: ReportCommand,
    },
    /// Benchmarks, with their baselines in the same run.
    Bench {
        #[command(subcommand)]
        command: BenchCommand,
    },
    /// Test data.
    Generate {
        #[command(subcommand)]
        command: GenerateCommand,
    },
    /// Check that the audit log's hash chain is intact.
    VerifyAudit,
    /// Write a consistent copy of all data while the server runs.
    Backup {
        #[arg(long)]
        to: PathBuf,
    },
    /// Replace all data with a backup's.
    Restore {
        #[arg(long)]
        from: PathBuf,
    },
}

#[derive(Subcommand, Debug)]
enum UserCommand {
    /// Add a user with one role; the password is read from standard input.
    Add {
        #[arg(long)]
        username: String,
        /// admin, vardpersonal, samordnare, mas, sekreterare, ledamot or analytiker.
        #[arg(long)]
        role: String,
        #[arg(long)]
        unit: Option<String>,
        #[arg(long)]
        party: Option<String>,
        /// The collaboration body, for sekreterare and ledamot.
        #[arg(long)]
        body: Option<String>,
        /// The name shown in samsyn; defaults to the username.
        #[arg(long)]
        name: Option<String>,
        /// Read the password from standard input (required: passwords never go on the command line).
        #[arg(long, required = true)]
        password_stdin: bool,
    },
}

#[derive(Subcommand, Debug)]
enum ImportCommand {
    /// The KVÅ code table, as CSV with the header `kod,titel`; all or nothing.
    Kva { file: PathBuf },
    /// Care actions from an older system: `personnummer,kommunkod,datum,kva_kod,utforare,minuter`.
    Actions { file: PathBuf },
    /// Population figures: `kommunkod,ar,kon,aldersgrupp,antal`.
    Population { file: PathBuf },
    /// The tax base's yearly development: `ar,procent` (e.g. `2026,4.15`).
    TaxBase { file: PathBuf },
    /// Minutes (.txt, .md, .html, text-based .pdf) into the decisions register.
    Protocol {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Only show what was read; store nothing.
        #[arg(long)]
        dry_run: bool,
        /// Print what was read as JSON (one object per file, an array for several).
        #[arg(long)]
        json: bool,
        /// The body the minutes belong to (name or code), if the text does not say.
        #[arg(long)]
        body: Option<String>,
    },
}

#[derive(Subcommand, Debug)]
enum EconomyCommand {
    /// Sets a municipality's supplementary-amount base for a year, as decided.
    Base {
        #[arg(long)]
        municipality: String,
        #[arg(long)]
        year: i32,
        /// In kronor, with up to two decimals.
        #[arg(long)]
        amount: String,
        /// The decision that set it (body, date, paragraph).
        #[arg(long)]
        decision: String,
    },
}

#[derive(Subcommand, Debug)]
enum ReportCommand {
    /// Persons who received municipal health care during the year.
    Tabell1 {
        #[arg(long)]
        year: i32,
        #[arg(long, default_value = "csv", value_parser = ["csv", "json", "xlsx"])]
        format: String,
        /// The file to write (required for xlsx; otherwise standard output).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// The same as a share (%) of the population.
    Tabell2 {
        #[arg(long)]
        year: i32,
        #[arg(long, default_value = "csv", value_parser = ["csv", "json", "xlsx"])]
        format: String,
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// The supplementary amount per municipality for a year, step by step.
    Tillaggsbelopp {
        #[arg(long)]
        year: i32,
    },
    /// The invoice basis for psychiatric home care for a month (YYYY-MM), per patient.
    Psykiatri {
        #[arg(long)]
        month: String,
    },
}

#[derive(Subcommand, Debug)]
enum BenchCommand {
    /// Parses a corpus of protocols (at least --mb megabytes) against the floor of
    /// reading the same bytes and splitting them into lines.
    Import {
        #[arg(long, default_value_t = 50)]
        mb: usize,
        /// Folder with the real protocols to add to the corpus.
        #[arg(long, default_value = "../shared/domain/sources")]
        fixtures: PathBuf,
        /// The order the documents are parsed in (the goal is measured in turns).
        #[arg(long, value_enum, default_value_t = crate::bench_protocol::Order::Turns)]
        order: crate::bench_protocol::Order,
    },
    /// Imports --protocols protocols into the database (if it has fewer) and times searches.
    Search {
        #[arg(long, default_value_t = 10_000)]
        protocols: usize,
        #[arg(long, default_value = "../shared/domain/sources")]
        fixtures: PathBuf,
    },
    /// Imports a generated year of actions and times Tabell 1, against DuckDB.
    Stats {
        #[arg(long, default_value_t = 364_000)]
        persons: usize,
        #[arg(long, default_value_t = 18_000_000)]
        actions: usize,
        #[arg(long, default_value_t = 290)]
        municipalities: usize,
        #[arg(long, default_value_t = 2025)]
        year: i32,
        /// A database to benchmark on instead of a fresh SQLite file (it must be empty).
        #[arg(long = "bench-database")]
        bench_database: Option<String>,
    },
}

#[derive(Subcommand, Debug)]
enum GenerateCommand {
    /// Actions for a year whose Tabell 1 equals a given table (CSV as the report's).
    Actions {
        #[arg(long)]
        table: PathBuf,
        #[arg(long)]
        year: i32,
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Subcommand, Debug)]
enum TokenCommand {
    /// Print a new API token for `Authorization: Bearer …`.
    Create {
        #[arg(long)]
        username: String,
    },
}

/// Parses the command line; on an error, prints it on one line and gives the exit code.
pub fn parse() -> Result<Cli, ExitCode> {
    Cli::try_parse().map_err(|e| {
        use clap::error::ErrorKind;
        if matches!(
            e.kind(),
            ErrorKind::DisplayHelp
                | ErrorKind::DisplayVersion
                | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        ) {
            let _ = e.print();
            return if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
        let text = e.render().to_string();
        let first = text.lines().next().unwrap_or("ogiltiga argument");
        eprintln!(
            "samsyn: {} (se samsyn --help)",
            first.trim_start_matches("error: ")
        );
        ExitCode::from(2)
    })
}

pub fn init_logging(cli: &Cli) {
    let default = if matches!(cli.command, Command::Serve { .. }) {
        "info"
    } else {
        "warn"
    };
    let filter = tracing_subscriber::EnvFilter::try_from_env("SAMSYN_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(ansi);
    if cli.log_format == "json" {
        builder.json().init();
    } else {
        builder.init();
    }
}

pub async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    if let Command::Generate {
        command: GenerateCommand::Actions { table, year, out },
    } = &cli.command
    {
        let text = std::fs::read_to_string(table)
            .with_context(|| format!("kan inte läsa {}", table.display()))?;
        let csv = crate::generate::actions_for_table(&text, *year)?;
        std::fs::write(out, csv).with_context(|| format!("kan inte skriva {}", out.display()))?;
        say!("Insatser skrivna till {}.", out.display());
        return Ok(ExitCode::SUCCESS);
    }
    if let Command::Bench {
        command:
            BenchCommand::Import {
                mb,
                fixtures,
                order,
            },
    } = &cli.command
    {
        crate::out::emit(&crate::bench_protocol::import(fixtures, *mb, *order)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Command::Bench {
        command: BenchCommand::Search {
            protocols,
            fixtures,
        },
    } = &cli.command
    {
        let store = Store::open(&cli.database).await?;
        crate::out::emit(&crate::bench_protocol::search(&store, fixtures, *protocols).await?)?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Command::Bench {
        command:
            BenchCommand::Stats {
                persons,
                actions,
                municipalities,
                year,
                bench_database,
            },
    } = cli.command
    {
        anyhow::ensure!(
            persons > 0 && actions >= persons && (1..=8999).contains(&municipalities),
            "orimlig skala"
        );
        crate::bench::run(
            bench_database,
            crate::bench::Scale {
                persons,
                actions,
                municipalities,
                year,
            },
        )
        .await?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Command::Import {
        command:
            ImportCommand::Protocol {
                paths,
                dry_run: true,
                json,
                body,
            },
    } = &cli.command
    {
        let failed = crate::protocol_cli::dry_run(paths, body.as_deref(), *json)?;
        return Ok(if failed == 0 {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        });
    }
    let store = Store::open(&cli.database).await?;
    match cli.command {
        Command::Serve {
            addr,
            demo: with_demo,
            secure_cookies,
        } => {
            if with_demo {
                demo::load(&store).await?;
                crate::out::emit(&demo::login_help())?;
            }
            crate::serve::run(store, addr, secure_cookies).await?;
        }
        Command::Demo => {
            let loaded = demo::load(&store).await?;
            if loaded.added == 0 {
                say!("Demodata fanns redan; inget ändrades.");
            } else {
                say!("Demodata inläst ({} poster).", loaded.added);
            }
            crate::out::emit(&demo::login_help())?;
        }
        Command::User {
            command:
                UserCommand::Add {
                    username,
                    role,
                    unit,
                    party,
                    body,
                    name,
                    password_stdin: _,
                },
        } => {
            let username = Username::parse(&username)?;
            let assignment = RoleAssignment {
                role: Role::parse(&role)?,
                party: party.as_deref().map(PartyCode::parse).transpose()?,
                unit: unit.as_deref().map(UnitCode::parse).transpose()?,
                body,
            };
            let password_text = read_password()?;
            let password_hash = password::hash_new(&password_text)?;
            let display_name = name.unwrap_or_else(|| username.to_string());
            let mut tx = store.begin_write().await?;
            let detail = format!("användare {username}, roll {}", assignment.role);
            users::create_user(
                &mut tx,
                NewUser {
                    username: username.clone(),
                    display_name,
                    password_hash,
                    assignment,
                },
            )
            .await?;
            audit::append(
                &mut tx,
                &AuditEvent::system("cli", "user.create", Purpose::Administration, Outcome::Ok)
                    .with_detail(detail),
            )
            .await?;
            samsyn_store::commit(tx).await?;
            say!("Användaren {username} är skapad.");
        }
        Command::Token {
            command: TokenCommand::Create { username },
        } => {
            let username = Username::parse(&username)?;
            let mut tx = store.begin_write().await?;
            let Some(user_id) = users::find_user_id(&mut tx, &username).await? else {
                bail!("användaren {username} finns inte");
            };
            let token = sessions::create_api_token(&mut tx, user_id).await?;
            audit::append(
                &mut tx,
                &AuditEvent::system("cli", "token.create", Purpose::Administration, Outcome::Ok)
                    .with_detail(format!("API-token för {username}")),
            )
            .await?;
            samsyn_store::commit(tx).await?;
            say!("{token}");
        }
        Command::Import {
            command: ImportCommand::Kva { file },
        } => {
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("kan inte läsa {}", file.display()))?;
            let codes = samsyn_store::care::kva::parse_csv(&text)
                .map_err(|e| anyhow::anyhow!("{}: {}", file.display(), e.message))?;
            let n = store.import_kva(&codes, "cli").await?;
            say!("{n} KVÅ-koder inlästa från {}.", file.display());
        }
        Command::Import {
            command: ImportCommand::Actions { file },
        } => crate::stats_cli::import_actions(&store, &file).await?,
        Command::Import {
            command: ImportCommand::Population { file },
        } => crate::stats_cli::import_population(&store, &file).await?,
        Command::Report {
            command: ReportCommand::Tabell1 { year, format, out },
        } => crate::stats_cli::report(&store, "tabell1", year, &format, out.as_deref()).await?,
        Command::Report {
            command: ReportCommand::Tabell2 { year, format, out },
        } => crate::stats_cli::report(&store, "tabell2", year, &format, out.as_deref()).await?,
        Command::Import {
            command: ImportCommand::TaxBase { file },
        } => crate::stats_cli::import_tax_base(&store, &file).await?,
        Command::Import {
            command: ImportCommand::Protocol {
                paths, body, json, ..
            },
        } => {
            let failed = crate::protocol_cli::import(&store, &paths, body.as_deref(), json).await?;
            if failed > 0 {
                return Ok(ExitCode::FAILURE);
            }
        }
        Command::Economy {
            command:
                EconomyCommand::Base {
                    municipality,
                    year,
                    amount,
                    decision,
                },
        } => {
            let code = PartyCode::parse(&municipality)?;
            let ore = crate::stats_cli::parse_kronor(&amount)?;
            store
                .set_supplement_base(&code, year, ore, &decision, "cli")
                .await?;
            say!(
                "Basbeloppet för {code} {year} är {}.",
                samsyn_domain::economy::format_kronor(ore)
            );
        }
        Command::Report {
            command: ReportCommand::Tillaggsbelopp { year },
        } => crate::stats_cli::supplements(&store, year).await?,
        Command::Report {
            command: ReportCommand::Psykiatri { month },
        } => crate::stats_cli::invoice_basis(&store, &month).await?,
        Command::Bench { .. } => unreachable!("handled before the database is opened"),
        Command::Generate { .. } => unreachable!("handled before the database is opened"),
        Command::VerifyAudit => match store.verify_audit().await? {
            Ok(n) => say!("Granskningsloggen är hel: {n} poster verifierade."),
            Err(broken) => {
                eprintln!("samsyn: granskningsloggen är bruten: {broken}");
                return Ok(ExitCode::FAILURE);
            }
        },
        Command::Backup { to } => {
            let partial = to.with_extension("partial");
            let file = std::fs::File::create(&partial)
                .with_context(|| format!("kan inte skapa {}", partial.display()))?;
            let mut out = std::io::BufWriter::new(file);
            let summary = store.backup(&mut out).await?;
            std::io::Write::flush(&mut out)
                .with_context(|| format!("kan inte skriva {}", partial.display()))?;
            out.get_ref().sync_all()?;
            std::fs::rename(&partial, &to)
                .with_context(|| format!("kan inte skriva {}", to.display()))?;
            say!(
                "Säkerhetskopia skriven till {}: {} tabeller, {} rader.",
                to.display(),
                summary.tables,
                summary.rows
            );
        }
        Command::Restore { from } => {
            let file = std::fs::File::open(&from)
                .with_context(|| format!("kan inte läsa {}", from.display()))?;
            let summary = store.restore(BufReader::new(file)).await?;
            say!(
                "Återställt från {}: {} tabeller, {} rader.",
                from.display(),
                summary.tables,
                summary.rows
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The first line of standard input, without its line ending.
fn read_password() -> anyhow::Result<String> {
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .take(4096)
        .read_line(&mut line)
        .context("kan inte läsa lösenordet från standard in")?;
    let password = line.trim_end_matches(['\r', '\n']).to_owned();
    if password.is_empty() {
        bail!("lösenordet saknas: skriv det på standard in (--password-stdin)");
    }
    Ok(password)
}
