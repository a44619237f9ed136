//! Copying a tag (retag, promote) to another tag, image or organization, on the registry.
//!
//! The copy keeps the image's digest: the same manifest bytes are put under the new name after
//! every blob they name is in the target repository. A blob already there is left alone; one
//! that is not is mounted from the source repository (no byte leaves the registry); only when
//! the registry refuses the mount is it downloaded to a temporary file and uploaded, checked
//! against its digest both ways. A multi-platform index copies each platform's manifest first.
//! As with a push, no tag appears before everything it names is confirmed.

use std::io::Read;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use swr_archive::config::{OciIndex, OciManifest};
use swr_registry::{FetchedManifest, Produced, Producer};
use tokio_util::sync::CancellationToken;

use super::reference::{ImageRef, TagOrDigest};
use super::BrowseError;
use crate::journal::{Change, Operation};
use crate::sessions::Session;

/// What a copy did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CopyOutcome {
    pub source: String,
    pub target: String,
    /// The digest both names now share.
    pub digest: String,
    /// Blobs linked from the source repository without transferring them.
    pub mounted: u64,
    /// Blobs downloaded and uploaded again because the registry would not mount them.
    pub copied: u64,
    /// Blobs the target repository already had.
    pub present: u64,
}

/// Copies `source` (a tag or digest) to `target` (a tag).
pub async fn copy_tag(
    session: &Session,
    source: &ImageRef,
    target: &ImageRef,
) -> Result<CopyOutcome, BrowseError> {
    let record =
        Change::new(Operation::TagCopy, target.to_string()).after(format!("copy of {source}"));
    session
        .change(record, copy_unrecorded(session, source, target))
        .await
}

async fn copy_unrecorded(
    session: &Session,
    source: &ImageRef,
    target: &ImageRef,
) -> Result<CopyOutcome, BrowseError> {
    let from = source.require_reference("the source")?;
    let Some(TagOrDigest::Tag(to_tag)) = &target.reference else {
        return Err(BrowseError::Invalid(format!(
            "the target needs a tag: write {}:TAG",
            target.repository()
        )));
    };
    if let Err(e) = session.api.show_namespace(&target.organization).await {
        return Err(if e.status() == Some(404) {
            BrowseError::Refused(format!(
                "organization `{}` does not exist: create it first, then copy again",
                target.organization
            ))
        } else {
            e.into()
        });
    }
    let (src, dst) = (source.repository(), target.repository());
    let top = session
        .registry
        .get_manifest(&src, from.as_str())
        .await?
        .ok_or_else(|| BrowseError::NotFound(format!("{source} does not exist")))?;
    let mut outcome = CopyOutcome {
        source: source.to_string(),
        target: target.to_string(),
        digest: top.digest.clone(),
        mounted: 0,
        copied: 0,
        present: 0,
    };
    if let Ok(index) = serde_json::from_slice::<OciIndex>(&top.bytes) {
        if !index.manifests.is_empty() {
            for entry in &index.manifests {
                let child = session
                    .registry
                    .get_manifest(&src, &entry.digest)
                    .await?
                    .ok_or_else(|| {
                        BrowseError::NotFound(format!("{src} lacks manifest {}", entry.digest))
                    })?;
                copy_manifest(session, &src, &dst, &child, &child.digest, &mut outcome).await?;
            }
            put(session, &dst, to_tag, &top).await?;
            return Ok(outcome);
        }
    }
    copy_manifest(session, &src, &dst, &top, to_tag, &mut outcome).await?;
    Ok(outcome)
}

/// Brings every blob of one image manifest into `dst`, then puts the manifest as `reference`.
async fn copy_manifest(
    session: &Session,
    src: &str,
    dst: &str,
    manifest: &FetchedManifest,
    reference: &str,
    outcome: &mut CopyOutcome,
) -> Result<(), BrowseError> {
    let parsed: OciManifest = serde_json::from_slice(&manifest.bytes).map_err(|e| {
        BrowseError::Registry(swr_registry::Error::Protocol {
            what: "the image manifest".into(),
            message: e.to_string(),
        })
    })?;
    let blobs = std::iter::once(&parsed.config).chain(parsed.layers.iter());
    for blob in blobs {
        let registry = &session.registry;
        if registry.blob_size(dst, &blob.digest).await?.is_some() {
            outcome.present += 1;
        } else if registry.mount_blob(dst, &blob.digest, src).await? {
            outcome.mounted += 1;
        } else {
            transfer(session, src, dst, &blob.digest).await?;
            outcome.copied += 1;
        }
    }
    put(session, dst, reference, manifest).await
}

async fn put(
    session: &Session,
    dst: &str,
    reference: &str,
    manifest: &FetchedManifest,
) -> Result<(), BrowseError> {
    session
        .registry
        .put_manifest(dst, reference, &manifest.media_type, &manifest.bytes)
        .await?;
    Ok(())
}

/// Downloads a blob to a temporary file and uploads it to `dst`; memory stays constant.
async fn transfer(
    session: &Session,
    src: &str,
    dst: &str,
    digest: &str,
) -> Result<(), BrowseError> {
    let io = |what: &str, source: std::io::Error| BrowseError::Io {
        what: format!("{what} for {digest}"),
        source,
    };
    let mut file = tempfile::NamedTempFile::new().map_err(|e| io("a temporary file", e))?;
    session
        .registry
        .download_blob(src, digest, file.as_file_mut())
        .await?;
    let path = Arc::new(file.into_temp_path());
    let reader = path.clone();
    let producer: Producer = Arc::new(move |emit| {
        let fail = |source: std::io::Error| swr_registry::Error::Io {
            path: reader.display().to_string(),
            source,
        };
        let mut f = std::fs::File::open(&*reader).map_err(fail)?;
        let mut hasher = Sha256::new();
        let mut size = 0u64;
        let mut buf = vec![0u8; 1 << 20];
        loop {
            let n = f.read(&mut buf).map_err(fail)?;
            if n == 0 {
                break;
            }
            hasher.update(&buf[..n]);
            size += n as u64;
            emit(bytes::Bytes::copy_from_slice(&buf[..n])).map_err(fail)?;
        }
        Ok(Produced {
            digest: format!("sha256:{}", hex::encode(hasher.finalize())),
            size,
        })
    });
    let produced = session
        .registry
        .upload_blob(dst, producer, &|_| {}, &CancellationToken::new())
        .await?;
    if produced.digest != digest {
        return Err(BrowseError::Registry(swr_registry::Error::DigestMismatch {
            entry: format!("{dst}@{digest}"),
            expected: digest.to_owned(),
            actual: produced.digest,
        }));
    }
    drop(path);
    Ok(())
}
