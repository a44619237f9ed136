//! Organizations: list, create, show, delete.

use crate::client::Call;
use crate::error::Error;
use crate::model::namespaces::{CreateNamespace, NamespaceList};
use crate::model::Namespace;
use crate::path::param;
use crate::rules;
use crate::Client;

const BASE: &str = "/v2/manage/namespaces";

impl Client {
    /// Organizations the caller has permission on. With `include_visible`, also organizations
    /// that are visible only because the caller has permission on one of their repositories.
    pub async fn list_namespaces(&self, include_visible: bool) -> Result<Vec<Namespace>, Error> {
        let mut call = Call::get("list_namespaces", BASE.to_owned());
        if include_visible {
            call = call.query("filter", "mode::visible");
        }
        let list: NamespaceList = self.execute(&call).await?.json()?;
        Ok(list.namespaces)
    }

    /// Creates an organization (names are unique across all accounts).
    pub async fn create_namespace(&self, name: &str) -> Result<(), Error> {
        rules::validate_namespace(name)?;
        let call = Call::post("create_namespace", BASE.to_owned())
            .json(&CreateNamespace { namespace: name })?;
        self.execute(&call).await.map(drop)
    }

    /// One organization with the caller's permission on it.
    pub async fn show_namespace(&self, name: &str) -> Result<Namespace, Error> {
        let call = Call::get("show_namespace", format!("{BASE}/{}", param(name)));
        self.execute(&call).await?.json()
    }

    /// Deletes an empty organization ([`crate::ErrorKind::NotEmpty`] otherwise).
    pub async fn delete_namespace(&self, name: &str) -> Result<(), Error> {
        let call = Call::delete("delete_namespaces", format!("{BASE}/{}", param(name)));
        self.execute(&call).await.map(drop)
    }
}
