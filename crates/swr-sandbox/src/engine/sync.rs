//! Image synchronisation to another region: the jobs behind automatic rules and manual sync.
//!
//! A job is recorded in the source repository when it is asked for and runs in the background:
//! `running`, then `success` or `failed`. To a region this sandbox serves (`--regions`), it
//! copies the tag's manifest — for an index also every child manifest — and every blob into
//! `remote_namespace`/same repository name of the target region, mounting blobs across
//! repositories in the shared registry where it can, and then records the tag in the target
//! region exactly as a push there (`push::record`: repository created private, triggers,
//! automatic rules, retention). A job to any other region ends `failed` at once: nothing is
//! reachable beyond this process.
//!
//! The target organization must exist in the target region and belong to the source
//! repository's account. Without `override`, an existing target tag with another digest is
//! left alone and the job fails; a target tag with the same digest is already synchronised, so
//! the job succeeds without recording a new push (which also ends rule chains between regions
//! that point at each other). Why a job failed goes to the log and the state file; SWR's job
//! list has no field for it.

use std::collections::HashSet;

use bytes::Bytes;
use sha2::{Digest, Sha256};

use super::push::{self, PushedManifest};
use crate::app::{App, SharedApp};
use crate::clock;
use crate::state::model::{Db, SyncJob};

/// Regions SWR offers as synchronisation targets when the sandbox serves only one (a subset
/// of the reference's region table).
const TARGETS: [&str; 6] = [
    "cn-north-4",
    "cn-east-3",
    "cn-south-1",
    "ap-southeast-1",
    "ap-southeast-3",
    "eu-west-101",
];

/// Manifests followed from one tag (an index, its children, theirs) before giving up.
const MAX_MANIFESTS: usize = 256;

/// The regions `app` synchronises to: the other regions this sandbox serves, or, when it
/// serves only one, the regions SWR would list.
pub fn targets(app: &App) -> Vec<String> {
    let own = &app.settings.region;
    let served = app.regions.ids();
    if served.len() > 1 {
        served.into_iter().filter(|r| r != own).collect()
    } else {
        TARGETS
            .iter()
            .filter(|r| **r != own.as_str())
            .map(|r| (*r).to_string())
            .collect()
    }
}

/// One tag to copy to one target.
#[derive(Debug, Clone)]
pub struct Order {
    pub namespace: String,
    pub repository: String,
    pub tag: String,
    pub region: String,
    pub remote_namespace: String,
    pub overwrite: bool,
    pub operator_id: String,
    pub operator_name: String,
}

/// Records the job for `order` in its repository. Returns its id when it must still run (the
/// target is served here); a job to any other region is recorded as `failed`.
pub fn enqueue(app: &App, db: &mut Db, order: &Order) -> Option<u64> {
    let served = app.regions.get(&order.region).is_some();
    let id = db.next_id();
    let repo = db.repo_mut(&order.namespace, &order.repository)?;
    let now = clock::now_seconds();
    let (status, detail) = if served {
        ("running", String::new())
    } else {
        (
            "failed",
            format!("region {} is not reachable from this sandbox", order.region),
        )
    };
    repo.sync_jobs.push(SyncJob {
        id,
        remote_region_id: order.region.clone(),
        remote_namespace: order.remote_namespace.clone(),
        overwrite: order.overwrite,
        tag: order.tag.clone(),
        status: status.into(),
        operator_id: order.operator_id.clone(),
        operator_name: order.operator_name.clone(),
        created_at: now.clone(),
        updated_at: now,
        detail,
    });
    served.then_some(id)
}

/// Jobs a previous run left `running` were cut off by its exit: they failed.
pub fn fail_interrupted(db: &mut Db) {
    for job in db
        .repos
        .values_mut()
        .flat_map(|r| r.sync_jobs.iter_mut())
        .filter(|j| j.status == "running")
    {
        job.status = "failed".into();
        job.detail = "the sandbox stopped while the job ran".into();
    }
}

/// Runs job `id` (recorded by [`enqueue`]) in the background.
pub fn start(app: &SharedApp, id: u64, order: Order) {
    let app = app.clone();
    tokio::spawn(async move {
        let outcome = {
            let _turn = app.regions.jobs.lock().await;
            run(&app, &order).await
        };
        finish(&app, id, &order, outcome);
    });
}

