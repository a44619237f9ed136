//! The profile file: reading it (whole or as much as reads), every change validated and
//! written atomically, the active profile, and the profile from the environment that is used
//! for one run and never written.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use swr_api::rules::RuleViolation;

use super::{Profile, ProfileInput, ProfileSummary};
use swr_registry::files::write_atomic;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
struct ProfilesFile {
    active: Option<String>,
    profiles: Vec<Profile>,
}

#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error("no profile with id {0}")]
    NotFound(String),
    #[error("could not save profiles to {path}: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("could not encode profiles: {0}")]
    Encode(#[from] serde_json::Error),
    #[error("{}: {}", .0.field, .0)]
    Invalid(#[from] RuleViolation),
    #[error("a profile named `{0}` already exists")]
    DuplicateName(String),
    #[error(
        "this profile comes from the environment (SWR_AK, SWR_SK) for this run only and is \
         not saved; change those variables, or add a profile to keep"
    )]
    SessionOnly,
}

#[derive(Debug)]
pub struct ProfileStore {
    path: PathBuf,
    file: Mutex<ProfilesFile>,
    recovered: Option<crate::recovery::Recovered>,
    /// The profile from the environment, never written to the file, and whether it is the
    /// active one (it is until another is chosen).
    session: Mutex<Option<(Profile, bool)>>,
}

impl ProfileStore {
    pub const FILE_NAME: &'static str = "profiles.json";

    /// Reads the profiles. A file that does not read as a whole is moved aside with the
    /// profiles that read on their own kept and saved again (see [`crate::recovery`]).
    pub fn open(config_dir: &Path) -> Self {
        let path = config_dir.join(Self::FILE_NAME);
        let mut recovered = None;
        let file = match std::fs::read(&path) {
            Ok(bytes) => match serde_json::from_slice::<ProfilesFile>(&bytes) {
                Ok(file) => file,
                Err(err) => {
                    let salvage =
                        crate::recovery::salvage::<Profile>(&bytes, "profiles", err.to_string());
                    let active = serde_json::from_slice::<serde_json::Value>(&bytes)
                        .ok()
                        .and_then(|v| v.get("active")?.as_str().map(str::to_owned))
                        .filter(|id| salvage.entries.iter().any(|p| &p.id == id));
                    let file = ProfilesFile {
                        active,
                        profiles: salvage.entries,
                    };
                    recovered = Some(crate::recovery::report(
                        crate::recovery::ConfigFile::Profiles,
                        &path,
                        salvage.reason,
                        file.profiles.len(),
                        salvage.lost,
                    ));
                    file
                }
            },
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => ProfilesFile::default(),
            Err(err) => {
                tracing::warn!(path = %path.display(), %err, "could not read profiles file");
                ProfilesFile::default()
            }
        };
        let store = Self {
            path,
            file: Mutex::new(file),
            recovered,
            session: Mutex::new(None),
        };
        if store
            .recovered
            .as_ref()
            .is_some_and(|r| r.moved_to.is_some())
        {
            // What was kept is on disk again, in place of the file moved aside.
            if let Err(err) = store.modify(|_| Ok(())) {
                tracing::warn!(%err, "could not save the profiles kept from the unreadable file");
            }
        }
        store
    }

    /// The unreadable profiles file this store started from, if it did.
    pub fn recovered(&self) -> Option<&crate::recovery::Recovered> {
        self.recovered.as_ref()
    }

    /// Adds the profile from the environment for this run, as the active one. It is listed
    /// first and never written to the profiles file.
    pub fn set_session_profile(&self, profile: Profile) {
        *self.session_lock() = Some((profile, true));
    }

    /// Whether `id` is the profile from the environment.
    pub fn is_session(&self, id: &str) -> bool {
        self.session_lock()
            .as_ref()
            .is_some_and(|(p, _)| p.id == id)
    }

    /// What the header shows of `profile`.
    pub fn summary(&self, profile: &Profile) -> ProfileSummary {
        ProfileSummary {
            session_only: self.is_session(&profile.id),
            ..profile.summary()
        }
    }

