//! Recording an accepted manifest push, and the reactions SWR has to it.
//!
//! SWR creates the repository on the first push into an existing organization (private,
//! category `other`), records the tag with its digest, size and pusher, then fires matching
//! triggers, starts automatic synchronisation and runs the repository's retention policy.

use bytes::Bytes;

use super::sync::{self, Order};
use crate::app::SharedApp;
use crate::clock;
use crate::state::model::{repo_key, Repo, Tag};

pub struct PushedManifest {
    /// `namespace/repository`.
    pub name: String,
    pub reference: String,
    pub digest: String,
    pub media_type: String,
    pub body: Bytes,
}

/// Image size, config digest and whether this is a manifest list, read from a manifest.
pub fn describe(body: &[u8]) -> (u64, String, bool) {
    let Ok(v) = serde_json::from_slice::<serde_json::Value>(body) else {
        return (body.len() as u64, String::new(), false);
    };
    let size_of = |key: &str| -> u64 {
        v.get(key)
            .and_then(|x| x.as_array())
            .map(|items| {
                items
                    .iter()
                    .filter_map(|i| i.get("size").and_then(|s| s.as_u64()))
                    .sum()
            })
            .unwrap_or(0)
    };
    if v.get("manifests").is_some() {
        return (size_of("manifests"), String::new(), true);
    }
    let config = v.get("config");
    let config_size = config
        .and_then(|c| c.get("size"))
        .and_then(|s| s.as_u64())
        .unwrap_or(0);
    let image_id = config
        .and_then(|c| c.get("digest"))
        .and_then(|d| d.as_str())
        .unwrap_or("")
        .to_string();
    (size_of("layers") + config_size, image_id, false)
}

/// Records a push and runs SWR's reactions. Never fails: the registry already accepted the
/// image, so problems are logged, as SWR's asynchronous processing would.
pub async fn record(app: &SharedApp, user_id: &str, pushed: PushedManifest) {
    let Some((namespace, repository)) = pushed.name.split_once('/') else {
        return;
    };
    let is_tag = !pushed.reference.contains(':');
    let now = clock::now_seconds();
    let mut jobs = Vec::new();
    {
        let mut db = app.store.lock();
        let Some((account, user)) = db.user_by_id(user_id).map(|(a, u)| (a.clone(), u.clone()))
        else {
            return;
        };
        let key = repo_key(namespace, repository);
        if !db.repos.contains_key(&key) {
            let id = db.next_id();
            db.repos.insert(
                key.clone(),
                Repo {
                    id,
                    namespace: namespace.to_string(),
                    name: repository.to_string(),
                    domain_id: account.domain_id.clone(),
                    category: "other".into(),
                    description: String::new(),
                    is_public: false,
                    creator_id: user.user_id.clone(),
                    creator_name: user.user_name.clone(),
                    created: now.clone(),
                    updated: now.clone(),
                    num_download: 0,
                    grants: Default::default(),
                    tags: Default::default(),
                    retention: None,
                    retention_log: Vec::new(),
                    triggers: Vec::new(),
                    shares: Default::default(),
                    sync_rules: Vec::new(),
                    sync_jobs: Vec::new(),
                },
            );
            tracing::info!(repository = %pushed.name, "repository created by first push");
        }
        if is_tag {
            let (size, image_id, _) = describe(&pushed.body);
            let tag_id = db.next_id();
            let Some(repo) = db.repos.get_mut(&key) else {
                return;
            };
            let created = repo
                .tags
                .get(&pushed.reference)
                .map_or(now.clone(), |t| t.created.clone());
            repo.tags.insert(
                pushed.reference.clone(),
                Tag {
                    id: tag_id,
                    name: pushed.reference.clone(),
                    digest: pushed.digest.clone(),
                    media_type: pushed.media_type.clone(),
                    manifest: String::from_utf8_lossy(&pushed.body).into_owned(),
                    image_id,
                    size,
                    created,
                    updated: now.clone(),
                    pushed_by: user.user_name.clone(),
                    synthetic: false,
                },
            );
            repo.updated = now.clone();
            super::triggers::fire(repo, &pushed.reference, &app.settings.registry_host);
            let orders: Vec<Order> = repo
                .sync_rules
                .iter()
                .filter(|r| r.sync_auto)
                .map(|rule| Order {
                    namespace: namespace.to_string(),
                    repository: repository.to_string(),
                    tag: pushed.reference.clone(),
                    region: rule.remote_region_id.clone(),
                    remote_namespace: rule.remote_namespace.clone(),
                    overwrite: rule.overwrite,
                    operator_id: user.user_id.clone(),
                    operator_name: user.user_name.clone(),
                })
                .collect();
            for order in orders {
                if let Some(job) = sync::enqueue(app, &mut db, &order) {
                    jobs.push((job, order));
                }
            }
        }
    }
    for (job, order) in jobs {
        sync::start(app, job, order);
    }
    app.store.persist_soon();
    if is_tag {
        super::retention::run(app, namespace, repository).await;
    }
}

/// A client deleted a manifest through the registry API: its tags are gone from SWR too.
pub fn record_manifest_delete(app: &SharedApp, name: &str, reference: &str) {
    let Some((ns, repo)) = name.split_once('/') else {
        return;
    };
    if let Some(r) = app.store.lock().repo_mut(ns, repo) {
        r.tags
            .retain(|_, t| t.digest != reference && t.name != reference);
        r.updated = clock::now_seconds();
    }
    app.store.persist_soon();
}

/// Counts a pull of a manifest; persisted with the next mutation.
pub fn count_download(app: &SharedApp, name: &str) {
    if let Some((ns, repo)) = name.split_once('/') {
        if let Some(r) = app.store.lock().repo_mut(ns, repo) {
            r.num_download += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_size_is_config_plus_layers() {
        let m = br#"{"schemaVersion":2,"config":{"size":10,"digest":"sha256:c"},"layers":[{"size":100},{"size":5}]}"#;
        assert_eq!(describe(m), (115, "sha256:c".into(), false));
        let list = br#"{"schemaVersion":2,"manifests":[{"size":7},{"size":8}]}"#;
        assert_eq!(describe(list), (15, String::new(), true));
    }
}
