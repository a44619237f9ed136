//! `swrctl login-command`: prints a registry login for a profile, in the form a tool wants.
//!
//! The output holds the long-term login key: it goes to stdout only, for a pipe or a
//! terminal the user controls. `docker-config` writes `~/.docker/config.json` instead.

use std::process::ExitCode;

use swr_core::credentials::docker_config::{self, DockerConfigOutcome};
use swr_core::credentials::logins::{LoginFormat, LoginMaterial};
use swr_core::credentials::CredentialStore;
use swr_core::profiles::ProfileStore;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Docker,
    DockerStdin,
    Containerd,
    Podman,
    Nerdctl,
    Skopeo,
    K8sSecret,
    Kubectl,
    AuthJson,
    DockerConfig,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Profile id or name (default: the active profile).
    #[arg(long, env = "SWR_PROFILE")]
    pub profile: Option<String>,
    /// Which form to print.
    #[arg(long, value_enum, default_value_t = Format::Docker)]
    pub format: Format,
}

pub fn run(args: &Args) -> ExitCode {
    match print(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn print(args: &Args) -> Result<(), String> {
    let dir = swr_core::profiles::default_config_dir()
        .ok_or("no config directory; set SWR_CONSOLE_CONFIG_DIR")?;
    let profiles = ProfileStore::open(&dir);
    let profile = match &args.profile {
        Some(name) => profiles
            .find(name)
            .ok_or_else(|| format!("no profile `{name}`"))?,
        None => profiles
            .active()
            .ok_or("no profile yet; add one with `swrctl profile add`")?,
    };
    let sk = CredentialStore::default()
        .secret_key(&profile.access_key_id)
        .map_err(|e| e.to_string())?;
    let login = LoginMaterial::new(&profile, &sk);
    let format = match args.format {
        Format::Docker => LoginFormat::Docker,
        Format::DockerStdin => {
            eprintln!(
                "set SWR_LOGIN_KEY from your secret store first; the key then never appears on a command line"
            );
            LoginFormat::DockerStdin
        }
        Format::Containerd => LoginFormat::Containerd,
        Format::Podman => LoginFormat::Podman,
        Format::Nerdctl => LoginFormat::Nerdctl,
        Format::Skopeo => LoginFormat::Skopeo,
        Format::K8sSecret => LoginFormat::K8sSecret,
        Format::Kubectl => LoginFormat::Kubectl,
        Format::AuthJson => LoginFormat::AuthJson,
        Format::DockerConfig => return write_docker_config(&login),
    };
    outln!("{}", login.revealed(format).expose());
    Ok(())
}

fn write_docker_config(login: &LoginMaterial) -> Result<(), String> {
    let path = docker_config::default_path().map_err(|e| e.to_string())?;
    match docker_config::write_login(&path, login).map_err(|e| e.to_string())? {
        DockerConfigOutcome::Written { path } => {
            outln!("added a login for {} to {}", login.registry, path.display());
            Ok(())
        }
        DockerConfigOutcome::CredentialHelper { helper, path } => Err(format!(
            "{} sends logins to {helper}, so an entry there would be ignored; run \
             `swrctl login-command --format docker-stdin` and log in with docker instead",
            path.display()
        )),
    }
}
