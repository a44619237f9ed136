//! Reads and validates container image archives before anything is sent to SWR.
//!
//! An archive is read once, front to back, whatever its compression (`.tar`, `.tar.gz`,
//! `.tar.zst`, told apart by magic bytes): every entry is checked for tar safety and hashed as it
//! streams past, layers are decompressed, hashed and listed on the fly, and small JSON documents
//! are kept. Only then is the structure resolved (Docker `manifest.json`, the OCI layout, or
//! both), because tools write entries in any order. Memory stays bounded: layer content is
//! never held and nothing is written to disk.
//!
//! Nothing here panics on bad input; every problem becomes a [`Finding`] with a stable rule id,
//! the entry concerned and advice.

pub mod config;
mod docker;
mod efficiency;
mod finding;
mod hints;
mod image;
mod layer_files;
mod naming;
mod oci;
pub mod reference;
mod report;
mod scan;
mod stream;
mod tarstream;
mod watch;

#[cfg(feature = "fixtures")]
pub mod fixtures;

use std::fs::File;
use std::io::Read;
use std::path::Path;

use serde::Serialize;

pub use finding::{Finding, Rule, Severity};
pub use hints::{config_hints, HINT_IDS};
pub use image::{MANY_LAYERS, MAX_LAYER_BYTES};
pub use report::{
    ArchiveFormat, ArchiveReport, Efficiency, FileSize, Hint, ImageReport, LayerReport, Platform,
};
pub use stream::Compression;
pub use watch::Watch;

/// The outcome of validating one archive.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Validation {
    pub file: String,
    /// Errors and warnings, errors first.
    pub findings: Vec<Finding>,
    pub report: ArchiveReport,
}

impl Validation {
    /// True when no finding is an error.
    pub fn is_valid(&self) -> bool {
        self.findings.iter().all(|f| f.severity != Severity::Error)
    }

    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
    }
}

/// Validates the archive at `path`. An unreadable file is a finding, not an error.
pub fn validate_path(path: &Path) -> Validation {
    validate_path_watched(path, Watch::default())
}

/// [`validate_path`] with progress and cancellation.
pub fn validate_path_watched(path: &Path, watch: Watch<'_>) -> Validation {
    let name = path.display().to_string();
    match File::open(path) {
        Ok(file) => {
            let size = file.metadata().map(|m| m.len()).ok();
            let mut validation = validate_reader_watched(file, &name, watch);
            // A scan stopped by damage has not read the whole file; report its real size.
            if let Some(size) = size {
                validation.report.file_size = size;
            }
            validation
        }
        Err(e) => {
            let mut findings = finding::Findings::new(name.clone());
            findings.error(
                Rule::FileUnreadable,
                None,
                format!("cannot open the file: {e}"),
            );
            finish(name, findings, empty_report(Compression::None, 0, None))
        }
    }
}

/// Validates an archive read from any stream; `name` is how findings refer to it.
pub fn validate_reader<R: Read + Send>(reader: R, name: &str) -> Validation {
    validate_reader_watched(reader, name, Watch::default())
}

/// [`validate_reader`] with progress and cancellation.
pub fn validate_reader_watched<R: Read + Send>(
    reader: R,
    name: &str,
    watch: Watch<'_>,
) -> Validation {
    let mut findings = finding::Findings::new(name);
    let inventory = scan::scan(reader, watch, &mut findings);
    let (format, images) = if inventory.complete {
        resolve(&inventory, &mut findings)
    } else {
        (None, Vec::new())
    };
    let report = ArchiveReport {
        format,
        compression: inventory.outer,
        file_size: inventory.file_size,
        images,
    };
    finish(name.to_owned(), findings, report)
}

fn resolve(
    inv: &scan::Inventory,
    findings: &mut finding::Findings,
) -> (Option<ArchiveFormat>, Vec<ImageReport>) {
    warn_dangling_symlinks(inv, findings);
    let has_manifest = inv.entries.contains_key("manifest.json");
    let has_index =
        inv.entries.contains_key("index.json") && inv.entries.contains_key("oci-layout");
    oci::check_blobs(inv, findings);
    let format = match (has_manifest, has_index) {
        (true, false) => ArchiveFormat::DockerArchive,
        (true, true) => ArchiveFormat::DockerOciLayout,
        (false, true) => ArchiveFormat::OciArchive,
        (false, false) => {
            let m = "no manifest.json, and no oci-layout with index.json: not an image archive";
            findings.error(Rule::FormatUnknown, None, m);
            return (None, Vec::new());
        }
    };
    let mut images = Vec::new();
    if has_index {
        if let Some(index) = docker::document(inv, "index.json", findings) {
            images = oci::resolve(inv, index, !has_manifest, findings);
        }
    }
    if has_manifest {
        if let Some(manifest) = docker::document(inv, "manifest.json", findings) {
            images = docker::resolve(inv, manifest, findings);
        }
    }
    (Some(format), images)
}

fn warn_dangling_symlinks(inv: &scan::Inventory, findings: &mut finding::Findings) {
    for (path, entry) in &inv.entries {
        if let scan::EntryKind::Symlink(target) = &entry.kind {
            if inv.resolve(path).is_none() {
                let m =
                    format!("symlink `{path}` points at `{target}`, which is not in the archive");
                findings.warning(Rule::TarSymlinkDangling, Some(path), m);
            }
        }
    }
}

fn empty_report(
    compression: Compression,
    file_size: u64,
    format: Option<ArchiveFormat>,
) -> ArchiveReport {
    ArchiveReport {
        format,
        compression,
        file_size,
        images: Vec::new(),
    }
}

fn finish(file: String, findings: finding::Findings, report: ArchiveReport) -> Validation {
    let mut findings = findings.into_vec();
    // Stable sort: errors first, each group in discovery order.
    findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
    Validation {
        file,
        findings,
        report,
    }
}