fn finish(app: &SharedApp, id: u64, order: &Order, outcome: Result<(), String>) {
    let target = format!(
        "{}/{}/{}:{}",
        order.region, order.remote_namespace, order.repository, order.tag
    );
    match &outcome {
        Ok(()) => tracing::info!(job = id, %target, "synchronisation job succeeded"),
        Err(why) => tracing::warn!(job = id, %target, "synchronisation job failed: {why}"),
    }
    if let Some(job) = app
        .store
        .lock()
        .repo_mut(&order.namespace, &order.repository)
        .and_then(|r| r.sync_jobs.iter_mut().find(|j| j.id == id))
    {
        job.status = if outcome.is_ok() { "success" } else { "failed" }.into();
        job.detail = outcome.err().unwrap_or_default();
        job.updated_at = clock::now_seconds();
    }
    app.store.persist_soon();
}

async fn run(source: &SharedApp, order: &Order) -> Result<(), String> {
    let target = source
        .regions
        .get(&order.region)
        .ok_or_else(|| format!("region {} is not served by this sandbox", order.region))?;
    let (tag, domain_id) = {
        let db = source.store.lock();
        let repo = db
            .repo(&order.namespace, &order.repository)
            .ok_or("the source repository no longer exists")?;
        let tag = repo
            .tags
            .get(&order.tag)
            .cloned()
            .ok_or_else(|| format!("tag {} no longer exists", order.tag))?;
        (tag, repo.domain_id.clone())
    };
    if tag.synthetic {
        return Err(format!(
            "tag {} is seed metadata without an image in the registry",
            order.tag
        ));
    }
    if already_there(&target, order, &domain_id, &tag.digest)? {
        return Ok(());
    }
    let from = format!("{}/{}", order.namespace, order.repository);
    let to = format!("{}/{}", order.remote_namespace, order.repository);
    let (body, registry_type) = copy_image(source, &target, &from, &to, &tag.digest).await?;
    // A push in the target region may have landed while the blobs were copied.
    if already_there(&target, order, &domain_id, &tag.digest)? {
        return Ok(());
    }
    let media_type = if tag.media_type.is_empty() {
        registry_type
    } else {
        tag.media_type
    };
    target
        .upstream
        .put_manifest(&to, &order.tag, &media_type, body.clone())
        .await
        .map_err(|e| e.to_string())?;
    let pushed = PushedManifest {
        name: to,
        reference: order.tag.clone(),
        digest: tag.digest,
        media_type,
        body,
    };
    push::record(&target, &order.operator_id, pushed).await;
    Ok(())
}

/// Whether the target already holds the tag with this digest; `Err` when the job cannot go on.
fn already_there(
    target: &App,
    order: &Order,
    domain_id: &str,
    digest: &str,
) -> Result<bool, String> {
    let db = target.store.lock();
    let region = &target.settings.region;
    let ns = db.namespaces.get(&order.remote_namespace).ok_or_else(|| {
        format!(
            "organization {} does not exist in region {region}",
            order.remote_namespace
        )
    })?;
    if ns.domain_id != domain_id {
        return Err(format!(
            "organization {} in region {region} belongs to another account",
            order.remote_namespace
        ));
    }
    if db.user_by_id(&order.operator_id).is_none() {
        return Err(format!(
            "user {} does not exist in region {region}",
            order.operator_name
        ));
    }
    let existing = db
        .repo(&order.remote_namespace, &order.repository)
        .and_then(|r| r.tags.get(&order.tag));
    match existing {
        Some(t) if t.digest == digest => Ok(true),
        Some(t) if !order.overwrite => Err(format!(
            "{}/{}:{} already exists in region {region} with digest {}, not {digest}, and override is false",
            order.remote_namespace, order.repository, order.tag, t.digest
        )),
        _ => Ok(false),
    }
}

/// What a manifest refers to: blobs, and child manifests (of an index).
#[derive(Debug, Default, PartialEq, Eq)]
struct References {
    blobs: Vec<String>,
    manifests: Vec<String>,
}

