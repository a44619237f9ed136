//! The file list of one layer, collected while the layer streams past for hashing.
//!
//! Only paths, sizes and kinds are kept (never content), and the total number of records kept
//! across an archive is capped so a layer with millions of files cannot exhaust memory; the
//! efficiency analysis reports when it worked from a capped list.

use std::io::Read;

use crate::tarstream::{TarError, TarKind, TarReader};

/// What a layer entry does to the image filesystem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayerEntryKind {
    File,
    Directory,
    Symlink,
    Hardlink,
    /// `.wh.<name>`: deletes `<name>` from lower layers.
    Whiteout,
    /// `.wh..wh..opq`: hides the lower layers' contents of its directory.
    OpaqueDirectory,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayerEntry {
    /// Normalised path without a leading `/` or `./`; for whiteouts, the path deleted.
    pub path: String,
    pub size: u64,
    pub kind: LayerEntryKind,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LayerFiles {
    pub entries: Vec<LayerEntry>,
    /// Entries seen (including those not kept because of the cap).
    pub total_entries: u64,
    /// Bytes of regular file content in the layer.
    pub file_bytes: u64,
    /// The cap was reached; `entries` is a prefix of the layer.
    pub capped: bool,
}

/// Shared budget of entry records across an archive.
#[derive(Debug)]
pub struct FileBudget {
    pub remaining: usize,
    pub exhausted: bool,
}

impl FileBudget {
    pub fn new(limit: usize) -> Self {
        Self {
            remaining: limit,
            exhausted: false,
        }
    }
}

/// Reads a layer's tar stream to its end-of-archive marker, listing its entries.
/// The caller drains whatever follows (padding) so the layer's digest covers every byte.
pub fn list_layer<R: Read>(
    reader: R,
    scratch: &mut [u8],
    budget: &mut FileBudget,
) -> Result<(LayerFiles, R), TarError> {
    let mut tar = TarReader::new(reader);
    let mut files = LayerFiles::default();
    while let Some(header) = tar.next_entry(scratch)? {
        files.total_entries += 1;
        if header.kind == TarKind::File {
            files.file_bytes = files.file_bytes.saturating_add(header.size);
        }
        if budget.remaining == 0 {
            budget.exhausted = true;
            files.capped = true;
            continue;
        }
        budget.remaining -= 1;
        files
            .entries
            .push(classify(&header.path, header.size, header.kind));
    }
    Ok((files, tar.into_inner()))
}

fn classify(raw: &[u8], size: u64, kind: TarKind) -> LayerEntry {
    let path = normalise(&String::from_utf8_lossy(raw));
    let (dir, base) = match path.rsplit_once('/') {
        Some((d, b)) => (Some(d), b),
        None => (None, path.as_str()),
    };
    let join = |name: &str| match dir {
        Some(d) => format!("{d}/{name}"),
        None => name.to_owned(),
    };
    if base == ".wh..wh..opq" {
        return LayerEntry {
            path: dir.unwrap_or("").to_owned(),
            size: 0,
            kind: LayerEntryKind::OpaqueDirectory,
        };
    }
    if let Some(target) = base.strip_prefix(".wh.") {
        return LayerEntry {
            path: join(target),
            size: 0,
            kind: LayerEntryKind::Whiteout,
        };
    }
    let kind = match kind {
        TarKind::File => LayerEntryKind::File,
        TarKind::Directory => LayerEntryKind::Directory,
        TarKind::Symlink => LayerEntryKind::Symlink,
        TarKind::Hardlink => LayerEntryKind::Hardlink,
        TarKind::Other(_) => LayerEntryKind::Other,
    };
    let size = if kind == LayerEntryKind::File {
        size
    } else {
        0
    };
    LayerEntry { path, size, kind }
}

/// Layer paths come as `./etc/x`, `etc/x`, `/etc/x` or `etc/`; all mean the same file.
pub fn normalise(path: &str) -> String {
    path.split('/')
        .filter(|c| !c.is_empty() && *c != ".")
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_whiteouts_and_normalises_paths() {
        let e = classify(b"./var/lib/.wh.dpkg", 0, TarKind::File);
        assert_eq!(
            e,
            LayerEntry {
                path: "var/lib/dpkg".into(),
                size: 0,
                kind: LayerEntryKind::Whiteout
            }
        );
        let e = classify(b"tmp/.wh..wh..opq", 0, TarKind::File);
        assert_eq!(e.kind, LayerEntryKind::OpaqueDirectory);
        assert_eq!(e.path, "tmp");
        assert_eq!(
            classify(b"/etc//passwd", 12, TarKind::File).path,
            "etc/passwd"
        );
        assert_eq!(classify(b"etc/", 0, TarKind::Directory).path, "etc");
    }
}
