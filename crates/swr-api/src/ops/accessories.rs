//! Accessories of an image and the images a signature signs. Their paths put the tag right
//! after the repository (no `/tags/`), and each uses its own paging style: integer offsets with
//! the total in the body (at most 100 a page), and a snake_case string marker (at most 10).

use futures::stream::BoxStream;

use crate::client::Call;
use crate::error::Error;
use crate::model::accessories::{Accessory, AccessoryPage, ReferencePage};
use crate::paging::{next_offset, stream_pages, OffsetRequest, Page};
use crate::path::{param, repo};
use crate::Client;

/// Largest page of `list_repo_accessories`.
const MAX_ACCESSORY_PAGE: u32 = 100;
/// Largest page of `list_references`.
const MAX_REFERENCE_PAGE: u32 = 10;

fn tag_leaf(namespace: &str, repository: &str, tag: &str, leaf: &str) -> String {
    format!(
        "/v2/manage/namespaces/{}/repos/{}/{}/{leaf}",
        param(namespace),
        repo(repository),
        param(tag)
    )
}

impl Client {
    /// One page of the accessories attached to the image `tag`.
    pub async fn list_accessories_page(
        &self,
        namespace: &str,
        repository: &str,
        tag: &str,
        page: OffsetRequest,
    ) -> Result<Page<Accessory, u64>, Error> {
        let limit = page.limit.clamp(1, MAX_ACCESSORY_PAGE);
        let call = Call::get(
            "list_repo_accessories",
            tag_leaf(namespace, repository, tag, "accessories"),
        )
        .query("limit", limit)
        .query("offset", page.offset);
        let body: AccessoryPage = self.execute(&call).await?.json()?;
        let total = body.total.and_then(|t| u64::try_from(t).ok());
        let req = OffsetRequest { limit, ..page };
        let next = next_offset(req, body.accessories.len(), total);
        Ok(Page {
            items: body.accessories,
            next,
            total,
        })
    }

    /// One page of the tags signed by the signature image `tag`.
    pub async fn list_references_page(
        &self,
        namespace: &str,
        repository: &str,
        tag: &str,
        marker: Option<&str>,
        limit: u32,
    ) -> Result<Page<String, String>, Error> {
        let call = Call::get(
            "list_references",
            tag_leaf(namespace, repository, tag, "references"),
        )
        .query("limit", limit.clamp(1, MAX_REFERENCE_PAGE))
        .query_opt("marker", marker);
        let body: ReferencePage = self.execute(&call).await?.json()?;
        let next = body
            .next_marker
            .filter(|_| body.has_more && !body.tags.is_empty());
        Ok(Page {
            items: body.tags,
            next,
            total: None,
        })
    }

    /// Every tag signed by the signature image `tag`, fetched page by page.
    pub fn list_references(
        &self,
        namespace: &str,
        repository: &str,
        tag: &str,
    ) -> BoxStream<'static, Result<String, Error>> {
        let client = self.clone();
        let (namespace, repository, tag) =
            (namespace.to_owned(), repository.to_owned(), tag.to_owned());
        stream_pages(None, move |marker: Option<String>| {
            let client = client.clone();
            let (namespace, repository, tag) = (namespace.clone(), repository.clone(), tag.clone());
            async move {
                let page = client
                    .list_references_page(
                        &namespace,
                        &repository,
                        &tag,
                        marker.as_deref(),
                        MAX_REFERENCE_PAGE,
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
}
