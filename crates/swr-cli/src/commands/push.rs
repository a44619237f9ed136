//! `swrctl push`: validated, verified pushes of image archives, for pipelines and terminals.
//!
//! Credentials come from a saved profile (`--profile`), or for pipelines from the environment
//! (`SWR_REGION`, `SWR_AK`, `SWR_SK`, optional `SWR_PROJECT_ID`, `SWR_API_ENDPOINT`,
//! `SWR_REGISTRY`, `SWR_INSECURE=1` for plain HTTP to a loopback sandbox), else the active
//! profile. Files go through the shared upload queue one after another. The exit code is 0
//! only when every image was pushed and its manifest digest verified.
//!
//! With a config dir the queue's journal is kept on disk (`swrctl-uploads.json`): pushing a
//! file again after a crash or a kill takes up its unfinished item, so blobs it already
//! confirmed are not sent again. Items pushed and verified are pruned when the run ends.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use swr_api::{ClientConfig, Credentials as ApiCredentials, Sensitive};
use swr_core::uploads::{
    ItemState, Journal, JournalLock, TargetOverrides, UploadEvent, UploadQueue, ValidatedFiles,
};
use swr_registry::push::BlobCache;
use swr_registry::{Credentials, Registry, RegistryConfig};
use tokio_util::sync::CancellationToken;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Organization to push into (default: the one in each image's tag).
    #[arg(long)]
    pub org: Option<String>,
    /// Image name, replacing the archive's (needed for untagged images).
    #[arg(long)]
    pub name: Option<String>,
    /// Tag, replacing the archive's; repeat it to push several tags.
    #[arg(long)]
    pub tag: Vec<String>,
    /// Send Docker layers uncompressed instead of gzip-compressing them.
    #[arg(long)]
    pub no_compress: bool,
    /// One JSON event per line on stdout instead of a progress bar.
    #[arg(long)]
    pub json: bool,
    /// Profile id or name (default: environment variables, else the active profile).
    #[arg(long)]
    pub profile: Option<String>,
    /// Image archives (.tar, .tar.gz, .tar.zst).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

/// Everything needed to reach SWR: the management API and the registry.
pub struct Connection {
    pub api: ClientConfig,
    pub registry: RegistryConfig,
    /// The profile's name, or `environment`; the change journal names changes by it.
    pub profile_name: String,
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// Resolves credentials: `--profile`, else `SWR_AK`/`SWR_SK`, else the active profile.
pub fn connection(profile: Option<&str>) -> Result<Connection, String> {
    connection_in(profile, None)
}

/// The same account in `region` (region sync): endpoints from the profile's
/// `--region-endpoint`, or from `SWR_REGION_ENDPOINTS` (`REGION=API,REGISTRY[,PROJECT_ID];…`)
/// with credentials from the environment; else the region's public endpoints.
pub fn connection_in(profile: Option<&str>, region: Option<&str>) -> Result<Connection, String> {
    if profile.is_none() {
        if let Some(ak) = env("SWR_AK") {
            return from_env(ak, region);
        }
    }
    let dir = swr_core::profiles::default_config_dir()
        .ok_or("no credentials: set SWR_REGION, SWR_AK and SWR_SK, or add a profile")?;
    let profiles = swr_core::profiles::ProfileStore::open(&dir);
    let found = match profile {
        Some(name) => profiles.find(name).ok_or_else(|| format!("no profile `{name}`"))?,
        None => profiles.active().ok_or(
            "no credentials: set SWR_REGION, SWR_AK and SWR_SK, or add a profile with `swrctl profile add`",
        )?,
    };
    let credentials = swr_core::credentials::CredentialStore::default();
    swr_core::credentials::move_proxy_passwords(&profiles, &credentials);
    let (found, sk) = credentials.unlock(&found).map_err(|e| e.to_string())?;
    let found = match region {
        Some(r) => found.in_region(r),
        None => found,
    };
    Ok(Connection {
        api: swr_core::sessions::config::client_config(&found, &sk),
        registry: swr_core::sessions::config::registry_config(&found, &sk),
        profile_name: found.name.clone(),
    })
}

fn from_env(ak: String, other: Option<&str>) -> Result<Connection, String> {
    let home = env("SWR_REGION").ok_or("SWR_AK is set but SWR_REGION is not")?;
    let sk = env("SWR_SK").ok_or("SWR_AK is set but SWR_SK is not")?;
    let insecure = env("SWR_INSECURE").is_some_and(|v| v == "1" || v.eq_ignore_ascii_case("true"));
    let region = other.unwrap_or(&home).to_owned();
    let mut api = ClientConfig::new(region.clone(), ApiCredentials::new(ak.clone(), sk.clone()));
    if other.is_none() || other == Some(home.as_str()) {
        api.project_id = env("SWR_PROJECT_ID");
        api.endpoints.api = env("SWR_API_ENDPOINT");
        api.endpoints.registry = env("SWR_REGISTRY");
    } else if let Some(list) = env("SWR_REGION_ENDPOINTS") {
        for item in list.split(';').filter(|i| !i.trim().is_empty()) {
            let (r, e) = swr_core::profiles::RegionEndpoints::parse(item.trim())?;
            if r == region {
                api.project_id = e.project_id;
                api.endpoints.api = e.api;
                api.endpoints.registry = e.registry;
            }
        }
    }
    let endpoints =
        swr_api::Endpoints::resolve(&region, &api.endpoints).map_err(|e| e.to_string())?;
    let host = endpoints.registry_host;
    if insecure && !swr_core::credentials::logins::registry_is_loopback(&host) {
        return Err(format!(
            "SWR_INSECURE=1 is only allowed for a loopback registry, not {host}"
        ));
    }
    let mut registry = RegistryConfig::new(
        host,
        Credentials::AccessKey {
            region,
            access_key: ak,
            secret_key: Sensitive::new(sk),
        },
    );
    registry.plain_http = insecure;
    Ok(Connection {
        api,
        registry,
        profile_name: "environment".into(),
    })
}

pub(crate) fn runtime() -> Result<tokio::runtime::Runtime, String> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the async runtime: {e}"))
}

pub fn run(args: &Args) -> ExitCode {
    let conn = match connection(args.profile.as_deref()) {
        Ok(c) => c,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::FAILURE;
        }
    };
    let rt = match runtime() {
        Ok(rt) => rt,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::FAILURE;
        }
    };
    rt.block_on(push(args, conn))
}