    fn session(&self) -> Option<Profile> {
        self.session_lock().as_ref().map(|(p, _)| p.clone())
    }

    fn refuse_session(&self, id: &str) -> Result<(), ProfileError> {
        match self.is_session(id) {
            true => Err(ProfileError::SessionOnly),
            false => Ok(()),
        }
    }

    fn session_lock(&self) -> std::sync::MutexGuard<'_, Option<(Profile, bool)>> {
        self.session
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub fn list(&self) -> Vec<Profile> {
        self.session()
            .into_iter()
            .chain(self.lock().profiles.iter().cloned())
            .collect()
    }

    /// The profile the app works with: the one from the environment unless another was chosen,
    /// else the one marked active, else the first one.
    pub fn active(&self) -> Option<Profile> {
        if let Some((profile, true)) = self.session_lock().as_ref() {
            return Some(profile.clone());
        }
        let file = self.lock();
        file.active
            .as_deref()
            .and_then(|id| file.profiles.iter().find(|p| p.id == id))
            .or_else(|| file.profiles.first())
            .cloned()
    }

    /// Adds `profile`, or replaces the one with the same id.
    pub fn upsert(&self, profile: Profile) -> Result<(), ProfileError> {
        self.modify(|file| {
            match file.profiles.iter_mut().find(|p| p.id == profile.id) {
                Some(existing) => *existing = profile,
                None => file.profiles.push(profile),
            }
            Ok(())
        })
    }

    /// The profile with this id, else the one with this name (ignoring case).
    pub fn find(&self, id_or_name: &str) -> Option<Profile> {
        if let Some(session) = self
            .session()
            .filter(|p| p.id == id_or_name || p.name.eq_ignore_ascii_case(id_or_name))
        {
            return Some(session);
        }
        let file = self.lock();
        file.profiles
            .iter()
            .find(|p| p.id == id_or_name)
            .or_else(|| {
                file.profiles
                    .iter()
                    .find(|p| p.name.eq_ignore_ascii_case(id_or_name))
            })
            .cloned()
    }

    pub fn get(&self, id: &str) -> Option<Profile> {
        if let Some(session) = self.session().filter(|p| p.id == id) {
            return Some(session);
        }
        self.lock().profiles.iter().find(|p| p.id == id).cloned()
    }

    /// Validates `input` and saves it as a new profile with an id derived from its name. The
    /// first profile becomes the active one.
    pub fn add(&self, input: ProfileInput) -> Result<Profile, ProfileError> {
        let input = input.validated()?;
        let mut added = None;
        self.modify(|file| {
            ensure_unique_name(file, &input.name, None)?;
            let id = unique_id(file, &slug(&input.name));
            let profile = Profile::from_input(id.clone(), input);
            file.profiles.push(profile.clone());
            if file.active.is_none() {
                file.active = Some(id);
            }
            added = Some(profile);
            Ok(())
        })?;
        added.ok_or_else(|| ProfileError::NotFound(String::new()))
    }

    /// Replaces the editable fields of profile `id`; the id stays.
    pub fn update(&self, id: &str, input: ProfileInput) -> Result<Profile, ProfileError> {
        self.refuse_session(id)?;
        let input = input.validated()?;
        let profile = Profile::from_input(id.to_owned(), input);
        self.modify(|file| {
            ensure_unique_name(file, &profile.name, Some(id))?;
            let slot = file
                .profiles
                .iter_mut()
                .find(|p| p.id == id)
                .ok_or_else(|| ProfileError::NotFound(id.to_owned()))?;
            *slot = profile.clone();
            Ok(())
        })?;
        Ok(profile)
    }

