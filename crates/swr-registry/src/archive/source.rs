//! Opening an archive entry again, as a reader of exactly its bytes.
//!
//! In an uncompressed archive every open is a fresh file handle seeked to the entry, so two
//! layers can stream at once. In a compressed archive there is one decompressing cursor that
//! only moves forward: asking for an entry behind it reopens the file (a retry after a failure
//! does that), asking for one ahead skips forward. Callers read layers of compressed archives
//! in offset order and one at a time, which makes the whole push a single pass.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::index::{open_decompressed, EntryLocation, Outer};
use crate::error::{Error, Result};

struct Cursor {
    reader: Box<dyn Read + Send>,
    pos: u64,
}

/// Hands out readers over the entries of one archive file.
#[derive(Clone)]
pub struct ArchiveSource {
    path: PathBuf,
    outer: Outer,
    cursor: Arc<Mutex<Option<Cursor>>>,
}

impl std::fmt::Debug for ArchiveSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ArchiveSource")
            .field("path", &self.path)
            .field("outer", &self.outer)
            .finish_non_exhaustive()
    }
}

impl ArchiveSource {
    pub fn new(path: &Path, outer: Outer) -> Self {
        Self {
            path: path.to_owned(),
            outer,
            cursor: Arc::new(Mutex::new(None)),
        }
    }

    /// True when entries can be read concurrently.
    pub fn seekable(&self) -> bool {
        self.outer == Outer::None
    }

    /// A reader over the entry's bytes. Blocking; call from a blocking thread.
    pub fn open(&self, loc: EntryLocation) -> Result<Box<dyn Read + Send>> {
        let io_err = |source| Error::Io {
            path: self.path.display().to_string(),
            source,
        };
        if self.outer == Outer::None {
            let mut file = File::open(&self.path).map_err(io_err)?;
            file.seek(SeekFrom::Start(loc.offset)).map_err(io_err)?;
            return Ok(Box::new(
                io::BufReader::with_capacity(256 << 10, file).take(loc.size),
            ));
        }
        let taken = self
            .cursor
            .lock()
            .map_err(|_| Error::archive("archive cursor poisoned"))?
            .take();
        let mut cursor = match taken {
            Some(c) if c.pos <= loc.offset => c,
            _ => {
                let (_, reader) = open_decompressed(&self.path)?;
                Cursor { reader, pos: 0 }
            }
        };
        let skip = loc.offset - cursor.pos;
        let skipped =
            io::copy(&mut (&mut cursor.reader).take(skip), &mut io::sink()).map_err(io_err)?;
        if skipped != skip {
            return Err(Error::archive(format!(
                "{}: archive ended before an entry it lists",
                self.path.display()
            )));
        }
        cursor.pos = loc.offset;
        Ok(Box::new(EntryReader {
            cursor: Some(cursor),
            remaining: loc.size,
            home: self.cursor.clone(),
        }))
    }
}

/// Reads one entry from the shared cursor and gives the cursor back when dropped.
struct EntryReader {
    cursor: Option<Cursor>,
    remaining: u64,
    home: Arc<Mutex<Option<Cursor>>>,
}

impl Read for EntryReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let Some(cursor) = self.cursor.as_mut() else {
            return Ok(0);
        };
        if self.remaining == 0 {
            return Ok(0);
        }
        let want = buf
            .len()
            .min(usize::try_from(self.remaining).unwrap_or(usize::MAX));
        let n = cursor.reader.read(&mut buf[..want])?;
        if n == 0 {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "archive ended inside an entry",
            ));
        }
        cursor.pos += n as u64;
        self.remaining -= n as u64;
        Ok(n)
    }
}

impl Drop for EntryReader {
    fn drop(&mut self) {
        if let (Some(cursor), Ok(mut home)) = (self.cursor.take(), self.home.lock()) {
            *home = Some(cursor);
        }
    }
}
