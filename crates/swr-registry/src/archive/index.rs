//! One pass over an archive's tar entries: where each regular file's data lies in the
//! (decompressed) stream, links resolved, and the bytes of small JSON documents.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use crate::error::{Error, Result};

/// JSON documents larger than this are not kept (configs and manifests are far smaller).
const MAX_DOC: u64 = 8 << 20;
/// Total JSON kept in memory, so a hostile archive of many documents stays bounded.
const MAX_DOCS_TOTAL: u64 = 64 << 20;

/// Compression of the archive file itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outer {
    None,
    Gzip,
    Zstd,
}

/// Where an entry's data lies in the decompressed tar stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntryLocation {
    pub offset: u64,
    pub size: u64,
}

#[derive(Debug, Clone)]
enum Kind {
    File(EntryLocation),
    Link(String),
}

/// The entries of one archive.
#[derive(Debug)]
pub struct ArchiveIndex {
    pub outer: Outer,
    entries: HashMap<String, Kind>,
    docs: HashMap<String, Vec<u8>>,
}

/// `./a//b` and `a/b` name the same entry.
pub fn normalize(path: &str) -> String {
    path.split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect::<Vec<_>>()
        .join("/")
}

/// Opens the archive and its decompressor, telling the compression from the magic bytes.
pub fn open_decompressed(path: &Path) -> Result<(Outer, Box<dyn Read + Send>)> {
    let io_err = |source| Error::Io {
        path: path.display().to_string(),
        source,
    };
    let mut file = File::open(path).map_err(io_err)?;
    let mut magic = [0u8; 4];
    let mut got = 0;
    while got < magic.len() {
        match file.read(&mut magic[got..]).map_err(io_err)? {
            0 => break,
            n => got += n,
        }
    }
    let file = File::open(path).map_err(io_err)?;
    let reader = BufReader::with_capacity(256 << 10, file);
    Ok(if got >= 2 && magic[..2] == [0x1f, 0x8b] {
        (
            Outer::Gzip,
            Box::new(flate2::read::MultiGzDecoder::new(reader)),
        )
    } else if got == 4 && magic == [0x28, 0xb5, 0x2f, 0xfd] {
        let dec = zstd::stream::read::Decoder::with_buffer(reader).map_err(io_err)?;
        (Outer::Zstd, Box::new(dec))
    } else {
        (Outer::None, Box::new(reader))
    })
}

impl ArchiveIndex {
    /// Reads the archive's headers (seeking past data in an uncompressed file).
    pub fn read(path: &Path) -> Result<Self> {
        let (outer, reader) = open_decompressed(path)?;
        let tar_err = |e: std::io::Error| Error::archive(format!("{}: {e}", path.display()));
        let mut entries = HashMap::new();
        let mut docs = HashMap::new();
        let mut docs_total = 0u64;
        let mut visit = |entry: &mut dyn EntryLike| -> Result<()> {
            let name = normalize(&entry.path_string());
            let kind = entry.kind();
            match kind {
                tar::EntryType::Regular | tar::EntryType::Continuous => {
                    let loc = EntryLocation {
                        offset: entry.offset(),
                        size: entry.size(),
                    };
                    if loc.size <= MAX_DOC
                        && docs_total + loc.size <= MAX_DOCS_TOTAL
                        && looks_like_doc(&name)
                    {
                        let mut buf = Vec::with_capacity(loc.size as usize);
                        entry.read_all(&mut buf).map_err(tar_err)?;
                        if matches!(
                            buf.iter().find(|b| !b.is_ascii_whitespace()),
                            Some(b'{' | b'[')
                        ) {
                            docs_total += loc.size;
                            docs.insert(name.clone(), buf);
                        }
                    }
                    entries.insert(name, Kind::File(loc));
                }
                tar::EntryType::Symlink | tar::EntryType::Link => {
                    if let Some(target) = entry.link() {
                        let target = if kind == tar::EntryType::Symlink {
                            let parent = name.rsplit_once('/').map(|(p, _)| p).unwrap_or("");
                            resolve_relative(parent, &target)
                        } else {
                            normalize(&target)
                        };
                        entries.insert(name, Kind::Link(target));
                    }
                }
                _ => {}
            }
            Ok(())
        };
        if outer == Outer::None {
            let file = File::open(path).map_err(|source| Error::Io {
                path: path.display().to_string(),
                source,
            })?;
            let mut archive = tar::Archive::new(file);
            for entry in archive.entries_with_seek().map_err(tar_err)? {
                let mut entry = entry.map_err(tar_err)?;
                visit(&mut entry)?;
            }
        } else {
            let mut archive = tar::Archive::new(reader);
            for entry in archive.entries().map_err(tar_err)? {
                let mut entry = entry.map_err(tar_err)?;
                visit(&mut entry)?;
            }
        }
        Ok(Self {
            outer,
            entries,
            docs,
        })
    }

    /// The data location of `path`, following links (at most 16 hops).
    pub fn locate(&self, path: &str) -> Option<EntryLocation> {
        let mut name = normalize(path);
        for _ in 0..16 {
            match self.entries.get(&name)? {
                Kind::File(loc) => return Some(*loc),
                Kind::Link(target) => name = target.clone(),
            }
        }
        None
    }

    /// A small JSON document's bytes, following links.
    pub fn doc(&self, path: &str) -> Option<&[u8]> {
        let mut name = normalize(path);
        for _ in 0..16 {
            if let Some(d) = self.docs.get(&name) {
                return Some(d);
            }
            match self.entries.get(&name)? {
                Kind::Link(target) => name = target.clone(),
                Kind::File(_) => return None,
            }
        }
        None
    }
}

/// Layers are never JSON; skipping names that cannot be documents saves reading big blobs.
fn looks_like_doc(name: &str) -> bool {
    name.ends_with(".json") || name.starts_with("blobs/") || name == "oci-layout"
}

fn resolve_relative(parent: &str, target: &str) -> String {
    if target.starts_with('/') {
        return normalize(target);
    }
    let mut parts: Vec<&str> = parent.split('/').filter(|p| !p.is_empty()).collect();
    for part in target.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// The few things we need from a `tar::Entry`, whatever reader it sits on.
trait EntryLike {
    fn path_string(&self) -> String;
    fn kind(&self) -> tar::EntryType;
    fn offset(&self) -> u64;
    fn size(&self) -> u64;
    fn link(&self) -> Option<String>;
    fn read_all(&mut self, buf: &mut Vec<u8>) -> std::io::Result<usize>;
}

impl<R: Read> EntryLike for tar::Entry<'_, R> {
    fn path_string(&self) -> String {
        String::from_utf8_lossy(&self.path_bytes()).into_owned()
    }
    fn kind(&self) -> tar::EntryType {
        self.header().entry_type()
    }
    fn offset(&self) -> u64 {
        self.raw_file_position()
    }
    fn size(&self) -> u64 {
        tar::Entry::size(self)
    }
    fn link(&self) -> Option<String> {
        self.link_name_bytes()
            .map(|b| String::from_utf8_lossy(&b).into_owned())
    }
    fn read_all(&mut self, buf: &mut Vec<u8>) -> std::io::Result<usize> {
        self.read_to_end(buf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_links_resolve_against_their_directory() {
        assert_eq!(resolve_relative("abc", "../def/layer.tar"), "def/layer.tar");
        assert_eq!(resolve_relative("", "./x"), "x");
        assert_eq!(normalize("./blobs//sha256/ab"), "blobs/sha256/ab");
    }
}
