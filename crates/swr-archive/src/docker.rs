//! Docker's `manifest.json` layout (`docker save`, podman, skopeo `docker-archive:`), and the
//! lookup of JSON documents that every layout shares.

use crate::config::DockerManifestItem;
use crate::finding::{Findings, Rule};
use crate::image::{self, ImageSource};
use crate::naming;
use crate::report::ImageReport;
use crate::scan::{Content, Inventory, MAX_DOCUMENT};
use crate::stream::sha256_hex;

/// The bytes of a JSON document the structure needs, or a finding saying why they are missing.
pub fn document<'a>(inv: &'a Inventory, path: &str, findings: &mut Findings) -> Option<&'a [u8]> {
    let Some((_, entry)) = inv.resolve(path) else {
        if inv.complete {
            findings.error(
                Rule::ManifestMissingEntry,
                Some(path),
                format!("`{path}` is not in the archive"),
            );
        }
        return None;
    };
    match &entry.content {
        Content::Document(bytes) => Some(bytes),
        Content::DocumentTooLarge => {
            let m = format!(
                "`{path}` is {} bytes; JSON documents are capped at {MAX_DOCUMENT}",
                entry.size
            );
            findings.error(Rule::JsonTooLarge, Some(path), m);
            None
        }
        Content::DocumentDropped => {
            let m =
                format!("`{path}` was not kept: the archive holds more JSON than any image needs");
            findings.error(Rule::JsonTooLarge, Some(path), m);
            None
        }
        _ => {
            findings.error(
                Rule::JsonInvalid,
                Some(path),
                format!("`{path}` is not a JSON document"),
            );
            None
        }
    }
}

/// Images listed by `manifest.json`.
pub fn resolve(inv: &Inventory, manifest: &[u8], findings: &mut Findings) -> Vec<ImageReport> {
    let items: Vec<DockerManifestItem> = match serde_json::from_slice(manifest) {
        Ok(items) => items,
        Err(e) => {
            let m = format!("manifest.json is not a list of images: {e}");
            findings.error(Rule::JsonInvalid, Some("manifest.json"), m);
            return Vec::new();
        }
    };
    if items.is_empty() {
        findings.error(
            Rule::ManifestEmpty,
            Some("manifest.json"),
            "manifest.json lists no images",
        );
    }
    let mut images = Vec::new();
    for item in items {
        let Some(config_bytes) = document(inv, &item.config, findings) else {
            continue;
        };
        if let Some(expected) = digest_in_name(&item.config) {
            let actual = sha256_hex(config_bytes);
            if actual != expected {
                let m = format!(
                    "the config is named after sha256:{expected} but hashes to sha256:{actual}"
                );
                findings.error(Rule::ConfigDigestMismatch, Some(&item.config), m);
            }
        }
        let references = item.repo_tags.unwrap_or_default();
        if references.is_empty() {
            let m = "the image has no RepoTags (it was saved by id)";
            findings.warning(Rule::ReferenceUntagged, Some(&item.config), m);
        }
        for reference in &references {
            naming::check_reference(reference, findings);
        }
        let source = ImageSource {
            config_entry: &item.config,
            config_bytes,
            layer_entries: item.layers,
            references,
        };
        images.extend(image::analyse(inv, source, findings));
    }
    images
}

/// `<hex>.json` (Docker < 25) and `blobs/sha256/<hex>` (Docker ≥ 25) both name the config by
/// its digest.
fn digest_in_name(path: &str) -> Option<String> {
    let name = path.rsplit('/').next()?;
    let hex = name.strip_suffix(".json").unwrap_or(name);
    let is_hex = hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit());
    is_hex.then(|| hex.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_digest_comes_from_either_naming_scheme() {
        let hex = "a".repeat(64);
        assert_eq!(digest_in_name(&format!("{hex}.json")), Some(hex.clone()));
        assert_eq!(digest_in_name(&format!("blobs/sha256/{hex}")), Some(hex));
        assert_eq!(digest_in_name("config.json"), None);
    }
}
