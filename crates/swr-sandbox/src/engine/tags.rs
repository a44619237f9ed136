//! Deleting a tag for real, through the registry.
//!
//! The registry deletes manifests by digest, which removes every tag sharing that digest; the
//! tags that must stay are re-pushed from the manifest text kept in the state. Synthetic tags
//! (scale seed) have nothing in the registry and are only removed from the state.

use crate::app::SharedApp;
use crate::upstream::UpstreamError;

#[derive(Debug, thiserror::Error)]
pub enum DeleteTagError {
    #[error("tag not found")]
    NotFound,
    #[error(transparent)]
    Registry(#[from] UpstreamError),
}

pub async fn delete(
    app: &SharedApp,
    namespace: &str,
    repository: &str,
    tag: &str,
) -> Result<(), DeleteTagError> {
    let (digest, synthetic, keep) = {
        let db = app.store.lock();
        let repo = db
            .repo(namespace, repository)
            .ok_or(DeleteTagError::NotFound)?;
        let t = repo.tags.get(tag).ok_or(DeleteTagError::NotFound)?;
        let keep: Vec<(String, String, String)> = repo
            .tags
            .values()
            .filter(|o| o.name != tag && o.digest == t.digest && !o.synthetic)
            .map(|o| (o.name.clone(), o.media_type.clone(), o.manifest.clone()))
            .collect();
        (t.digest.clone(), t.synthetic, keep)
    };
    if !synthetic {
        app.upstream
            .delete_tag(&format!("{namespace}/{repository}"), &digest, &keep)
            .await?;
    }
    if let Some(repo) = app.store.lock().repo_mut(namespace, repository) {
        repo.tags.remove(tag);
        repo.updated = crate::clock::now_seconds();
    }
    Ok(())
}
