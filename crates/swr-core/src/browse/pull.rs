//! Pull commands for every tool a platform engineer pastes them into.

use serde::{Deserialize, Serialize};

/// A client that pulls images.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum PullTool {
    Docker,
    /// containerd's `ctr`.
    Containerd,
    Nerdctl,
    Podman,
    /// The `image:` line of a Kubernetes container spec.
    Kubernetes,
}

/// One tool's command, by tag and (when the digest is known) by digest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PullCommand {
    pub tool: PullTool,
    pub by_tag: String,
    pub by_digest: Option<String>,
}

const TOOLS: [PullTool; 5] = [
    PullTool::Docker,
    PullTool::Containerd,
    PullTool::Nerdctl,
    PullTool::Podman,
    PullTool::Kubernetes,
];

fn line(tool: PullTool, address: &str) -> String {
    match tool {
        PullTool::Docker => format!("docker pull {address}"),
        // ctr does not add `docker.io/` rules or a default tag; the full address is required.
        PullTool::Containerd => format!("ctr images pull {address}"),
        PullTool::Nerdctl => format!("nerdctl pull {address}"),
        PullTool::Podman => format!("podman pull {address}"),
        PullTool::Kubernetes => format!("image: {address}"),
    }
}

/// The commands that pull `registry/repository:tag` (and `@digest` when given).
pub fn pull_commands(
    registry: &str,
    repository: &str,
    tag: &str,
    digest: Option<&str>,
) -> Vec<PullCommand> {
    let by_tag = format!("{registry}/{repository}:{tag}");
    let by_digest = digest.map(|d| format!("{registry}/{repository}@{d}"));
    TOOLS
        .iter()
        .map(|&tool| PullCommand {
            tool,
            by_tag: line(tool, &by_tag),
            by_digest: by_digest.as_deref().map(|a| line(tool, a)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tool_by_tag_and_by_digest() {
        let cmds = pull_commands(
            "swr.cn-north-4.myhuaweicloud.com",
            "team/web",
            "v1",
            Some("sha256:ab"),
        );
        assert_eq!(cmds.len(), 5);
        assert_eq!(
            cmds[0].by_tag,
            "docker pull swr.cn-north-4.myhuaweicloud.com/team/web:v1"
        );
        assert_eq!(
            cmds[1].by_digest.as_deref(),
            Some("ctr images pull swr.cn-north-4.myhuaweicloud.com/team/web@sha256:ab")
        );
        assert_eq!(
            cmds[4].by_tag,
            "image: swr.cn-north-4.myhuaweicloud.com/team/web:v1"
        );
        assert!(pull_commands("r", "o/i", "t", None)
            .iter()
            .all(|c| c.by_digest.is_none()));
    }
}
