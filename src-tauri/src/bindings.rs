//! The list of commands and events the UI may call, and the TypeScript bindings generated from it.
//!
//! `ui/src/ipc/bindings.ts` is generated from this list and committed; the test below fails when
//! the committed file differs from what the current Rust types produce. Regenerate it with
//! `UPDATE_BINDINGS=1 cargo nextest run -p swr-console bindings`.

use specta_typescript::{BigIntExportBehavior, Typescript};
use tauri_specta::{collect_commands, collect_events, Builder};

use swr_api::rules;

use crate::commands;

pub fn builder() -> Builder<tauri::Wry> {
    Builder::<tauri::Wry>::new()
        .commands(collect_commands![
            commands::app::app_info,
            commands::app::startup_notices,
            commands::app::quit_app,
            commands::settings::get_settings,
            commands::settings::update_settings,
            commands::profiles::active_profile,
            commands::profiles::list_profiles,
            commands::profiles::list_regions,
            commands::profiles::check_profile,
            commands::rules::check_value,
            commands::rules::check_share_until,
            commands::profiles::import_credentials_csv,
            commands::profiles::save_profile,
            commands::profiles::duplicate_profile,
            commands::profiles::delete_profile,
            commands::profiles::set_active_profile,
            commands::logins::verify_profile,
            commands::logins::login_outputs,
            commands::logins::reveal_login,
            commands::logins::write_docker_config,
            commands::logins::create_temporary_login,
            commands::clipboard::copy_login,
            commands::clipboard::copy_secret_text,
            commands::clipboard::copy_text,
            commands::organizations::list_organizations,
            commands::organizations::create_organization,
            commands::browse::load_image_index,
            commands::browse::query_images,
            commands::browse::image_overview,
            commands::browse::load_tags,
            commands::browse::query_tags,
            commands::browse::inspect_tag,
            commands::browse::tag_platforms,
            commands::browse::plan_tag_deletion,
            commands::browse::delete_tags,
            commands::browse::copy_tag,
            commands::browse::list_organization_rows,
            commands::browse::delete_organization,
            commands::browse::dashboard,
            commands::browse::shared_with_me,
            commands::access::image_attributes,
            commands::access::set_image_attributes,
            commands::access::list_permissions,
            commands::access::plan_permissions,
            commands::access::apply_permissions,
            commands::access::organization_matrix,
            commands::access::image_matrix,
            commands::access::list_shares,
            commands::access::add_share,
            commands::access::update_share,
            commands::access::remove_share,
            commands::automation::retention_policy,
            commands::automation::preview_retention,
            commands::automation::save_retention,
            commands::automation::remove_retention,
            commands::automation::retention_history,
            commands::automation::list_triggers,
            commands::automation::test_trigger_tag,
            commands::automation::check_trigger,
            commands::automation::add_trigger,
            commands::automation::set_trigger_enabled,
            commands::automation::delete_trigger,
            commands::sync::sync_regions,
            commands::sync::sync_rules,
            commands::sync::add_sync_rule,
            commands::sync::delete_sync_rule,
            commands::sync::sync_tags,
            commands::sync::sync_jobs,
            commands::sync::sync_gaps,
            commands::journal::query_journal,
            commands::journal::export_journal,
            commands::uploads::uploads_view,
            commands::uploads::pick_upload_files,
            commands::uploads::set_upload_target,
            commands::uploads::queue_uploads,
            commands::uploads::start_uploads,
            commands::uploads::pause_uploads,
            commands::uploads::cancel_upload,
            commands::uploads::retry_upload,
            commands::uploads::remove_upload,
            commands::uploads::move_upload,
            commands::uploads::clear_finished_uploads,
        ])
        .events(collect_events![
            commands::uploads::FilesOpened,
            commands::uploads::DropHover,
            commands::app::CloseWhilePushing,
            crate::uploads_bridge::UploadsChanged,
            crate::uploads_bridge::ValidationProgress,
            crate::uploads_bridge::UploadProgress,
            crate::uploads_bridge::ImagesChanged,
        ])
        // The ids of the archive checks and hints, so the UI's copy test compares its
        // translations with what the crate reports rather than with its source text.
        .constant("CHECK_IDS", check_ids())
        // SWR's length limits that forms count characters against as the user types.
        .constant("IMAGE_DESCRIPTION_MAX", rules::REPO_DESCRIPTION_MAX_CHARS)
        .constant("SHARE_DESCRIPTION_MAX", rules::SHARE_DESCRIPTION_MAX_CHARS)
}

/// Every rule and hint id of swr-archive.
fn check_ids() -> Vec<&'static str> {
    swr_archive::Rule::ALL
        .iter()
        .map(|rule| rule.id())
        .chain(swr_archive::HINT_IDS.iter().copied())
        .collect()
}

/// The TypeScript exporter with the project's conventions.
pub fn typescript() -> Typescript {
    Typescript::default().bigint(BigIntExportBehavior::Number)
}

/// Renders the bindings into a string.
pub fn render() -> Result<String, String> {
    let dir = std::env::temp_dir().join(format!("swr-console-bindings-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let path = dir.join("bindings.ts");
    builder()
        .export(typescript(), &path)
        .map_err(|e| e.to_string())?;
    let text = std::fs::read_to_string(&path).map_err(|e| e.to_string());
    let _ = std::fs::remove_dir_all(&dir);
    text.map(|text| constants_sorted(&text))
}

const CONSTANTS_START: &str = "/** user-defined constants **/";
const CONSTANTS_END: &str = "/** user-defined types **/";

/// The exporter writes the constants in hash-map order, which changes from run to run; sorted,
/// the file is the same for the same Rust.
fn constants_sorted(text: &str) -> String {
    let (Some(start), Some(end)) = (text.find(CONSTANTS_START), text.find(CONSTANTS_END)) else {
        return text.to_owned();
    };
    let body_start = start + CONSTANTS_START.len();
    if end < body_start {
        return text.to_owned();
    }
    let mut lines: Vec<&str> = text[body_start..end]
        .lines()
        .filter(|line| !line.trim().is_empty())
        .collect();
    lines.sort_unstable();
    format!(
        "{}\n\n{}\n\n{}",
        &text[..body_start],
        lines.join("\n"),
        &text[end..]
    )
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    #[test]
    fn constants_come_in_one_order() {
        let a = "x\n/** user-defined constants **/\n\nexport const B = 2;\nexport const A = 1;\n\n/** user-defined types **/\ny";
        let b = "x\n/** user-defined constants **/\n\nexport const A = 1;\nexport const B = 2;\n\n/** user-defined types **/\ny";
        assert_eq!(super::constants_sorted(a), super::constants_sorted(b));
        assert_eq!(super::constants_sorted(b), b);
    }

    #[test]
    fn bindings_are_up_to_date() {
        let committed_path =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/ipc/bindings.ts");
        let fresh = super::render().expect("bindings render");
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&committed_path, &fresh).expect("write bindings");
            return;
        }
        let committed = std::fs::read_to_string(&committed_path).unwrap_or_default();
        assert!(
            committed == fresh,
            "ui/src/ipc/bindings.ts is out of date with the Rust commands and types; \
             regenerate it with `UPDATE_BINDINGS=1 cargo nextest run -p swr-console bindings` \
             and commit the result"
        );
    }
}
