//! Account-wide reads and temporary logins.

use crate::client::Call;
use crate::error::Error;
use crate::model::account::{ApiVersionBody, ApiVersions, QuotaList};
use crate::model::login::AuthsBody;
use crate::model::{
    Agency, ApiVersion, FeatureGates, Overview, Quota, ReportPoint, TemporaryLogin,
};
use crate::path::param;
use crate::Client;

impl Client {
    /// Quotas of the project (organizations and more).
    pub async fn list_quotas(&self) -> Result<Vec<Quota>, Error> {
        let pid = self.project_id().await?;
        let call = Call::get(
            "list_quotas",
            format!("/v2/manage/projects/{}/quotas", param(&pid)),
        );
        let list: QuotaList = self.execute(&call).await?.json()?;
        Ok(list.quotas)
    }

    /// Counts and usage of the whole account.
    pub async fn overview(&self) -> Result<Overview, Error> {
        let call = Call::get("show_domain_overview", "/v2/manage/overview".to_owned());
        self.execute(&call).await?.json()
    }

    /// A statistics series; `resource_type` and `frequency` are passed through as given.
    pub async fn report(
        &self,
        resource_type: &str,
        frequency: &str,
    ) -> Result<Vec<ReportPoint>, Error> {
        let call = Call::get(
            "show_domain_resource_reports",
            format!(
                "/v2/manage/reports/{}/{}",
                param(resource_type),
                param(frequency)
            ),
        );
        self.execute(&call).await?.json()
    }

    /// Optional features of this region.
    pub async fn feature_gates(&self) -> Result<FeatureGates, Error> {
        let pid = self.project_id().await?;
        let call = Call::get(
            "show_share_feature_gates",
            format!("/v2/manage/projects/{}/feature-gates", param(&pid)),
        );
        self.execute(&call).await?.json()
    }

    /// Whether SWR may act on CCE/CCI for the account (needed by triggers).
    pub async fn check_agency(&self) -> Result<Agency, Error> {
        let call = Call::get("check_agency", "/v2/manage/agency".to_owned());
        self.execute(&call).await?.json()
    }

    /// Creates the SWR agency.
    pub async fn create_agency(&self) -> Result<(), Error> {
        let call = Call::post("create_agency", "/v2/manage/agency".to_owned());
        self.execute(&call).await.map(drop)
    }

    /// API versions served by the endpoint.
    pub async fn list_api_versions(&self) -> Result<Vec<ApiVersion>, Error> {
        let call = Call::get("list_api_versions", "/".to_owned());
        let body: ApiVersions = self.execute(&call).await?.json()?;
        Ok(body.versions)
    }

    /// One API version, e.g. `v2`.
    pub async fn show_api_version(&self, version: &str) -> Result<Option<ApiVersion>, Error> {
        let call = Call::get("show_api_version", format!("/{}", param(version)));
        let body: ApiVersionBody = self.execute(&call).await?.json()?;
        Ok(body.version)
    }

    /// A temporary docker login (`utils/secret`); one entry per registry host in the answer.
    pub async fn create_temporary_login(
        &self,
        project_name: Option<&str>,
    ) -> Result<Vec<TemporaryLogin>, Error> {
        let call = Call::post("create_secret", "/v2/manage/utils/secret".to_owned())
            .query_opt("projectname", project_name);
        let response = self.execute(&call).await?;
        let expires = response.header("x-swr-expireat");
        Ok(TemporaryLogin::from_auths(
            response.json::<AuthsBody>()?,
            expires,
        ))
    }

    /// The enhanced temporary login (`utils/authorizationtoken`, user `bearertoken@…`), where
    /// the region's feature gate `enable_authorization_token` allows it.
    pub async fn create_authorization_token(&self) -> Result<Vec<TemporaryLogin>, Error> {
        let call = Call::post(
            "create_authorization_token",
            "/v2/manage/utils/authorizationtoken".to_owned(),
        );
        let response = self.execute(&call).await?;
        let expires = response.header("x-swr-expireat");
        Ok(TemporaryLogin::from_auths(
            response.json::<AuthsBody>()?,
            expires,
        ))
    }
}
