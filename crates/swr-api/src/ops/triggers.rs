//! Triggers on a repository.

use crate::client::Call;
use crate::error::Error;
use crate::model::triggers::UpdateTrigger;
use crate::model::{CreateTriggerRequest, Trigger};
use crate::path::{param, repo};
use crate::rules;
use crate::Client;

fn triggers_path(namespace: &str, repository: &str) -> String {
    format!(
        "/v2/manage/namespaces/{}/repos/{}/triggers",
        param(namespace),
        repo(repository)
    )
}

fn trigger_path(namespace: &str, repository: &str, name: &str) -> String {
    format!("{}/{}", triggers_path(namespace, repository), param(name))
}

impl Client {
    /// Triggers of a repository, each with its history.
    pub async fn list_triggers(
        &self,
        namespace: &str,
        repository: &str,
    ) -> Result<Vec<Trigger>, Error> {
        let call = Call::get(
            "list_triggers_details",
            triggers_path(namespace, repository),
        );
        self.execute(&call).await?.json()
    }

    /// Creates a trigger.
    pub async fn create_trigger(
        &self,
        namespace: &str,
        repository: &str,
        request: &CreateTriggerRequest,
    ) -> Result<(), Error> {
        rules::validate_trigger_name(&request.name)?;
        let call =
            Call::post("create_trigger", triggers_path(namespace, repository)).json(request)?;
        self.execute(&call).await.map(drop)
    }

    /// One trigger.
    pub async fn show_trigger(
        &self,
        namespace: &str,
        repository: &str,
        name: &str,
    ) -> Result<Trigger, Error> {
        let call = Call::get("show_trigger", trigger_path(namespace, repository, name));
        self.execute(&call).await?.json()
    }

    /// Enables or disables a trigger (the only change SWR allows).
    pub async fn set_trigger_enabled(
        &self,
        namespace: &str,
        repository: &str,
        name: &str,
        enabled: bool,
    ) -> Result<(), Error> {
        let call = Call::patch("update_trigger", trigger_path(namespace, repository, name))
            .json(&UpdateTrigger { enable: enabled })?;
        self.execute(&call).await.map(drop)
    }

    /// Deletes a trigger.
    pub async fn delete_trigger(
        &self,
        namespace: &str,
        repository: &str,
        name: &str,
    ) -> Result<(), Error> {
        let call = Call::delete("delete_trigger", trigger_path(namespace, repository, name));
        self.execute(&call).await.map(drop)
    }
}
