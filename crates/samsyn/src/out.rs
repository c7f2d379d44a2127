//! Standard output for the command line.

/// Writes a report to standard output; a reader that stops early (a closed pipe, as
/// with `| head`) ends the output quietly instead of failing.
pub fn emit(text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// Prints a line with [`emit`]; returns early from the calling function on an error.
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::out::emit(&format!("{}\n", format!($($arg)*)))?
    };
}
