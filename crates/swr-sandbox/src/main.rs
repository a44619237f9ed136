//! `swr-sandbox`: see the library documentation.

use clap::Parser;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let args = swr_sandbox::cli::Args::parse();
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(filter)
        .init();
    match swr_sandbox::run(args).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("swr-sandbox: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
