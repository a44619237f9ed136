//! The single streaming pass over an archive.
//!
//! Entries come in whatever order the producing tool chose (`manifest.json` may follow the
//! layers), so nothing is interpreted here: every entry is checked for tar safety, hashed as it
//! streams by, small JSON documents are kept, and blobs that are (compressed) tar streams are
//! decompressed, hashed again and listed. The structure is resolved afterwards from this
//! inventory, without reading the file a second time.

use std::collections::BTreeMap;
use std::io::{self, Read};

use crate::finding::{Findings, Rule};
use crate::layer_files::{list_layer, FileBudget, FileCap, LayerFiles};
use crate::stream::{self, Compression, CountingReader, HashingReader, Sniffed, SNIFF_LEN};
use crate::tarstream::{TarError, TarKind, TarReader};
use crate::watch::Watch;

/// A JSON document larger than this is refused (manifests and configs are kilobytes).
pub const MAX_DOCUMENT: u64 = 4 * 1024 * 1024;
/// Total bytes of documents kept in memory for one archive.
const MAX_RETAINED: u64 = 16 * 1024 * 1024;
/// Top-level entries recorded per archive.
const MAX_ENTRIES: usize = 100_000;
/// Layer file records kept per archive for the efficiency analysis.
pub const MAX_LAYER_FILES: usize = 200_000;
/// Bytes of layer paths kept per archive for the efficiency analysis. A name can be 64 KiB
/// long, so [`MAX_LAYER_FILES`] alone would let the index hold some 13 GB of paths. Real paths
/// run to tens of bytes (200,000 of them take about 20 MB), so 64 MiB leaves room for deep
/// trees such as `node_modules` while bounding memory whatever the names.
pub const MAX_LAYER_PATH_BYTES: usize = 64 * 1024 * 1024;
/// Read size: large enough that hashing, not call overhead, dominates.
const CHUNK: usize = 256 * 1024;

#[derive(Debug)]
pub enum EntryKind {
    File,
    Directory,
    /// Target resolved to a normalised archive path (it may not exist).
    Symlink(String),
}

#[derive(Debug)]
pub struct Entry {
    pub kind: EntryKind,
    pub size: u64,
    /// sha256 of the stored bytes (files only).
    pub sha256: Option<String>,
    pub content: Content,
}

#[derive(Debug)]
pub enum Content {
    None,
    Document(Vec<u8>),
    DocumentTooLarge,
    /// Looked like a document but the retention budget was spent.
    DocumentDropped,
    /// A tar stream, possibly compressed.
    Blob(Blob),
    /// Compressed data that failed to decompress, or a layer that is not a tar.
    Unreadable {
        compression: Compression,
        reason: String,
    },
    Opaque,
}

#[derive(Debug)]
pub struct Blob {
    pub compression: Compression,
    pub uncompressed_size: u64,
    pub uncompressed_sha256: String,
    pub files: LayerFiles,
}

#[derive(Debug)]
pub struct Inventory {
    pub entries: BTreeMap<String, Entry>,
    pub outer: Compression,
    pub file_size: u64,
    /// The whole archive was read; otherwise a fatal finding explains why not.
    pub complete: bool,
    /// The layer file index stopped at one of its caps; the efficiency figures are lower bounds.
    pub files_capped: Option<FileCap>,
}

impl Inventory {
    /// Follows symlinks (bounded) to the entry that holds the data.
    pub fn resolve(&self, path: &str) -> Option<(&str, &Entry)> {
        let mut current = path;
        for _ in 0..8 {
            let (key, entry) = self.entries.get_key_value(current)?;
            match &entry.kind {
                EntryKind::Symlink(target) => current = target,
                _ => return Some((key.as_str(), entry)),
            }
        }
        None
    }
}

