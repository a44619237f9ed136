//! Starting from a configuration file that cannot be read.
//!
//! A file cut short by a full disk, edited by hand or written by a newer version must neither
//! stop the app from starting nor be overwritten unseen by the next save. The file is moved
//! aside, next to where it was, with what could still be read out of it kept: every entry of
//! its list that is whole on its own. What happened is reported once, so the user learns which
//! file, why, what was kept and where the original now is.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::Serialize;

/// Which file could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum ConfigFile {
    Profiles,
    Uploads,
}

/// A file found unreadable at start, and what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Recovered {
    pub file: ConfigFile,
    /// Where the file was.
    pub path: String,
    /// Where the unreadable original is now; `None` when it could not be moved (it is then left
    /// in place and not written over until the user acts).
    pub moved_to: Option<String>,
    /// What is wrong with it, as the parser said.
    pub reason: String,
    /// Entries of its list read and kept (profiles, upload items).
    pub kept: u32,
    /// Entries found but not readable, now only in the moved file.
    pub lost: u32,
}

/// Moves `path` aside as `<name>.unreadable-<unix seconds>` in the same folder.
pub fn set_aside(path: &Path) -> std::io::Result<PathBuf> {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".unreadable-{stamp}"));
    let target = PathBuf::from(name);
    std::fs::rename(path, &target)?;
    Ok(target)
}

/// Why a whole read failed, and the entries of the file's list that read on their own.
pub struct Salvage<E> {
    pub reason: String,
    pub entries: Vec<E>,
    pub lost: u32,
}

/// Reads the entries of the array `list` of a JSON object one by one, keeping the whole ones.
/// Text that is not a JSON object at all keeps nothing.
pub fn salvage<E: DeserializeOwned>(bytes: &[u8], list: &str, reason: String) -> Salvage<E> {
    let items = serde_json::from_slice::<serde_json::Value>(bytes)
        .ok()
        .and_then(|mut value| value.get_mut(list).map(serde_json::Value::take))
        .and_then(|value| match value {
            serde_json::Value::Array(items) => Some(items),
            _ => None,
        })
        .unwrap_or_default();
    let mut entries = Vec::new();
    let mut lost = 0u32;
    for item in items {
        match serde_json::from_value::<E>(item) {
            Ok(entry) => entries.push(entry),
            Err(_) => lost += 1,
        }
    }
    Salvage {
        reason,
        entries,
        lost,
    }
}

/// Moves the unreadable file at `path` aside and describes what was kept.
pub fn report(file: ConfigFile, path: &Path, reason: String, kept: usize, lost: u32) -> Recovered {
    let moved_to = match set_aside(path) {
        Ok(target) => Some(target.display().to_string()),
        Err(err) => {
            tracing::warn!(path = %path.display(), %err, "could not move the unreadable file aside");
            None
        }
    };
    tracing::warn!(path = %path.display(), %reason, kept, lost, ?moved_to, "unreadable configuration file");
    Recovered {
        file,
        path: path.display().to_string(),
        moved_to,
        reason,
        kept: u32::try_from(kept).unwrap_or(u32::MAX),
        lost,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Entry {
        id: u32,
    }

    #[test]
    fn whole_entries_are_kept_and_broken_ones_counted() {
        let got: Salvage<Entry> = salvage(
            br#"{"version": 99, "items": [{"id": 1}, {"id": "x"}, {"id": 3}]}"#,
            "items",
            "bad".into(),
        );
        assert_eq!(got.entries, [Entry { id: 1 }, Entry { id: 3 }]);
        assert_eq!(got.lost, 1);

        let cut: Salvage<Entry> = salvage(br#"{"items": [{"id": 1}, {"id""#, "items", "cut".into());
        assert!(cut.entries.is_empty());
        assert_eq!(cut.lost, 0);
    }

    #[test]
    fn the_unreadable_file_is_moved_aside_not_lost() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("profiles.json");
        std::fs::write(&path, b"{oops").unwrap();
        let recovered = report(ConfigFile::Profiles, &path, "bad".into(), 0, 0);
        assert!(!path.exists());
        let moved = recovered.moved_to.expect("moved");
        assert!(moved.contains("profiles.json.unreadable-"), "{moved}");
        assert_eq!(std::fs::read(moved).unwrap(), b"{oops");
    }
}
