//! Resolving the project id of a region through IAM, as the SDK does when none is configured.

use serde::Deserialize;

use super::{Call, Client};
use crate::error::Error;

#[derive(Debug, Default, Deserialize)]
struct Projects {
    #[serde(default)]
    projects: Vec<Project>,
}

#[derive(Debug, Default, Deserialize)]
struct Project {
    #[serde(default)]
    id: String,
}

/// `GET <iam>/v3/projects?name=<region>`, signed with the profile's AK/SK, must return exactly
/// one project.
pub(super) async fn resolve_project_id(client: &Client) -> Result<String, Error> {
    let region = client.region().to_owned();
    let call = Call::get("resolve_project_id", "/v3/projects".to_owned()).query("name", &region);
    let iam = client.endpoints().iam.clone();
    let response = client.execute_at(&iam, &call, None).await?;
    let projects: Projects = response.json()?;
    match projects.projects.as_slice() {
        [one] if !one.id.is_empty() => Ok(one.id.clone()),
        [] => Err(Error::Configuration {
            message: format!(
                "IAM knows no project named `{region}`; set the project id in the profile"
            ),
        }),
        _ => Err(Error::Configuration {
            message: format!(
                "IAM returned several projects named `{region}`; set the project id in the profile"
            ),
        }),
    }
}
