//! Repositories: create, show, update, delete, and the v2 (offset) and v3 (marker) lists.

use futures::stream::BoxStream;

use crate::client::Call;
use crate::error::Error;
use crate::model::repos::RepoPageV3;
use crate::model::{
    CreateRepoRequest, RepoListQuery, RepoListQueryV3, RepoSort, RepoSummary, RepoSummaryV3,
    Repository, UpdateRepoRequest,
};
use crate::ops::listing::{filter, offset_page, page_size, with_offset};
use crate::paging::{stream_offset_pages, stream_pages, OffsetRequest, Page};
use crate::path::{param, repo};
use crate::rules;
use crate::Client;

fn repo_path(namespace: &str, repository: &str) -> String {
    format!(
        "/v2/manage/namespaces/{}/repos/{}",
        param(namespace),
        repo(repository)
    )
}

impl Client {
    /// Creates an empty repository. The name is checked locally first.
    pub async fn create_repo(
        &self,
        namespace: &str,
        request: &CreateRepoRequest,
    ) -> Result<(), Error> {
        rules::validate_repository(&request.repository)?;
        if let Some(d) = &request.description {
            rules::validate_repo_description(d)?;
        }
        let call = Call::post(
            "create_repo",
            format!("/v2/manage/namespaces/{}/repos", param(namespace)),
        )
        .json(request)?;
        self.execute(&call).await.map(drop)
    }

    /// One repository.
    pub async fn show_repo(&self, namespace: &str, repository: &str) -> Result<Repository, Error> {
        let call = Call::get("show_repository", repo_path(namespace, repository));
        self.execute(&call).await?.json()
    }

    /// Changes visibility, category and description.
    pub async fn update_repo(
        &self,
        namespace: &str,
        repository: &str,
        request: &UpdateRepoRequest,
    ) -> Result<(), Error> {
        if let Some(d) = &request.description {
            rules::validate_repo_description(d)?;
        }
        let call = Call::patch("update_repo", repo_path(namespace, repository)).json(request)?;
        self.execute(&call).await.map(drop)
    }

    /// Deletes a repository.
    pub async fn delete_repo(&self, namespace: &str, repository: &str) -> Result<(), Error> {
        let call = Call::delete("delete_repo", repo_path(namespace, repository));
        self.execute(&call).await.map(drop)
    }

    /// One page of `GET /v2/manage/repos`.
    ///
    /// Sorting by update time uses the plain parameters; sorting by name or tag count is only
    /// possible through the legacy `filter` form, which then carries every criterion.
    pub async fn list_repos_page(
        &self,
        query: &RepoListQuery,
        page: OffsetRequest,
    ) -> Result<Page<RepoSummary, u64>, Error> {
        let call = repo_list_call("list_repos_details", "/v2/manage/repos", query, page, None);
        let response = self.execute(&call).await?;
        let items: Vec<RepoSummary> = response.json()?;
        let fallback = items.first().and_then(|r| r.total_range);
        offset_page(&response, items, page, fallback)
    }

