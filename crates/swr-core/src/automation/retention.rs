//! What a retention policy deletes, predicted before it is saved.
//!
//! SWR applies a policy the moment it is saved and again after every push, so a wrong policy
//! deletes tags at once. This is SWR's rule, written once: a policy removes a tag when any of
//! its rules condemns it (`algorithm: or`). A `date_rule` condemns tags pushed more than
//! `days` days ago; a `tag_rule` condemns all but the `num` most recently pushed. A tag that
//! matches one of a rule's exceptions (`label`: the exact tag; `regexp`: a regular expression
//! over the whole tag name) is exempt from that rule and is not counted by it. The tests of
//! `swr-core/tests/retention_referee.rs` hold this module to what swr-sandbox really deletes.

use serde::{Deserialize, Serialize};
use swr_api::model::{RetentionRule, TagSelector};
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime};

use crate::browse::tags::TagRow;

/// Why a tag stays.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum KeepReason {
    /// An exception of the rule names it (exact tag or regular expression).
    Exception { selector: String, regexp: bool },
    /// Among the `count` newest tags the rule keeps (`rank` 1 = newest).
    WithinCount { rank: u32, count: u32 },
    /// Pushed within the rule's days.
    WithinDays {
        #[serde(rename = "ageDays")]
        age_days: i64,
        days: u32,
    },
}

/// What the policy does to one tag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", tag = "verdict")]
pub enum Verdict {
    /// Deleted by rule `rule` (its index in the policy), with what condemned it.
    Delete { rule: u32, because: String },
    /// Kept; with several rules, the reason of each.
    Keep { reasons: Vec<KeepReason> },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PreviewItem {
    pub tag: String,
    pub digest: String,
    pub pushed: String,
    pub verdict: Verdict,
}

/// Something the user should see before saving.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum RetentionWarning {
    /// A deleted tag's image stays, because kept tags still point to its digest.
    DigestStillHeld { tag: String, kept: Vec<String> },
    /// A trigger fires on a tag the policy deletes.
    TriggerNamesDeletedTag { trigger: String, tag: String },
    /// Every tag is deleted.
    EverythingGoes,
    /// Only one tag is left.
    OnlyOneLeft { kept: String },
    /// Tags pushed in the same second straddle the count: SWR breaks the tie by an order the
    /// API does not show, so these may swap.
    TieAtTheCount { tags: Vec<String> },
    /// A time SWR gave could not be read; the tag is counted as oldest and kept by day rules.
    UnreadableTime { tag: String },
}

/// The policy over a full tag list, in the order of the list given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RetentionPreview {
    pub items: Vec<PreviewItem>,
    pub deleted: u32,
    pub kept: u32,
    pub warnings: Vec<RetentionWarning>,
}

impl RetentionPreview {
    /// The tags deleted, in list order.
    pub fn deleted_tags(&self) -> Vec<&str> {
        self.items
            .iter()
            .filter(|i| matches!(i.verdict, Verdict::Delete { .. }))
            .map(|i| i.tag.as_str())
            .collect()
    }
}

fn exception(rule: &RetentionRule, tag: &str) -> Option<KeepReason> {
    rule.tag_selectors.iter().find_map(|s| {
        let hit = selector_matches(s, tag);
        hit.then(|| KeepReason::Exception {
            selector: s.pattern.clone(),
            regexp: s.kind == "regexp",
        })
    })
}

/// Whether an exception covers `tag`: an exact name, or a regular expression matching the whole
/// name. An invalid expression matches nothing (the rules refuse it before saving).
pub fn selector_matches(selector: &TagSelector, tag: &str) -> bool {
    match selector.kind.as_str() {
        "label" => selector.pattern == tag,
        "regexp" => regex::Regex::new(&format!("^(?:{})$", selector.pattern))
            .is_ok_and(|re| re.is_match(tag)),
        _ => false,
    }
}

fn number(text: Option<&str>) -> Option<u32> {
    text.and_then(|t| t.trim().parse().ok()).filter(|n| *n >= 1)
}

fn parse_time(text: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(text.trim(), &Rfc3339).ok()
}

