//! The blob producers: read an archive entry, check it, and emit the bytes to send.
//!
//! Every producer hashes what it reads and refuses (returns an error instead of `Ok`) when the
//! content is not what the archive claims, so a corrupt layer is never committed: the upload
//! code only sends the final PUT after the producer returned `Ok`.

use std::io::{self, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use bytes::Bytes;
use sha2::{Digest, Sha256};

use super::compress::{fill, gzip_parallel, CHUNK};
use crate::archive::{ArchiveSource, EntryLocation};
use crate::blobs::{Produced, Producer};
use crate::error::Error;

/// Counts bytes read from the archive into a shared progress counter.
struct Counting<R> {
    inner: R,
    counter: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// A layer stream decompressed to its diff_id form, whatever it is stored as.
fn decompressed(reader: Box<dyn Read + Send>) -> io::Result<Box<dyn Read + Send>> {
    let mut reader = io::BufReader::with_capacity(256 << 10, reader);
    let head = io::BufRead::fill_buf(&mut reader)?;
    Ok(if head.starts_with(&[0x1f, 0x8b]) {
        Box::new(flate2::read::MultiGzDecoder::new(reader))
    } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        Box::new(zstd::stream::read::Decoder::with_buffer(reader)?)
    } else {
        Box::new(reader)
    })
}

fn open_counted(
    source: &ArchiveSource,
    loc: EntryLocation,
    counter: &Arc<AtomicU64>,
) -> Result<Counting<Box<dyn Read + Send>>, Error> {
    counter.store(0, Ordering::Relaxed);
    Ok(Counting {
        inner: source.open(loc)?,
        counter: counter.clone(),
    })
}

fn io_err(entry: &str) -> impl Fn(io::Error) -> Error + '_ {
    move |e| Error::archive(format!("{entry}: {e}"))
}

/// A Docker layer, gzip-compressed on the fly; checks the diff_id.
pub fn gzip_layer(
    source: ArchiveSource,
    entry: String,
    loc: EntryLocation,
    diff_id: String,
    level: u32,
    workers: usize,
    counter: Arc<AtomicU64>,
) -> Producer {
    Arc::new(move |emit| {
        let raw = open_counted(&source, loc, &counter)?;
        let mut layer = decompressed(Box::new(raw)).map_err(io_err(&entry))?;
        let c = gzip_parallel(&mut layer, level, workers, emit).map_err(io_err(&entry))?;
        if c.input_digest != diff_id {
            return Err(Error::DigestMismatch {
                entry: entry.clone(),
                expected: diff_id.clone(),
                actual: c.input_digest,
            });
        }
        Ok(Produced {
            digest: c.output_digest,
            size: c.output_size,
        })
    })
}

/// Sends bytes as they are and checks their digest: a Docker layer in its uncompressed form
/// (`decompress`), or an OCI blob byte for byte.
pub fn verbatim(
    source: ArchiveSource,
    entry: String,
    loc: EntryLocation,
    expected: String,
    decompress: bool,
    counter: Arc<AtomicU64>,
) -> Producer {
    Arc::new(move |emit| {
        let raw = open_counted(&source, loc, &counter)?;
        let mut reader: Box<dyn Read + Send> = if decompress {
            decompressed(Box::new(raw)).map_err(io_err(&entry))?
        } else {
            Box::new(raw)
        };
        let mut hash = Sha256::new();
        let mut size = 0u64;
        loop {
            let mut buf = vec![0u8; CHUNK];
            let n = fill(&mut reader, &mut buf).map_err(io_err(&entry))?;
            if n == 0 {
                break;
            }
            buf.truncate(n);
            hash.update(&buf);
            size += n as u64;
            emit(Bytes::from(buf)).map_err(io_err(&entry))?;
        }
        let actual = format!("sha256:{}", hex::encode(hash.finalize()));
        if actual != expected {
            return Err(Error::DigestMismatch {
                entry: entry.clone(),
                expected: expected.clone(),
                actual,
            });
        }
        Ok(Produced {
            digest: actual,
            size,
        })
    })
}

/// A small in-memory blob (an image config).
pub fn from_memory(bytes: Bytes) -> Producer {
    Arc::new(move |emit| {
        let digest = format!("sha256:{}", hex::encode(Sha256::digest(&bytes)));
        emit(bytes.clone()).map_err(|e| Error::archive(format!("config: {e}")))?;
        Ok(Produced {
            digest,
            size: bytes.len() as u64,
        })
    })
}
