//! Permissions on organizations and repositories. Grants and revocations are bare JSON arrays,
//! and revoking is a DELETE with a body.

use crate::client::Call;
use crate::error::Error;
use crate::model::{PermissionGrant, Permissions};
use crate::path::{param, repo};
use crate::Client;

fn namespace_access(namespace: &str) -> String {
    format!("/v2/manage/namespaces/{}/access", param(namespace))
}

fn repo_access(namespace: &str, repository: &str) -> String {
    format!(
        "/v2/manage/namespaces/{}/repos/{}/access",
        param(namespace),
        repo(repository)
    )
}

impl Client {
    /// The caller's and everybody else's permissions on an organization.
    pub async fn show_namespace_permissions(&self, namespace: &str) -> Result<Permissions, Error> {
        let call = Call::get("show_namespace_auth", namespace_access(namespace));
        self.execute(&call).await?.json()
    }

    /// Grants organization permissions to IAM users.
    pub async fn grant_namespace_permissions(
        &self,
        namespace: &str,
        grants: &[PermissionGrant],
    ) -> Result<(), Error> {
        let call = Call::post("create_namespace_auth", namespace_access(namespace)).json(grants)?;
        self.execute(&call).await.map(drop)
    }

    /// Changes the level of existing organization grants.
    pub async fn update_namespace_permissions(
        &self,
        namespace: &str,
        grants: &[PermissionGrant],
    ) -> Result<(), Error> {
        let call =
            Call::patch("update_namespace_auth", namespace_access(namespace)).json(grants)?;
        self.execute(&call).await.map(drop)
    }

    /// Revokes organization permissions of the given IAM user ids.
    pub async fn revoke_namespace_permissions(
        &self,
        namespace: &str,
        user_ids: &[String],
    ) -> Result<(), Error> {
        let call =
            Call::delete("delete_namespace_auth", namespace_access(namespace)).json(user_ids)?;
        self.execute(&call).await.map(drop)
    }

    /// The caller's and everybody else's permissions on a repository.
    pub async fn show_repo_permissions(
        &self,
        namespace: &str,
        repository: &str,
    ) -> Result<Permissions, Error> {
        let call = Call::get(
            "show_user_repository_auth",
            repo_access(namespace, repository),
        );
        self.execute(&call).await?.json()
    }

    /// Grants repository permissions to IAM users.
    pub async fn grant_repo_permissions(
        &self,
        namespace: &str,
        repository: &str,
        grants: &[PermissionGrant],
    ) -> Result<(), Error> {
        let call = Call::post(
            "create_user_repository_auth",
            repo_access(namespace, repository),
        )
        .json(grants)?;
        self.execute(&call).await.map(drop)
    }

    /// Changes the level of existing repository grants.
    pub async fn update_repo_permissions(
        &self,
        namespace: &str,
        repository: &str,
        grants: &[PermissionGrant],
    ) -> Result<(), Error> {
        let call = Call::patch(
            "update_user_repository_auth",
            repo_access(namespace, repository),
        )
        .json(grants)?;
        self.execute(&call).await.map(drop)
    }

    /// Revokes repository permissions of the given IAM user ids.
    pub async fn revoke_repo_permissions(
        &self,
        namespace: &str,
        repository: &str,
        user_ids: &[String],
    ) -> Result<(), Error> {
        let call = Call::delete(
            "delete_user_repository_auth",
            repo_access(namespace, repository),
        )
        .json(user_ids)?;
        self.execute(&call).await.map(drop)
    }
}
