//! A forward-only tar reader with hard bounds, used for the outer archive and for every layer.
//!
//! The `tar` crate reads GNU long names and PAX headers into memory whatever their declared size,
//! and skips unread data through an 8 KiB buffer. Here extension headers are capped, data is
//! handed out as a `Read` bounded to the entry, and skipping reuses one large buffer, so a hostile
//! layer cannot grow memory and the common path stays a single sequential read.

use std::io::{self, Read};

const BLOCK: usize = 512;
/// GNU long names and PAX records above this size are refused rather than buffered.
const MAX_EXTENSION: u64 = 64 * 1024;

/// What a tar header describes, reduced to the kinds validation distinguishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TarKind {
    File,
    Directory,
    Symlink,
    Hardlink,
    /// Devices, FIFOs, sparse files and unknown type flags.
    Other(u8),
}

/// One entry's header after GNU and PAX extensions have been applied.
#[derive(Debug, Clone)]
pub struct TarHeader {
    pub path: Vec<u8>,
    pub link: Vec<u8>,
    pub kind: TarKind,
    pub size: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum TarError {
    #[error("the tar stream ends in the middle of a header or entry at byte {offset}")]
    Truncated { offset: u64 },
    #[error("the tar header at byte {offset} has a wrong checksum (not a tar, or corrupt)")]
    BadChecksum { offset: u64 },
    #[error("the tar header at byte {offset} has an unreadable {field} field")]
    BadField { offset: u64, field: &'static str },
    #[error("the extended header at byte {offset} declares {size} bytes, more than the {MAX_EXTENSION}-byte cap")]
    ExtensionTooLarge { offset: u64, size: u64 },
    /// The declared size plus its padding to a whole block does not fit in a `u64`: no stream
    /// can hold the entry, and unchecked arithmetic would wrap and misread what follows.
    #[error("the tar entry `{path}` at byte {offset} declares {size} bytes of data, more than any tar stream can hold")]
    SizeOverflow {
        offset: u64,
        path: String,
        size: u64,
    },
    #[error("read failed: {0}")]
    Io(#[from] io::Error),
}

impl TarError {
    /// The entry the error is about, when the header got far enough to name it.
    pub fn entry(&self) -> Option<&str> {
        match self {
            TarError::SizeOverflow { path, .. } => Some(path),
            _ => None,
        }
    }
}

/// Streams tar headers and bounded entry bodies from any reader.
pub struct TarReader<R> {
    inner: R,
    /// Unread bytes of the current entry's data.
    remaining: u64,
    /// Zero padding after the current entry's data.
    padding: u64,
    position: u64,
    finished: bool,
}

impl<R: Read> TarReader<R> {
    pub fn new(inner: R) -> Self {
        Self {
            inner,
            remaining: 0,
            padding: 0,
            position: 0,
            finished: false,
        }
    }

    /// Gives back the underlying reader, e.g. to drain what follows the end-of-archive marker.
    pub fn into_inner(self) -> R {
        self.inner
    }

    /// Moves to the next entry, skipping whatever of the current one was not read.
    /// `Ok(None)` at the end-of-archive marker or at a clean end of stream.
    pub fn next_entry(&mut self, scratch: &mut [u8]) -> Result<Option<TarHeader>, TarError> {
        if self.finished {
            return Ok(None);
        }
        // Checked when the header was read; this keeps a broken invariant from wrapping.
        let skip = self
            .remaining
            .checked_add(self.padding)
            .ok_or(TarError::BadField {
                offset: self.position,
                field: "size",
            })?;
        self.skip(skip, scratch)?;
        self.remaining = 0;
        self.padding = 0;

        let mut long_path: Option<Vec<u8>> = None;
        let mut long_link: Option<Vec<u8>> = None;
        let mut pax_size: Option<u64> = None;
        loop {
            let offset = self.position;
            let mut block = [0u8; BLOCK];
            if !self.read_block(&mut block)? {
                self.finished = true;
                return Ok(None);
            }
            if block.iter().all(|&b| b == 0) {
                self.finished = true;
                return Ok(None);
            }
            verify_checksum(&block, offset)?;
            let mut size = parse_number(field(&block, 124, 12), offset, "size")?;
            let flag = block.get(156).copied().unwrap_or(0);
            match flag {
                b'L' | b'K' | b'x' | b'g' => {
                    let data = self.read_extension(size, offset)?;
                    match flag {
                        b'L' => long_path = Some(trim_nul(&data).to_vec()),
                        b'K' => long_link = Some(trim_nul(&data).to_vec()),
                        b'x' => {
                            for (key, value) in pax_records(&data, offset)? {
                                match key {
                                    b"path" => long_path = Some(value.to_vec()),
                                    b"linkpath" => long_link = Some(value.to_vec()),
                                    b"size" => {
                                        pax_size = Some(parse_decimal(value).ok_or(
                                            TarError::BadField {
                                                offset,
                                                field: "pax size",
                                            },
                                        )?)
                                    }
                                    _ => {}
                                }
                            }
                        }
                        _ => {} // global PAX headers carry nothing validation needs
                    }
                    continue;
                }
                _ => {}
            }
            if let Some(s) = pax_size {
                size = s;
            }
            let kind = match flag {
                b'0' | 0 | b'7' => TarKind::File,
                b'1' => TarKind::Hardlink,
                b'2' => TarKind::Symlink,
                b'5' => TarKind::Directory,
                other => TarKind::Other(other),
            };
            // Links and directories carry no data whatever the size field says (GNU tar agrees).
            let data_size = match kind {
                TarKind::File | TarKind::Other(_) => size,
                _ => 0,
            };
            let path = long_path.take().unwrap_or_else(|| header_path(&block));
            // A PAX or base-256 size can be anything up to u64::MAX; the data and its padding
            // must still be addressable, or skipping the entry would wrap around.
            let padding = pad(data_size);
            if data_size.checked_add(padding).is_none() {
                return Err(TarError::SizeOverflow {
                    offset,
                    path: String::from_utf8_lossy(&path).into_owned(),
                    size: data_size,
                });
            }
            let link = long_link
                .take()
                .unwrap_or_else(|| trim_nul(field(&block, 157, 100)).to_vec());
            self.remaining = data_size;
            self.padding = padding;
            return Ok(Some(TarHeader {
                path,
                link,
                kind,
                size: data_size,
            }));
        }
    }

    /// Reads the current entry's data; returns 0 at its end.
    pub fn read_data(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.remaining == 0 || buf.is_empty() {
            return Ok(0);
        }
        let want = usize::try_from(self.remaining)
            .unwrap_or(usize::MAX)
            .min(buf.len());
        let target = buf.get_mut(..want).unwrap_or_default();
        let n = self.inner.read(target)?;
        if n == 0 {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "tar entry data is truncated",
            ));
        }
        self.remaining -= n as u64;
        self.position += n as u64;
        Ok(n)
    }

    /// A `Read` over the current entry's data.
    pub fn data(&mut self) -> EntryData<'_, R> {
        EntryData { tar: self }
    }

