//! The file list of one layer, collected while the layer streams past for hashing.
//!
//! Only paths, sizes and kinds are kept (never content), and both the number of records kept
//! across an archive and the bytes of their paths are capped, so neither millions of files nor
//! very long names can exhaust memory; the efficiency analysis reports when it worked from a
//! capped list.

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

/// Which limit of a [`FileBudget`] stopped the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileCap {
    /// Too many entries.
    Entries,
    /// Too many bytes of paths.
    PathBytes,
}

/// Shared budget of entry records across an archive: a number of records and the bytes of
/// their paths (a name may be 64 KiB long, so the count alone does not bound memory).
#[derive(Debug)]
pub struct FileBudget {
    pub remaining: usize,
    pub path_bytes_remaining: usize,
    /// The limit that ran out first; once set, no further entry is recorded.
    pub exhausted: Option<FileCap>,
}

impl FileBudget {
    pub fn new(entries: usize, path_bytes: usize) -> Self {
        Self {
            remaining: entries,
            path_bytes_remaining: path_bytes,
            exhausted: None,
        }
    }

    /// Takes one record of `path_bytes` from the budget, or records which limit ran out.
    fn take(&mut self, path_bytes: usize) -> bool {
        if self.exhausted.is_some() {
            return false;
        }
        if self.remaining == 0 {
            self.exhausted = Some(FileCap::Entries);
            return false;
        }
        let Some(left) = self.path_bytes_remaining.checked_sub(path_bytes) else {
            self.exhausted = Some(FileCap::PathBytes);
            return false;
        };
        self.remaining -= 1;
        self.path_bytes_remaining = left;
        true
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
        if budget.exhausted.is_some() {
            files.capped = true;
            continue;
        }
        let entry = classify(&header.path, header.size, header.kind);
        if budget.take(entry.path.len()) {
            files.entries.push(entry);
        } else {
            // Later entries are dropped too, so `entries` stays a prefix of the layer.
            files.capped = true;
        }
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

    /// A layer of empty files named `paths` (GNU long names past 100 bytes).
    fn layer_tar(paths: &[String]) -> Vec<u8> {
        let entries: Vec<_> = paths
            .iter()
            .map(|p| crate::fixtures::TarEntry::file(p.as_str(), Vec::new()))
            .collect();
        crate::fixtures::tar_bytes(&entries)
    }

    #[test]
    fn path_bytes_cap_stops_the_index_and_keeps_a_prefix() {
        let paths: Vec<String> = (0..10)
            .map(|i| format!("d{i}/{}", "p".repeat(297)))
            .collect();
        let tar = layer_tar(&paths);
        let mut scratch = vec![0u8; 4096];
        // Room for three 300-byte paths, and records to spare.
        let mut budget = FileBudget::new(100, 1_000);
        let (files, _) = list_layer(&tar[..], &mut scratch, &mut budget).unwrap();
        assert_eq!(files.total_entries, 10);
        assert_eq!(files.entries.len(), 3);
        assert_eq!(files.entries[2].path, paths[2]);
        assert!(files.capped);
        assert_eq!(budget.exhausted, Some(FileCap::PathBytes));
        assert_eq!(budget.path_bytes_remaining, 100);

        // A shorter path later does not slip in: the budget is spent for the archive.
        let (files, _) =
            list_layer(&layer_tar(&["a".into()])[..], &mut scratch, &mut budget).unwrap();
        assert!(files.entries.is_empty() && files.capped);
    }

    #[test]
    fn entry_cap_is_reported_as_such() {
        let paths: Vec<String> = (0..5).map(|i| format!("f{i}")).collect();
        let mut scratch = vec![0u8; 4096];
        let mut budget = FileBudget::new(2, 1 << 20);
        let (files, _) = list_layer(&layer_tar(&paths)[..], &mut scratch, &mut budget).unwrap();
        assert_eq!((files.entries.len(), files.total_entries), (2, 5));
        assert!(files.capped);
        assert_eq!(budget.exhausted, Some(FileCap::Entries));
    }
}
