//! The OCI image layout (`oci-layout`, `index.json`, `blobs/<alg>/<hex>`): OCI archives on their
//! own, and the layout Docker 25+ writes next to `manifest.json`.
//!
//! Blobs are content-addressed, so every blob is checked against its name once; descriptors are
//! then checked for presence and size while walking from `index.json` down to image manifests.
//! The containerd store saves an index naming every platform of a multi-platform image but only
//! the blobs of the platforms pulled, so a missing child of a nested index is a warning.

use std::collections::BTreeMap;

use crate::config::{Descriptor, OciIndex, OciManifest, MEDIA_DOCKER_LIST, MEDIA_OCI_INDEX};
use crate::docker::document;
use crate::finding::{Findings, Rule};
use crate::image::{self, ImageSource};
use crate::naming;
use crate::report::ImageReport;
use crate::scan::{Entry, EntryKind, Inventory};

/// Deeper nesting than this is not produced by any tool and is refused (it could loop).
const MAX_DEPTH: usize = 4;

/// Checks that every `blobs/<alg>/<hex>` file hashes to its name.
pub fn check_blobs(inv: &Inventory, findings: &mut Findings) {
    for (path, entry) in inv
        .entries
        .range("blobs/".to_owned()..)
        .take_while(|(p, _)| p.starts_with("blobs/"))
    {
        let (EntryKind::File, Some(actual)) = (&entry.kind, &entry.sha256) else {
            continue;
        };
        let mut parts = path.split('/').skip(1);
        let (Some(alg), Some(hex), None) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        if alg != "sha256" {
            let m = format!("blob `{path}` uses `{alg}`, which SWR does not accept");
            findings.warning(Rule::BlobUnsupportedAlgorithm, Some(path), m);
        } else if hex != actual {
            let m = format!("blob `{path}` hashes to sha256:{actual}");
            findings.error(Rule::BlobDigestMismatch, Some(path), m);
        }
    }
}

/// Walks `index.json`. With `analyse`, image manifests become image reports; without (Docker
/// 25+, whose images come from `manifest.json`), only descriptors are checked.
pub fn resolve(
    inv: &Inventory,
    index: &[u8],
    analyse: bool,
    findings: &mut Findings,
) -> Vec<ImageReport> {
    if let Some(layout) = document(inv, "oci-layout", findings) {
        let ok = serde_json::from_slice::<serde_json::Value>(layout)
            .ok()
            .is_some_and(|v| v.get("imageLayoutVersion").is_some_and(|x| x.is_string()));
        if !ok {
            let m = "oci-layout must be a JSON object with a string imageLayoutVersion";
            findings.error(Rule::IndexInvalid, Some("oci-layout"), m);
        }
    }
    let mut walk = Walk {
        inv,
        analyse,
        images: Vec::new(),
        analysed: BTreeMap::new(),
    };
    walk.index("index.json", index, 0, &[], findings);
    walk.images
}

struct Walk<'a> {
    inv: &'a Inventory,
    analyse: bool,
    images: Vec<ImageReport>,
    /// Manifest path → index in `images`: several tags of one image share a manifest, and the
    /// image is analysed once with all its names.
    analysed: BTreeMap<String, usize>,
}