    fn read_block(&mut self, block: &mut [u8; BLOCK]) -> Result<bool, TarError> {
        let mut filled = 0;
        while filled < BLOCK {
            let n = match self.inner.read(block.get_mut(filled..).unwrap_or_default()) {
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e.into()),
            };
            if n == 0 {
                if filled == 0 {
                    return Ok(false);
                }
                return Err(TarError::Truncated {
                    offset: self.position + filled as u64,
                });
            }
            filled += n;
        }
        self.position += BLOCK as u64;
        Ok(true)
    }

    fn read_extension(&mut self, size: u64, offset: u64) -> Result<Vec<u8>, TarError> {
        if size > MAX_EXTENSION {
            return Err(TarError::ExtensionTooLarge { offset, size });
        }
        let mut data = Vec::with_capacity(size as usize);
        let got = (&mut self.inner).take(size).read_to_end(&mut data)?;
        self.position += got as u64;
        if (got as u64) < size {
            return Err(TarError::Truncated {
                offset: self.position,
            });
        }
        let mut scratch = [0u8; BLOCK];
        self.skip(pad(size), &mut scratch)?;
        Ok(data)
    }

    fn skip(&mut self, mut amount: u64, scratch: &mut [u8]) -> Result<(), TarError> {
        while amount > 0 {
            let want = usize::try_from(amount)
                .unwrap_or(usize::MAX)
                .min(scratch.len())
                .max(1);
            let Some(target) = scratch.get_mut(..want) else {
                return Err(io::Error::other("scratch buffer is empty").into());
            };
            let n = match self.inner.read(target) {
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e.into()),
            };
            if n == 0 {
                return Err(TarError::Truncated {
                    offset: self.position,
                });
            }
            amount -= n as u64;
            self.position += n as u64;
        }
        Ok(())
    }
}