    /// Copies profile `id` under a free name (`<name> (copy)`, `<name> (copy 2)`, …). The copy
    /// uses the same access key, so it shares the secret key already in the keyring.
    pub fn duplicate(&self, id: &str) -> Result<Profile, ProfileError> {
        let source = self
            .get(id)
            .ok_or_else(|| ProfileError::NotFound(id.to_owned()))?;
        let mut input = source.input();
        let taken: Vec<String> = self.list().into_iter().map(|p| p.name).collect();
        input.name = (1..)
            .map(|n| match n {
                1 => format!("{} (copy)", source.name),
                n => format!("{} (copy {n})", source.name),
            })
            .find(|candidate| !taken.iter().any(|t| t.eq_ignore_ascii_case(candidate)))
            .unwrap_or_default();
        self.add(input)
    }

    /// Removes profile `id` and returns it; when it was active, the first remaining one is.
    pub fn remove(&self, id: &str) -> Result<Profile, ProfileError> {
        self.refuse_session(id)?;
        let mut removed = None;
        self.modify(|file| {
            let at = file
                .profiles
                .iter()
                .position(|p| p.id == id)
                .ok_or_else(|| ProfileError::NotFound(id.to_owned()))?;
            removed = Some(file.profiles.remove(at));
            if file.active.as_deref() == Some(id) {
                file.active = file.profiles.first().map(|p| p.id.clone());
            }
            Ok(())
        })?;
        removed.ok_or_else(|| ProfileError::NotFound(id.to_owned()))
    }

    /// Whether any profile still uses this access key (and so its secret key).
    pub fn uses_access_key(&self, access_key_id: &str) -> bool {
        self.session()
            .is_some_and(|p| p.access_key_id == access_key_id)
            || self
                .lock()
                .profiles
                .iter()
                .any(|p| p.access_key_id == access_key_id)
    }

    /// Makes `id` the active profile; choosing the profile from the environment is remembered
    /// for this run only.
    pub fn set_active(&self, id: &str) -> Result<(), ProfileError> {
        if let Some((profile, active)) = self.session_lock().as_mut() {
            *active = profile.id == id;
            if *active {
                return Ok(());
            }
        }
        self.modify(|file| {
            if !file.profiles.iter().any(|p| p.id == id) {
                return Err(ProfileError::NotFound(id.to_string()));
            }
            file.active = Some(id.to_string());
            Ok(())
        })
    }

    /// Applies `change` to a copy and keeps it only once it is on disk.
    fn modify(
        &self,
        change: impl FnOnce(&mut ProfilesFile) -> Result<(), ProfileError>,
    ) -> Result<(), ProfileError> {
        let mut guard = self.lock();
        let mut next = guard.clone();
        change(&mut next)?;
        let bytes = serde_json::to_vec_pretty(&next)?;
        write_atomic(&self.path, &bytes).map_err(|source| ProfileError::Write {
            path: self.path.clone(),
            source,
        })?;
        *guard = next;
        Ok(())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, ProfilesFile> {
        // Every mutation replaces the value whole, so a poisoned lock still guards a whole value.
        self.file
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

fn ensure_unique_name(
    file: &ProfilesFile,
    name: &str,
    except_id: Option<&str>,
) -> Result<(), ProfileError> {
    let clash = file
        .profiles
        .iter()
        .any(|p| Some(p.id.as_str()) != except_id && p.name.eq_ignore_ascii_case(name));
    if clash {
        Err(ProfileError::DuplicateName(name.to_owned()))
    } else {
        Ok(())
    }
}

/// A file- and URL-friendly id: lower-case ASCII letters, digits and single dashes.
fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "profile".to_owned()
    } else {
        out.chars().take(40).collect()
    }
}

fn unique_id(file: &ProfilesFile, base: &str) -> String {
    (1..)
        .map(|n| match n {
            1 => base.to_owned(),
            n => format!("{base}-{n}"),
        })
        .find(|id| !file.profiles.iter().any(|p| &p.id == id))
        .unwrap_or_else(|| base.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profiles::EndpointOverrides;

    fn profile(id: &str, region: &str) -> Profile {
        Profile {
            id: id.into(),
            name: format!("{id} profile"),
            region: region.into(),
            project_id: None,
            access_key_id: "HPUAEXAMPLEAK0000001".into(),
            endpoints: EndpointOverrides::default(),
            ca_bundle: None,
            proxy: None,
            insecure_skip_tls_verify: false,
        }
    }

    #[test]
    fn no_profile_until_one_is_added() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(ProfileStore::open(dir.path()).active(), None);
    }

    #[test]
    fn active_profile_is_remembered_across_restarts() {
        let dir = tempfile::tempdir().unwrap();
        let store = ProfileStore::open(dir.path());
        store.upsert(profile("prod", "cn-north-4")).unwrap();
        store.upsert(profile("dev", "ap-southeast-1")).unwrap();
        assert_eq!(
            store.active().unwrap().id,
            "prod",
            "first profile by default"
        );
        store.set_active("dev").unwrap();
        let reopened = ProfileStore::open(dir.path());
        assert_eq!(
            reopened.active().unwrap().summary().region,
            "ap-southeast-1"
        );
        assert_eq!(reopened.list().len(), 2);
    }

    #[test]
    fn activating_an_unknown_profile_is_refused_and_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let store = ProfileStore::open(dir.path());
        store.upsert(profile("prod", "cn-north-4")).unwrap();
        assert!(matches!(
            store.set_active("missing"),
            Err(ProfileError::NotFound(_))
        ));
        assert_eq!(store.active().unwrap().id, "prod");
    }

