//! Writes the benchmark's large archives (see `scripts/bench-validate.sh`).
//!
//! `make-bench-archive plain|gzip|bomb FILE MIB`

use std::path::Path;
use std::process::ExitCode;

use swr_archive::fixtures::big::{write_archive, write_zero_bomb, Fill};
use swr_archive::Compression;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(kind), Some(path), Some(mib)) = (
        args.get(1),
        args.get(2),
        args.get(3).and_then(|m| m.parse::<u64>().ok()),
    ) else {
        eprintln!("usage: make-bench-archive plain|gzip|bomb FILE MIB");
        return ExitCode::from(2);
    };
    let path = Path::new(path);
    let bytes = mib * 1024 * 1024;
    // Four layers, like a small application image on a base.
    let result = match kind.as_str() {
        "plain" => write_archive(path, 4, bytes / 4, Fill::Random, Compression::None),
        "gzip" => write_archive(path, 4, bytes / 4, Fill::Text, Compression::Gzip),
        "bomb" => write_zero_bomb(path, bytes),
        _ => {
            eprintln!("unknown kind {kind}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
