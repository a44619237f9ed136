//! One image, whatever the archive format: its config checked against its layers, and the report
//! built from what the scan recorded.

use crate::config::ImageConfig;
use crate::efficiency;
use crate::finding::{Findings, Rule};
use crate::hints;
use crate::layer_files::{FileCap, LayerFiles};
use crate::report::{ImageReport, LayerReport, Platform};
use crate::scan::{Content, Inventory, MAX_LAYER_PATH_BYTES};
use crate::stream::{sha256_hex, Compression};

/// SWR refuses layers above 10 GB.
pub const MAX_LAYER_BYTES: u64 = 10_000_000_000;
/// SWR pushes at most 20 layers at a time per tenant; more is slow and a warning.
pub const MANY_LAYERS: usize = 20;

/// Where an image's parts are, as its manifest names them.
pub struct ImageSource<'a> {
    pub config_entry: &'a str,
    pub config_bytes: &'a [u8],
    pub layer_entries: Vec<String>,
    pub references: Vec<String>,
}

/// Checks the config and layers of one image and builds its report; `None` when the config
/// cannot be read at all.
pub fn analyse(
    inv: &Inventory,
    source: ImageSource<'_>,
    findings: &mut Findings,
) -> Option<ImageReport> {
    let config_entry = source.config_entry;
    let config: ImageConfig = match serde_json::from_slice(source.config_bytes) {
        Ok(c) => c,
        Err(e) => {
            findings.error(
                Rule::ConfigInvalid,
                Some(config_entry),
                format!("the image config does not parse: {e}"),
            );
            return None;
        }
    };
    if config.rootfs.kind != "layers" {
        let m = format!("rootfs.type is `{}`, expected `layers`", config.rootfs.kind);
        findings.error(Rule::RootfsType, Some(config_entry), m);
    }
    let diff_ids = &config.rootfs.diff_ids;
    if diff_ids.len() != source.layer_entries.len() {
        let m = format!(
            "the config lists {} diff_ids but the manifest names {} layers",
            diff_ids.len(),
            source.layer_entries.len()
        );
        findings.error(Rule::LayerCountMismatch, Some(config_entry), m);
    }
    let mut layers = Vec::new();
    let mut files: Vec<&LayerFiles> = Vec::new();
    for (index, entry) in source.layer_entries.iter().enumerate() {
        let Some((_, found)) = inv.resolve(entry) else {
            if inv.complete {
                let m = format!(
                    "layer {index} (`{entry}`) is named by the manifest but not in the archive"
                );
                findings.error(Rule::ManifestMissingEntry, Some(entry), m);
            }
            continue;
        };
        let blob = match &found.content {
            Content::Blob(blob) => blob,
            Content::Unreadable {
                compression: c,
                reason,
            } if *c != Compression::None => {
                findings.error(
                    Rule::CompressionCorrupt,
                    Some(entry),
                    format!("layer {index}: {reason}"),
                );
                continue;
            }
            Content::Unreadable { reason, .. } => {
                findings.error(
                    Rule::LayerNotTar,
                    Some(entry),
                    format!("layer {index}: {reason}"),
                );
                continue;
            }
            _ => {
                findings.error(
                    Rule::LayerNotTar,
                    Some(entry),
                    format!("layer {index} is not a tar stream"),
                );
                continue;
            }
        };
        let diff_id = format!("sha256:{}", blob.uncompressed_sha256);
        if let Some(expected) = diff_ids.get(index) {
            if *expected != diff_id {
                let m = format!(
                    "layer {index} unpacks to {diff_id}, but the config's diff_id is {expected}"
                );
                findings.error(Rule::LayerDiffIdMismatch, Some(entry), m);
            }
        }
        if found.size > MAX_LAYER_BYTES {
            let m = format!(
                "layer {index} is {} bytes; SWR accepts at most {MAX_LAYER_BYTES}",
                found.size
            );
            findings.error(Rule::LayerTooLarge, Some(entry), m);
        }
        layers.push(LayerReport {
            diff_id,
            entry: entry.clone(),
            compression: blob.compression,
            stored_size: found.size,
            uncompressed_size: blob.uncompressed_size,
            entries: blob.files.total_entries,
        });
        files.push(&blob.files);
    }
    if source.layer_entries.len() > MANY_LAYERS {
        let m = format!(
            "{} layers; SWR works best with at most {MANY_LAYERS}",
            source.layer_entries.len()
        );
        findings.warning(Rule::LayerCountHigh, Some(config_entry), m);
    }
    let (efficiency, final_fs) = efficiency::analyse(&files, inv.files_capped.is_some());
    if efficiency.capped {
        let m = match inv.files_capped {
            Some(FileCap::PathBytes) => format!(
                "the layers' file paths total more than {} MiB, the most the analysis tracks per archive",
                MAX_LAYER_PATH_BYTES >> 20
            ),
            _ => "some layers have more files than the analysis tracks".to_owned(),
        };
        findings.warning(Rule::LayerFilesCapped, Some(config_entry), m);
    }
    let container = config.config.unwrap_or_default();
    let mut report = ImageReport {
        references: source.references,
        config_digest: format!("sha256:{}", sha256_hex(source.config_bytes)),
        platform: Platform {
            os: config.os.unwrap_or_default(),
            architecture: config.architecture.unwrap_or_default(),
            variant: config.variant,
        },
        created: config.created,
        entrypoint: container.entrypoint,
        cmd: container.cmd,
        user: container.user.filter(|u| !u.is_empty()),
        working_dir: container.working_dir.filter(|w| !w.is_empty()),
        exposed_ports: container
            .exposed_ports
            .unwrap_or_default()
            .into_keys()
            .collect(),
        labels: container.labels.unwrap_or_default(),
        env_names: container
            .env
            .unwrap_or_default()
            .iter()
            .map(|kv| {
                kv.split_once('=')
                    .map_or(kv.as_str(), |(k, _)| k)
                    .to_owned()
            })
            .collect(),
        healthcheck: container.healthcheck.is_some_and(|h| h.is_enabled()),
        // Saturating: a manifest may list one large layer many times.
        stored_size: layers
            .iter()
            .map(|l| l.stored_size)
            .fold(0, u64::saturating_add),
        uncompressed_size: layers
            .iter()
            .map(|l| l.uncompressed_size)
            .fold(0, u64::saturating_add),
        layers,
        efficiency: None,
        hints: Vec::new(),
    };
    report.hints = hints::hints(&report, &files, &final_fs);
    report.efficiency = Some(efficiency);
    Some(report)
}
