//! `swrctl profile add|list|remove|use`: the same profiles the desktop app shows.
//!
//! The secret key is read from stdin, never from the command line where it would land in
//! shell history and in every other user's `ps`. It goes to the OS keyring; when there is no
//! keyring the profile is not created, since a CLI process has no session to keep it in.

use std::io::{IsTerminal, Read};
use std::path::PathBuf;
use std::process::ExitCode;

use swr_api::Sensitive;
use swr_core::credentials::{
    self, CredentialError, CredentialStore, Persistence, ProfileChangeError,
};
use swr_core::profiles::{EndpointOverrides, ProfileInput, ProfileStore};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Add a profile; the secret key is read from stdin (e.g. `swrctl profile add prod
    /// --region cn-north-4 --ak AK < sk.txt`).
    Add(Box<AddArgs>),
    /// List profiles; `*` marks the active one.
    List {
        /// One JSON array instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Remove a profile, and its secret key when no other profile uses the same access key.
    Remove {
        /// Profile id or name.
        profile: String,
    },
    /// Make a profile the active one (for the app and for commands without `--profile`).
    Use {
        /// Profile id or name.
        profile: String,
    },
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// Profile name.
    pub name: String,
    /// Region id, e.g. cn-north-4.
    #[arg(long)]
    pub region: String,
    /// Access key id.
    #[arg(long)]
    pub ak: String,
    /// Project id of the region (looked up through IAM when omitted).
    #[arg(long)]
    pub project_id: Option<String>,
    /// Management API base URL instead of the region's.
    #[arg(long)]
    pub api_endpoint: Option<String>,
    /// Registry host[:port] instead of the region's.
    #[arg(long)]
    pub registry: Option<String>,
    /// IAM base URL instead of the region's.
    #[arg(long)]
    pub iam_endpoint: Option<String>,
    /// The account's endpoints in another region, for region sync:
    /// `REGION=API,REGISTRY[,PROJECT_ID]`; repeat for more regions.
    #[arg(long = "region-endpoint")]
    pub region_endpoints: Vec<String>,
    /// PEM file of extra certificate authorities to trust.
    #[arg(long)]
    pub ca_bundle: Option<PathBuf>,
    /// Proxy URL for this profile.
    #[arg(long)]
    pub proxy: Option<String>,
    /// Skip TLS certificate verification (only for test deployments).
    #[arg(long)]
    pub insecure: bool,
    /// Also make it the active profile.
    #[arg(long)]
    pub activate: bool,
}

pub fn run(command: Command) -> ExitCode {
    let Some(dir) = swr_core::profiles::default_config_dir() else {
        eprintln!("error: no config directory; set SWR_CONSOLE_CONFIG_DIR");
        return ExitCode::FAILURE;
    };
    let profiles = ProfileStore::open(&dir);
    let secrets = CredentialStore::default();
    credentials::move_proxy_passwords(&profiles, &secrets);
    let result = match command {
        Command::Add(args) => add(&profiles, &secrets, *args),
        Command::List { json } => list(&profiles, &secrets, json),
        Command::Remove { profile } => remove(&profiles, &secrets, &profile),
        Command::Use { profile } => match profiles.find(&profile) {
            Some(p) => profiles
                .set_active(&p.id)
                .map(|()| outln!("active profile: {} ({})", p.name, p.id))
                .map_err(|e| e.to_string()),
            None => Err(format!("no profile `{profile}`")),
        },
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn read_secret_key() -> Result<Sensitive<String>, String> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return Err(
            "pipe the secret key in on stdin (e.g. `< sk.txt`); it is not read from a terminal, \
             where it would be echoed"
                .into(),
        );
    }
    let mut text = String::new();
    stdin
        .lock()
        .take(4096)
        .read_to_string(&mut text)
        .map_err(|e| format!("cannot read the secret key from stdin: {e}"))?;
    let sk = text.lines().next().unwrap_or_default().trim().to_owned();
    if sk.is_empty() {
        return Err("stdin held no secret key".into());
    }
    Ok(Sensitive::new(sk))
}

