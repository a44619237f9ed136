//! Which triggers a pushed tag fires, predicted: the condition tester.
//!
//! SWR's rule, written once: an `all` trigger fires on every tag; a `tag` trigger on the tags
//! its condition lists (separated by `;`); a `regular` trigger when its regular expression
//! matches the whole tag name. Only enabled triggers fire; a disabled one that matches is
//! reported as such, so the tester says why nothing would happen.

use serde::{Deserialize, Serialize};
use swr_api::model::Trigger;
use swr_api::rules::RuleViolation;

/// What a trigger would do on a push of one tag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct TriggerMatch {
    pub trigger: String,
    pub enabled: bool,
    /// The condition matches the tag.
    pub matches: bool,
    /// It matches and is enabled: the workload would be updated.
    pub fires: bool,
    /// The part of the tag the condition matched, as character offsets `[start, end)`; the
    /// whole tag for `all`, `tag` and whole-name expressions.
    pub matched: Option<(u32, u32)>,
    /// Why it does or does not match, for the user.
    pub because: String,
}

/// The tags a `tag` condition lists.
pub fn listed_tags(condition: &str) -> Vec<String> {
    condition
        .split(';')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

fn whole(tag: &str) -> Option<(u32, u32)> {
    Some((0, u32::try_from(tag.chars().count()).unwrap_or(u32::MAX)))
}

/// What `trigger` does on a push of `tag`.
pub fn test(trigger: &Trigger, tag: &str) -> TriggerMatch {
    let (matches, because) = match trigger.trigger_type.as_str() {
        "all" => (true, "fires on every tag".to_owned()),
        "tag" => {
            let listed = listed_tags(&trigger.condition);
            if listed.iter().any(|t| t == tag) {
                (true, format!("{tag} is one of the listed tags"))
            } else {
                (false, format!("{tag} is not among {}", listed.join(", ")))
            }
        }
        "regular" => match regex::Regex::new(&format!("^(?:{})$", trigger.condition)) {
            Ok(re) if re.is_match(tag) => (
                true,
                format!("/{}/ matches the whole tag", trigger.condition),
            ),
            Ok(_) => (
                false,
                format!(
                    "/{}/ does not match the whole tag (a trigger's expression must match all of it)",
                    trigger.condition
                ),
            ),
            Err(_) => (
                false,
                format!("/{}/ is not a valid regular expression", trigger.condition),
            ),
        },
        other => (false, format!("unknown condition type {other}")),
    };
    let because = match (matches, trigger.enable) {
        (true, false) => format!("{because}, but the trigger is disabled"),
        _ => because,
    };
    TriggerMatch {
        trigger: trigger.name.clone(),
        enabled: trigger.enable,
        matches,
        fires: matches && trigger.enable,
        matched: if matches { whole(tag) } else { None },
        because,
    }
}

/// What every trigger does on a push of `tag`; the tag is checked against the tag rules first.
pub fn test_all(triggers: &[Trigger], tag: &str) -> Result<Vec<TriggerMatch>, RuleViolation> {
    swr_api::rules::validate_tag(tag)?;
    Ok(triggers.iter().map(|t| test(t, tag)).collect())
}

/// The tags each trigger names, for the retention preview's warning.
pub fn named_tags(triggers: &[Trigger]) -> Vec<(String, Vec<String>)> {
    triggers
        .iter()
        .filter(|t| t.trigger_type == "tag")
        .map(|t| (t.name.clone(), listed_tags(&t.condition)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trigger(kind: &str, condition: &str, enable: bool) -> Trigger {
        Trigger {
            name: format!("{kind}-trigger"),
            enable,
            trigger_type: kind.into(),
            condition: condition.into(),
            ..Default::default()
        }
    }

    #[test]
    fn conditions_match_as_swr_reads_them() {
        let cases = [
            ("all", ".*", "anything", true),
            ("tag", "v1; latest", "latest", true),
            ("tag", "v1;latest", "v1.0", false),
            ("regular", "v1\\.[0-9]+", "v1.12", true),
            ("regular", "v1\\.[0-9]+", "v1.12-rc", false),
            ("regular", "rc", "v1-rc", false),
            ("regular", "(", "v1", false),
        ];
        for (kind, condition, tag, expected) in cases {
            let m = test(&trigger(kind, condition, true), tag);
            assert_eq!(
                m.matches, expected,
                "{kind} {condition} {tag}: {}",
                m.because
            );
            assert_eq!(m.fires, expected);
            assert_eq!(m.matched.is_some(), expected);
        }
    }

    #[test]
    fn a_disabled_trigger_matches_but_does_not_fire() {
        let m = test(&trigger("all", ".*", false), "v1");
        assert!(m.matches && !m.fires);
        assert!(m.because.contains("disabled"));
        assert_eq!(m.matched, Some((0, 2)));
    }

    #[test]
    fn a_bad_tag_is_refused_before_testing() {
        let v = test_all(&[trigger("all", ".*", true)], "bad tag").unwrap_err();
        assert_eq!(v.field, "tag");
    }
}