/// What `rules` do to `tags` at `now`. `triggers` are `(name, tags it fires on)` for the
/// warning about deleted tags a trigger names.
pub fn preview(
    rules: &[RetentionRule],
    tags: &[TagRow],
    now: OffsetDateTime,
    triggers: &[(String, Vec<String>)],
) -> RetentionPreview {
    let times: Vec<Option<OffsetDateTime>> = tags.iter().map(|t| parse_time(&t.pushed)).collect();
    // Newest first; the list's own order breaks ties, as SWR's push order would.
    let mut newest_first: Vec<usize> = (0..tags.len()).collect();
    newest_first.sort_by(|&a, &b| times[b].cmp(&times[a]).then(a.cmp(&b)));

    let mut verdicts: Vec<Option<Verdict>> = vec![None; tags.len()];
    let mut reasons: Vec<Vec<KeepReason>> = vec![Vec::new(); tags.len()];
    let mut warnings = Vec::new();
    for (index, rule) in rules.iter().enumerate() {
        let rule_index = u32::try_from(index).unwrap_or(u32::MAX);
        let mut rank = 0u32;
        let mut counted: Vec<usize> = Vec::new();
        for &i in &newest_first {
            let tag = &tags[i];
            if let Some(reason) = exception(rule, &tag.tag) {
                reasons[i].push(reason);
                continue;
            }
            let condemned = match rule.template.as_str() {
                "date_rule" => match (number(rule.params.days.as_deref()), times[i]) {
                    (Some(days), Some(at)) => {
                        let age_days = (now - at).whole_days();
                        if at < now - Duration::days(i64::from(days)) {
                            Some(format!("pushed {age_days} days ago, more than {days}"))
                        } else {
                            reasons[i].push(KeepReason::WithinDays { age_days, days });
                            None
                        }
                    }
                    (Some(days), None) => {
                        reasons[i].push(KeepReason::WithinDays { age_days: 0, days });
                        None
                    }
                    (None, _) => None,
                },
                "tag_rule" => match number(rule.params.num.as_deref()) {
                    Some(count) => {
                        rank += 1;
                        counted.push(i);
                        if rank > count {
                            Some(format!("not among the {count} newest (number {rank})"))
                        } else {
                            reasons[i].push(KeepReason::WithinCount { rank, count });
                            None
                        }
                    }
                    None => None,
                },
                _ => None,
            };
            if let (Some(because), None) = (condemned, &verdicts[i]) {
                verdicts[i] = Some(Verdict::Delete {
                    rule: rule_index,
                    because,
                });
            }
        }
        if let Some(count) =
            number(rule.params.num.as_deref()).filter(|_| rule.template == "tag_rule")
        {
            tie_at(&counted, &times, tags, count, &mut warnings);
        }
    }

    let items: Vec<PreviewItem> = tags
        .iter()
        .enumerate()
        .map(|(i, t)| PreviewItem {
            tag: t.tag.clone(),
            digest: t.digest.clone(),
            pushed: t.pushed.clone(),
            verdict: verdicts[i].clone().unwrap_or_else(|| Verdict::Keep {
                reasons: std::mem::take(&mut reasons[i]),
            }),
        })
        .collect();
    for (i, t) in tags.iter().enumerate() {
        if times[i].is_none() {
            warnings.push(RetentionWarning::UnreadableTime { tag: t.tag.clone() });
        }
    }
    warn(&items, triggers, &mut warnings);
    let deleted = items
        .iter()
        .filter(|i| matches!(i.verdict, Verdict::Delete { .. }))
        .count();
    RetentionPreview {
        deleted: u32::try_from(deleted).unwrap_or(u32::MAX),
        kept: u32::try_from(items.len() - deleted).unwrap_or(u32::MAX),
        items,
        warnings,
    }
}

/// Warns when the tags on both sides of the count were pushed in the same second.
fn tie_at(
    counted: &[usize],
    times: &[Option<OffsetDateTime>],
    tags: &[TagRow],
    count: u32,
    warnings: &mut Vec<RetentionWarning>,
) {
    let at = usize::try_from(count).unwrap_or(usize::MAX);
    let (Some(&last_kept), Some(&first_gone)) = (counted.get(at.wrapping_sub(1)), counted.get(at))
    else {
        return;
    };
    let Some(time) = times[last_kept].filter(|t| Some(*t) == times[first_gone]) else {
        return;
    };
    let tied = counted
        .iter()
        .filter(|&&i| times[i] == Some(time))
        .map(|&i| tags[i].tag.clone())
        .collect();
    warnings.push(RetentionWarning::TieAtTheCount { tags: tied });
}