/// Reads the whole archive once. Never fails: problems become findings.
pub fn scan<R: Read + Send>(reader: R, watch: Watch<'_>, findings: &mut Findings) -> Inventory {
    let mut counting = CountingReader::new(reader, watch);
    let mut inventory = Inventory {
        entries: BTreeMap::new(),
        outer: Compression::None,
        file_size: 0,
        complete: false,
        files_capped: None,
    };
    let mut head = [0u8; SNIFF_LEN];
    let n = match stream::read_full(&mut counting, &mut head) {
        Ok(n) => n,
        Err(e) => {
            findings.error(
                Rule::FileUnreadable,
                None,
                format!("cannot read the file: {e}"),
            );
            return inventory;
        }
    };
    if n == 0 {
        findings.error(Rule::FileEmpty, None, "the file is empty");
        return inventory;
    }
    let head = head.get(..n).unwrap_or_default();
    inventory.outer = match stream::sniff(head) {
        Sniffed::Gzip => Compression::Gzip,
        Sniffed::Zstd => Compression::Zstd,
        _ => Compression::None,
    };
    let outer = inventory.outer;
    let chained = io::Cursor::new(head.to_vec()).chain(&mut counting);
    let open = move || stream::decoder(outer, chained);
    let result = stream::read_ahead(open, |decoded| {
        read_entries(decoded, &mut inventory, findings)
    });
    match result {
        Ok(()) => inventory.complete = true,
        Err(_) if watch.cancelled() => {
            findings.error(Rule::Cancelled, None, "validation was cancelled");
        }
        Err(fatal) => report_fatal(fatal, outer, findings),
    }
    inventory.file_size = counting.count();
    inventory
}

enum Fatal {
    Tar(TarError),
    Decoder(io::Error),
    /// Reading an entry failed in the outer stream.
    Outer(String, io::Error),
}

fn report_fatal(fatal: Fatal, outer: Compression, findings: &mut Findings) {
    let (entry, err) = match fatal {
        Fatal::Tar(TarError::Io(e)) | Fatal::Decoder(e) => (None, e),
        Fatal::Outer(entry, e) => (Some(entry), e),
        Fatal::Tar(TarError::Truncated { offset }) => {
            let m = format!("the archive ends in the middle of an entry (tar offset {offset})");
            findings.error(Rule::TarTruncated, None, m);
            return;
        }
        Fatal::Tar(other) => {
            findings.error(Rule::TarCorrupt, other.entry(), other.to_string());
            return;
        }
    };
    let entry = entry.as_deref();
    if outer != Compression::None && err.kind() != io::ErrorKind::UnexpectedEof {
        let m = format!("the {outer:?} stream around the archive cannot be decompressed: {err}");
        findings.error(Rule::CompressionCorrupt, entry, m);
    } else if err.kind() == io::ErrorKind::UnexpectedEof {
        findings.error(
            Rule::TarTruncated,
            entry,
            format!("the archive ends early: {err}"),
        );
    } else {
        findings.error(
            Rule::FileUnreadable,
            entry,
            format!("reading failed: {err}"),
        );
    }
}

