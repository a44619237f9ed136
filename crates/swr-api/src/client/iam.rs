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
    pick_project(response.json()?, &region)
}

/// Zero or several projects of that name cannot be resolved automatically (the SDK refuses
/// both too); the user then has to enter the project id in the profile.
fn pick_project(projects: Projects, region: &str) -> Result<String, Error> {
    match projects.projects.as_slice() {
        [one] if !one.id.is_empty() => Ok(one.id.clone()),
        [] | [_] => Err(Error::Configuration {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: &str) -> Projects {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn exactly_one_project_resolves() {
        let p = parse(r#"{"projects":[{"id":"abc123","name":"cn-north-4"}],"links":{}}"#);
        assert_eq!(pick_project(p, "cn-north-4").unwrap(), "abc123");
    }

    #[test]
    fn none_or_several_projects_ask_for_configuration() {
        for json in [
            r#"{"projects":[]}"#,
            r#"{}"#,
            r#"{"projects":[{"name":"cn-north-4"}]}"#,
            r#"{"projects":[{"id":"a"},{"id":"b"}]}"#,
        ] {
            let err = pick_project(parse(json), "cn-north-4").unwrap_err();
            assert_eq!(err.kind(), crate::ErrorKind::Configuration, "{json}");
            assert!(err.to_string().contains("project id in the profile"));
        }
    }
}
