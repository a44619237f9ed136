//! Browsing: organizations, images and tags, what is inside a tag, deleting and copying tags.
//!
//! This room owns the local indexes the lists are answered from ([`images::ImageIndex`] per
//! profile, [`tags::TagIndex`] per image), the version ordering and filters of tags, the
//! inspection of pushed images, the deletion plan and the registry-side copy. The desktop app
//! holds one [`Browser`] (indexes kept between screens); `swrctl` calls the same functions on a
//! session of its own. Every request goes through the profile's [`Session`], paced per account.

pub mod copy;
pub mod dashboard;
pub mod deletion;
pub mod images;
pub mod inspect;
pub mod organizations;
pub mod platforms;
pub mod pull;
pub mod reference;
pub mod tags;
pub mod version;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use crate::sessions::{Session, SessionError, Sessions};
use copy::CopyOutcome;
use deletion::{DeletionOutcome, DeletionPlan};
use images::{ImageIndex, ImageQuery, ImageRow, ImageWindow, IndexStatus};
use inspect::Inspection;
use pull::{pull_commands, PullCommand};
use reference::{images_of, ImageRef, TagOrDigest};
use tags::{TagIndex, TagQuery, TagWindow, TagsStatus};

/// Why a browse operation failed.
#[derive(Debug, thiserror::Error)]
pub enum BrowseError {
    #[error(transparent)]
    Session(#[from] SessionError),
    #[error(transparent)]
    Api(#[from] swr_api::Error),
    #[error(transparent)]
    Registry(#[from] swr_registry::Error),
    /// The input breaks a rule; the message names it and says what to write.
    #[error("{0}")]
    Invalid(String),
    #[error("{0}")]
    NotFound(String),
    /// SWR would refuse, or the step cannot be done; the message says why and what to do.
    #[error("{0}")]
    Refused(String),
    #[error("{what}: {source}")]
    Io {
        what: String,
        #[source]
        source: std::io::Error,
    },
}

/// An image's attributes with the pull commands of its default tag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ImageOverview {
    pub image: ImageRow,
    /// `host[:port]` images are pulled from.
    pub registry: String,
    /// `latest` when there is one, else the last pushed tag; `None` for an image without tags.
    pub default_tag: Option<String>,
    /// The default tag's digest.
    pub digest: Option<String>,
    pub pull: Vec<PullCommand>,
}

type TagKey = (String, String, String);

/// The browse service of the desktop app: one image index per profile, one tag index per
/// image, inspections cached on disk.
pub struct Browser {
    sessions: Arc<Sessions>,
    inspect_cache: PathBuf,
    images: Mutex<HashMap<String, Arc<ImageIndex>>>,
    tags: Mutex<HashMap<TagKey, Arc<TagIndex>>>,
}

/// Where the inspections of the configuration folder `config_dir` are kept, by manifest
/// digest; the app and `swrctl` share it, since what a digest names never changes.
pub fn inspect_cache(config_dir: &Path) -> PathBuf {
    config_dir.join("cache").join("inspect")
}

impl Browser {
    /// `inspect_cache` receives the inspections (by manifest digest).
    pub fn new(sessions: Arc<Sessions>, inspect_cache: PathBuf) -> Self {
        Self {
            sessions,
            inspect_cache,
            images: Mutex::new(HashMap::new()),
            tags: Mutex::new(HashMap::new()),
        }
    }

    fn session(&self, profile: &str) -> Result<Arc<Session>, BrowseError> {
        Ok(self.sessions.get(profile)?)
    }

    /// The image index of `profile`, read from SWR when missing or when `refresh` is set.
    pub async fn image_index(
        &self,
        profile: &str,
        refresh: bool,
    ) -> Result<Arc<ImageIndex>, BrowseError> {
        if !refresh {
            if let Some(found) = lock(&self.images).get(profile) {
                return Ok(found.clone());
            }
        }
        let session = self.session(profile)?;
        let index = Arc::new(ImageIndex::fetch(&session, None).await?);
        lock(&self.images).insert(profile.to_owned(), index.clone());
        Ok(index)
    }

    pub async fn load_images(
        &self,
        profile: &str,
        refresh: bool,
    ) -> Result<IndexStatus, BrowseError> {
        Ok(self.image_index(profile, refresh).await?.status())
    }

    pub async fn query_images(
        &self,
        profile: &str,
        query: &ImageQuery,
        offset: u64,
        limit: u64,
    ) -> Result<ImageWindow, BrowseError> {
        Ok(self
            .image_index(profile, false)
            .await?
            .query(query, offset, limit))
    }

    /// The tag index of one image, read from SWR when missing or when `refresh` is set.
    pub async fn tag_index(
        &self,
        profile: &str,
        organization: &str,
        image: &str,
        refresh: bool,
    ) -> Result<Arc<TagIndex>, BrowseError> {
        let key = (
            profile.to_owned(),
            organization.to_owned(),
            image.to_owned(),
        );
        if !refresh {
            if let Some(found) = lock(&self.tags).get(&key) {
                return Ok(found.clone());
            }
        }
        let session = self.session(profile)?;
        let index = Arc::new(TagIndex::fetch(&session, organization, image).await?);
        lock(&self.tags).insert(key, index.clone());
        Ok(index)
    }

    pub async fn load_tags(
        &self,
        profile: &str,
        organization: &str,
        image: &str,
        refresh: bool,
    ) -> Result<TagsStatus, BrowseError> {
        Ok(self
            .tag_index(profile, organization, image, refresh)
            .await?
            .status())
    }

    pub async fn query_tags(
        &self,
        profile: &str,
        organization: &str,
        image: &str,
        query: &TagQuery,
        offset: u64,
        limit: u64,
    ) -> Result<TagWindow, BrowseError> {
        Ok(self
            .tag_index(profile, organization, image, false)
            .await?
            .query(query, offset, limit))
    }

    pub async fn overview(
        &self,
        profile: &str,
        organization: &str,
        image: &str,
    ) -> Result<ImageOverview, BrowseError> {
        let session = self.session(profile)?;
        let row = repository_row(&session, organization, image).await?;
        let tags = self.tag_index(profile, organization, image, false).await?;
        Ok(overview_of(&session, row, &tags))
    }

    pub async fn inspect(
        &self,
        profile: &str,
        organization: &str,
        image: &str,
        reference: &str,
    ) -> Result<Inspection, BrowseError> {
        let session = self.session(profile)?;
        let reference = TagOrDigest::parse(reference)?;
        inspect::inspect(
            &session,
            Some(&self.inspect_cache),
            organization,
            image,
            &reference,
        )
        .await
    }

    /// The platforms of the images `digests` name, for the tag list's OS/arch column.
    pub async fn tag_platforms(
        &self,
        profile: &str,
        organization: &str,
        image: &str,
        digests: &[String],
    ) -> Result<Vec<platforms::DigestPlatforms>, BrowseError> {
        let session = self.session(profile)?;
        platforms::tag_platforms(
            &session,
            Some(&self.inspect_cache),
            organization,
            image,
            digests,
        )
        .await
    }

    /// Plans over a fresh tag list, so the plan is what SWR holds now.
    pub async fn plan_deletion(
        &self,
        profile: &str,
        organization: &str,
        image: &str,
        references: &[String],
    ) -> Result<DeletionPlan, BrowseError> {
        let tags = self.tag_index(profile, organization, image, true).await?;
        deletion::plan(&tags, organization, image, references)
    }

    pub async fn delete_tags(
        &self,
        profile: &str,
        organization: &str,
        image: &str,
        tags: &[String],
    ) -> Result<DeletionOutcome, BrowseError> {
        let session = self.session(profile)?;
        let outcome = deletion::delete(&session, organization, image, tags).await;
        self.changed(profile, &session, organization, image).await;
        Ok(outcome)
    }

    pub async fn copy_tag(
        &self,
        profile: &str,
        source: &str,
        target: &str,
    ) -> Result<CopyOutcome, BrowseError> {
        let session = self.session(profile)?;
        let (source, target) = (ImageRef::parse(source)?, ImageRef::parse(target)?);
        let outcome = copy::copy_tag(&session, &source, &target).await?;
        self.changed(profile, &session, &target.organization, &target.image)
            .await;
        Ok(outcome)
    }

    pub async fn dashboard(&self, profile: &str) -> Result<dashboard::Dashboard, BrowseError> {
        dashboard::dashboard(&*self.session(profile)?).await
    }

    pub async fn shared_with_me(&self, profile: &str) -> Result<Vec<ImageRow>, BrowseError> {
        dashboard::shared_with_me(&*self.session(profile)?).await
    }

    pub async fn organizations(
        &self,
        profile: &str,
    ) -> Result<Vec<organizations::OrganizationRow>, BrowseError> {
        let session = self.session(profile)?;
        let index = self.image_index(profile, false).await?;
        organizations::list(&session, &index).await
    }

    pub async fn delete_organization(&self, profile: &str, name: &str) -> Result<(), BrowseError> {
        let session = self.session(profile)?;
        organizations::delete(&session, name).await?;
        self.drop_organization(profile, name);
        Ok(())
    }

    /// After a change made elsewhere (attributes, a push): the image's row and tags are read
    /// again.
    pub async fn image_changed(&self, profile: &str, organization: &str, image: &str) {
        if let Ok(session) = self.session(profile) {
            self.changed(profile, &session, organization, image).await;
        }
    }

    /// After a push: the images pushed to take their place in the index (a new one appears, a
    /// known one shows its new tag count and size), as after a copy. `pushed` holds the pushed
    /// references, `host/org/image:tag@digest`.
    pub async fn pushed(&self, profile: &str, pushed: &[String]) {
        for (organization, image) in images_of(pushed) {
            self.image_changed(profile, &organization, &image).await;
        }
    }

    /// After a change to one image: its tags are read again next time, and its row in the image
    /// index is replaced by what SWR now says (added when new, removed when gone). The index
    /// takes a new time, so windows cached by it are asked again.
    async fn changed(&self, profile: &str, session: &Session, organization: &str, image: &str) {
        lock(&self.tags).remove(&(
            profile.to_owned(),
            organization.to_owned(),
            image.to_owned(),
        ));
        let fresh = repository_row(session, organization, image).await.ok();
        let mut images = lock(&self.images);
        if let Some(index) = images.get(profile) {
            let mut rows: Vec<ImageRow> = index
                .rows()
                .iter()
                .filter(|r| !(r.organization == organization && r.name == image))
                .cloned()
                .collect();
            rows.extend(fresh);
            let replaced = Arc::new(ImageIndex::new(rows, now_ms()));
            images.insert(profile.to_owned(), replaced);
        }
    }

    fn drop_organization(&self, profile: &str, name: &str) {
        let mut images = lock(&self.images);
        if let Some(index) = images.get(profile) {
            let rows = index
                .rows()
                .iter()
                .filter(|r| r.organization != name)
                .cloned()
                .collect();
            let replaced = Arc::new(ImageIndex::new(rows, now_ms()));
            images.insert(profile.to_owned(), replaced);
        }
    }
}

/// One repository as a list row, read from SWR.
pub async fn repository_row(
    session: &Session,
    organization: &str,
    image: &str,
) -> Result<ImageRow, BrowseError> {
    let r = session.api.show_repo(organization, image).await?;
    Ok(ImageRow {
        organization: organization.to_owned(),
        name: r.name,
        category: r.category,
        is_public: r.is_public,
        tag_count: u64::try_from(r.num_images).unwrap_or(0),
        size: u64::try_from(r.size).unwrap_or(0),
        downloads: u64::try_from(r.num_download).unwrap_or(0),
        updated: r.updated,
        description: r.description,
    })
}

/// The overview of an image from its row and tags.
pub fn overview_of(session: &Session, image: ImageRow, tags: &TagIndex) -> ImageOverview {
    let default = tags.default_tag();
    let repository = image.path();
    ImageOverview {
        pull: default
            .map(|t| {
                pull_commands(
                    &session.registry_host,
                    &repository,
                    &t.tag,
                    Some(&t.digest)
                        .filter(|d| !d.is_empty())
                        .map(String::as_str),
                )
            })
            .unwrap_or_default(),
        default_tag: default.map(|t| t.tag.clone()),
        digest: default.map(|t| t.digest.clone()),
        registry: session.registry_host.clone(),
        image,
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The orders of the last few queries of one index. A window is a slice of an order, so
/// scrolling costs nothing and a new query costs one pass; only a few are kept, since every
/// keystroke in a filter box is a query.
#[derive(Debug)]
pub(crate) struct Orders<Q> {
    recent: Mutex<std::collections::VecDeque<(Q, Arc<Vec<u32>>)>>,
}

impl<Q: PartialEq + Clone> Orders<Q> {
    const KEPT: usize = 8;

    pub(crate) fn new() -> Self {
        Self {
            recent: Mutex::new(std::collections::VecDeque::new()),
        }
    }

    /// The order of `query`, computed by `order` the first time.
    pub(crate) fn of(&self, query: &Q, order: impl FnOnce() -> Vec<u32>) -> Arc<Vec<u32>> {
        let mut recent = lock(&self.recent);
        if let Some(i) = recent.iter().position(|(q, _)| q == query) {
            let hit = recent.remove(i).map(|(_, o)| o).unwrap_or_default();
            recent.push_front((query.clone(), hit.clone()));
            return hit;
        }
        let computed = Arc::new(order());
        recent.push_front((query.clone(), computed.clone()));
        recent.truncate(Self::KEPT);
        computed
    }
}

/// Unix milliseconds now.
pub(crate) fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
        .unwrap_or(0)
}

/// The rows of `limit` entries of `order` from `offset`, none past the end.
pub(crate) fn window<T: Clone>(rows: &[T], order: &[u32], offset: u64, limit: u64) -> Vec<T> {
    let start = usize::try_from(offset)
        .unwrap_or(usize::MAX)
        .min(order.len());
    let end = start
        .saturating_add(usize::try_from(limit).unwrap_or(usize::MAX))
        .min(order.len());
    order[start..end]
        .iter()
        .map(|&i| rows[i as usize].clone())
        .collect()
}

/// `*` any run of characters, `?` one character; the whole text must match. Tags are ASCII, so
/// a filter over tens of thousands of them compares bytes without allocating; other text is
/// compared by characters.
pub(crate) fn glob_matches(pattern: &str, text: &str) -> bool {
    if pattern.is_ascii() && text.is_ascii() {
        glob(pattern.as_bytes(), text.as_bytes(), b'*', b'?')
    } else {
        let (p, t): (Vec<char>, Vec<char>) = (pattern.chars().collect(), text.chars().collect());
        glob(&p, &t, '*', '?')
    }
}

fn glob<T: Copy + PartialEq>(p: &[T], t: &[T], any: T, one: T) -> bool {
    let (mut pi, mut ti) = (0, 0);
    // Where the last `*` was, and the text position it has absorbed up to.
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && (p[pi] == one || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == any {
            star = Some((pi, ti));
            pi += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == any)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_whole_names() {
        assert!(glob_matches("v1.*", "v1.2.3"));
        assert!(glob_matches("*-rc?", "2.0-rc1"));
        assert!(glob_matches("*", ""));
        assert!(!glob_matches("v1.*", "xv1.2"));
        assert!(!glob_matches("v?", "v10"));
        assert!(glob_matches("a*b*c", "aXbYbZc"));
        // `?` is one character, not one byte, outside ASCII.
        assert!(glob_matches("镜像?", "镜像版"));
        assert!(!glob_matches("镜像??", "镜像版"));
    }

    #[test]
    fn orders_are_computed_once_per_recent_query() {
        let orders = Orders::new();
        let mut runs = 0;
        for q in [1, 1, 2, 1] {
            orders.of(&q, || {
                runs += 1;
                vec![q]
            });
        }
        assert_eq!(runs, 2);
        for q in 10..20 {
            orders.of(&q, Vec::new);
        }
        // The oldest ones went; 1 is computed again.
        orders.of(&1, || {
            runs += 1;
            vec![1]
        });
        assert_eq!(runs, 3);
    }

    #[test]
    fn windows_stop_at_the_end() {
        let rows = ["a", "b", "c", "d"];
        let order = [3, 1, 2];
        assert_eq!(window(&rows, &order, 1, 5), ["b", "c"]);
        assert!(window(&rows, &order, 3, 5).is_empty());
        assert!(window(&rows, &order, u64::MAX, u64::MAX).is_empty());
    }
}
