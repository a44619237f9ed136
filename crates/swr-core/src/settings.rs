//! User preferences of the desktop app (language, theme, density), persisted as JSON in the config dir.
//!
//! Preferences hold no secret. An unreadable or corrupt file never stops the app: it falls back
//! to the defaults and the next save replaces it.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use swr_registry::files::write_atomic;

/// Which language the interface speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum LanguagePreference {
    /// Follow the operating system's language.
    #[default]
    #[serde(rename = "system")]
    System,
    #[serde(rename = "en")]
    English,
    #[serde(rename = "zh-CN")]
    SimplifiedChinese,
}

/// Light or dark appearance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum ThemePreference {
    /// Follow the operating system's appearance.
    #[default]
    System,
    Light,
    Dark,
}

/// How much room lists and tables give each row: compact fits more of a long list on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum Density {
    #[default]
    Comfortable,
    Compact,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Settings {
    pub language: LanguagePreference,
    pub theme: ThemePreference,
    /// Missing from files written before it existed, which then read as comfortable.
    pub density: Density,
}

#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("could not save settings to {path}: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("could not encode settings: {0}")]
    Encode(#[from] serde_json::Error),
}

/// The settings file and an in-memory copy of its content.
#[derive(Debug)]
pub struct SettingsStore {
    path: PathBuf,
    current: Mutex<Settings>,
}

impl SettingsStore {
    pub const FILE_NAME: &'static str = "settings.json";

    /// Opens the store in `config_dir`, reading the file if it exists.
    pub fn open(config_dir: &Path) -> Self {
        let path = config_dir.join(Self::FILE_NAME);
        let current = match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes).unwrap_or_else(|err| {
                tracing::warn!(path = %path.display(), %err, "ignoring unreadable settings file");
                Settings::default()
            }),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Settings::default(),
            Err(err) => {
                tracing::warn!(path = %path.display(), %err, "could not read settings file");
                Settings::default()
            }
        };
        Self {
            path,
            current: Mutex::new(current),
        }
    }

    pub fn get(&self) -> Settings {
        *self.lock()
    }

    /// Saves `settings`; the in-memory copy changes only when the file was written.
    pub fn update(&self, settings: Settings) -> Result<Settings, SettingsError> {
        let bytes = serde_json::to_vec_pretty(&settings)?;
        write_atomic(&self.path, &bytes).map_err(|source| SettingsError::Write {
            path: self.path.clone(),
            source,
        })?;
        *self.lock() = settings;
        Ok(settings)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Settings> {
        // A poisoned lock only means another thread panicked mid-assignment of a Copy value;
        // the value itself is always whole.
        self.current
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_survive_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        let store = SettingsStore::open(dir.path());
        assert_eq!(store.get(), Settings::default());
        let chosen = Settings {
            language: LanguagePreference::SimplifiedChinese,
            theme: ThemePreference::Dark,
            density: Density::Compact,
        };
        store.update(chosen).unwrap();
        assert_eq!(SettingsStore::open(dir.path()).get(), chosen);
    }

    #[test]
    fn wire_names_match_the_ui() {
        let json = serde_json::to_value(Settings {
            language: LanguagePreference::SimplifiedChinese,
            theme: ThemePreference::Light,
            density: Density::Compact,
        })
        .unwrap();
        assert_eq!(
            json,
            serde_json::json!({"language": "zh-CN", "theme": "light", "density": "compact"})
        );
    }

    #[test]
    fn a_file_from_before_density_keeps_its_choices() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(SettingsStore::FILE_NAME),
            br#"{"language":"en","theme":"dark"}"#,
        )
        .unwrap();
        let read = SettingsStore::open(dir.path()).get();
        assert_eq!(read.language, LanguagePreference::English);
        assert_eq!(read.theme, ThemePreference::Dark);
        assert_eq!(read.density, Density::Comfortable);
    }

    #[test]
    fn a_corrupt_file_falls_back_to_defaults_and_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(SettingsStore::FILE_NAME), b"{not json").unwrap();
        let store = SettingsStore::open(dir.path());
        assert_eq!(store.get(), Settings::default());
        let chosen = Settings {
            language: LanguagePreference::English,
            ..Settings::default()
        };
        store.update(chosen).unwrap();
        assert_eq!(SettingsStore::open(dir.path()).get(), chosen);
    }

    #[test]
    fn a_failed_save_keeps_the_previous_choice() {
        let dir = tempfile::tempdir().unwrap();
        // A directory where the file should be makes the rename fail.
        let config = dir.path().join("cfg");
        std::fs::create_dir_all(config.join(SettingsStore::FILE_NAME)).unwrap();
        let store = SettingsStore::open(&config);
        let err = store
            .update(Settings {
                language: LanguagePreference::English,
                theme: ThemePreference::Dark,
                density: Density::Compact,
            })
            .unwrap_err();
        assert!(matches!(err, SettingsError::Write { .. }));
        assert_eq!(store.get(), Settings::default());
    }
}
