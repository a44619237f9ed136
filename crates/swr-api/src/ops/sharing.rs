//! Sharing: the accounts a repository is shared with, and the shared-repository lists.

use std::time::SystemTime;

use futures::stream::BoxStream;

use crate::client::Call;
use crate::error::Error;
use crate::model::repos::RepoPageV3;
use crate::model::sharing::{CreateShare, UpdateShare};
use crate::model::{
    AccessDomain, RepoListQuery, RepoSummary, RepoSummaryV3, ShareDeadline, SharedRepoQuery,
};
use crate::ops::listing::{offset_page, page_size};
use crate::ops::repos::repo_list_call;
use crate::paging::{stream_offset_pages, stream_pages, OffsetRequest, Page};
use crate::path::{param, repo};
use crate::rules::{self, RuleViolation};
use crate::Client;

/// The only permission SWR supports for shares.
const PERMIT_READ: &str = "read";

fn domains_path(namespace: &str, repository: &str) -> String {
    format!(
        "/v2/manage/namespaces/{}/repositories/{}/access-domains",
        param(namespace),
        repo(repository)
    )
}

fn domain_path(namespace: &str, repository: &str, account: &str) -> String {
    format!("{}/{}", domains_path(namespace, repository), param(account))
}

fn check_share(deadline: &ShareDeadline, description: Option<&str>) -> Result<(), Error> {
    if let Some(d) = description {
        rules::validate_share_description(d)?;
    }
    // Re-checked here so a deadline that passed while a dialog was open is still refused.
    rules::validate_share_deadline(&deadline.to_wire(), SystemTime::now())
        .map(drop)
        .map_err(|v: RuleViolation| Error::InvalidInput(v))
}

impl Client {
    /// Accounts the repository is shared with.
    pub async fn list_shares(
        &self,
        namespace: &str,
        repository: &str,
    ) -> Result<Vec<AccessDomain>, Error> {
        let call = Call::get("list_repo_domains", domains_path(namespace, repository));
        self.execute(&call).await?.json()
    }

    /// Shares a private repository with another account (pull only).
    pub async fn share_repo(
        &self,
        namespace: &str,
        repository: &str,
        account: &str,
        deadline: &ShareDeadline,
        description: Option<&str>,
    ) -> Result<(), Error> {
        rules::validate_access_domain(account)?;
        check_share(deadline, description)?;
        let call = Call::post("create_repo_domains", domains_path(namespace, repository)).json(
            &CreateShare {
                access_domain: account,
                permit: PERMIT_READ,
                deadline: deadline.to_wire(),
                description,
            },
        )?;
        self.execute(&call).await.map(drop)
    }

    /// The share with one account; `exist` is `Some(false)` when there is none.
    pub async fn show_share(
        &self,
        namespace: &str,
        repository: &str,
        account: &str,
    ) -> Result<AccessDomain, Error> {
        let call = Call::get(
            "show_access_domain",
            domain_path(namespace, repository, account),
        );
        self.execute(&call).await?.json()
    }

    /// Changes the deadline and description of a share.
    pub async fn update_share(
        &self,
        namespace: &str,
        repository: &str,
        account: &str,
        deadline: &ShareDeadline,
        description: Option<&str>,
    ) -> Result<(), Error> {
        check_share(deadline, description)?;
        let call = Call::patch(
            "update_repo_domains",
            domain_path(namespace, repository, account),
        )
        .json(&UpdateShare {
            permit: PERMIT_READ,
            deadline: deadline.to_wire(),
            description,
        })?;
        self.execute(&call).await.map(drop)
    }

    /// Stops sharing with an account.
    pub async fn delete_share(
        &self,
        namespace: &str,
        repository: &str,
        account: &str,
    ) -> Result<(), Error> {
        let call = Call::delete(
            "delete_repo_domains",
            domain_path(namespace, repository, account),
        );
        self.execute(&call).await.map(drop)
    }

    /// One page of the v2 shared-repository list.
    pub async fn list_shared_repos_page(
        &self,
        query: &SharedRepoQuery,
        page: OffsetRequest,
    ) -> Result<Page<RepoSummary, u64>, Error> {
        let list_query = RepoListQuery {
            namespace: query.namespace.clone(),
            name: query.name.clone(),
            category: None,
            sort: None,
        };
        let call = repo_list_call(
            "list_shared_repos_details",
            "/v2/manage/shared-repositories",
            &list_query,
            page,
            Some(query.shared_by.as_str()),
        );
        let response = self.execute(&call).await?;
        let items: Vec<RepoSummary> = response.json()?;
        let fallback = items.first().and_then(|r| r.total_range);
        offset_page(&response, items, page, fallback)
    }

    /// Every shared repository (v2 list), fetched page by page as the stream is read.
    pub fn list_shared_repos(
        &self,
        query: SharedRepoQuery,
        page_size: u32,
    ) -> BoxStream<'static, Result<RepoSummary, Error>> {
        let client = self.clone();
        stream_offset_pages(page_size, move |req: OffsetRequest| {
            let client = client.clone();
            let query = query.clone();
            async move { client.list_shared_repos_page(&query, req).await }
        })
    }

    /// One page of the v3 shared-repository list.
    pub async fn list_shared_repos_v3_page(
        &self,
        query: &SharedRepoQuery,
        marker: Option<i64>,
        limit: u32,
    ) -> Result<Page<RepoSummaryV3, i64>, Error> {
        let call = Call::get(
            "list_shared_repo_details",
            "/v3/manage/shared-repositories".to_owned(),
        )
        .query("shared_by", query.shared_by.as_str())
        .query_opt("namespace", query.namespace.as_deref())
        .query_opt("name", query.name.as_deref())
        .query_opt("status", query.valid)
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

    /// Every shared repository (v3 list), fetched page by page as the stream is read.
    pub fn list_shared_repos_v3(
        &self,
        query: SharedRepoQuery,
        page_size: u32,
    ) -> BoxStream<'static, Result<RepoSummaryV3, Error>> {
        let client = self.clone();
        stream_pages(None, move |marker: Option<i64>| {
            let client = client.clone();
            let query = query.clone();
            async move {
                let page = client
                    .list_shared_repos_v3_page(&query, marker, page_size)
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
