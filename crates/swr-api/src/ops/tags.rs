//! Tags: v2 (offset, `Tag` key) and v3 (string marker) lists, show, delete, retag.

use futures::stream::BoxStream;

use crate::client::Call;
use crate::error::Error;
use crate::model::tags::{Retag, TagPageV3};
use crate::model::{TagDetail, TagListQuery, TagV2};
use crate::ops::listing::{offset_page, page_size, with_offset};
use crate::paging::{stream_offset_pages, stream_pages, OffsetRequest, Page};
use crate::path::{param, repo};
use crate::rules;
use crate::Client;

fn tags_path(version: &str, namespace: &str, repository: &str) -> String {
    format!(
        "/{version}/manage/namespaces/{}/repos/{}/tags",
        param(namespace),
        repo(repository)
    )
}

fn tag_path(namespace: &str, repository: &str, tag: &str) -> String {
    format!("{}/{}", tags_path("v2", namespace, repository), param(tag))
}

impl Client {
    /// One page of the v2 tag list.
    pub async fn list_tags_page(
        &self,
        namespace: &str,
        repository: &str,
        query: &TagListQuery,
        page: OffsetRequest,
    ) -> Result<Page<TagV2, u64>, Error> {
        let mut call = with_offset(
            Call::get(
                "list_repository_tags",
                tags_path("v2", namespace, repository),
            ),
            page,
        )
        .query_opt("tag", query.tag.as_deref());
        if let Some((column, direction)) = query.sort {
            call = call
                .query("order_column", column.as_str())
                .query("order_type", direction.as_str());
        }
        let response = self.execute(&call).await?;
        let items: Vec<TagV2> = response.json()?;
        offset_page(&response, items, page, None)
    }

    /// Every tag of a repository (v2 list), fetched page by page as the stream is read.
    pub fn list_tags(
        &self,
        namespace: &str,
        repository: &str,
        query: TagListQuery,
        page_size: u32,
    ) -> BoxStream<'static, Result<TagV2, Error>> {
        let client = self.clone();
        let (namespace, repository) = (namespace.to_owned(), repository.to_owned());
        stream_offset_pages(page_size, move |req: OffsetRequest| {
            let client = client.clone();
            let (namespace, repository, query) =
                (namespace.clone(), repository.clone(), query.clone());
            async move {
                client
                    .list_tags_page(&namespace, &repository, &query, req)
                    .await
            }
        })
    }

    /// One page of the v3 tag list. Pass the previous page's `next` as `marker`.
    pub async fn list_tags_v3_page(
        &self,
        namespace: &str,
        repository: &str,
        query: &TagListQuery,
        marker: Option<&str>,
        limit: u32,
    ) -> Result<Page<TagDetail, String>, Error> {
        let mut call = Call::get(
            "list_repository_tag",
            tags_path("v3", namespace, repository),
        )
        .query("limit", page_size(limit))
        .query_opt("marker", marker)
        .query_opt("tag", query.tag.as_deref());
        if query.with_manifest {
            call = call.query("with_manifest", true);
        }
        if let Some((column, direction)) = query.sort {
            call = call
                .query("order_column", column.as_str())
                .query("order_type", direction.as_str());
        }
        let body: TagPageV3 = self.execute(&call).await?.json()?;
        let next = body
            .next_marker
            .filter(|_| body.has_more && !body.tags.is_empty());
        Ok(Page {
            items: body.tags,
            next,
            total: None,
        })
    }

    /// Every tag of a repository (v3 list), fetched page by page as the stream is read.
    pub fn list_tags_v3(
        &self,
        namespace: &str,
        repository: &str,
        query: TagListQuery,
        page_size: u32,
    ) -> BoxStream<'static, Result<TagDetail, Error>> {
        let client = self.clone();
        let (namespace, repository) = (namespace.to_owned(), repository.to_owned());
        stream_pages(None, move |marker: Option<String>| {
            let client = client.clone();
            let (namespace, repository, query) =
                (namespace.clone(), repository.clone(), query.clone());
            async move {
                let page = client
                    .list_tags_v3_page(
                        &namespace,
                        &repository,
                        &query,
                        marker.as_deref(),
                        page_size,
                    )
                    .await?;
                Ok(Page {
                    items: page.items,
                    next: page.next.map(Some),
                    total: None,
                })
            }
        })
    }

    /// One tag.
    pub async fn show_tag(
        &self,
        namespace: &str,
        repository: &str,
        tag: &str,
    ) -> Result<TagDetail, Error> {
        let call = Call::get("show_repo_tag", tag_path(namespace, repository, tag));
        self.execute(&call).await?.json()
    }

    /// Deletes the image a tag points to.
    pub async fn delete_tag(
        &self,
        namespace: &str,
        repository: &str,
        tag: &str,
    ) -> Result<(), Error> {
        let call = Call::delete("delete_repo_tag", tag_path(namespace, repository, tag));
        self.execute(&call).await.map(drop)
    }

    /// Adds `destination` as another tag of the image `source` points to.
    pub async fn retag(
        &self,
        namespace: &str,
        repository: &str,
        source: &str,
        destination: &str,
        overwrite: bool,
    ) -> Result<(), Error> {
        rules::validate_tag(destination)?;
        let call =
            Call::post("create_repo_tag", tags_path("v2", namespace, repository)).json(&Retag {
                source_tag: source,
                destination_tag: destination,
                r#override: overwrite,
            })?;
        self.execute(&call).await.map(drop)
    }
}