async fn push(args: &Args, conn: Connection) -> ExitCode {
    let conn_label = (conn.profile_name.clone(), conn.api.region.clone());
    let registry = match Registry::new(conn.registry) {
        Ok(r) => Arc::new(r),
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    // The blob cache, the list of validated archives and the journal make re-pushes cheap
    // and interrupted pushes resumable across runs; without a config dir they live in memory.
    let dir = swr_core::profiles::default_config_dir();
    let (cache, validated) = match &dir {
        Some(dir) => (
            BlobCache::load(&dir.join("blob-cache.json")),
            ValidatedFiles::load(&dir.join("validated-archives.json")),
        ),
        None => (BlobCache::in_memory(), ValidatedFiles::in_memory()),
    };
    let journal_path = dir.map(|d| d.join(JOURNAL_FILE));
    // Held until this function returns, through the final pruning of the journal.
    let _lock = match &journal_path {
        Some(path) => match wait_for_journal(path).await {
            Ok(lock) => lock,
            Err(code) => return code,
        },
        None => None,
    };
    let mut journal = match journal_path.as_deref().map(Journal::open) {
        Some(Ok(j)) => j,
        Some(Err(e)) => {
            eprintln!("warning: {e}; this run is not journalled");
            Journal::in_memory()
        }
        None => Journal::in_memory(),
    };
    let overrides = TargetOverrides {
        organization: args.org.clone(),
        name: args.name.clone(),
        tags: args.tag.clone(),
    };
    if let Err(e) = plan_items(&mut journal, args, &overrides, !args.json) {
        eprintln!("error: {e}");
        return ExitCode::FAILURE;
    }
    let mut queue = UploadQueue::new(registry, journal, cache).with_validated_files(validated);
    if let Some(dir) = swr_core::profiles::default_config_dir() {
        let label = (conn_label.0.clone(), conn_label.1.clone());
        queue = queue.with_change_journal(
            swr_core::journal::Journal::open(&dir, swr_core::journal::Source::Swrctl),
            Arc::new(move |_| label.clone()),
        );
    }
    let cancel = CancellationToken::new();
    let on_signal = cancel.clone();
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            on_signal.cancel();
        }
    });
    let bar = std::io::stderr().is_terminal() && !args.json;
    let json = args.json;
    let print = move |event: UploadEvent| {
        if json {
            if let Ok(line) = serde_json::to_string(&event) {
                outln!("{line}");
            }
            return;
        }
        render(&event, bar);
    };
    let outcomes = queue.run(&print, &cancel).await;
    drop(queue);
    let all_ok = outcomes.len() == args.files.len() && outcomes.iter().all(|o| o.result.is_ok());
    if let Some(path) = &journal_path {
        if let Err(e) = Journal::open(path).and_then(|mut j| j.clear_done()) {
            eprintln!("warning: {e}");
        }
    }
    if cancel.is_cancelled() {
        eprintln!("cancelled");
        return ExitCode::from(130);
    }
    if all_ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The journal's lock, once no other `swrctl push` holds it: a second run waits for the first
