//! Tiny real images for the demo seed, built in memory and byte-for-byte deterministic.
//!
//! One layer (a gzip'd tar holding a single text file, zero mtimes), an image config whose
//! `rootfs.diff_ids` names the uncompressed layer, and a Docker schema-2 manifest. Pulling one
//! with skopeo gives a valid image; the same text always yields the same digests.

use bytes::Bytes;
use flate2::write::GzEncoder;
use flate2::Compression;
use sha2::{Digest, Sha256};

pub const MANIFEST_TYPE: &str = "application/vnd.docker.distribution.manifest.v2+json";

pub struct TinyImage {
    pub layer: Bytes,
    pub layer_digest: String,
    pub config: Bytes,
    pub config_digest: String,
    pub manifest: Bytes,
    pub manifest_digest: String,
}

pub fn digest(data: &[u8]) -> String {
    format!("sha256:{}", hex::encode(Sha256::digest(data)))
}

fn layer_tar(path: &str, content: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut builder = tar::Builder::new(Vec::new());
    let mut header = tar::Header::new_gnu();
    header.set_size(content.len() as u64);
    header.set_mode(0o644);
    header.set_mtime(0);
    header.set_uid(0);
    header.set_gid(0);
    builder.append_data(&mut header, path, content)?;
    builder.into_inner()
}

/// An image whose only file is `/etc/sandbox-release` containing `text`.
pub fn build(text: &str) -> std::io::Result<TinyImage> {
    let tar = layer_tar("etc/sandbox-release", text.as_bytes())?;
    let diff_id = digest(&tar);
    // No file name and mtime 0 in the gzip header keep the layer digest stable.
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    std::io::Write::write_all(&mut gz, &tar)?;
    let layer = gz.finish()?;
    let layer_digest = digest(&layer);
    let config = serde_json::to_vec(&serde_json::json!({
        "architecture": "amd64",
        "os": "linux",
        "created": "2024-01-01T00:00:00Z",
        "config": {"Cmd": ["/bin/sh"], "Labels": {"org.opencontainers.image.title": text}},
        "rootfs": {"type": "layers", "diff_ids": [diff_id]},
        "history": [{"created": "2024-01-01T00:00:00Z", "created_by": "swr-sandbox demo seed"}],
    }))
    .map_err(std::io::Error::other)?;
    let config_digest = digest(&config);
    let manifest = serde_json::to_vec(&serde_json::json!({
        "schemaVersion": 2,
        "mediaType": MANIFEST_TYPE,
        "config": {"mediaType": "application/vnd.docker.container.image.v1+json", "size": config.len(), "digest": config_digest},
        "layers": [{"mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip", "size": layer.len(), "digest": layer_digest}],
    }))
    .map_err(std::io::Error::other)?;
    let manifest_digest = digest(&manifest);
    Ok(TinyImage {
        layer: Bytes::from(layer),
        layer_digest,
        config: Bytes::from(config),
        config_digest,
        manifest: Bytes::from(manifest),
        manifest_digest,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_are_deterministic_and_self_consistent() {
        let a = build("web 1.0").unwrap();
        let b = build("web 1.0").unwrap();
        assert_eq!(a.manifest_digest, b.manifest_digest);
        assert_ne!(a.manifest_digest, build("web 1.1").unwrap().manifest_digest);
        let m: serde_json::Value = serde_json::from_slice(&a.manifest).unwrap();
        assert_eq!(m["layers"][0]["digest"], a.layer_digest.as_str());
        assert_eq!(m["config"]["size"], a.config.len());
        let mut decoder = flate2::read::GzDecoder::new(&a.layer[..]);
        let mut tar = Vec::new();
        std::io::Read::read_to_end(&mut decoder, &mut tar).unwrap();
        let cfg: serde_json::Value = serde_json::from_slice(&a.config).unwrap();
        assert_eq!(cfg["rootfs"]["diff_ids"][0], digest(&tar).as_str());
    }
}
