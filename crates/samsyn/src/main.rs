#![forbid(unsafe_code)]
//! The samsyn binary: configuration, start-up and the command line.

#[macro_use]
mod out;
mod bench;
mod bench_protocol;
mod cli;
mod demo;
mod generate;
mod protocol_cli;
mod serve;
mod stats_cli;

use std::process::ExitCode;

/// mimalloc rather than the system allocator: parsing and serving make many small,
/// short-lived strings, and it makes them about a tenth cheaper overall (see
/// docs/PERFORMANCE.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match cli::parse() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    cli::init_logging(&cli);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("samsyn: kan inte starta: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(cli::run(cli)) {
        Ok(code) => code,
        Err(e) => {
            // One line: the message and its causes, never a backtrace.
            let causes: Vec<String> = e.chain().map(|c| c.to_string()).collect();
            eprintln!("samsyn: {}", causes.join(": "));
            ExitCode::FAILURE
        }
    }
}