    /// Every repository matching `query`, fetched page by page as the stream is read.
    pub fn list_repos(
        &self,
        query: RepoListQuery,
        page_size: u32,
    ) -> BoxStream<'static, Result<RepoSummary, Error>> {
        let client = self.clone();
        stream_offset_pages(page_size, move |req: OffsetRequest| {
            let client = client.clone();
            let query = query.clone();
            async move { client.list_repos_page(&query, req).await }
        })
    }

    /// One page of `GET /v3/manage/repos` (regions with `enable_list_v3`). Pass the previous
    /// page's `next` as `marker`.
    pub async fn list_repos_v3_page(
        &self,
        query: &RepoListQueryV3,
        marker: Option<i64>,
        limit: u32,
    ) -> Result<Page<RepoSummaryV3, i64>, Error> {
        let call = Call::get("list_repo_details", "/v3/manage/repos".to_owned())
            .query_opt("namespace", query.namespace.as_deref())
            .query_opt("name", query.name.as_deref())
            .query_opt("category", query.category.map(|c| c.as_str()))
            .query_opt("is_public", query.is_public)
            .query("limit", page_size(limit))
            .query_opt("marker", marker);
        let body: RepoPageV3 = self.execute(&call).await?.json()?;
        let next = body.next_marker.filter(|_| !body.repos.is_empty());
        Ok(Page {
            items: body.repos,
            next,
            total: None,
        })
    }

    /// Every repository of the v3 list, fetched page by page as the stream is read.
    pub fn list_repos_v3(
        &self,
        query: RepoListQueryV3,
        page_size: u32,
    ) -> BoxStream<'static, Result<RepoSummaryV3, Error>> {
        let client = self.clone();
        stream_pages(None, move |marker: Option<i64>| {
            let client = client.clone();
            let query = query.clone();
            async move {
                let page = client.list_repos_v3_page(&query, marker, page_size).await?;
                Ok(Page {
                    items: page.items,
                    next: page.next.map(Some),
                    total: None,
                })
            }
        })
    }
}

/// Builds a v2 repository list call (own or shared: `center` is `Some` for shared lists).
pub(crate) fn repo_list_call(
    op: &'static str,
    path: &str,
    query: &RepoListQuery,
    page: OffsetRequest,
    center: Option<&str>,
) -> Call {
    let call = Call::get(op, path.to_owned());
    match query.sort {
        Some((column @ (RepoSort::Name | RepoSort::TagCount), direction)) => {
            let column = match column {
                RepoSort::Name => "name",
                _ => "tag_count",
            };
            let f = filter(&[
                ("center", center.map(str::to_owned)),
                ("namespace", query.namespace.clone()),
                ("name", query.name.clone()),
                ("category", query.category.map(|c| c.as_str().to_owned())),
                ("limit", Some(page_size(page.limit).to_string())),
                ("offset", Some(page.offset.to_string())),
                ("order_column", Some(column.to_owned())),
                ("order_type", Some(direction.as_str().to_owned())),
            ]);
            call.query("filter", f)
        }
        sort => {
            let mut call = with_offset(call, page)
                .query_opt("center", center)
                .query_opt("namespace", query.namespace.as_deref())
                .query_opt("name", query.name.as_deref())
                .query_opt("category", query.category.map(|c| c.as_str()));
            if let Some((_, direction)) = sort {
                call = call
                    .query("order_column", "updated_at")
                    .query("order_type", direction.as_str());
            }
            call
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Category, SortDirection};

    fn pairs(call: &Call) -> Vec<(String, String)> {
        let mut q = call.query.clone();
        q.sort();
        q
    }

    #[test]
    fn plain_parameters_unless_sorting_needs_the_filter() {
        let query = RepoListQuery {
            namespace: Some("team-a".into()),
            name: Some("web".into()),
            category: Some(Category::Linux),
            sort: Some((RepoSort::UpdatedAt, SortDirection::Desc)),
        };
        let call = repo_list_call(
            "x",
            "/p",
            &query,
            OffsetRequest {
                offset: 20,
                limit: 10,
            },
            None,
        );
        let expected: Vec<(String, String)> = [
            ("category", "linux"),
            ("limit", "10"),
            ("name", "web"),
            ("namespace", "team-a"),
            ("offset", "20"),
            ("order_column", "updated_at"),
            ("order_type", "desc"),
        ]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
        assert_eq!(pairs(&call), expected);

        let query = RepoListQuery {
            sort: Some((RepoSort::TagCount, SortDirection::Asc)),
            ..query
        };
        let call = repo_list_call(
            "x",
            "/p",
            &query,
            OffsetRequest {
                offset: 0,
                limit: 5,
            },
            Some("self"),
        );
        assert_eq!(
            pairs(&call),
            vec![(
                "filter".to_owned(),
                "center::self|namespace::team-a|name::web|category::linux|limit::5|offset::0|order_column::tag_count|order_type::asc".to_owned()
            )]
        );
    }
}
