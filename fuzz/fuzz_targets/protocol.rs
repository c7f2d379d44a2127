//! The protocol importer on any bytes: decoding and parsing may refuse, never panic.
//! Run: `RUSTC_BOOTSTRAP=1 cargo fuzz run protocol -- -max_total_time=300` (in fuzz/).
#![no_main]

use libfuzzer_sys::fuzz_target;
use samsyn_domain::protocol::{self, Hints};

fuzz_target!(|data: &[u8]| {
    // PDFs go through the PDF library, which has its own fuzzing; the text path is ours.
    if data.starts_with(b"%PDF") {
        return;
    }
    if let Ok((text, _)) = protocol::decode(data) {
        let _ = protocol::parse(&text, &Hints { file_name: Some("x.txt".into()), body: None });
    }
});
