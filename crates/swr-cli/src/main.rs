//! `swrctl`: the SWR Console's command line, for pipelines and terminals.
//!
//! Each subcommand lives in `commands/<name>.rs` and returns its exit code, so `main` stays a
//! dispatcher and new commands slot in beside the others; `commands/shared.rs` holds what the management
//! commands share (`--profile`, `--json`, confirmation, exit codes).

/// `println!` for stdout that a closed reader cannot turn into a panic: when the other end of a
/// pipe is gone (`swrctl ls | head -1`), the command stops quietly, as its output is not wanted.
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::write_line(format_args!($($arg)*))
    };
}

mod commands;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "swrctl",
    version,
    about = "Work with Huawei Cloud SWR from the command line"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check image archives (docker save, podman, skopeo, buildah; .tar, .tar.gz, .tar.zst)
    /// before pushing them: integrity, safety, SWR rules, and a report on each image.
    Validate(commands::validate::Args),
    /// Manage connection profiles (shared with the desktop app).
    #[command(subcommand)]
    Profile(commands::profile::Command),
    /// Print a registry login for a profile (docker, containerd, podman, nerdctl, skopeo,
    /// Kubernetes), or write it to the Docker config.
    #[command(name = "login-command")]
    Login(commands::login_command::Args),
    /// Push image archives to SWR: validated first, streamed, verified after.
    Push(commands::push::Args),
    /// List organizations, the images of an organization, or the tags of an image.
    Ls(commands::ls::Args),
    /// Show what is inside a pushed image: platforms, layers, config and history.
    Inspect(commands::inspect::Args),
    /// Delete or copy tags.
    #[command(subcommand)]
    Tag(commands::tag::Command),
    /// Create or delete organizations.
    #[command(subcommand)]
    Org(commands::org::Command),
    /// Change an image's attributes: public or private, category, description.
    #[command(subcommand)]
    Repo(commands::repo::Command),
    /// List, grant and revoke permissions on organizations and images.
    #[command(subcommand)]
    Perm(commands::perm::Command),
    /// Share private images with other accounts.
    #[command(subcommand)]
    Share(commands::share::Command),
    /// Retention policies: show, preview what they delete, set, remove.
    #[command(subcommand)]
    Retention(commands::retention::Command),
    /// Triggers that update CCE/CCI workloads on a push, and the condition tester.
    #[command(subcommand)]
    Trigger(commands::trigger::Command),
    /// Copy images to other regions: rules, manual syncs, jobs, and what is missing where.
    #[command(subcommand)]
    Sync(commands::sync::Command),
    /// The changes the app and swrctl made (time, profile, operation, values, request id).
    Journal(commands::journal::Args),
}

fn write_line(args: std::fmt::Arguments<'_>) {
    use std::io::Write;
    if let Err(e) = writeln!(std::io::stdout().lock(), "{args}") {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("error: cannot write the output: {e}");
        std::process::exit(1);
    }
}

fn main() -> ExitCode {
    // clap exits with 2 on usage errors and 0 for --help/--version.
    let cli = Cli::parse();
    match cli.command {
        Command::Validate(args) => commands::validate::run(&args),
        Command::Profile(command) => commands::profile::run(command),
        Command::Login(args) => commands::login_command::run(&args),
        Command::Push(args) => commands::push::run(&args),
        Command::Ls(args) => commands::ls::run(&args),
        Command::Inspect(args) => commands::inspect::run(&args),
        Command::Tag(command) => commands::tag::run(&command),
        Command::Org(command) => commands::org::run(&command),
        Command::Repo(command) => commands::repo::run(&command),
        Command::Perm(command) => commands::perm::run(&command),
        Command::Share(command) => commands::share::run(&command),
        Command::Retention(command) => commands::retention::run(&command),
        Command::Trigger(command) => commands::trigger::run(&command),
        Command::Sync(command) => commands::sync::run(&command),
        Command::Journal(args) => commands::journal::run(&args),
    }
}
