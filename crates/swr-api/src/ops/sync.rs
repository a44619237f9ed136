//! Image synchronisation to other regions: target regions, automatic rules, manual sync, jobs.

use futures::stream::BoxStream;

use crate::client::Call;
use crate::error::Error;
use crate::model::sync::{CreateSyncRule, DeleteSyncRule, ManualSync, RegionInfo};
use crate::model::{SortDirection, SyncJob, SyncRule};
use crate::ops::listing::{filter, offset_page, page_size};
use crate::paging::{stream_offset_pages, OffsetRequest, Page};
use crate::path::{param, repo};
use crate::rules;
use crate::Client;

fn repo_path(namespace: &str, repository: &str, leaf: &str) -> String {
    format!(
        "/v2/manage/namespaces/{}/repos/{}/{leaf}",
        param(namespace),
        repo(repository)
    )
}

impl Client {
    /// Regions images of this region can be synchronised to.
    pub async fn list_sync_regions(&self) -> Result<Vec<String>, Error> {
        let call = Call::get("list_sync_regions", "/v2/manage/regions".to_owned());
        let regions: Vec<RegionInfo> = self.execute(&call).await?.json()?;
        Ok(regions.into_iter().map(|r| r.region_id).collect())
    }

    /// Creates an automatic sync rule for newly pushed tags.
    pub async fn create_sync_rule(
        &self,
        namespace: &str,
        repository: &str,
        remote_region: &str,
        remote_namespace: &str,
        sync_auto: bool,
        overwrite: bool,
    ) -> Result<(), Error> {
        rules::validate_namespace(remote_namespace)?;
        let call = Call::post(
            "create_image_sync_repo",
            repo_path(namespace, repository, "sync_repo"),
        )
        .json(&CreateSyncRule {
            remote_region_id: remote_region,
            remote_namespace,
            sync_auto,
            r#override: overwrite,
        })?;
        self.execute(&call).await.map(drop)
    }

    /// Automatic sync rules of a repository.
    pub async fn list_sync_rules(
        &self,
        namespace: &str,
        repository: &str,
    ) -> Result<Vec<SyncRule>, Error> {
        let call = Call::get(
            "list_image_auto_sync_repos_details",
            repo_path(namespace, repository, "sync_repo"),
        );
        self.execute(&call).await?.json()
    }

    /// Deletes the rule to a target region and organization (a DELETE with a body).
    pub async fn delete_sync_rule(
        &self,
        namespace: &str,
        repository: &str,
        remote_region: &str,
        remote_namespace: &str,
    ) -> Result<(), Error> {
        let call = Call::delete(
            "delete_image_sync_repo",
            repo_path(namespace, repository, "sync_repo"),
        )
        .json(&DeleteSyncRule {
            remote_region_id: remote_region,
            remote_namespace,
        })?;
        self.execute(&call).await.map(drop)
    }

    /// Copies existing tags to another region now. Returns the tags that could not be
    /// synchronised (empty when all were accepted).
    pub async fn sync_tags(
        &self,
        namespace: &str,
        repository: &str,
        tags: &[String],
        remote_region: &str,
        remote_namespace: &str,
        overwrite: bool,
    ) -> Result<Vec<String>, Error> {
        rules::validate_namespace(remote_namespace)?;
        for tag in tags {
            rules::validate_tag(tag)?;
        }
        let call = Call::post(
            "create_manual_image_sync_repo",
            repo_path(namespace, repository, "sync_images"),
        )
        .json(&ManualSync {
            image_tag: tags,
            r#override: overwrite,
            remote_namespace,
            remote_region_id: remote_region,
        })?;
        self.execute(&call).await?.json()
    }

    /// One page of sync jobs. The paging parameters travel inside the mandatory `filter`.
    pub async fn list_sync_jobs_page(
        &self,
        namespace: &str,
        repository: &str,
        page: OffsetRequest,
        order: Option<SortDirection>,
    ) -> Result<Page<SyncJob, u64>, Error> {
        let f = filter(&[
            ("limit", Some(page_size(page.limit).to_string())),
            ("offset", Some(page.offset.to_string())),
            ("order", order.map(|o| o.as_str().to_owned())),
        ]);
        let call = Call::get(
            "show_sync_job",
            repo_path(namespace, repository, "sync_job"),
        )
        .query("filter", f);
        let response = self.execute(&call).await?;
        let items: Vec<SyncJob> = response.json()?;
        offset_page(&response, items, page, None)
    }

    /// Every sync job of a repository, fetched page by page as the stream is read.
    pub fn list_sync_jobs(
        &self,
        namespace: &str,
        repository: &str,
        order: Option<SortDirection>,
        page_size: u32,
    ) -> BoxStream<'static, Result<SyncJob, Error>> {
        let client = self.clone();
        let (namespace, repository) = (namespace.to_owned(), repository.to_owned());
        stream_offset_pages(page_size, move |req: OffsetRequest| {
            let client = client.clone();
            let (namespace, repository) = (namespace.clone(), repository.clone());
            async move {
                client
                    .list_sync_jobs_page(&namespace, &repository, req, order)
                    .await
            }
        })
    }
}