fn read_entries<R: Read>(
    reader: R,
    inventory: &mut Inventory,
    findings: &mut Findings,
) -> Result<(), Fatal> {
    let mut tar = TarReader::new(reader);
    let mut scratch = vec![0u8; CHUNK];
    let mut budget = FileBudget::new(MAX_LAYER_FILES, MAX_LAYER_PATH_BYTES);
    let mut retained = 0u64;
    while let Some(header) = tar.next_entry(&mut scratch).map_err(Fatal::Tar)? {
        let Some(path) = checked_path(&header.path, findings) else {
            continue;
        };
        if inventory.entries.contains_key(&path) {
            let m = format!(
                "`{path}` appears more than once; a later copy would silently replace the first"
            );
            findings.error(Rule::TarDuplicateEntry, Some(&path), m);
            continue;
        }
        if inventory.entries.len() >= MAX_ENTRIES {
            findings.error(
                Rule::TarTooManyEntries,
                None,
                format!("more than {MAX_ENTRIES} entries"),
            );
            break;
        }
        let entry = match header.kind {
            TarKind::Directory => Entry {
                kind: EntryKind::Directory,
                size: 0,
                sha256: None,
                content: Content::None,
            },
            TarKind::Symlink => match symlink_target(&path, &header.link) {
                Some(target) => Entry {
                    kind: EntryKind::Symlink(target),
                    size: 0,
                    sha256: None,
                    content: Content::None,
                },
                None => {
                    let target = String::from_utf8_lossy(&header.link);
                    let m = format!("symlink `{path}` points at `{target}`, outside the archive");
                    findings.error(Rule::TarSymlinkEscape, Some(&path), m);
                    continue;
                }
            },
            TarKind::File => {
                let ctx = Ctx {
                    path: &path,
                    scratch: &mut scratch,
                    budget: &mut budget,
                    retained: &mut retained,
                };
                read_file(tar.data(), header.size, ctx)?
            }
            TarKind::Hardlink | TarKind::Other(_) => {
                let what = match header.kind {
                    TarKind::Other(flag) => {
                        format!("of tar type `{}`", char::from(flag).escape_default())
                    }
                    _ => "a hard link".to_owned(),
                };
                let m = format!(
                    "`{path}` is {what}; image archives hold only files, directories and symlinks"
                );
                findings.error(Rule::TarUnsupportedEntry, Some(&path), m);
                continue;
            }
        };
        inventory.entries.insert(path, entry);
    }
    inventory.files_capped = budget.exhausted;
    // Whatever follows the end-of-archive marker still belongs to the (compressed) file; read
    // it so a corrupt compressed tail is noticed.
    let mut rest = tar.into_inner();
    stream::drain(&mut rest, &mut scratch).map_err(Fatal::Decoder)?;
    Ok(())
}

/// Applies the tar-safety rules to an entry name and returns its normalised form.
fn checked_path(raw: &[u8], findings: &mut Findings) -> Option<String> {
    let Ok(name) = std::str::from_utf8(raw) else {
        let shown = String::from_utf8_lossy(raw).into_owned();
        findings.error(
            Rule::TarNonUtf8Path,
            Some(&shown),
            "the entry name is not valid UTF-8",
        );
        return None;
    };
    if name.starts_with('/') {
        findings.error(
            Rule::TarAbsolutePath,
            Some(name),
            format!("`{name}` is an absolute path"),
        );
        return None;
    }
    let mut parts = Vec::new();
    for component in name.split('/') {
        match component {
            "" | "." => {}
            ".." => {
                let m = format!("`{name}` contains a `..` component");
                findings.error(Rule::TarParentTraversal, Some(name), m);
                return None;
            }
            c => parts.push(c),
        }
    }
    if parts.is_empty() {
        // `./` itself: the archive root, harmless and meaningless.
        return None;
    }
    Some(parts.join("/"))
}

/// Resolves a symlink target against the link's directory; `None` when it leaves the archive.
fn symlink_target(link_path: &str, target: &[u8]) -> Option<String> {
    let target = std::str::from_utf8(target).ok()?;
    if target.starts_with('/') || target.is_empty() {
        return None;
    }
    let mut parts: Vec<&str> = link_path.split('/').collect();
    parts.pop();
    for component in target.split('/') {
        match component {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            c => parts.push(c),
        }
    }
    Some(parts.join("/"))
}

struct Ctx<'a> {
    path: &'a str,
    scratch: &'a mut [u8],
    budget: &'a mut FileBudget,
    retained: &'a mut u64,
}

