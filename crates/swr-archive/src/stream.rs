//! Byte-stream plumbing: compression sniffing by magic bytes, decoders with bounded memory, and
//! readers that hash and count what flows through them.
//!
//! File names lie (`image.tar` that is gzip, `.tgz` that is zstd), so the compression of the
//! outer file and of every blob is decided from its first bytes only.

use std::io::{self, Read};
use std::sync::mpsc;

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::watch::Watch;

/// zstd frames asking for a larger window are refused: the window is allocated up front, and
/// two nested decoders (outer `.tar.zst`, zstd layer) must stay well inside the memory budget.
pub const ZSTD_WINDOW_LOG_MAX: u32 = 24;

/// Compression of a stream, told from its magic bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Compression {
    None,
    Gzip,
    Zstd,
}

/// What the first bytes of a stream look like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    Gzip,
    Zstd,
    /// A tar header with the ustar magic, or an all-zero block (an empty tar).
    Tar,
    /// Starts with `{` or `[` after whitespace.
    Json,
    Other,
}

/// Bytes needed to tell the kinds apart (one tar header).
pub const SNIFF_LEN: usize = 512;

pub fn sniff(head: &[u8]) -> Sniffed {
    if head.starts_with(&[0x1f, 0x8b]) {
        return Sniffed::Gzip;
    }
    if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        return Sniffed::Zstd;
    }
    if head.len() >= SNIFF_LEN {
        let magic = head.get(257..262);
        if magic == Some(b"ustar") || head.iter().all(|&b| b == 0) {
            return Sniffed::Tar;
        }
    }
    match head.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') | Some(b'[') => Sniffed::Json,
        _ => Sniffed::Other,
    }
}

/// Reads until `buf` is full or the stream ends; returns how much was read.
pub fn read_full<R: Read + ?Sized>(reader: &mut R, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match reader.read(buf.get_mut(filled..).unwrap_or_default()) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// Reads a stream to its end, discarding the bytes (they are hashed by the readers underneath).
pub fn drain<R: Read + ?Sized>(reader: &mut R, scratch: &mut [u8]) -> io::Result<u64> {
    let mut total = 0u64;
    loop {
        match reader.read(scratch) {
            Ok(0) => return Ok(total),
            Ok(n) => total += n as u64,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

/// Wraps a compressed stream in its decoder. Gzip members are followed across boundaries
/// (`pigz` and concatenated files); zstd is limited to [`ZSTD_WINDOW_LOG_MAX`].
pub fn decoder<'a, R: Read + 'a>(
    compression: Compression,
    reader: R,
) -> io::Result<Box<dyn Read + 'a>> {
    Ok(match compression {
        Compression::None => Box::new(reader),
        Compression::Gzip => Box::new(flate2::read::MultiGzDecoder::new(reader)),
        Compression::Zstd => {
            let mut d = zstd::stream::read::Decoder::with_buffer(io::BufReader::with_capacity(
                64 * 1024,
                reader,
            ))?;
            d.window_log_max(ZSTD_WINDOW_LOG_MAX)?;
            Box::new(d)
        }
    })
}

/// Hashes and counts every byte read through it, and remembers whether the inner reader failed
/// (so a decoder error can be told apart from a truncated outer archive).
pub struct HashingReader<R> {
    inner: R,
    /// `None` when only counting: an uncompressed layer's digest is its stored digest, and
    /// hashing the same bytes twice would double the cost of validation.
    hasher: Option<Sha256>,
    count: u64,
    inner_failed: bool,
}

impl<R: Read> HashingReader<R> {
    pub fn new(inner: R) -> Self {
        Self {
            inner,
            hasher: Some(Sha256::new()),
            count: 0,
            inner_failed: false,
        }
    }

    pub fn counting_only(inner: R) -> Self {
        Self {
            inner,
            hasher: None,
            count: 0,
            inner_failed: false,
        }
    }

    pub fn inner_failed(&self) -> bool {
        self.inner_failed
    }

    /// The digest (empty when only counting) and the byte count.
    pub fn finish(self) -> (String, u64) {
        let digest = self
            .hasher
            .map(|h| hex::encode(h.finalize()))
            .unwrap_or_default();
        (digest, self.count)
    }
}

impl<R: Read> Read for HashingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self.inner.read(buf) {
            Ok(n) => {
                let done = buf.get(..n).unwrap_or_default();
                if let Some(hasher) = &mut self.hasher {
                    hasher.update(done);
                }
                self.count += n as u64;
                Ok(n)
            }
            Err(e) => {
                if e.kind() != io::ErrorKind::Interrupted {
                    self.inner_failed = true;
                }
                Err(e)
            }
        }
    }
}

/// Counts bytes without hashing (the outer file, whose size the report shows).
pub struct CountingReader<'w, R> {
    inner: R,
    count: u64,
    watch: Watch<'w>,
}

impl<'w, R: Read> CountingReader<'w, R> {
    /// Counts, reports progress to `watch`, and fails reads once `watch` is cancelled.
    pub fn new(inner: R, watch: Watch<'w>) -> Self {
        Self {
            inner,
            count: 0,
            watch,
        }
    }

    pub fn count(&self) -> u64 {
        self.count
    }
}

impl<R: Read> Read for CountingReader<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.watch.cancelled() {
            return Err(io::Error::other("validation was cancelled"));
        }
        let n = self.inner.read(buf)?;
        self.count += n as u64;
        self.watch.report(self.count);
        Ok(n)
    }
}

/// Buffers in flight between the reading thread and the validating thread.
const READ_AHEAD_DEPTH: usize = 4;
const READ_AHEAD_CHUNK: usize = 256 * 1024;