fn warn(
    items: &[PreviewItem],
    triggers: &[(String, Vec<String>)],
    out: &mut Vec<RetentionWarning>,
) {
    let kept: Vec<&PreviewItem> = items
        .iter()
        .filter(|i| matches!(i.verdict, Verdict::Keep { .. }))
        .collect();
    let gone: Vec<&PreviewItem> = items
        .iter()
        .filter(|i| matches!(i.verdict, Verdict::Delete { .. }))
        .collect();
    for g in &gone {
        let holders: Vec<String> = kept
            .iter()
            .filter(|k| !g.digest.is_empty() && k.digest == g.digest)
            .map(|k| k.tag.clone())
            .collect();
        if !holders.is_empty() {
            out.push(RetentionWarning::DigestStillHeld {
                tag: g.tag.clone(),
                kept: holders,
            });
        }
        for (name, fires_on) in triggers {
            if fires_on.contains(&g.tag) {
                out.push(RetentionWarning::TriggerNamesDeletedTag {
                    trigger: name.clone(),
                    tag: g.tag.clone(),
                });
            }
        }
    }
    if !gone.is_empty() {
        match kept.as_slice() {
            [] => out.push(RetentionWarning::EverythingGoes),
            [one] => out.push(RetentionWarning::OnlyOneLeft {
                kept: one.tag.clone(),
            }),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> OffsetDateTime {
        OffsetDateTime::parse("2026-12-04T12:00:00Z", &Rfc3339).unwrap()
    }

    fn tag(name: &str, days_ago: i64, digest: &str) -> TagRow {
        let at = now() - Duration::days(days_ago) - Duration::minutes(1);
        TagRow {
            tag: name.into(),
            digest: digest.into(),
            size: 1,
            pushed: at.format(&Rfc3339).unwrap(),
            is_index: false,
            siblings: Vec::new(),
        }
    }

    fn deleted(p: &RetentionPreview) -> Vec<&str> {
        p.deleted_tags()
    }

    #[test]
    fn keep_newest_counts_only_tags_without_an_exception() {
        let tags = [
            tag("v1", 5, "d1"),
            tag("v2", 4, "d2"),
            tag("v3", 3, "d3"),
            tag("latest", 1, "d3"),
            tag("keep", 10, "d0"),
        ];
        let rule = RetentionRule::keep_newest(2, vec![TagSelector::label("keep")]);
        let p = preview(&[rule], &tags, now(), &[]);
        assert_eq!(deleted(&p), ["v1", "v2"]);
        let keep = &p.items[4].verdict;
        assert_eq!(
            *keep,
            Verdict::Keep {
                reasons: vec![KeepReason::Exception {
                    selector: "keep".into(),
                    regexp: false
                }]
            }
        );
        assert_eq!(
            p.items[2].verdict,
            Verdict::Keep {
                reasons: vec![KeepReason::WithinCount { rank: 2, count: 2 }]
            }
        );
    }

    #[test]
    fn keep_days_deletes_older_tags_and_regexps_match_the_whole_name() {
        let tags = [
            tag("v1.0", 40, "a"),
            tag("v1.1", 20, "b"),
            tag("release-1", 50, "c"),
            tag("prerelease-1", 50, "d"),
        ];
        let rule = RetentionRule::keep_days(30, vec![TagSelector::regexp("release-[0-9]+")]);
        let p = preview(&[rule], &tags, now(), &[]);
        // `prerelease-1` contains the pattern but does not match it whole.
        assert_eq!(deleted(&p), ["v1.0", "prerelease-1"]);
        assert!(matches!(
            &p.items[1].verdict,
            Verdict::Keep { reasons } if reasons == &[KeepReason::WithinDays { age_days: 20, days: 30 }]
        ));
    }

    #[test]
    fn any_rule_condemns() {
        let tags = [tag("a", 1, "1"), tag("b", 2, "2"), tag("c", 100, "3")];
        let rules = [
            RetentionRule::keep_newest(5, vec![]),
            RetentionRule::keep_days(30, vec![]),
        ];
        let p = preview(&rules, &tags, now(), &[]);
        assert_eq!(deleted(&p), ["c"]);
        assert!(matches!(
            p.items[2].verdict,
            Verdict::Delete { rule: 1, .. }
        ));
    }

    #[test]
    fn warnings_say_what_a_user_would_regret() {
        let tags = [
            tag("v1", 10, "same"),
            tag("stable", 1, "same"),
            tag("v0", 20, "old"),
        ];
        let triggers = [("deploy-v0".to_owned(), vec!["v0".to_owned()])];
        let p = preview(
            &[RetentionRule::keep_newest(1, vec![])],
            &tags,
            now(),
            &triggers,
        );
        assert_eq!(deleted(&p), ["v1", "v0"]);
        assert!(p.warnings.contains(&RetentionWarning::DigestStillHeld {
            tag: "v1".into(),
            kept: vec!["stable".into()]
        }));
        assert!(p
            .warnings
            .contains(&RetentionWarning::TriggerNamesDeletedTag {
                trigger: "deploy-v0".into(),
                tag: "v0".into()
            }));
        assert!(p.warnings.contains(&RetentionWarning::OnlyOneLeft {
            kept: "stable".into()
        }));

        let all = preview(
            &[RetentionRule::keep_days(1, vec![])],
            &tags[2..],
            now(),
            &[],
        );
        assert_eq!(all.warnings, [RetentionWarning::EverythingGoes]);
    }

    #[test]
    fn a_tie_across_the_count_is_named() {
        let mut tags = vec![tag("a", 1, "1"), tag("b", 1, "2"), tag("c", 3, "3")];
        tags[1].pushed = tags[0].pushed.clone();
        let p = preview(&[RetentionRule::keep_newest(1, vec![])], &tags, now(), &[]);
        assert_eq!(deleted(&p), ["b", "c"]);
        assert!(p.warnings.contains(&RetentionWarning::TieAtTheCount {
            tags: vec!["a".into(), "b".into()]
        }));
    }
}