fn read_file<R: Read>(data: R, size: u64, ctx: Ctx<'_>) -> Result<Entry, Fatal> {
    let path = ctx.path;
    let outer_err = |e: io::Error| Fatal::Outer(path.to_owned(), e);
    let mut raw = HashingReader::new(data);
    let mut head = [0u8; SNIFF_LEN];
    let n = stream::read_full(&mut raw, &mut head).map_err(outer_err)?;
    let head = head.get(..n).unwrap_or_default();
    let sniffed = stream::sniff(head);
    let named_doc = matches!(
        path,
        "manifest.json" | "index.json" | "oci-layout" | "repositories"
    ) || path.ends_with(".json");
    let content = match sniffed {
        Sniffed::Gzip | Sniffed::Zstd | Sniffed::Tar => {
            let compression = match sniffed {
                Sniffed::Gzip => Compression::Gzip,
                Sniffed::Zstd => Compression::Zstd,
                _ => Compression::None,
            };
            let chained = io::Cursor::new(head).chain(&mut raw);
            let content = read_blob(chained, compression, ctx.scratch, ctx.budget);
            if raw.inner_failed() {
                // The decoder saw a read error from the outer stream, not bad layer data.
                let e = io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "the entry's data is cut short",
                );
                return Err(outer_err(e));
            }
            content
        }
        _ if sniffed == Sniffed::Json || named_doc => {
            if size > MAX_DOCUMENT {
                Content::DocumentTooLarge
            } else if ctx.retained.saturating_add(size) > MAX_RETAINED {
                Content::DocumentDropped
            } else {
                let mut bytes = head.to_vec();
                raw.read_to_end(&mut bytes).map_err(outer_err)?;
                *ctx.retained += bytes.len() as u64;
                Content::Document(bytes)
            }
        }
        _ => Content::Opaque,
    };
    stream::drain(&mut raw, ctx.scratch).map_err(outer_err)?;
    let (sha, count) = raw.finish();
    let content = match content {
        Content::Blob(mut blob) if blob.compression == Compression::None => {
            blob.uncompressed_sha256.clone_from(&sha);
            Content::Blob(blob)
        }
        other => other,
    };
    if count != size {
        let e = io::Error::new(
            io::ErrorKind::UnexpectedEof,
            "the entry's data is cut short",
        );
        return Err(outer_err(e));
    }
    Ok(Entry {
        kind: EntryKind::File,
        size,
        sha256: Some(sha),
        content,
    })
}

/// Decompresses (if needed), hashes and lists a tar blob in one pass.
fn read_blob<R: Read>(
    raw: R,
    compression: Compression,
    scratch: &mut [u8],
    budget: &mut FileBudget,
) -> Content {
    let unreadable = |reason: String| Content::Unreadable {
        compression,
        reason,
    };
    let decoded = match stream::decoder(compression, raw) {
        Ok(d) => d,
        Err(e) => return unreadable(e.to_string()),
    };
    let hashed = match compression {
        Compression::None => HashingReader::counting_only(decoded),
        _ => HashingReader::new(decoded),
    };
    let (files, mut hashed) = match list_layer(hashed, scratch, budget) {
        Ok(listed) => listed,
        Err(TarError::Io(e)) => return unreadable(format!("decompression failed: {e}")),
        Err(e) => return unreadable(format!("not a valid tar stream: {e}")),
    };
    if let Err(e) = stream::drain(&mut hashed, scratch) {
        return unreadable(format!(
            "decompression failed after the tar end marker: {e}"
        ));
    }
    let (uncompressed_sha256, uncompressed_size) = hashed.finish();
    Content::Blob(Blob {
        compression,
        uncompressed_size,
        uncompressed_sha256,
        files,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symlink_targets_resolve_relative_to_the_link() {
        assert_eq!(
            symlink_target("b/layer.tar", b"../a/layer.tar").as_deref(),
            Some("a/layer.tar")
        );
        assert_eq!(symlink_target("b/layer.tar", b"../../etc/passwd"), None);
        assert_eq!(symlink_target("b/layer.tar", b"/etc/passwd"), None);
    }

    #[test]
    fn unsafe_names_are_findings() {
        let mut f = Findings::new("x.tar");
        assert_eq!(checked_path(b"./a//b", &mut f).as_deref(), Some("a/b"));
        assert_eq!(checked_path(b"/etc/passwd", &mut f), None);
        assert_eq!(checked_path(b"a/../../x", &mut f), None);
        assert_eq!(checked_path(&[0xff, 0xfe], &mut f), None);
        let rules: Vec<_> = f.into_vec().into_iter().map(|x| x.rule).collect();
        assert_eq!(
            rules,
            vec![
                Rule::TarAbsolutePath,
                Rule::TarParentTraversal,
                Rule::TarNonUtf8Path
            ]
        );
    }
}
