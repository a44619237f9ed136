//! Real images small enough to write by hand: OCI layouts of one platform or an index of
//! several, one uncompressed layer each (nothing but sha256 is needed), for tests that push
//! them with `skopeo` and read them back.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::{json, Value};
use sha2::{Digest, Sha256};

const MANIFEST: &str = "application/vnd.oci.image.manifest.v1+json";
const INDEX: &str = "application/vnd.oci.image.index.v1+json";

/// A descriptor of a blob written into the layout.
fn put_blob(layout: &Path, media_type: &str, bytes: &[u8]) -> Value {
    let hex = hex::encode(Sha256::digest(bytes));
    let dir = layout.join("blobs/sha256");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(&hex), bytes).unwrap();
    json!({"mediaType": media_type, "digest": format!("sha256:{hex}"), "size": bytes.len()})
}

/// A ustar archive holding one regular file.
fn tar_with(name: &str, content: &[u8]) -> Vec<u8> {
    let mut header = [0u8; 512];
    let field = |header: &mut [u8; 512], at: usize, text: &[u8]| {
        header[at..at + text.len()].copy_from_slice(text);
    };
    field(&mut header, 0, name.as_bytes());
    field(&mut header, 100, b"0000644\0");
    field(&mut header, 108, b"0000000\0");
    field(&mut header, 116, b"0000000\0");
    field(
        &mut header,
        124,
        format!("{:011o}\0", content.len()).as_bytes(),
    );
    field(&mut header, 136, b"00000000000\0");
    field(&mut header, 148, b"        ");
    header[156] = b'0';
    field(&mut header, 257, b"ustar\0");
    field(&mut header, 263, b"00");
    let sum: u32 = header.iter().map(|b| u32::from(*b)).sum();
    field(&mut header, 148, format!("{sum:06o}\0 ").as_bytes());
    let mut out = header.to_vec();
    out.extend_from_slice(content);
    out.resize(out.len().div_ceil(512) * 512 + 1024, 0);
    out
}

/// One single-platform image in `layout`; returns its manifest descriptor.
fn put_image(layout: &Path, arch: &str, text: &str) -> Value {
    let layer = tar_with("hello.txt", text.as_bytes());
    let layer_desc = put_blob(layout, "application/vnd.oci.image.layer.v1.tar", &layer);
    let config = json!({
        "architecture": arch, "os": "linux", "config": {},
        "rootfs": {"type": "layers", "diff_ids": [layer_desc["digest"]]},
    });
    let config_desc = put_blob(
        layout,
        "application/vnd.oci.image.config.v1+json",
        &serde_json::to_vec(&config).unwrap(),
    );
    let manifest = json!({
        "schemaVersion": 2, "mediaType": MANIFEST, "config": config_desc, "layers": [layer_desc],
    });
    let mut desc = put_blob(layout, MANIFEST, &serde_json::to_vec(&manifest).unwrap());
    desc["platform"] = json!({"architecture": arch, "os": "linux"});
    desc
}

/// Writes an OCI layout at `layout` whose reference `image` is one image (one platform) or an
/// index of several. (skopeo compresses the layers on push, so the digests in the registry
/// are not the layout's.)
pub fn layout(layout: &Path, platforms: &[(&str, &str)]) {
    let mut images: Vec<Value> = platforms
        .iter()
        .map(|(arch, text)| put_image(layout, arch, text))
        .collect();
    let mut top = if images.len() == 1 {
        images.remove(0)
    } else {
        let index = json!({"schemaVersion": 2, "mediaType": INDEX, "manifests": images});
        put_blob(layout, INDEX, &serde_json::to_vec(&index).unwrap())
    };
    top.as_object_mut().unwrap().remove("platform");
    top["annotations"] = json!({"org.opencontainers.image.ref.name": "image"});
    let index = json!({"schemaVersion": 2, "manifests": [top]});
    std::fs::write(layout.join("index.json"), index.to_string()).unwrap();
    std::fs::write(
        layout.join("oci-layout"),
        r#"{"imageLayoutVersion":"1.0.0"}"#,
    )
    .unwrap();
}

/// Digests of every blob (manifests included) in a layout.
pub fn blobs(layout: &Path) -> BTreeSet<String> {
    std::fs::read_dir(layout.join("blobs/sha256"))
        .unwrap()
        .map(|e| format!("sha256:{}", e.unwrap().file_name().to_string_lossy()))
        .collect()
}