/// `--region-endpoint REGION=API,REGISTRY[,PROJECT_ID]`, repeated.
fn region_endpoints(
    given: &[String],
) -> Result<Option<std::collections::BTreeMap<String, swr_core::profiles::RegionEndpoints>>, String>
{
    if given.is_empty() {
        return Ok(None);
    }
    given
        .iter()
        .map(|g| swr_core::profiles::RegionEndpoints::parse(g))
        .collect::<Result<_, _>>()
        .map(Some)
}

fn add(profiles: &ProfileStore, secrets: &CredentialStore, args: AddArgs) -> Result<(), String> {
    let sk = read_secret_key()?;
    let input = ProfileInput {
        name: args.name,
        region: args.region,
        project_id: args.project_id,
        access_key_id: args.ak,
        endpoints: EndpointOverrides {
            api: args.api_endpoint,
            registry: args.registry,
            iam: args.iam_endpoint,
            regions: region_endpoints(&args.region_endpoints)?,
        },
        ca_bundle: args.ca_bundle,
        proxy: args.proxy,
        insecure_skip_tls_verify: args.insecure,
    };
    // The secret key and a proxy password go to the keyring; a profile whose secrets cannot
    // be stored is not left behind.
    let profile = credentials::save_profile(
        profiles,
        secrets,
        None,
        input,
        Some(&sk),
        Persistence::Keyring,
    )
    .map_err(|err| match err {
        ProfileChangeError::Credential(CredentialError::KeyringUnavailable(why)) => format!(
            "no OS keyring to keep the secret key in ({why}); on Linux start a Secret \
             Service such as gnome-keyring, or add the profile in the desktop app, which can \
             keep the key for one session"
        ),
        other => other.to_string(),
    })?;
    if args.activate {
        profiles
            .set_active(&profile.id)
            .map_err(|e| e.to_string())?;
    }
    outln!(
        "added profile {} ({}) for {}; secret key stored in the OS keyring",
        profile.name,
        profile.id,
        profile.registry_host()
    );
    Ok(())
}

fn list(profiles: &ProfileStore, secrets: &CredentialStore, json: bool) -> Result<(), String> {
    let active = profiles.active().map(|p| p.id);
    let all = profiles.list();
    if json {
        let rows: Vec<_> = all
            .iter()
            .map(|p| {
                serde_json::json!({
                    "active": active.as_deref() == Some(p.id.as_str()),
                    "profile": p.shown(),
                    "registry": p.registry_host(),
                    "secretKeyStored": secrets.persistence(&p.access_key_id).is_some(),
                })
            })
            .collect();
        outln!(
            "{}",
            serde_json::to_string_pretty(&rows).map_err(|e| e.to_string())?
        );
        return Ok(());
    }
    if all.is_empty() {
        outln!("no profiles; add one with `swrctl profile add`");
    }
    for p in &all {
        let mark = if active.as_deref() == Some(p.id.as_str()) {
            "*"
        } else {
            " "
        };
        let key = match secrets.persistence(&p.access_key_id) {
            Some(_) => "secret key stored",
            None => "secret key missing",
        };
        outln!(
            "{mark} {:<20} {:<24} {:<16} {:<24} {}",
            p.id,
            p.name,
            p.region,
            p.access_key_id,
            key
        );
    }
    Ok(())
}

fn remove(profiles: &ProfileStore, secrets: &CredentialStore, which: &str) -> Result<(), String> {
    let profile = profiles
        .find(which)
        .ok_or_else(|| format!("no profile `{which}`"))?;
    credentials::remove_profile(profiles, secrets, &profile.id).map_err(|e| e.to_string())?;
    outln!("removed profile {} ({})", profile.name, profile.id);
    Ok(())
}
