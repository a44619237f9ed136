//! Feeds arbitrary bytes to the archive reader: whatever the input, validation must return
//! findings, never panic, hang or allocate without bound.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let validation = swr_archive::validate_reader(data, "fuzz.tar");
    // Serialising walks every field the CLI and the UI show.
    let json = serde_json::to_string(&validation).unwrap_or_default();
    assert!(!json.is_empty());
});