fn references(body: &[u8]) -> Result<References, String> {
    let v: serde_json::Value =
        serde_json::from_slice(body).map_err(|e| format!("manifest is not JSON: {e}"))?;
    let digests = |key: &str, field: &str| -> Vec<(String, String)> {
        v.get(key)
            .and_then(|x| x.as_array())
            .map(|items| {
                items
                    .iter()
                    .filter_map(|i| {
                        let digest = i.get(field)?.as_str()?.to_string();
                        let media_type = i.get("mediaType").and_then(|m| m.as_str());
                        Some((digest, media_type.unwrap_or_default().to_string()))
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut refs = References::default();
    if let Some(config) = v.get("config").and_then(|c| c.get("digest")) {
        refs.blobs.extend(config.as_str().map(str::to_string));
    }
    // Foreign layers live outside registries; the registry does not hold them either.
    for (digest, media_type) in digests("layers", "digest") {
        if !media_type.contains("foreign") {
            refs.blobs.push(digest);
        }
    }
    refs.blobs
        .extend(digests("fsLayers", "blobSum").into_iter().map(|(d, _)| d));
    refs.manifests
        .extend(digests("manifests", "digest").into_iter().map(|(d, _)| d));
    let mut seen = HashSet::new();
    refs.blobs.retain(|d| seen.insert(d.clone()));
    Ok(refs)
}

fn check_digest(body: &[u8], digest: &str) -> Result<(), String> {
    match digest.strip_prefix("sha256:") {
        Some(hex_digest) if hex::encode(Sha256::digest(body)) != hex_digest => Err(format!(
            "the registry's manifest {digest} does not match its digest"
        )),
        _ => Ok(()),
    }
}

/// Copies the manifest `digest` of `from` (source region) with everything it refers to into
/// `to` (target region); child manifests are stored by digest, children before their index.
/// Returns the top manifest's bytes and the media type the registry gave it.
async fn copy_image(
    source: &App,
    target: &App,
    from: &str,
    to: &str,
    digest: &str,
) -> Result<(Bytes, String), String> {
    let mut pending = vec![digest.to_string()];
    let mut seen: HashSet<String> = pending.iter().cloned().collect();
    let mut manifests: Vec<(String, Bytes, String)> = Vec::new();
    while let Some(d) = pending.pop() {
        if manifests.len() >= MAX_MANIFESTS {
            return Err(format!("more than {MAX_MANIFESTS} manifests under one tag"));
        }
        let (body, media_type) = source
            .upstream
            .get_manifest(from, &d)
            .await
            .map_err(|e| e.to_string())?;
        check_digest(&body, &d)?;
        let refs = references(&body)?;
        for blob in &refs.blobs {
            target
                .upstream
                .copy_blob(&source.upstream, from, to, blob)
                .await
                .map_err(|e| e.to_string())?;
        }
        for child in refs.manifests {
            if seen.insert(child.clone()) {
                pending.push(child);
            }
        }
        manifests.push((d, body, media_type));
    }
    let mut manifests = manifests.into_iter();
    let (_, body, media_type) = manifests.next().ok_or("no manifest to copy")?;
    let children: Vec<_> = manifests.collect();
    for (d, child, child_type) in children.into_iter().rev() {
        target
            .upstream
            .put_manifest(to, &d, &child_type, child)
            .await
            .map_err(|e| e.to_string())?;
    }
    Ok((body, media_type))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_refer_to_config_and_layers_and_indexes_to_manifests() {
        let image = br#"{"schemaVersion":2,"config":{"digest":"sha256:c"},
            "layers":[{"digest":"sha256:l1"},{"digest":"sha256:l1"},
            {"mediaType":"application/vnd.docker.image.rootfs.foreign.diff.tar.gzip","digest":"sha256:f"}]}"#;
        assert_eq!(
            references(image).unwrap(),
            References {
                blobs: vec!["sha256:c".into(), "sha256:l1".into()],
                manifests: vec![],
            }
        );
        let index =
            br#"{"schemaVersion":2,"manifests":[{"digest":"sha256:a"},{"digest":"sha256:b"}]}"#;
        assert_eq!(
            references(index).unwrap().manifests,
            vec!["sha256:a".to_string(), "sha256:b".to_string()]
        );
        let v1 = br#"{"schemaVersion":1,"fsLayers":[{"blobSum":"sha256:x"}]}"#;
        assert_eq!(references(v1).unwrap().blobs, vec!["sha256:x".to_string()]);
        assert!(references(b"not json").is_err());
    }

    #[test]
    fn manifests_must_match_their_digest() {
        let body = b"{}";
        let good = format!("sha256:{}", hex::encode(Sha256::digest(body)));
        assert!(check_digest(body, &good).is_ok());
        assert!(check_digest(body, "sha256:00").is_err());
    }
}
