//! The per-image push. See the module docs of [`crate::push`].

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use bytes::Bytes;
use futures::StreamExt;
use serde_json::json;
use tokio_util::sync::CancellationToken;

use super::cache::BlobCache;
use super::producers;
use super::progress::{PushPhase, PushProgress};
use crate::archive::plan::{DockerLayer, OciManifest, DOCKER_MANIFEST};
use crate::archive::{ArchiveSource, BlobRef, ImagePlan, ManifestKind};
use crate::blobs::Producer;
use crate::client::Registry;
use crate::error::{Error, Result};
use crate::manifests::sha256_digest;

const DOCKER_CONFIG: &str = "application/vnd.docker.container.image.v1+json";
const DOCKER_LAYER_GZIP: &str = "application/vnd.docker.image.rootfs.diff.tar.gzip";
const DOCKER_LAYER_TAR: &str = "application/vnd.docker.image.rootfs.diff.tar";

/// How to push.
#[derive(Debug, Clone)]
pub struct PushOptions {
    /// Gzip layers of Docker archives (the default); false sends them uncompressed.
    pub compress: bool,
    /// gzip level (1–9); random-looking chunks are stored whatever the level.
    pub level: u32,
    /// Threads compressing one layer.
    pub compress_workers: usize,
    /// Layers of one image in flight at once (SWR limits concurrent layer pushes).
    pub layers_in_flight: usize,
}

impl Default for PushOptions {
    fn default() -> Self {
        Self {
            compress: true,
            // Measured with `examples/gzip_levels.rs` on text: zlib-rs level 1 leaves 58% of
            // the bytes, level 2 43%, level 6 41% at 1.6× the time of level 2.
            level: 2,
            compress_workers: std::thread::available_parallelism().map_or(2, usize::from),
            layers_in_flight: 2,
        }
    }
}

/// Where an image goes: `org/name` and the tags to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub repository: String,
    pub tags: Vec<String>,
}

/// The result of a verified push.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PushedImage {
    pub repository: String,
    pub tags: Vec<String>,
    pub digest: String,
    pub media_type: String,
    /// Blobs the registry already had (or mounted).
    pub blobs_skipped: usize,
    pub blobs_uploaded: usize,
}

/// Hooks into the push: progress counters, the blob cache, blobs already confirmed in the
/// target repository (from a journal), and a callback for each newly confirmed blob.
pub struct PushContext<'a> {
    pub progress: &'a PushProgress,
    pub cache: &'a BlobCache,
    pub confirmed: &'a BTreeSet<String>,
    pub on_blob: &'a (dyn Fn(&str) + Sync),
    pub cancel: &'a CancellationToken,
}

struct Job {
    slot: usize,
    label: String,
    stored_size: u64,
    /// Digest known before reading (OCI blobs, uncompressed layers, configs).
    digest: Option<String>,
    /// Its size, when known too.
    size: Option<u64>,
    diff_id: Option<String>,
    make: Box<dyn Fn(Arc<std::sync::atomic::AtomicU64>) -> Producer + Send + Sync>,
}

struct Outcome {
    digest: String,
    size: u64,
    uploaded: bool,
}

async fn present(
    reg: &Registry,
    ctx: &PushContext<'_>,
    repo: &str,
    digest: &str,
    size: Option<u64>,
) -> Result<Option<u64>> {
    if let Some(found) = reg.blob_size(repo, digest).await? {
        if size.is_none_or(|s| s == found) {
            return Ok(Some(found));
        }
    }
    for from in ctx.cache.repositories_with(reg.host(), digest) {
        if from != repo && reg.mount_blob(repo, digest, &from).await? {
            return reg.blob_size(repo, digest).await;
        }
    }
    Ok(None)
}

async fn run_job(reg: &Registry, ctx: &PushContext<'_>, repo: &str, job: Job) -> Result<Outcome> {
    if ctx.cancel.is_cancelled() {
        return Err(Error::Cancelled);
    }
    let known = job.digest.clone().map(|d| (d, job.size)).or_else(|| {
        let diff_id = job.diff_id.as_deref()?;
        ctx.cache
            .gzip_for(reg.host(), diff_id)
            .map(|(d, s)| (d, Some(s)))
    });
    if let Some((digest, size)) = known {
        // Confirmed earlier by this same push (a journal entry after a restart).
        if let Some(size) = size.filter(|_| ctx.confirmed.contains(&digest)) {
            ctx.progress.skip(job.stored_size);
            return Ok(Outcome {
                digest,
                size,
                uploaded: false,
            });
        }
        if let Some(found) = present(reg, ctx, repo, &digest, size).await? {
            ctx.progress.skip(job.stored_size);
            ctx.cache.record_location(reg.host(), &digest, repo);
            (ctx.on_blob)(&digest);
            return Ok(Outcome {
                digest,
                size: found,
                uploaded: false,
            });
        }
    }
    let counter = ctx
        .progress
        .start(job.slot, job.label.clone(), job.stored_size);
    let producer = (job.make)(counter);
    let result = reg.upload_blob(repo, producer, &|_| {}, ctx.cancel).await;
    match result {
        Ok(p) => {
            ctx.progress.finish(job.slot, job.stored_size, p.size);
            if let Some(diff_id) = &job.diff_id {
                ctx.cache
                    .record_gzip(reg.host(), diff_id, &p.digest, p.size);
                // Saved now, not only after the image: a push taken up again after a kill
                // must know the compressed digest its journal confirmed without compressing.
                ctx.cache.save();
            }
            ctx.cache.record_location(reg.host(), &p.digest, repo);
            (ctx.on_blob)(&p.digest);
            Ok(Outcome {
                digest: p.digest,
                size: p.size,
                uploaded: true,
            })
        }
        Err(e) => {
            ctx.progress.abandon(job.slot);
            Err(e)
        }
    }
}