/// Runs `consume` on a reader fed by a second thread that opens (`open`, e.g. a decoder) and
/// reads the source, so decompression and file reads overlap hashing and tar parsing on two
/// cores. Memory is bounded by `READ_AHEAD_DEPTH` chunks.
pub fn read_ahead<'a, T>(
    open: impl FnOnce() -> io::Result<Box<dyn Read + 'a>> + Send + 'a,
    consume: impl FnOnce(&mut dyn Read) -> T,
) -> T {
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::sync_channel::<io::Result<Vec<u8>>>(READ_AHEAD_DEPTH);
        let (recycle_tx, recycle_rx) = mpsc::sync_channel::<Vec<u8>>(READ_AHEAD_DEPTH + 2);
        scope.spawn(move || match open() {
            Ok(source) => produce(source, &tx, &recycle_rx),
            Err(e) => {
                let _ = tx.send(Err(e));
            }
        });
        let mut reader = ChannelReader {
            rx,
            current: Vec::new(),
            position: 0,
            recycle: recycle_tx,
            finished: false,
        };
        consume(&mut reader)
        // Dropping `reader` closes the channel; the producer stops at its next send.
    })
}

fn produce<R: Read>(
    mut source: R,
    tx: &mpsc::SyncSender<io::Result<Vec<u8>>>,
    recycle: &mpsc::Receiver<Vec<u8>>,
) {
    loop {
        let mut buf = recycle.try_recv().unwrap_or_default();
        buf.resize(READ_AHEAD_CHUNK, 0);
        // Fill at least half a chunk so decoders that return a few KiB per call do not turn
        // into many tiny channel messages.
        let mut filled = 0;
        let result = loop {
            match source.read(buf.get_mut(filled..).unwrap_or_default()) {
                Ok(0) => break Ok(()),
                Ok(n) => {
                    filled += n;
                    if filled >= READ_AHEAD_CHUNK / 2 {
                        break Ok(());
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => break Err(e),
            }
        };
        buf.truncate(filled);
        let end = filled == 0;
        if filled > 0 && tx.send(Ok(buf)).is_err() {
            return;
        }
        if let Err(e) = result {
            let _ = tx.send(Err(e));
            return;
        }
        if end {
            let _ = tx.send(Ok(Vec::new()));
            return;
        }
    }
}

struct ChannelReader {
    rx: mpsc::Receiver<io::Result<Vec<u8>>>,
    current: Vec<u8>,
    position: usize,
    recycle: mpsc::SyncSender<Vec<u8>>,
    finished: bool,
}

impl Read for ChannelReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.position >= self.current.len() {
            if self.finished {
                return Ok(0);
            }
            let next = self
                .rx
                .recv()
                .map_err(|_| io::Error::other("the reading thread stopped"))??;
            if next.is_empty() {
                self.finished = true;
                return Ok(0);
            }
            let spent = std::mem::replace(&mut self.current, next);
            let _ = self.recycle.try_send(spent);
            self.position = 0;
        }
        let available = self.current.get(self.position..).unwrap_or_default();
        let n = available.len().min(buf.len());
        buf.get_mut(..n)
            .unwrap_or_default()
            .copy_from_slice(available.get(..n).unwrap_or_default());
        self.position += n;
        Ok(n)
    }
}

/// sha256 of a byte slice as lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn sniffs_by_content_not_name() {
        assert_eq!(sniff(&[0x1f, 0x8b, 8, 0]), Sniffed::Gzip);
        assert_eq!(sniff(&[0x28, 0xb5, 0x2f, 0xfd, 0]), Sniffed::Zstd);
        assert_eq!(sniff(&[0u8; 512]), Sniffed::Tar);
        assert_eq!(sniff(b"  {\"a\":1}"), Sniffed::Json);
        assert_eq!(sniff(b"hello"), Sniffed::Other);
        let mut tar = vec![0u8; 512];
        tar[0] = b'a';
        tar[257..262].copy_from_slice(b"ustar");
        assert_eq!(sniff(&tar), Sniffed::Tar);
    }

    #[test]
    fn hashing_reader_matches_one_shot_digest() {
        let data = vec![7u8; 100_000];
        let mut r = HashingReader::new(&data[..]);
        let mut scratch = [0u8; 1000];
        assert_eq!(drain(&mut r, &mut scratch).unwrap(), 100_000);
        assert_eq!(r.finish(), (sha256_hex(&data), 100_000));
    }

    #[test]
    fn read_ahead_delivers_every_byte_and_errors() {
        let data: Vec<u8> = (0..1_000_000u32).map(|i| (i % 251) as u8).collect();
        let copied = read_ahead(
            || Ok(Box::new(&data[..])),
            |r| {
                let mut out = Vec::new();
                r.read_to_end(&mut out).map(|_| out)
            },
        );
        assert_eq!(copied.unwrap(), data);

        let truncated = &[0x1f, 0x8b, 8, 0, 0, 0][..];
        let result = read_ahead(
            || decoder(Compression::Gzip, truncated),
            |r| r.read_to_end(&mut Vec::new()),
        );
        assert!(result.is_err());
    }

    #[test]
    fn zstd_decoder_refuses_huge_windows() {
        let mut enc = zstd::stream::write::Encoder::new(Vec::new(), 1).unwrap();
        enc.set_parameter(zstd::zstd_safe::CParameter::WindowLog(27))
            .unwrap();
        enc.include_contentsize(false).unwrap();
        enc.write_all(&vec![1u8; 1 << 20]).unwrap();
        let bytes = enc.finish().unwrap();
        let mut d = decoder(Compression::Zstd, &bytes[..]).unwrap();
        let mut scratch = vec![0u8; 1 << 16];
        assert!(drain(&mut d, &mut scratch).is_err());
    }
}