    fn input(name: &str) -> ProfileInput {
        ProfileInput {
            name: name.into(),
            region: "cn-north-4".into(),
            access_key_id: "HPUAEXAMPLEAK0000001".into(),
            ..ProfileInput::default()
        }
    }

    #[test]
    fn add_edit_duplicate_remove() {
        let dir = tempfile::tempdir().unwrap();
        let store = ProfileStore::open(dir.path());
        let prod = store.add(input("Prod Beijing")).unwrap();
        assert_eq!(prod.id, "prod-beijing");
        assert_eq!(
            store.active().unwrap().id,
            "prod-beijing",
            "first one is active"
        );
        assert!(matches!(
            store.add(input("prod beijing")),
            Err(ProfileError::DuplicateName(_))
        ));
        let zh = store.add(input("生产")).unwrap();
        assert_eq!(zh.id, "profile");

        let mut edited = prod.input();
        edited.region = "ap-southeast-1".into();
        let edited = store.update("prod-beijing", edited).unwrap();
        assert_eq!(edited.id, "prod-beijing");
        assert_eq!(store.get("prod-beijing").unwrap().region, "ap-southeast-1");

        let copy = store.duplicate("prod-beijing").unwrap();
        assert_eq!(copy.name, "Prod Beijing (copy)");
        assert_eq!(copy.access_key_id, prod.access_key_id);
        let copy2 = store.duplicate("prod-beijing").unwrap();
        assert_eq!(copy2.name, "Prod Beijing (copy 2)");
        assert_ne!(copy.id, copy2.id);

        store.set_active(&copy.id).unwrap();
        store.remove(&copy.id).unwrap();
        assert_eq!(store.active().unwrap().id, "prod-beijing");
        assert!(store.uses_access_key("HPUAEXAMPLEAK0000001"));
        assert!(matches!(
            store.remove("nope"),
            Err(ProfileError::NotFound(_))
        ));
        let reopened = ProfileStore::open(dir.path());
        assert_eq!(reopened.list().len(), 3);
    }