/// to end rather than taking its items for ones a crash left behind. `None` when the lock
/// cannot be taken at all (a read-only config dir): the run goes on, as it always did.
async fn wait_for_journal(path: &Path) -> Result<Option<JournalLock>, ExitCode> {
    let mut said = false;
    loop {
        match JournalLock::try_acquire(path) {
            Ok(Some(lock)) => return Ok(Some(lock)),
            Ok(None) => {}
            Err(e) => {
                eprintln!(
                    "warning: cannot lock {}: {e}; make sure no other push runs",
                    path.display()
                );
                return Ok(None);
            }
        }
        if !said {
            eprintln!(
                "another swrctl push is running with {}; waiting for it to finish (Ctrl+C to stop)",
                path.display()
            );
            said = true;
        }
        tokio::select! {
            () = tokio::time::sleep(std::time::Duration::from_millis(250)) => {}
            _ = tokio::signal::ctrl_c() => return Err(ExitCode::from(130)),
        }
    }
}

/// The journal of `swrctl push`, in the config dir (the app keeps its own).
pub const JOURNAL_FILE: &str = "swrctl-uploads.json";

/// The path an item is journalled under: absolute, so the same file is found again from
/// another working directory.
fn journal_path_of(file: &Path) -> PathBuf {
    std::fs::canonicalize(file).unwrap_or_else(|_| file.to_owned())
}

/// Queues one item per file: an unfinished item of an earlier run pushing the same file the
/// same way is taken up again (with the blobs it confirmed) instead of adding another. Other
/// items left queued by an interrupted run are set aside as cancelled: this run pushes only
/// the files it was given, and a later push of those files takes them up.
fn plan_items(
    journal: &mut Journal,
    args: &Args,
    overrides: &TargetOverrides,
    say: bool,
) -> Result<(), swr_core::uploads::journal::JournalError> {
    let mut ours = std::collections::BTreeSet::new();
    for file in &args.files {
        let path = journal_path_of(file);
        let compress = !args.no_compress;
        let found = journal
            .find_unfinished(
                &path,
                overrides.organization.as_deref(),
                overrides.name.as_deref(),
                &overrides.tags,
                compress,
            )
            .filter(|id| !ours.contains(id));
        let id = match found {
            Some(id) => {
                if say {
                    eprintln!("resuming the unfinished push of {}", path.display());
                }
                journal.set_state(id, ItemState::Queued)?;
                id
            }
            None => journal.add(
                path,
                overrides.organization.clone(),
                overrides.name.clone(),
                overrides.tags.clone(),
                compress,
            )?,
        };
        ours.insert(id);
    }
    let others: Vec<u64> = journal
        .items()
        .iter()
        .filter(|i| !ours.contains(&i.id) && i.state == ItemState::Queued)
        .map(|i| i.id)
        .collect();
    for id in others {
        journal.set_state(id, ItemState::Cancelled)?;
    }
    Ok(())
}

fn human(bytes: f64) -> String {
    let units = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut v = bytes;
    let mut unit = 0;
    while v >= 1024.0 && unit + 1 < units.len() {
        v /= 1024.0;
        unit += 1;
    }
    format!("{v:.1} {}", units[unit])
}

fn render(event: &UploadEvent, bar: bool) {
    let mut err = std::io::stderr();
    match event {
        UploadEvent::Started { file, .. } => {
            let _ = writeln!(err, "pushing {file}");
        }
        UploadEvent::Step {
            reference: Some(r), ..
        } if !bar => {
            let _ = writeln!(err, "  → {r}");
        }
        UploadEvent::Progress {
            done,
            total,
            bytes_per_sec,
            eta_secs,
            skipped,
            ..
        } if bar => {
            let pct = if *total == 0 {
                100.0
            } else {
                *done as f64 * 100.0 / *total as f64
            };
            let width = 30usize;
            let filled = ((pct / 100.0) * width as f64) as usize;
            let eta = eta_secs.map_or_else(|| "--".to_owned(), |s| format!("{s:.0}s"));
            let _ = write!(
                err,
                "\r  [{}{}] {pct:5.1}% {}/{} {}/s ETA {eta} (skipped {})   ",
                "#".repeat(filled.min(width)),
                " ".repeat(width - filled.min(width)),
                human(*done as f64),
                human(*total as f64),
                human(*bytes_per_sec),
                human(*skipped as f64),
            );
        }
        UploadEvent::Finished { pushed, .. } => {
            if bar {
                let _ = writeln!(err);
            }
            for p in pushed {
                let _ = writeln!(err, "  pushed and verified {p}");
            }
        }
        UploadEvent::Failed { message, kind, .. } => {
            if bar {
                let _ = writeln!(err);
            }
            let _ = writeln!(err, "  failed: {message}");
            if *kind == swr_core::uploads::FailureKind::Target {
                let _ = writeln!(
                    err,
                    "  set where it goes with --org, --name and --tag (repeat --tag for several)"
                );
            }
        }
        _ => {}
    }
}
