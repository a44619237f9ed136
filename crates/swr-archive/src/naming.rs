//! Image references checked against SWR's naming rules, which live in `swr_rules` so the
//! console's forms, the CLI, the sandbox and this reader all agree on them.

use crate::finding::{Findings, Rule};
use crate::reference;

/// Checks one `RepoTags`-style reference: it must parse, carry a tag, and its organization,
/// repository and tag must be acceptable to SWR.
pub fn check_reference(raw: &str, findings: &mut Findings) {
    let entry = Some(raw);
    let parsed = match reference::parse(raw) {
        Ok(r) => r,
        Err(why) => {
            findings.error(
                Rule::ReferenceInvalid,
                entry,
                format!("`{raw}` is not a valid image reference: {why}"),
            );
            return;
        }
    };
    let Some(tag) = parsed.tag.as_deref() else {
        findings.error(Rule::ReferenceInvalid, entry, format!("`{raw}` has no tag"));
        return;
    };
    if let Some(org) = parsed.organization() {
        if let Err(v) = swr_rules::validate_namespace(org) {
            let message = format!("organization `{org}` in `{raw}`: {v}");
            // Only a name meant for SWR keeps its organization on push; elsewhere (docker.io,
            // a local registry) the target organization is chosen when pushing.
            let for_swr = parsed
                .domain
                .as_deref()
                .is_none_or(|d| d.starts_with("swr."));
            if for_swr {
                findings.error(Rule::SwrNamespace, entry, message);
            } else {
                findings.warning(Rule::SwrNamespace, entry, message);
            }
        }
    }
    if let Err(v) = swr_rules::validate_repository(parsed.repository()) {
        findings.error(
            Rule::SwrRepository,
            entry,
            format!("image name `{}` in `{raw}`: {v}", parsed.repository()),
        );
    }
    if let Err(v) = swr_rules::validate_tag(tag) {
        findings.error(Rule::SwrTag, entry, format!("tag `{tag}` in `{raw}`: {v}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Severity;

    fn check(raw: &str) -> Vec<(Rule, Severity)> {
        let mut f = Findings::new("x.tar");
        check_reference(raw, &mut f);
        f.into_vec()
            .into_iter()
            .map(|x| (x.rule, x.severity))
            .collect()
    }

    #[test]
    fn good_names_pass() {
        assert!(check("team-a/web:1.0").is_empty());
        assert!(check("swr.cn-north-4.myhuaweicloud.com/team-a/web/api:v2").is_empty());
        assert!(check("localhost/app:latest").is_empty());
    }

    #[test]
    fn breaches_are_reported_by_rule() {
        assert_eq!(check("app"), [(Rule::ReferenceInvalid, Severity::Error)]);
        assert_eq!(
            check("Bad/app:1"),
            [(Rule::ReferenceInvalid, Severity::Error)]
        );
        assert_eq!(
            check("1team/app:1"),
            [(Rule::SwrNamespace, Severity::Error)]
        );
        // docker.io's implicit `library` is not an SWR organization, but not the user's fault.
        assert_eq!(
            check("docker.io/library/nginx:1"),
            [(Rule::SwrNamespace, Severity::Warning)]
        );
    }
}