    #[test]
    fn invalid_input_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let store = ProfileStore::open(dir.path());
        let mut bad = input("Remote");
        bad.endpoints.api = Some("http://swr.example.com".into());
        assert!(matches!(store.add(bad), Err(ProfileError::Invalid(_))));
        assert!(store.list().is_empty());
        assert!(!dir.path().join(ProfileStore::FILE_NAME).exists());
    }

    #[test]
    fn reads_the_format_scripts_write() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(ProfileStore::FILE_NAME),
            r#"{"active":"sandbox","profiles":[{"id":"sandbox","name":"Sandbox","region":"cn-north-4",
            "projectId":"p1","accessKeyId":"AK1","endpoints":{"api":"http://127.0.0.1:1","registry":"127.0.0.1:2","iam":null},
            "caBundle":null,"proxy":null,"insecureSkipTlsVerify":false}]}"#,
        )
        .unwrap();
        let store = ProfileStore::open(dir.path());
        let p = store.active().unwrap();
        assert_eq!(p.registry_host(), "127.0.0.1:2");
        assert_eq!(p.project_id.as_deref(), Some("p1"));
    }

    #[test]
    fn the_file_holds_no_secret_fields() {
        let dir = tempfile::tempdir().unwrap();
        let store = ProfileStore::open(dir.path());
        store.upsert(profile("prod", "cn-north-4")).unwrap();
        let text = std::fs::read_to_string(dir.path().join(ProfileStore::FILE_NAME)).unwrap();
        let lower = text.to_lowercase();
        assert!(!lower.contains("secret"), "{text}");
        assert!(!lower.contains("\"sk\""), "{text}");
    }

    #[test]
    fn an_unreadable_profiles_file_is_moved_aside_and_its_whole_profiles_kept() {
        let dir = tempfile::tempdir().unwrap();
        let good = serde_json::to_value(profile("p1", "cn-north-4")).unwrap();
        let text = serde_json::json!({
            "active": "p1",
            "profiles": [good, {"id": "p2", "region": 7}],
        });
        let path = dir.path().join(ProfileStore::FILE_NAME);
        std::fs::write(&path, serde_json::to_vec(&text).unwrap()).unwrap();

        let store = ProfileStore::open(dir.path());
        let recovered = store
            .recovered()
            .cloned()
            .expect("the bad file is reported");
        assert_eq!((recovered.kept, recovered.lost), (1, 1));
        assert_eq!(store.active().map(|p| p.id), Some("p1".into()));
        let moved = recovered.moved_to.expect("moved aside");
        assert!(std::fs::read_to_string(moved).unwrap().contains("\"p2\""));

        // What was kept was saved: the next start reads it without complaint.
        let again = ProfileStore::open(dir.path());
        assert!(again.recovered().is_none());
        assert_eq!(again.list().len(), 1);
    }

    #[test]
    fn the_profile_from_the_environment_is_used_but_never_saved() {
        let dir = tempfile::tempdir().unwrap();
        let store = ProfileStore::open(dir.path());
        let saved = store
            .add(ProfileInput {
                name: "Prod".into(),
                region: "cn-north-4".into(),
                access_key_id: "AKPROD".into(),
                ..Default::default()
            })
            .unwrap();
        let mut env = profile(
            crate::profiles::environment::SESSION_PROFILE_ID,
            "cn-east-3",
        );
        env.access_key_id = "AKENV".into();
        store.set_session_profile(env.clone());

        assert_eq!(store.active().map(|p| p.id), Some(env.id.clone()));
        assert!(store.summary(&env).session_only);
        assert!(!store.summary(&saved).session_only);
        let ids: Vec<String> = store.list().into_iter().map(|p| p.id).collect();
        assert_eq!(ids, [env.id.clone(), saved.id.clone()]);
        assert!(store.uses_access_key("AKENV"));
        assert!(matches!(
            store.update(&env.id, env.input()),
            Err(ProfileError::SessionOnly)
        ));
        assert!(matches!(
            store.remove(&env.id),
            Err(ProfileError::SessionOnly)
        ));

        // Choosing a saved profile and back is remembered for the run; the file never holds it.
        store.set_active(&saved.id).unwrap();
        assert_eq!(store.active().map(|p| p.id), Some(saved.id.clone()));
        store.set_active(&env.id).unwrap();
        assert_eq!(store.active().map(|p| p.id), Some(env.id.clone()));
        let file = std::fs::read_to_string(dir.path().join(ProfileStore::FILE_NAME)).unwrap();
        assert!(!file.contains("AKENV") && !file.contains(&env.id), "{file}");
        let reopened = ProfileStore::open(dir.path());
        assert_eq!(reopened.list().len(), 1);
    }
}
