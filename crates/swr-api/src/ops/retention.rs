//! Retention policies and their execution log.

use futures::stream::BoxStream;

use crate::client::Call;
use crate::error::Error;
use crate::model::retention::{CreatedId, RetentionBody, RetentionHistories};
use crate::model::{Retention, RetentionLog, RetentionRule};
use crate::ops::listing::{offset_page, with_offset};
use crate::paging::{stream_offset_pages, OffsetRequest, Page};
use crate::path::{param, repo};
use crate::rules;
use crate::Client;

/// The only rule-combination strategy SWR knows.
const ALGORITHM_OR: &str = "or";

fn retentions_path(namespace: &str, repository: &str) -> String {
    format!(
        "/v2/manage/namespaces/{}/repos/{}/retentions",
        param(namespace),
        repo(repository)
    )
}

fn retention_path(namespace: &str, repository: &str, id: i64) -> String {
    format!("{}/{id}", retentions_path(namespace, repository))
}

/// Checks every rule before anything is sent.
fn check_rules(rules_: &[RetentionRule]) -> Result<(), Error> {
    for rule in rules_ {
        rules::validate_retention_rule(rule)?;
    }
    Ok(())
}

impl Client {
    /// Retention policies of a repository.
    pub async fn list_retentions(
        &self,
        namespace: &str,
        repository: &str,
    ) -> Result<Vec<Retention>, Error> {
        let call = Call::get("list_retentions", retentions_path(namespace, repository));
        self.execute(&call).await?.json()
    }

    /// Creates a policy; returns its id (`None` if the server did not say).
    pub async fn create_retention(
        &self,
        namespace: &str,
        repository: &str,
        rules_: &[RetentionRule],
    ) -> Result<Option<i64>, Error> {
        check_rules(rules_)?;
        let call = Call::post("create_retention", retentions_path(namespace, repository)).json(
            &RetentionBody {
                algorithm: ALGORITHM_OR,
                rules: rules_,
            },
        )?;
        let created: CreatedId = self.execute(&call).await?.json()?;
        Ok(created.id)
    }

    /// One policy.
    pub async fn show_retention(
        &self,
        namespace: &str,
        repository: &str,
        id: i64,
    ) -> Result<Retention, Error> {
        let call = Call::get("show_retention", retention_path(namespace, repository, id));
        self.execute(&call).await?.json()
    }

    /// Replaces a policy's rules.
    pub async fn update_retention(
        &self,
        namespace: &str,
        repository: &str,
        id: i64,
        rules_: &[RetentionRule],
    ) -> Result<(), Error> {
        check_rules(rules_)?;
        let call = Call::patch(
            "update_retention",
            retention_path(namespace, repository, id),
        )
        .json(&RetentionBody {
            algorithm: ALGORITHM_OR,
            rules: rules_,
        })?;
        self.execute(&call).await.map(drop)
    }

    /// Deletes a policy.
    pub async fn delete_retention(
        &self,
        namespace: &str,
        repository: &str,
        id: i64,
    ) -> Result<(), Error> {
        let call = Call::delete(
            "delete_retention",
            retention_path(namespace, repository, id),
        );
        self.execute(&call).await.map(drop)
    }

    /// One page of the retention log.
    pub async fn list_retention_histories_page(
        &self,
        namespace: &str,
        repository: &str,
        page: OffsetRequest,
    ) -> Result<Page<RetentionLog, u64>, Error> {
        let call = with_offset(
            Call::get(
                "list_retention_histories",
                format!("{}/histories", retentions_path(namespace, repository)),
            ),
            page,
        );
        let response = self.execute(&call).await?;
        let body: RetentionHistories = response.json()?;
        offset_page(&response, body.retention_log, page, body.total)
    }

    /// The whole retention log, fetched page by page as the stream is read.
    pub fn list_retention_histories(
        &self,
        namespace: &str,
        repository: &str,
        page_size: u32,
    ) -> BoxStream<'static, Result<RetentionLog, Error>> {
        let client = self.clone();
        let (namespace, repository) = (namespace.to_owned(), repository.to_owned());
        stream_offset_pages(page_size, move |req: OffsetRequest| {
            let client = client.clone();
            let (namespace, repository) = (namespace.clone(), repository.clone());
            async move {
                client
                    .list_retention_histories_page(&namespace, &repository, req)
                    .await
            }
        })
    }
}
