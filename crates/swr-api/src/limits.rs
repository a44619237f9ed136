//! Upper bounds on what is read from outside: answers from servers and files named in a
//! profile.
//!
//! A server that streams without end, or a CA bundle path that names `/dev/zero`, must end in a
//! clear error rather than in all of the machine's memory. The bounds sit far above anything
//! real: SWR's largest answer is a page of 1,000 repositories (well under 2 MiB), and a CA
//! bundle of every public root is about 250 KiB.

use std::io::Read;
use std::path::Path;

use futures::StreamExt;

/// The most read of one answer of the management API.
pub const MAX_API_RESPONSE_BYTES: usize = 32 << 20;
/// The most read of a registry's error or token answer.
pub const MAX_SMALL_RESPONSE_BYTES: usize = 1 << 20;
/// The largest CA bundle file read.
pub const MAX_CA_BUNDLE_BYTES: u64 = 4 << 20;

/// Why a bounded read stopped.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("the answer is larger than {limit} bytes")]
    TooLarge { limit: usize },
    #[error(transparent)]
    Transport(#[from] reqwest::Error),
}

/// The body of `response`, or [`ReadError::TooLarge`] as soon as it passes `limit` bytes.
pub async fn read_body(
    response: reqwest::Response,
    limit: usize,
) -> Result<bytes::Bytes, ReadError> {
    if response.content_length().is_some_and(|n| n > limit as u64) {
        return Err(ReadError::TooLarge { limit });
    }
    let mut body = bytes::BytesMut::new();
    let mut stream = response.bytes_stream();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk?;
        if body.len() + chunk.len() > limit {
            return Err(ReadError::TooLarge { limit });
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}

/// The PEM text of a CA bundle file: a regular file of at most [`MAX_CA_BUNDLE_BYTES`].
pub fn read_ca_bundle(path: &Path) -> Result<Vec<u8>, String> {
    let shown = path.display();
    let file =
        std::fs::File::open(path).map_err(|e| format!("cannot read the CA bundle {shown}: {e}"))?;
    let meta = file
        .metadata()
        .map_err(|e| format!("cannot read the CA bundle {shown}: {e}"))?;
    if !meta.is_file() {
        return Err(format!(
            "the CA bundle {shown} is not a regular file; name a PEM file"
        ));
    }
    let mut pem = Vec::new();
    file.take(MAX_CA_BUNDLE_BYTES + 1)
        .read_to_end(&mut pem)
        .map_err(|e| format!("cannot read the CA bundle {shown}: {e}"))?;
    if pem.len() as u64 > MAX_CA_BUNDLE_BYTES {
        return Err(format!(
            "the CA bundle {shown} is larger than {} MiB; name the PEM file of your CA only",
            MAX_CA_BUNDLE_BYTES >> 20
        ));
    }
    Ok(pem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_device_or_a_huge_file_is_not_a_ca_bundle() {
        let err = read_ca_bundle(Path::new("/dev/zero")).unwrap_err();
        assert!(err.contains("not a regular file"), "{err}");

        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.pem");
        let file = std::fs::File::create(&big).unwrap();
        file.set_len(MAX_CA_BUNDLE_BYTES + 1).unwrap();
        let err = read_ca_bundle(&big).unwrap_err();
        assert!(err.contains("larger than 4 MiB"), "{err}");

        let small = dir.path().join("ca.pem");
        std::fs::write(&small, b"-----BEGIN CERTIFICATE-----\n").unwrap();
        assert_eq!(
            read_ca_bundle(&small).unwrap(),
            b"-----BEGIN CERTIFICATE-----\n"
        );
    }

    /// Answers every connection with an endless chunked body.
    async fn endless_server() -> String {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move {
            while let Ok((mut sock, _)) = listener.accept().await {
                tokio::spawn(async move {
                    let mut head = [0u8; 4096];
                    let _ = sock.read(&mut head).await;
                    let _ = sock
                        .write_all(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
                        .await;
                    let chunk = format!("10000\r\n{}\r\n", "x".repeat(0x10000));
                    while sock.write_all(chunk.as_bytes()).await.is_ok() {}
                });
            }
        });
        format!("http://{addr}/")
    }

    #[tokio::test]
    async fn an_endless_answer_stops_at_the_limit() {
        let url = endless_server().await;
        let response = reqwest::get(&url).await.unwrap();
        let err = read_body(response, 1 << 20).await.unwrap_err();
        assert!(
            matches!(err, ReadError::TooLarge { limit } if limit == 1 << 20),
            "{err}"
        );
    }
}