/// Bounded reader over one entry's data.
pub struct EntryData<'a, R> {
    tar: &'a mut TarReader<R>,
}

impl<R: Read> Read for EntryData<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.tar.read_data(buf)
    }
}

fn pad(size: u64) -> u64 {
    let rem = size % BLOCK as u64;
    if rem == 0 {
        0
    } else {
        BLOCK as u64 - rem
    }
}

fn field(block: &[u8; BLOCK], start: usize, len: usize) -> &[u8] {
    block.get(start..start + len).unwrap_or_default()
}

fn trim_nul(bytes: &[u8]) -> &[u8] {
    let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
    bytes.get(..end).unwrap_or_default()
}

fn header_path(block: &[u8; BLOCK]) -> Vec<u8> {
    let name = trim_nul(field(block, 0, 100));
    // Only POSIX ustar uses the prefix field; old GNU headers keep other data there.
    let ustar = field(block, 257, 6) == b"ustar\0";
    let prefix = if ustar {
        trim_nul(field(block, 345, 155))
    } else {
        &[][..]
    };
    if prefix.is_empty() {
        name.to_vec()
    } else {
        let mut path = prefix.to_vec();
        path.push(b'/');
        path.extend_from_slice(name);
        path
    }
}

fn verify_checksum(block: &[u8; BLOCK], offset: u64) -> Result<(), TarError> {
    let stored = parse_number(field(block, 148, 8), offset, "checksum")
        .map_err(|_| TarError::BadChecksum { offset })?;
    let mut unsigned: u64 = 0;
    let mut signed: i64 = 0;
    for (i, &b) in block.iter().enumerate() {
        let b = if (148..156).contains(&i) { b' ' } else { b };
        unsigned += u64::from(b);
        signed += i64::from(b as i8);
    }
    if stored == unsigned || i64::try_from(stored).is_ok_and(|s| s == signed) {
        Ok(())
    } else {
        Err(TarError::BadChecksum { offset })
    }
}

/// Octal ASCII, or GNU base-256 when the top bit of the first byte is set.
fn parse_number(bytes: &[u8], offset: u64, name: &'static str) -> Result<u64, TarError> {
    let bad = TarError::BadField {
        offset,
        field: name,
    };
    if let Some((&first, rest)) = bytes.split_first() {
        if first & 0x80 != 0 {
            if first & 0x40 != 0 {
                return Err(bad); // negative
            }
            let mut value: u64 = u64::from(first & 0x3f);
            for &b in rest {
                value = value
                    .checked_mul(256)
                    .and_then(|v| v.checked_add(u64::from(b)))
                    .ok_or(TarError::BadField {
                        offset,
                        field: name,
                    })?;
            }
            return Ok(value);
        }
    }
    let mut value: u64 = 0;
    let mut seen = false;
    for &b in bytes {
        match b {
            b'0'..=b'7' => {
                seen = true;
                value = value
                    .checked_mul(8)
                    .and_then(|v| v.checked_add(u64::from(b - b'0')))
                    .ok_or(TarError::BadField {
                        offset,
                        field: name,
                    })?;
            }
            b' ' if !seen => {}
            b' ' | 0 => break,
            _ => return Err(bad),
        }
    }
    Ok(value)
}