/// Runs jobs, at most `n` at once (one at a time, in archive order, when the archive cannot
/// be seeked); returns outcomes by slot.
///
/// In a compressed archive (`.tar.gz`, `.tar.zst`) a second layer in flight needs a second
/// decompressor that inflates again every byte before its entry. Measured with
/// `scripts/bench-push.sh` on two cores, that bought nothing on a 1 GiB image (9.0–12.5 s
/// either way) for ~25 MiB more memory and twice the decompression, so those archives keep
/// one layer at a time. Plain archives open a file handle per layer and get `n`, gzip or not.
async fn run_jobs(
    reg: &Registry,
    ctx: &PushContext<'_>,
    repo: &str,
    mut jobs: Vec<(u64, Job)>,
    n: usize,
    seekable: bool,
) -> Result<BTreeMap<usize, Outcome>> {
    let n = if seekable { n.max(1) } else { 1 };
    jobs.sort_by_key(|(offset, _)| *offset);
    let mut stream = futures::stream::iter(jobs.into_iter().map(|(_, job)| {
        let slot = job.slot;
        async move { run_job(reg, ctx, repo, job).await.map(|o| (slot, o)) }
    }))
    .buffer_unordered(n);
    let mut out = BTreeMap::new();
    while let Some(r) = stream.next().await {
        let (slot, o) = r?;
        out.insert(slot, o);
    }
    Ok(out)
}

fn blob_job(source: &ArchiveSource, slot: usize, b: &BlobRef) -> (u64, Job) {
    let (source, entry, loc, digest) = (
        source.clone(),
        b.entry.clone(),
        b.location,
        b.digest.clone(),
    );
    (
        b.location.offset,
        Job {
            slot,
            label: b.entry.clone(),
            stored_size: b.size,
            digest: Some(b.digest.clone()),
            size: Some(b.size),
            diff_id: None,
            make: Box::new(move |c| {
                producers::verbatim(source.clone(), entry.clone(), loc, digest.clone(), false, c)
            }),
        },
    )
}

async fn push_oci_blobs(
    reg: &Registry,
    ctx: &PushContext<'_>,
    source: &ArchiveSource,
    repo: &str,
    m: &OciManifest,
    opts: &PushOptions,
) -> Result<(usize, usize)> {
    let mut seen = BTreeSet::new();
    let mut jobs = Vec::new();
    // Slots as in a Docker push: layers by index, then the config.
    for (slot, b) in m
        .layers
        .iter()
        .chain(std::iter::once(&m.config))
        .enumerate()
    {
        if seen.insert(b.digest.clone()) {
            ctx.progress.add_total(b.size);
            jobs.push(blob_job(source, slot, b));
        }
    }
    let outcomes = run_jobs(
        reg,
        ctx,
        repo,
        jobs,
        opts.layers_in_flight,
        source.seekable(),
    )
    .await?;
    let uploaded = outcomes.values().filter(|o| o.uploaded).count();
    Ok((outcomes.len() - uploaded, uploaded))
}

