//! What every management command shares: `--profile` and `--json`, the session, confirmation
//! of destructive steps, and exit codes (0 done, 1 failed, 2 bad input).

use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

use serde::Serialize;
use swr_core::browse::BrowseError;
use swr_core::sessions::Session;

/// `--profile` and `--json`, flattened into each management command.
#[derive(Debug, Clone, clap::Args)]
pub struct Common {
    /// Profile id or name (default: environment variables, else the active profile).
    #[arg(long)]
    pub profile: Option<String>,
    /// JSON on stdout instead of text.
    #[arg(long)]
    pub json: bool,
}

/// `--dry-run` and `--yes`, flattened into each destructive command.
#[derive(Debug, Clone, clap::Args)]
pub struct Destructive {
    /// Print what would change and change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Go ahead without asking.
    #[arg(long)]
    pub yes: bool,
}

/// How a command ended badly.
#[derive(Debug)]
pub enum Failure {
    /// The input is wrong: exit code 2.
    Usage(String),
    /// The work failed: exit code 1.
    Failed(String),
}

impl Failure {
    pub fn exit(self) -> ExitCode {
        match self {
            Self::Usage(m) => {
                eprintln!("error: {m}");
                ExitCode::from(2)
            }
            Self::Failed(m) => {
                eprintln!("error: {m}");
                ExitCode::FAILURE
            }
        }
    }
}

impl From<BrowseError> for Failure {
    fn from(e: BrowseError) -> Self {
        let request = match &e {
            BrowseError::Api(api) => api
                .request_id()
                .map(|id| format!(" (request id {id})"))
                .unwrap_or_default(),
            _ => String::new(),
        };
        match e {
            BrowseError::Invalid(m) => Self::Usage(m),
            other => Self::Failed(format!("{other}{request}")),
        }
    }
}

/// Runs an async command body on a fresh runtime and turns its result into an exit code.
pub fn run<F>(body: F) -> ExitCode
where
    F: std::future::Future<Output = Result<ExitCode, Failure>>,
{
    let outcome = super::push::runtime()
        .map_err(Failure::Failed)
        .and_then(|rt| rt.block_on(body));
    outcome.unwrap_or_else(Failure::exit)
}

/// The session of `--profile`, the environment or the active profile.
pub fn session(profile: Option<&str>) -> Result<Session, Failure> {
    let conn = super::push::connection(profile).map_err(Failure::Failed)?;
    let limiter = std::sync::Arc::new(swr_api::RateLimiter::for_account());
    let name = conn.profile_name.clone();
    let session = Session::from_configs(
        profile.unwrap_or("environment"),
        conn.api,
        conn.registry,
        Some(limiter),
    )
    .map_err(|e| Failure::Failed(e.to_string()))?;
    // Every change swrctl makes is recorded beside the app's, in the same journal.
    Ok(match swr_core::profiles::default_config_dir() {
        Some(dir) => session.journaled(
            swr_core::journal::Journal::open(&dir, swr_core::journal::Source::Swrctl),
            name,
        ),
        None => session,
    })
}

/// The folder where inspections are kept by digest, the app's own: what either one read once is
/// not read again.
pub fn inspect_cache() -> Option<std::path::PathBuf> {
    swr_core::profiles::default_config_dir().map(|dir| swr_core::browse::inspect_cache(&dir))
}

/// Prints one JSON document.
pub fn print_json<T: Serialize>(value: &T) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| Failure::Failed(format!("cannot encode the output: {e}")))?;
    outln!("{text}");
    Ok(())
}

/// Asks before a destructive step. `--yes` skips the question; without a terminal to ask on,
/// the step is refused rather than taken silently.
pub fn confirm(question: &str, yes: bool) -> Result<bool, Failure> {
    if yes {
        return Ok(true);
    }
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        return Err(Failure::Usage(
            "stdin is not a terminal, so nothing was changed: add --yes to confirm, or --dry-run to see the plan"
                .into(),
        ));
    }
    eprint!("{question} [y/N] ");
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    stdin
        .lock()
        .read_line(&mut answer)
        .map_err(|e| Failure::Failed(format!("cannot read the answer: {e}")))?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes" | "YES" | "Yes"))
}
