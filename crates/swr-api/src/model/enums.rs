//! Small closed sets of values shared by requests, responses and the validation rules.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::{format_description::well_known::Rfc3339, OffsetDateTime};

/// Permission level on an organization or repository. Sent as the integers 7, 3, 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum PermissionLevel {
    /// `1`: pull.
    Read,
    /// `3`: pull, push and edit.
    Write,
    /// `7`: everything, including permissions and deletion.
    Manage,
}

impl PermissionLevel {
    /// Every level, weakest first.
    pub const ALL: [Self; 3] = [Self::Read, Self::Write, Self::Manage];

    /// The integer sent on the wire.
    pub fn code(self) -> u8 {
        match self {
            Self::Read => 1,
            Self::Write => 3,
            Self::Manage => 7,
        }
    }

    /// The level for a wire integer.
    pub fn from_code(code: i64) -> Option<Self> {
        match code {
            1 => Some(Self::Read),
            3 => Some(Self::Write),
            7 => Some(Self::Manage),
            _ => None,
        }
    }

    /// English label as the console shows it.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::Read => "Read",
            Self::Write => "Write",
            Self::Manage => "Manage",
        }
    }

    /// Chinese label as the console shows it.
    pub fn label_zh_cn(self) -> &'static str {
        match self {
            Self::Read => "只读",
            Self::Write => "编辑",
            Self::Manage => "管理",
        }
    }
}

impl Serialize for PermissionLevel {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.code())
    }
}

impl<'de> Deserialize<'de> for PermissionLevel {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = i64::deserialize(d)?;
        Self::from_code(code).ok_or_else(|| {
            serde::de::Error::custom(format!("permission level {code} is not 1, 3 or 7"))
        })
    }
}

/// Repository category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// `app_server`
    AppServer,
    /// `linux`
    Linux,
    /// `framework_app`
    FrameworkApp,
    /// `database`
    Database,
    /// `lang`
    Lang,
    /// `other`
    Other,
    /// `windows`
    Windows,
    /// `arm`
    Arm,
}

impl Category {
    /// Every category in the order the console lists them.
    pub const ALL: [Self; 8] = [
        Self::AppServer,
        Self::Linux,
        Self::Windows,
        Self::Arm,
        Self::FrameworkApp,
        Self::Database,
        Self::Lang,
        Self::Other,
    ];

    /// The wire value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::AppServer => "app_server",
            Self::Linux => "linux",
            Self::FrameworkApp => "framework_app",
            Self::Database => "database",
            Self::Lang => "lang",
            Self::Other => "other",
            Self::Windows => "windows",
            Self::Arm => "arm",
        }
    }

    /// The category for a wire value.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == value)
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::AppServer => "Application server",
            Self::Linux => "Linux",
            Self::FrameworkApp => "Framework & application",
            Self::Database => "Database",
            Self::Lang => "Language",
            Self::Other => "Other",
            Self::Windows => "Windows",
            Self::Arm => "Arm",
        }
    }

    /// Chinese label.
    pub fn label_zh_cn(self) -> &'static str {
        match self {
            Self::AppServer => "应用服务器",
            Self::Linux => "Linux",
            Self::FrameworkApp => "框架与应用",
            Self::Database => "数据库",
            Self::Lang => "语言",
            Self::Other => "其他",
            Self::Windows => "Windows",
            Self::Arm => "Arm",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How long a share lasts: for ever, or until a UTC instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareDeadline {
    /// The wire literal `forever`.
    Forever,
    /// A UTC instant.
    Until(OffsetDateTime),
}

impl ShareDeadline {
    /// The wire value: `forever` or `YYYY-MM-DDTHH:MM:SS.mmmZ`.
    pub fn to_wire(&self) -> String {
        match self {
            Self::Forever => "forever".to_owned(),
            Self::Until(at) => {
                let at = at.to_offset(time::UtcOffset::UTC);
                format!(
                    "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
                    at.year(),
                    u8::from(at.month()),
                    at.day(),
                    at.hour(),
                    at.minute(),
                    at.second(),
                    at.millisecond()
                )
            }
        }
    }

    /// Reads a wire value leniently (`forever`, RFC 3339 with or without fraction).
    pub fn parse(value: &str) -> Option<Self> {
        let value = value.trim();
        if value.eq_ignore_ascii_case("forever") {
            return Some(Self::Forever);
        }
        OffsetDateTime::parse(value, &Rfc3339).ok().map(Self::Until)
    }
}

impl Serialize for ShareDeadline {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_wire())
    }
}

impl<'de> Deserialize<'de> for ShareDeadline {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Self::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("`{text}` is not a share deadline")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permission_levels_are_integers_on_the_wire() {
        assert_eq!(serde_json::to_string(&PermissionLevel::Write).unwrap(), "3");
        let p: PermissionLevel = serde_json::from_str("7").unwrap();
        assert_eq!(p, PermissionLevel::Manage);
        assert!(serde_json::from_str::<PermissionLevel>("2").is_err());
    }

    #[test]
    fn categories_round_trip() {
        for c in Category::ALL {
            let json = serde_json::to_string(&c).unwrap();
            assert_eq!(json, format!("\"{}\"", c.as_str()));
            assert_eq!(Category::parse(c.as_str()), Some(c));
        }
        assert_eq!(Category::parse("Linux"), None);
    }

    #[test]
    fn deadlines_use_millis_and_forever() {
        let d = ShareDeadline::parse("2018-10-01T16:00:00Z").unwrap();
        assert_eq!(d.to_wire(), "2018-10-01T16:00:00.000Z");
        let d = ShareDeadline::parse("2018-10-02T00:00:00.5+08:00").unwrap();
        assert_eq!(d.to_wire(), "2018-10-01T16:00:00.500Z");
        assert_eq!(
            ShareDeadline::parse("forever"),
            Some(ShareDeadline::Forever)
        );
        assert_eq!(ShareDeadline::parse("tomorrow"), None);
    }
}