impl Walk<'_> {
    fn index(
        &mut self,
        path: &str,
        bytes: &[u8],
        depth: usize,
        refs: &[String],
        findings: &mut Findings,
    ) {
        let index: OciIndex = match serde_json::from_slice(bytes) {
            Ok(i) => i,
            Err(e) => {
                findings.error(
                    Rule::IndexInvalid,
                    Some(path),
                    format!("`{path}` is not an image index: {e}"),
                );
                return;
            }
        };
        if depth == 0 && index.manifests.is_empty() {
            findings.error(
                Rule::ManifestEmpty,
                Some(path),
                "index.json lists no images",
            );
        }
        for descriptor in &index.manifests {
            let mut refs = refs.to_vec();
            refs.extend(reference_of(descriptor));
            self.descriptor(descriptor, depth, &refs, findings);
        }
    }

    fn descriptor(
        &mut self,
        d: &Descriptor,
        depth: usize,
        refs: &[String],
        findings: &mut Findings,
    ) {
        if depth >= MAX_DEPTH {
            findings.error(
                Rule::IndexInvalid,
                Some(&d.digest),
                "indexes are nested too deeply",
            );
            return;
        }
        let Some(path) = self.blob(d, findings, depth > 0 && d.platform.is_some()) else {
            return;
        };
        let Some(bytes) = document(self.inv, &path, findings) else {
            return;
        };
        if d.media_type == MEDIA_OCI_INDEX || d.media_type == MEDIA_DOCKER_LIST {
            self.index(&path, bytes, depth + 1, refs, findings);
            return;
        }
        let manifest: OciManifest = match serde_json::from_slice(bytes) {
            Ok(m) => m,
            Err(e) => {
                findings.error(
                    Rule::IndexInvalid,
                    Some(&path),
                    format!("`{path}` is not an image manifest: {e}"),
                );
                return;
            }
        };
        let Some(config_path) = self.blob(&manifest.config, findings, false) else {
            return;
        };
        let mut layer_entries = Vec::new();
        for layer in &manifest.layers {
            layer_entries.extend(self.blob(layer, findings, false));
        }
        if !self.analyse || layer_entries.len() != manifest.layers.len() {
            return;
        }
        for r in refs {
            check_oci_reference(r, findings);
        }
        if let Some(image) = self
            .analysed
            .get(&path)
            .and_then(|&i| self.images.get_mut(i))
        {
            image.references.extend(refs.iter().cloned());
            return;
        }
        let Some(config_bytes) = document(self.inv, &config_path, findings) else {
            return;
        };
        if refs.is_empty() {
            let m = "the image has no reference annotation (it is untagged)";
            findings.warning(Rule::ReferenceUntagged, Some(&path), m);
        }
        let source = ImageSource {
            config_entry: &config_path,
            config_bytes,
            layer_entries,
            references: refs.to_vec(),
        };
        if let Some(report) = image::analyse(self.inv, source, findings) {
            self.analysed.insert(path, self.images.len());
            self.images.push(report);
        }
    }

    /// The archive path of a descriptor's blob after checking it is present with the right size.
    fn blob(
        &self,
        d: &Descriptor,
        findings: &mut Findings,
        optional_platform: bool,
    ) -> Option<String> {
        let Some((alg, hex)) = d
            .digest
            .split_once(':')
            .filter(|(a, h)| !a.is_empty() && !h.is_empty() && !h.contains('/'))
        else {
            findings.error(
                Rule::IndexInvalid,
                Some(&d.digest),
                format!("`{}` is not a digest", d.digest),
            );
            return None;
        };
        let path = format!("blobs/{alg}/{hex}");
        let Some((_, entry)) = self.inv.resolve(&path) else {
            if optional_platform {
                let platform = d
                    .platform
                    .as_ref()
                    .map(|p| {
                        let variant = p
                            .variant
                            .as_deref()
                            .map(|v| format!("/{v}"))
                            .unwrap_or_default();
                        format!("{}/{}{variant}", p.os, p.architecture)
                    })
                    .unwrap_or_default();
                let m = format!(
                    "platform {platform} ({}) is listed but its blobs are not included",
                    d.digest
                );
                findings.warning(Rule::IndexPlatformMissing, Some(&path), m);
            } else if self.inv.complete {
                let m = format!("`{path}` is referenced by a descriptor but not in the archive");
                findings.error(Rule::ManifestMissingEntry, Some(&path), m);
            }
            return None;
        };
        check_size(&path, entry, d, findings);
        Some(path)
    }
}

fn check_size(path: &str, entry: &Entry, d: &Descriptor, findings: &mut Findings) {
    if entry.size != d.size {
        let m = format!(
            "the descriptor says {} bytes, the blob has {}",
            d.size, entry.size
        );
        findings.error(Rule::IndexDescriptorMismatch, Some(path), m);
    }
}

/// The name a descriptor gives its image: containerd's full name, else the OCI ref name.
fn reference_of(d: &Descriptor) -> Option<String> {
    crate::reference::of_annotations(&d.annotations).map(str::to_owned)
}

/// An OCI ref name may be a bare tag (`1.0`); then only the tag can be checked.
fn check_oci_reference(r: &str, findings: &mut Findings) {
    if r.contains([':', '/']) {
        naming::check_reference(r, findings);
    } else if let Err(v) = swr_rules::validate_tag(r) {
        findings.error(Rule::SwrTag, Some(r), format!("tag `{r}`: {v}"));
    }
}
