//! `swrctl validate [--json] FILE...`: checks archives before they are pushed.
//!
//! Exit status is what pipelines branch on: 0 when every file is valid, 1 when any is invalid,
//! 2 for usage errors (from clap). With `--json` each file yields one JSON object on its own line
//! as soon as it is checked, so a long batch can be consumed as it goes.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;
use swr_archive::{ArchiveReport, Compression, Finding, ImageReport, Validation};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// One JSON object per file and per line (JSON Lines) instead of readable text.
    #[arg(long)]
    pub json: bool,
    /// Archives to check; `-` reads one from standard input (e.g. `docker save app | swrctl validate -`).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

/// The JSON Lines record for one file.
#[derive(Serialize)]
struct Record<'a> {
    file: &'a str,
    verdict: &'static str,
    errors: Vec<&'a Finding>,
    warnings: Vec<&'a Finding>,
    report: &'a ArchiveReport,
}

pub fn run(args: &Args) -> ExitCode {
    let mut all_valid = true;
    let stdout = io::stdout();
    for path in &args.files {
        let validation = if path.as_os_str() == "-" {
            swr_archive::validate_reader(io::stdin(), "-")
        } else {
            swr_archive::validate_path(path)
        };
        all_valid &= validation.is_valid();
        let text = if args.json {
            json_line(&validation)
        } else {
            human(&validation)
        };
        let mut out = stdout.lock();
        if out
            .write_all(text.as_bytes())
            .and_then(|()| out.flush())
            .is_err()
        {
            // The reader went away (e.g. `| head`); the exit status still tells the verdict.
            break;
        }
    }
    if all_valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn verdict(v: &Validation) -> &'static str {
    if v.is_valid() {
        "valid"
    } else {
        "invalid"
    }
}

fn json_line(v: &Validation) -> String {
    let record = Record {
        file: &v.file,
        verdict: verdict(v),
        errors: v.errors().collect(),
        warnings: v.warnings().collect(),
        report: &v.report,
    };
    match serde_json::to_string(&record) {
        Ok(mut line) => {
            line.push('\n');
            line
        }
        // Serialising plain data cannot fail; keep the line-per-file promise regardless.
        Err(e) => format!(
            "{{\"file\":{:?},\"verdict\":\"invalid\",\"errors\":[{:?}]}}\n",
            v.file,
            e.to_string()
        ),
    }
}

fn human(v: &Validation) -> String {
    let mut s = String::new();
    let r = &v.report;
    let format = r.format.map_or("unknown format".to_owned(), |f| name(&f));
    let compression = match r.compression {
        Compression::None => "uncompressed".to_owned(),
        other => name(&other),
    };
    let _ = writeln!(
        s,
        "{}: {} ({format}, {compression}, {})",
        v.file,
        verdict(v),
        size(r.file_size)
    );
    for image in &r.images {
        image_text(&mut s, image);
    }
    for f in &v.findings {
        let severity = format!("{:?}", f.severity).to_lowercase();
        let entry = f
            .entry
            .as_deref()
            .map(|e| format!(" {e}:"))
            .unwrap_or_default();
        let _ = writeln!(s, "  {severity} [{}]{entry} {}", f.rule.id(), f.message);
        let _ = writeln!(s, "      -> {}", f.advice);
    }
    s
}

fn image_text(s: &mut String, i: &ImageReport) {
    let names = if i.references.is_empty() {
        "<untagged>".to_owned()
    } else {
        i.references.join(", ")
    };
    let p = &i.platform;
    let variant = p
        .variant
        .as_deref()
        .map(|v| format!("/{v}"))
        .unwrap_or_default();
    let _ = writeln!(
        s,
        "  image {names}  {}/{}{variant}  {}",
        p.os, p.architecture, i.config_digest
    );
    let _ = writeln!(
        s,
        "    created {}  user {}  workdir {}",
        i.created.as_deref().unwrap_or("-"),
        i.user.as_deref().unwrap_or("(root)"),
        i.working_dir.as_deref().unwrap_or("-")
    );
    let _ = writeln!(
        s,
        "    entrypoint {:?}  cmd {:?}",
        i.entrypoint.as_deref().unwrap_or(&[]),
        i.cmd.as_deref().unwrap_or(&[])
    );
    if !i.exposed_ports.is_empty() {
        let _ = writeln!(s, "    ports {}", i.exposed_ports.join(", "));
    }
    if !i.labels.is_empty() {
        let labels: Vec<String> = i.labels.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let _ = writeln!(s, "    labels {}", labels.join(", "));
    }
    if !i.env_names.is_empty() {
        let _ = writeln!(s, "    env {} (values hidden)", i.env_names.join(", "));
    }
    let _ = writeln!(
        s,
        "    {} layers, {} stored, {} uncompressed",
        i.layers.len(),
        size(i.stored_size),
        size(i.uncompressed_size)
    );
    for (n, l) in i.layers.iter().enumerate() {
        let _ = writeln!(
            s,
            "      {n:>2} {}  {} {} -> {}  {} entries",
            short(&l.diff_id),
            name(&l.compression),
            size(l.stored_size),
            size(l.uncompressed_size),
            l.entries
        );
    }
    if let Some(e) = &i.efficiency {
        let capped = if e.capped { " (file lists capped)" } else { "" };
        let _ = writeln!(
            s,
            "    efficiency {:.1}%, {} wasted{capped}",
            e.score * 100.0,
            size(e.wasted_bytes)
        );
        for f in e.wasted_files.iter().take(5) {
            let _ = writeln!(
                s,
                "      wasted {} /{} (overwritten or deleted after layer {})",
                size(f.bytes),
                f.path,
                f.layer
            );
        }
        for f in e.largest_files.iter().take(5) {
            let _ = writeln!(
                s,
                "      largest {} /{} (layer {})",
                size(f.bytes),
                f.path,
                f.layer
            );
        }
    }
    for h in &i.hints {
        let _ = writeln!(s, "    hint [{}] {} -> {}", h.id, h.message, h.advice);
    }
}

/// The name a value has in JSON output, so text and JSON use the same words.
fn name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn short(digest: &str) -> &str {
    digest.get(..19).unwrap_or(digest)
}

fn size(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    let name = UNITS.get(unit).copied().unwrap_or("B");
    if unit == 0 {
        format!("{bytes} B")
    } else {
        format!("{value:.1} {name}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(size(512), "512 B");
        assert_eq!(size(1536), "1.5 KiB");
        assert_eq!(size(3 << 30), "3.0 GiB");
    }
}
