//! Findings: what is wrong with an archive, where, and what the user should do about it.
//!
//! Every problem has a stable rule id (`layer.diff_id_mismatch`) that scripts and the UI can
//! branch on; the message carries the specifics and the advice is fixed per rule so the same
//! failure always reads the same way.

use serde::Serialize;

/// How bad a finding is. Errors make the archive invalid; warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

macro_rules! rules {
    ($( $variant:ident = $id:literal => $advice:literal, )*) => {
        /// Stable identifiers of the rules an archive is checked against.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Rule { $( $variant, )* }

        impl Rule {
            /// Every rule, for documentation and exhaustive tests.
            pub const ALL: &'static [Rule] = &[$( Rule::$variant, )*];

            /// The machine-readable id, stable across releases.
            pub fn id(self) -> &'static str {
                match self { $( Rule::$variant => $id, )* }
            }

            /// What the user can do about a breach of this rule.
            pub fn advice(self) -> &'static str {
                match self { $( Rule::$variant => $advice, )* }
            }
        }
    };
}

rules! {
    Cancelled = "validation.cancelled" => "Validation was stopped before the end; run it again for a verdict.",
    FileUnreadable = "file.unreadable" => "Check the path and the file's permissions.",
    FileEmpty = "file.empty" => "The file is empty; export the image again with `docker save -o FILE IMAGE`.",
    CompressionCorrupt = "compression.corrupt" => "The compressed stream is damaged or truncated; copy or export the archive again.",
    CompressionUnsupported = "compression.unsupported" => "Use an uncompressed tar, gzip or zstd (with a window of at most 16 MiB).",
    TarCorrupt = "tar.corrupt" => "This is not a readable tar file (or it is damaged); export the image again.",
    TarTruncated = "tar.truncated" => "The archive ends early, probably an interrupted copy or download; copy it again.",
    TarAbsolutePath = "tar.absolute_path" => "Image archives use relative names only; re-create the archive with `docker save` or `skopeo copy`.",
    TarParentTraversal = "tar.parent_traversal" => "Entries must not climb out of the archive with `..`; do not use this archive.",
    TarDuplicateEntry = "tar.duplicate_entry" => "Each name may appear once; re-create the archive rather than appending to it.",
    TarNonUtf8Path = "tar.non_utf8_path" => "Archive entry names must be UTF-8; re-create the archive.",
    TarUnsupportedEntry = "tar.unsupported_entry" => "Only files, directories and symlinks may appear at the top level of an image archive.",
    TarSymlinkEscape = "tar.symlink_escape" => "Symlinks must point inside the archive; do not use this archive.",
    TarSymlinkDangling = "tar.symlink_dangling" => "A symlink points at an entry that is not in the archive; export the image again.",
    TarTooManyEntries = "tar.too_many_entries" => "The archive has more top-level entries than any image archive needs; check that it is an image archive.",
    JsonTooLarge = "json.too_large" => "JSON documents in image archives are small; this one exceeds the size cap, so the archive is not trusted.",
    JsonInvalid = "json.invalid" => "The JSON document does not parse or has the wrong shape; export the image again.",
    FormatUnknown = "format.unknown" => "Neither manifest.json nor oci-layout/index.json was found; save the image with `docker save` or `skopeo copy ... docker-archive:` / `oci-archive:`.",
    ManifestEmpty = "manifest.empty" => "The archive lists no image; save at least one image into it.",
    ManifestMissingEntry = "manifest.missing_entry" => "A file named by the manifest is absent; export the image again.",
    ConfigDigestMismatch = "config.digest_mismatch" => "The image config does not hash to its name; the archive was modified or damaged.",
    ConfigInvalid = "config.invalid" => "The image config is not a valid image configuration; export the image again.",
    RootfsType = "config.rootfs_type" => "rootfs.type must be \"layers\"; export the image again with a current tool.",
    LayerCountMismatch = "config.layer_count_mismatch" => "The config lists a different number of layers (diff_ids) than the manifest; export the image again.",
    LayerDiffIdMismatch = "layer.diff_id_mismatch" => "The layer's uncompressed content does not hash to its diff_id; the layer was modified or damaged.",
    LayerNotTar = "layer.not_tar" => "Layers must be tar streams (optionally gzip or zstd compressed); export the image again.",
    LayerTooLarge = "layer.too_large" => "SWR refuses layers above 10 GB; split the content over several layers or slim the image.",
    LayerCountHigh = "layer.count_high" => "More than 20 layers push slowly to SWR; merge RUN steps or use a multi-stage build.",
    LayerFilesCapped = "layer.files_capped" => "The efficiency analysis stopped tracking files at its cap; its figures are lower bounds.",
    BlobDigestMismatch = "blob.digest_mismatch" => "A blob does not hash to its name; the archive was modified or damaged.",
    BlobUnsupportedAlgorithm = "blob.unsupported_algorithm" => "Only sha256 blobs are supported by SWR; re-create the image with sha256 digests.",
    IndexDescriptorMismatch = "index.descriptor_mismatch" => "A descriptor's size or digest disagrees with its blob; export the image again.",
    IndexPlatformMissing = "index.platform_missing" => "The index names a platform whose blobs are not in the archive; only the platforms present will be pushed.",
    IndexInvalid = "index.invalid" => "The OCI index or image manifest is malformed; export the image again.",
    ReferenceInvalid = "reference.invalid" => "Tag the image as `name:tag` (for example `myorg/app:1.0`) before saving it.",
    ReferenceUntagged = "reference.untagged" => "The image has no tag; tag it before saving, or choose a target name when pushing.",
    SwrNamespace = "swr.organization" => "Rename the organization to meet SWR's rules, or pick another target organization when pushing.",
    SwrRepository = "swr.repository" => "Rename the image to meet SWR's naming rules before pushing.",
    SwrTag = "swr.tag" => "Retag the image to meet SWR's tag rules before pushing.",
}