fn parse_decimal(bytes: &[u8]) -> Option<u64> {
    if bytes.is_empty() {
        return None;
    }
    bytes.iter().try_fold(0u64, |acc, &b| {
        if b.is_ascii_digit() {
            acc.checked_mul(10)?.checked_add(u64::from(b - b'0'))
        } else {
            None
        }
    })
}

/// PAX records: "<len> <key>=<value>\n", where len counts the whole record.
/// A PAX record's key and value.
type PaxRecord<'a> = (&'a [u8], &'a [u8]);

fn pax_records(data: &[u8], offset: u64) -> Result<Vec<PaxRecord<'_>>, TarError> {
    let bad = || TarError::BadField {
        offset,
        field: "pax record",
    };
    let mut out = Vec::new();
    let mut rest = data;
    while !rest.is_empty() && rest.first() != Some(&0) {
        let space = rest.iter().position(|&b| b == b' ').ok_or_else(bad)?;
        let len = parse_decimal(rest.get(..space).ok_or_else(bad)?).ok_or_else(bad)?;
        let len = usize::try_from(len).map_err(|_| bad())?;
        let record = rest.get(..len).ok_or_else(bad)?;
        let body = record
            .get(space + 1..len.checked_sub(1).ok_or_else(bad)?)
            .ok_or_else(bad)?;
        let eq = body.iter().position(|&b| b == b'=').ok_or_else(bad)?;
        let key = body.get(..eq).ok_or_else(bad)?;
        let value = body.get(eq + 1..).ok_or_else(bad)?;
        out.push((key, value));
        rest = rest.get(len..).ok_or_else(bad)?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(name: &str, flag: u8, size: u64) -> [u8; BLOCK] {
        let mut b = [0u8; BLOCK];
        b[..name.len()].copy_from_slice(name.as_bytes());
        let size = format!("{size:011o}\0");
        b[124..136].copy_from_slice(size.as_bytes());
        b[156] = flag;
        b[257..263].copy_from_slice(b"ustar\0");
        b[148..156].copy_from_slice(b"        ");
        let sum: u32 = b.iter().map(|&x| u32::from(x)).sum();
        b[148..156].copy_from_slice(format!("{sum:06o}\0 ").as_bytes());
        b
    }

    fn entries(bytes: &[u8]) -> Result<Vec<(String, u64, Vec<u8>)>, TarError> {
        let mut tar = TarReader::new(bytes);
        let mut scratch = vec![0u8; 4096];
        let mut out = Vec::new();
        while let Some(h) = tar.next_entry(&mut scratch)? {
            let mut data = Vec::new();
            tar.data().read_to_end(&mut data)?;
            out.push((String::from_utf8_lossy(&h.path).into_owned(), h.size, data));
        }
        Ok(out)
    }

    /// Every header in the stream, without reading entry data (as a layer listing does).
    fn headers(bytes: &[u8]) -> Result<Vec<TarHeader>, TarError> {
        let mut tar = TarReader::new(bytes);
        let mut scratch = vec![0u8; 4096];
        let mut out = Vec::new();
        while let Some(h) = tar.next_entry(&mut scratch)? {
            out.push(h);
        }
        Ok(out)
    }

    /// A PAX extended header holding one record, `<len> <key>=<value>\n`.
    fn pax_header(key_value: &str) -> Vec<u8> {
        let body = format!(" {key_value}\n");
        let mut len = body.len() + 1;
        while format!("{len}{body}").len() != len {
            len += 1;
        }
        let record = format!("{len}{body}");
        let mut out = header("PaxHeaders/x", b'x', record.len() as u64).to_vec();
        let mut rec = record.into_bytes();
        rec.resize(rec.len().div_ceil(BLOCK) * BLOCK, 0);
        out.extend_from_slice(&rec);
        out
    }

    fn set_checksum(b: &mut [u8; BLOCK]) {
        b[148..156].copy_from_slice(b"        ");
        let sum: u32 = b.iter().map(|&x| u32::from(x)).sum();
        b[148..156].copy_from_slice(format!("{sum:06o}\0 ").as_bytes());
    }

    #[test]
    fn pax_sizes_near_u64_max_are_errors_naming_the_entry() {
        // u64::MAX - 510 is the smallest size whose 512-byte padding no longer fits in a u64.
        for size in [u64::MAX, u64::MAX - 1, u64::MAX - 510] {
            for flag in [b'0', b'6'] {
                let mut tar = pax_header(&format!("size={size}"));
                tar.extend_from_slice(&header("app/huge.bin", flag, 0));
                tar.extend_from_slice(&[0u8; 1024]);
                match headers(&tar) {
                    Err(e @ TarError::SizeOverflow { .. }) => {
                        let text = e.to_string();
                        assert!(text.contains("`app/huge.bin`"), "{text}");
                        assert!(text.contains(&size.to_string()), "{text}");
                        assert!(text.contains("byte 1024"), "{text}");
                    }
                    other => panic!("size {size}: expected SizeOverflow, got {other:?}"),
                }
            }
        }
        // The largest size whose padding fits is accepted and ends as a truncated stream.
        let mut tar = pax_header(&format!("size={}", u64::MAX - 511));
        tar.extend_from_slice(&header("app/huge.bin", b'0', 0));
        tar.extend_from_slice(&[0u8; 1024]);
        assert!(matches!(headers(&tar), Err(TarError::Truncated { .. })));
        // A PAX size beyond u64 is an unreadable field, not a wrapped number.
        let mut tar = pax_header("size=18446744073709551616");
        tar.extend_from_slice(&header("app/huge.bin", b'0', 0));
        assert!(matches!(
            headers(&tar),
            Err(TarError::BadField {
                field: "pax size",
                ..
            })
        ));
    }

    #[test]
    fn base256_sizes_near_u64_max_are_errors() {
        // GNU base-256: top bit set, then a big-endian number in the remaining 95 bits.
        let mut b = header("big.bin", b'0', 0);
        b[124..136].copy_from_slice(&[
            0x80, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
        ]);
        set_checksum(&mut b);
        let mut tar = b.to_vec();
        tar.extend_from_slice(&[0u8; 1024]);
        assert!(matches!(
            headers(&tar),
            Err(TarError::SizeOverflow { size: u64::MAX, .. })
        ));
        // Beyond 64 bits the number itself is refused.
        b[124..136].copy_from_slice(&[0x80, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
        set_checksum(&mut b);
        assert!(matches!(
            headers(&b),
            Err(TarError::BadField { field: "size", .. })
        ));
    }

    #[test]
    fn reads_entries_and_pax_long_names() {
        let long = "d/".repeat(80) + "file";
        let record_body = format!(" path={long}\n");
        let mut n = record_body.len() + 3;
        if format!("{n}{record_body}").len() != n {
            n += 1;
        }
        let record = format!("{n}{record_body}");
        let mut tar = Vec::new();
        tar.extend_from_slice(&header("a.txt", b'0', 3));
        tar.extend_from_slice(b"abc");
        tar.resize(1024, 0);
        tar.extend_from_slice(&header("pax", b'x', record.len() as u64));
        let mut rec = record.into_bytes();
        rec.resize(BLOCK, 0);
        tar.extend_from_slice(&rec);
        tar.extend_from_slice(&header("short", b'0', 0));
        tar.extend_from_slice(&[0u8; 1024]);
        let got = entries(&tar).unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0], ("a.txt".to_string(), 3, b"abc".to_vec()));
        assert_eq!(got[1].0, long);
    }

    #[test]
    fn truncated_data_and_bad_checksum_are_errors() {
        let mut tar = Vec::new();
        tar.extend_from_slice(&header("a.txt", b'0', 600));
        tar.extend_from_slice(&[1u8; 100]);
        assert!(entries(&tar).is_err());

        let mut bad = header("a.txt", b'0', 0);
        bad[0] = b'b';
        assert!(matches!(entries(&bad), Err(TarError::BadChecksum { .. })));
    }

    #[test]
    fn oversized_extension_is_refused_without_buffering() {
        let tar = header("big", b'L', 10 * 1024 * 1024);
        assert!(matches!(
            entries(&tar),
            Err(TarError::ExtensionTooLarge { .. })
        ));
    }
}
