//! Profiles: the list, the header picker, and add/edit/duplicate/delete.
//!
//! A secret key crosses IPC once, inward, in [`SecretInput`]; nothing here ever returns one.

use serde::{Deserialize, Serialize};
use specta::Type;
use swr_api::Sensitive;
use swr_core::credentials::{self, Persistence};
use swr_core::profiles::{Profile, ProfileInput, ProfileSummary};
use tauri::State;

use crate::error::{ErrorCode, IpcError};
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub fn active_profile(state: State<'_, AppState>) -> Option<ProfileSummary> {
    state.profiles.active().map(|p| state.profiles.summary(&p))
}

/// One row of the Profiles screen.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ProfileEntry {
    pub profile: Profile,
    /// Where its secret key is; `None` when the app has none (the user must enter it again).
    pub secret_key: Option<Persistence>,
    pub registry: String,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ProfileList {
    pub active: Option<String>,
    pub profiles: Vec<ProfileEntry>,
}

#[tauri::command]
#[specta::specta]
pub fn list_profiles(state: State<'_, AppState>) -> ProfileList {
    ProfileList {
        active: state.profiles.active().map(|p| p.id),
        profiles: state
            .profiles
            .list()
            .into_iter()
            .map(|profile| ProfileEntry {
                secret_key: state.credentials.persistence(&profile.access_key_id),
                registry: profile.registry_host(),
                profile: profile.shown(),
            })
            .collect(),
    }
}

/// Every rule the profile form breaks now, for the wizard to show on its fields as the user
/// types; saving checks them again.
#[tauri::command]
#[specta::specta]
pub fn check_profile(
    input: swr_core::profiles::ProfileInput,
) -> Vec<swr_api::rules::RuleViolation> {
    input.violations()
}

/// The regions with their display names, for the searchable picker.
#[tauri::command]
#[specta::specta]
pub fn list_regions() -> Vec<swr_api::region::Region> {
    swr_api::region::REGIONS.to_vec()
}

/// How the secret key arrives: typed into the form, or from an imported `credentials.csv`.
#[derive(Debug, Deserialize, Type)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum SecretInput {
    Typed {
        #[specta(type = String)]
        value: Sensitive<String>,
    },
    /// The token [`import_credentials_csv`] returned.
    Imported { token: String },
}

/// What an imported `credentials.csv` held, minus the secret key (kept in memory).
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportedCredentials {
    pub user_name: Option<String>,
    pub access_key_id: String,
    pub token: String,
}

#[tauri::command]
#[specta::specta]
pub fn import_credentials_csv(
    state: State<'_, AppState>,
    contents: String,
) -> Result<ImportedCredentials, IpcError> {
    let key = swr_core::csv_import::parse_credentials_csv(contents.as_bytes())
        .map_err(|e| IpcError::new(ErrorCode::InvalidInput, e.to_string()))?;
    let token = state.staged.stage(key.secret_access_key);
    Ok(ImportedCredentials {
        user_name: key.user_name,
        access_key_id: key.access_key_id,
        token,
    })
}

/// Adds (`id` = null) or edits a profile; a given secret key is stored for its access key.
#[tauri::command]
#[specta::specta]
pub fn save_profile(
    state: State<'_, AppState>,
    id: Option<String>,
    input: ProfileInput,
    secret: Option<SecretInput>,
    persistence: Persistence,
) -> Result<Profile, IpcError> {
    let secret = match secret {
        None => None,
        Some(SecretInput::Typed { value }) if value.expose().trim().is_empty() => None,
        Some(SecretInput::Typed { value }) => {
            Some(Sensitive::new(value.expose().trim().to_owned()))
        }
        Some(SecretInput::Imported { token }) => {
            Some(state.staged.take(&token).ok_or_else(|| {
                IpcError::new(ErrorCode::InvalidInput, "import the credentials file again")
            })?)
        }
    };
    Ok(credentials::save_profile(
        &state.profiles,
        &state.credentials,
        id.as_deref(),
        input,
        secret.as_ref(),
        persistence,
    )?)
}

#[tauri::command]
#[specta::specta]
pub fn duplicate_profile(state: State<'_, AppState>, id: String) -> Result<Profile, IpcError> {
    Ok(state.profiles.duplicate(&id)?)
}

#[tauri::command]
#[specta::specta]
pub fn delete_profile(state: State<'_, AppState>, id: String) -> Result<(), IpcError> {
    credentials::remove_profile(&state.profiles, &state.credentials, &id)?;
    Ok(())
}

#[tauri::command]
#[specta::specta]
pub fn set_active_profile(state: State<'_, AppState>, id: String) -> Result<(), IpcError> {
    Ok(state.profiles.set_active(&id)?)
}

/// The profile and its secret key, for commands that act on SWR.
pub(crate) fn with_secret(
    state: &AppState,
    id: &str,
) -> Result<(Profile, Sensitive<String>), IpcError> {
    let profile = state
        .profiles
        .get(id)
        .ok_or_else(|| IpcError::new(ErrorCode::NotFound, format!("no profile with id {id}")))?;
    Ok(state.credentials.unlock(&profile)?)
}

/// The profile's SWR API client, from the shared session (one connection pool and one pacer
/// per account).
pub(crate) fn api_client(state: &AppState, id: &str) -> Result<swr_api::Client, IpcError> {
    Ok(state.sessions.get(id)?.api.clone())
}
