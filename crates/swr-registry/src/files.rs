//! Files the console keeps on disk: written atomically, and the JSON "hint" files that only
//! save work (the blob cache, the list of validated archives).
//!
//! Files are replaced atomically (write to a sibling temporary file, flush, rename) so that a
//! crash or a full disk never leaves a half-written file behind: a reader sees either the old
//! content or the new one. A [`HintFile`] that does not read starts empty: losing it costs
//! time, never correctness, so it is not worth an error.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::de::DeserializeOwned;
use serde::Serialize;

/// Writes `bytes` to `path` atomically, creating the parent directory when needed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
    if let Some(dir) = parent {
        fs::create_dir_all(dir)?;
    }
    let file_name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "path has no file name"))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(file_name);
    tmp_name.push(format!(".{}.tmp", std::process::id()));
    let tmp_path = match parent {
        Some(dir) => dir.join(&tmp_name),
        None => tmp_name.into(),
    };
    let result = (|| {
        let mut file = File::create(&tmp_path)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&tmp_path, path)
    })();
    if result.is_err() {
        // Best effort: the temporary file is ours and useless once the write failed.
        let _ = fs::remove_file(&tmp_path);
    }
    result
}

/// A JSON value kept in a file as a hint; `path: None` keeps it in memory only.
#[derive(Debug, Default)]
pub struct HintFile<T> {
    path: Option<PathBuf>,
    data: Mutex<T>,
}

impl<T: Default + Serialize + DeserializeOwned> HintFile<T> {
    /// An empty value that is never written.
    pub fn in_memory() -> Self {
        Self {
            path: None,
            data: Mutex::new(T::default()),
        }
    }

    /// Reads the file; a missing or unreadable one starts from the default value.
    pub fn load(path: &Path) -> Self {
        let data = fs::read(path)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        Self {
            path: Some(path.to_owned()),
            data: Mutex::new(data),
        }
    }

    /// Reads or changes the value; `None` only if another thread panicked holding it.
    pub fn with<R>(&self, f: impl FnOnce(&mut T) -> R) -> Option<R> {
        self.data.lock().ok().map(|mut d| f(&mut d))
    }

    /// Writes the value atomically. A failure is logged, not returned: the file is a hint.
    pub fn save(&self) {
        let Some(path) = &self.path else { return };
        let Some(Ok(bytes)) = self.with(|d| serde_json::to_vec(d)) else {
            return;
        };
        if let Err(e) = write_atomic(path, &bytes) {
            tracing::warn!(path = %path.display(), error = %e, "cannot save a cache file");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hint_file_survives_a_save_and_an_unreadable_one_starts_empty() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hints.json");
        let hints: HintFile<Vec<String>> = HintFile::load(&path);
        hints.with(|v| v.push("sha256:a".into()));
        hints.save();
        let again: HintFile<Vec<String>> = HintFile::load(&path);
        assert_eq!(again.with(|v| v.clone()), Some(vec!["sha256:a".to_owned()]));
        fs::write(&path, b"{not json").unwrap();
        let broken: HintFile<Vec<String>> = HintFile::load(&path);
        assert_eq!(broken.with(|v| v.len()), Some(0));
    }

    #[test]
    fn replaces_content_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested/settings.json");
        write_atomic(&path, b"first").unwrap();
        write_atomic(&path, b"second").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"second");
        let names: Vec<_> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("settings.json")]);
    }
}
