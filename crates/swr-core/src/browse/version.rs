//! Version-aware ordering and ranges for tag names.
//!
//! Tags are free text, but most follow a version scheme (`1.2.3`, `v1.10.0-rc.1`, `2024.05`).
//! Sorting them as text puts `v1.10` before `v1.9`; this module reads the numeric parts so that
//! `v1.9 < v1.10`, a pre-release sorts before its release (`1.0.0-rc.1 < 1.0.0`), and tags that
//! are not versions (`latest`, `main`) sort after every version, by name.

use std::cmp::Ordering;

/// A tag read as a version: numeric parts and an optional pre-release suffix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    parts: Vec<u64>,
    pre: Option<String>,
}

impl Version {
    /// Reads `v1.2.3`, `1.2`, `1.2.3-rc.1`, `1.2.3+build` (build metadata ignored). `None` for
    /// anything that does not start with a number after an optional `v`.
    pub fn parse(tag: &str) -> Option<Self> {
        let text = tag
            .strip_prefix('v')
            .or_else(|| tag.strip_prefix('V'))
            .unwrap_or(tag);
        let text = text.split('+').next().unwrap_or(text);
        let (core, pre) = match text.split_once('-') {
            Some((core, pre)) => (core, Some(pre.to_owned())),
            None => (text, None),
        };
        let parts: Option<Vec<u64>> = core.split('.').map(|p| p.parse().ok()).collect();
        let parts = parts.filter(|p| !p.is_empty() && p.len() <= 6)?;
        Some(Self { parts, pre })
    }

    fn part(&self, i: usize) -> u64 {
        self.parts.get(i).copied().unwrap_or(0)
    }
}

impl Ord for Version {
    fn cmp(&self, other: &Self) -> Ordering {
        let len = self.parts.len().max(other.parts.len());
        (0..len)
            .map(|i| self.part(i).cmp(&other.part(i)))
            .find(|o| o.is_ne())
            .unwrap_or(Ordering::Equal)
            .then_with(|| match (&self.pre, &other.pre) {
                (None, None) => Ordering::Equal,
                (None, Some(_)) => Ordering::Greater,
                (Some(_), None) => Ordering::Less,
                (Some(a), Some(b)) => compare_pre(a, b),
            })
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Pre-release identifiers compared as semver does: numbers numerically, below words.
fn compare_pre(a: &str, b: &str) -> Ordering {
    let mut left = a.split('.');
    let mut right = b.split('.');
    loop {
        match (left.next(), right.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) => {
                let o = match (x.parse::<u64>(), y.parse::<u64>()) {
                    (Ok(m), Ok(n)) => m.cmp(&n),
                    (Ok(_), Err(_)) => Ordering::Less,
                    (Err(_), Ok(_)) => Ordering::Greater,
                    (Err(_), Err(_)) => x.cmp(y),
                };
                if o.is_ne() {
                    return o;
                }
            }
        }
    }
}

/// Orders two tag names: versions by version, then non-versions by name.
pub fn compare_tags(a: &str, b: &str) -> Ordering {
    compare_parsed(a, Version::parse(a).as_ref(), b, Version::parse(b).as_ref())
}

/// [`compare_tags`] with each tag's version already read, for sorting many tags.
pub fn compare_parsed(a: &str, va: Option<&Version>, b: &str, vb: Option<&Version>) -> Ordering {
    match (va, vb) {
        (Some(x), Some(y)) => x.cmp(y).then_with(|| a.cmp(b)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => a.cmp(b),
    }
}

/// One bound of a range: `>=1.2`, `<2`, `=1.0.0`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Bound {
    op: Op,
    version: Version,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
}

/// A version range: every bound must hold (`>=1.2 <2`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Range {
    bounds: Vec<Bound>,
}

impl Range {
    /// Reads space-separated bounds. The error says which bound is wrong and what is expected.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut bounds = Vec::new();
        for word in text.split_whitespace() {
            let (op, rest) = [
                (">=", Op::Ge),
                ("<=", Op::Le),
                (">", Op::Gt),
                ("<", Op::Lt),
                ("=", Op::Eq),
            ]
            .iter()
            .find_map(|(p, op)| word.strip_prefix(p).map(|r| (*op, r)))
            .ok_or_else(|| {
                format!("`{word}` is not a bound: start it with >=, >, <=, < or = (e.g. >=1.2 <2)")
            })?;
            let version = Version::parse(rest).ok_or_else(|| {
                format!("`{rest}` in `{word}` is not a version (e.g. 1, 1.2 or 1.2.3)")
            })?;
            bounds.push(Bound { op, version });
        }
        if bounds.is_empty() {
            return Err("a range needs at least one bound, e.g. >=1.2 <2".into());
        }
        Ok(Self { bounds })
    }

    /// True when `tag` is a version inside the range.
    pub fn contains(&self, tag: &str) -> bool {
        Version::parse(tag).is_some_and(|v| self.holds(&v))
    }

    /// Whether every bound holds for `v`, a tag's version read beforehand.
    pub fn holds(&self, v: &Version) -> bool {
        self.bounds.iter().all(|b| {
            let o = v.cmp(&b.version);
            match b.op {
                Op::Lt => o.is_lt(),
                Op::Le => o.is_le(),
                Op::Gt => o.is_gt(),
                Op::Ge => o.is_ge(),
                Op::Eq => o.is_eq(),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_sort_numerically_with_prereleases_first_and_names_last() {
        let mut tags = vec![
            "latest",
            "v1.10.0",
            "v1.9.2",
            "1.0.0",
            "1.0.0-rc.10",
            "1.0.0-rc.2",
            "1.0.0-beta",
            "main",
            "2",
            "1.0",
        ];
        tags.sort_by(|a, b| compare_tags(a, b));
        assert_eq!(
            tags,
            vec![
                "1.0.0-beta",
                "1.0.0-rc.2",
                "1.0.0-rc.10",
                "1.0",
                "1.0.0",
                "v1.9.2",
                "v1.10.0",
                "2",
                "latest",
                "main"
            ]
        );
    }

    #[test]
    fn ranges_hold_every_bound() {
        let r = Range::parse(">=1.2 <2").unwrap();
        for yes in ["1.2", "1.2.0", "v1.9.9", "1.10", "2.0.0-rc.1"] {
            assert!(r.contains(yes), "{yes}");
        }
        for no in ["1.1.9", "2", "2.0.0", "latest", "1.2.0-rc.1"] {
            assert!(!r.contains(no), "{no}");
        }
        assert!(Range::parse("=1.0.0").unwrap().contains("v1.0"));
        assert!(Range::parse("<=3 >1").unwrap().contains("3.0"));
    }

    #[test]
    fn a_bad_range_says_which_bound_and_what_is_expected() {
        let e = Range::parse(">=1.2 2").unwrap_err();
        assert!(e.contains("`2` is not a bound"), "{e}");
        let e = Range::parse(">=abc").unwrap_err();
        assert!(e.contains("`abc` in `>=abc` is not a version"), "{e}");
    }
}
