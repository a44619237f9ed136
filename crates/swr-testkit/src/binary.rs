//! Which `swr-sandbox` binary the tests run.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Once;
use std::time::SystemTime;

/// `<target>/<profile>`, from the path of the running test binary
/// (`<target>/<profile>/deps/<test>`).
fn target_profile_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("test executable path");
    exe.parent()
        .and_then(Path::parent)
        .expect("test binary lives in <target>/<profile>/deps")
        .to_path_buf()
}

/// Newest modification time of the files under `dir`.
fn newest_source(dir: &Path, newest: &mut Option<SystemTime>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            newest_source(&path, newest);
        } else if let Ok(modified) = entry.metadata().and_then(|m| m.modified()) {
            if newest.is_none_or(|n| modified > n) {
                *newest = Some(modified);
            }
        }
    }
}

/// Whether the binary is missing or older than the sources it is built from.
fn needs_build(bin: &Path) -> bool {
    let Ok(built) = std::fs::metadata(bin).and_then(|m| m.modified()) else {
        return true;
    };
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut newest = None;
    for dir in ["swr-sandbox/src", "swr-api/src", "swr-rules/src"] {
        newest_source(&crates.join(dir), &mut newest);
    }
    newest.is_some_and(|n| n > built)
}

/// The sandbox binary: `SWR_SANDBOX_BIN`, or `<target>/<profile>/swr-sandbox`, built with cargo
/// only when it is missing or stale. A workspace test run has already built it, and calling
/// cargo regardless could rebuild it with another feature set.
pub(crate) fn sandbox_bin() -> PathBuf {
    if let Some(bin) = std::env::var_os("SWR_SANDBOX_BIN") {
        return PathBuf::from(bin);
    }
    let dir = target_profile_dir();
    let bin = dir.join("swr-sandbox");
    static BUILD: Once = Once::new();
    BUILD.call_once(|| {
        if !needs_build(&bin) {
            return;
        }
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
        let mut cmd = Command::new(cargo);
        cmd.args([
            "build",
            "--quiet",
            "-p",
            "swr-sandbox",
            "--bin",
            "swr-sandbox",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"));
        if dir.file_name().is_some_and(|n| n == "release") {
            cmd.arg("--release");
        }
        let status = cmd.status().expect("cannot run cargo to build swr-sandbox");
        // Several test processes may build at once and one may lose a race another wins, so
        // only a missing binary is fatal.
        if !status.success() {
            eprintln!(
                "`cargo build -p swr-sandbox` failed; using the binary already built, if any"
            );
        }
    });
    assert!(
        bin.exists(),
        "swr-sandbox not found at {} (set SWR_SANDBOX_BIN to use another one)",
        bin.display()
    );
    bin
}