async fn push_docker(
    reg: &Registry,
    ctx: &PushContext<'_>,
    source: &ArchiveSource,
    repo: &str,
    config: &[u8],
    layers: &[DockerLayer],
    opts: &PushOptions,
) -> Result<(Vec<u8>, usize, usize)> {
    let mut jobs = Vec::new();
    let mut slot_of = BTreeMap::new();
    for (i, l) in layers.iter().enumerate() {
        if slot_of.contains_key(&l.diff_id) {
            continue;
        }
        slot_of.insert(l.diff_id.clone(), i);
        ctx.progress.add_total(l.location.size);
        let (src, entry, loc, diff_id) = (
            source.clone(),
            l.entry.clone(),
            l.location,
            l.diff_id.clone(),
        );
        let (level, workers, compress) = (opts.level, opts.compress_workers, opts.compress);
        jobs.push((
            l.location.offset,
            Job {
                slot: i,
                label: l.entry.clone(),
                stored_size: l.location.size,
                digest: (!compress).then(|| l.diff_id.clone()),
                size: None,
                diff_id: compress.then(|| l.diff_id.clone()),
                make: Box::new(move |c| {
                    if compress {
                        producers::gzip_layer(
                            src.clone(),
                            entry.clone(),
                            loc,
                            diff_id.clone(),
                            level,
                            workers,
                            c,
                        )
                    } else {
                        producers::verbatim(
                            src.clone(),
                            entry.clone(),
                            loc,
                            diff_id.clone(),
                            true,
                            c,
                        )
                    }
                }),
            },
        ));
    }
    let config_slot = layers.len();
    let config_bytes = Bytes::copy_from_slice(config);
    ctx.progress.add_total(config.len() as u64);
    jobs.push((
        0,
        Job {
            slot: config_slot,
            label: "config".into(),
            stored_size: config.len() as u64,
            digest: Some(sha256_digest(config)),
            size: Some(config.len() as u64),
            diff_id: None,
            make: Box::new(move |_| producers::from_memory(config_bytes.clone())),
        },
    ));
    let outcomes = run_jobs(
        reg,
        ctx,
        repo,
        jobs,
        opts.layers_in_flight,
        source.seekable(),
    )
    .await?;
    let uploaded = outcomes.values().filter(|o| o.uploaded).count();
    let skipped = outcomes.len() - uploaded;
    let get = |slot: usize| {
        outcomes
            .get(&slot)
            .ok_or_else(|| Error::archive("a layer was not pushed"))
    };
    let mut descriptors = Vec::new();
    for l in layers {
        let o = get(*slot_of.get(&l.diff_id).unwrap_or(&usize::MAX))?;
        descriptors.push(json!({
            "mediaType": if opts.compress { DOCKER_LAYER_GZIP } else { DOCKER_LAYER_TAR },
            "size": o.size,
            "digest": o.digest,
        }));
    }
    let c = get(config_slot)?;
    let manifest = json!({
        "schemaVersion": 2,
        "mediaType": DOCKER_MANIFEST,
        "config": {"mediaType": DOCKER_CONFIG, "size": c.size, "digest": c.digest},
        "layers": descriptors,
    });
    let bytes = serde_json::to_vec_pretty(&manifest).map_err(|e| Error::archive(e.to_string()))?;
    Ok((bytes, skipped, uploaded))
}

/// Pushes one planned image to `target` and verifies every tag.
pub async fn push_image(
    reg: &Registry,
    source: &ArchiveSource,
    plan: &ImagePlan,
    target: &Target,
    opts: &PushOptions,
    ctx: &PushContext<'_>,
) -> Result<PushedImage> {
    let repo = target.repository.as_str();
    ctx.progress.set_phase(PushPhase::Blobs);
    let (bytes, media_type, skipped, uploaded) = match &plan.kind {
        ManifestKind::Docker { config, layers } => {
            let (bytes, s, u) = push_docker(reg, ctx, source, repo, config, layers, opts).await?;
            (bytes, DOCKER_MANIFEST.to_owned(), s, u)
        }
        ManifestKind::Oci(m) => {
            let (s, u) = push_oci_blobs(reg, ctx, source, repo, m, opts).await?;
            (m.bytes.clone(), m.media_type.clone(), s, u)
        }
        ManifestKind::OciIndex {
            bytes,
            media_type,
            children,
        } => {
            let (mut s, mut u) = (0, 0);
            for child in children {
                let (cs, cu) = push_oci_blobs(reg, ctx, source, repo, child, opts).await?;
                s += cs;
                u += cu;
                let digest = sha256_digest(&child.bytes);
                reg.put_manifest(repo, &digest, &child.media_type, &child.bytes)
                    .await?;
            }
            // An index only goes up once the registry serves every child it names.
            for child in children {
                let digest = sha256_digest(&child.bytes);
                if reg.manifest_digest(repo, &digest).await?.as_deref() != Some(digest.as_str()) {
                    return Err(Error::VerifyFailed {
                        reference: format!("{repo}@{digest}"),
                        expected: digest.clone(),
                        actual: "missing".into(),
                    });
                }
            }
            (bytes.clone(), media_type.clone(), s, u)
        }
    };
    if ctx.cancel.is_cancelled() {
        return Err(Error::Cancelled);
    }
    let digest = sha256_digest(&bytes);
    ctx.progress.set_phase(PushPhase::Manifest);
    for tag in &target.tags {
        reg.put_manifest(repo, tag, &media_type, &bytes).await?;
    }
    ctx.progress.set_phase(PushPhase::Verifying);
    for tag in &target.tags {
        let served = reg.manifest_digest(repo, tag).await?;
        if served.as_deref() != Some(digest.as_str()) {
            return Err(Error::VerifyFailed {
                reference: format!("{}/{repo}:{tag}", reg.host()),
                expected: digest,
                actual: served.unwrap_or_else(|| "nothing".into()),
            });
        }
    }
    ctx.cache.save();
    Ok(PushedImage {
        repository: repo.to_owned(),
        tags: target.tags.clone(),
        digest,
        media_type,
        blobs_skipped: skipped,
        blobs_uploaded: uploaded,
    })
}