impl serde::Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

/// One problem found in one archive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Finding {
    pub severity: Severity,
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub rule: Rule,
    /// The archive file as the user named it.
    pub file: String,
    /// The archive entry, layer or image the finding is about, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entry: Option<String>,
    pub message: String,
    /// What to do about it.
    pub advice: &'static str,
}

/// Collects findings for one archive, stamping each with the file name and the rule's advice.
#[derive(Debug)]
pub struct Findings {
    file: String,
    items: Vec<Finding>,
}

/// The same finding can be reached many times (a corrupt entry read by several images);
/// past this many the list stops growing so output stays readable.
const MAX_FINDINGS: usize = 500;

impl Findings {
    pub fn new(file: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            items: Vec::new(),
        }
    }

    pub fn error(&mut self, rule: Rule, entry: Option<&str>, message: impl Into<String>) {
        self.push(Severity::Error, rule, entry, message.into());
    }

    pub fn warning(&mut self, rule: Rule, entry: Option<&str>, message: impl Into<String>) {
        self.push(Severity::Warning, rule, entry, message.into());
    }

    fn push(&mut self, severity: Severity, rule: Rule, entry: Option<&str>, message: String) {
        let entry = entry.map(str::to_owned);
        let duplicate = self
            .items
            .iter()
            .any(|f| f.rule == rule && f.entry == entry && f.message == message);
        if duplicate || self.items.len() >= MAX_FINDINGS {
            return;
        }
        self.items.push(Finding {
            severity,
            rule,
            file: self.file.clone(),
            entry,
            message,
            advice: rule.advice(),
        });
    }

    pub fn into_vec(self) -> Vec<Finding> {
        self.items
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn rule_ids_are_unique_and_dotted() {
        let mut seen = HashSet::new();
        for rule in Rule::ALL {
            assert!(seen.insert(rule.id()), "duplicate id {}", rule.id());
            assert!(rule.id().contains('.'), "{} lacks a category", rule.id());
            assert!(!rule.advice().is_empty());
        }
    }

    #[test]
    fn findings_carry_file_and_advice_and_drop_repeats() {
        let mut f = Findings::new("a.tar");
        f.error(Rule::TarTruncated, Some("x/layer.tar"), "ends early");
        f.error(Rule::TarTruncated, Some("x/layer.tar"), "ends early");
        f.warning(Rule::LayerCountHigh, None, "25 layers");
        let items = f.into_vec();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].file, "a.tar");
        assert_eq!(items[0].advice, Rule::TarTruncated.advice());
        let json = serde_json::to_value(&items[0]).unwrap();
        assert_eq!(json["rule"], "tar.truncated");
        assert_eq!(json["severity"], "error");
    }
}
