//! A faithful local SWR (shared edition) for development, demos and tests.
//!
//! No machine of the project can reach Huawei Cloud, and newcomers may have no account, so the
//! console, `swrctl` and the test suites talk to this emulator instead. Each region it serves
//! (one by default, several with `--regions`) has two loopback ports: the management API
//! (`api`), which behaves as reference `swr-api.md` documents SWR — never an API of our own —
//! and the registry host (`gateway`), which authenticates like SWR's and proxies to a real CNCF
//! distribution registry (`registry_child`) so images are real. All regions share that one
//! registry, each in its own part of it (`regions`); synchronisation jobs copy images between
//! them (`engine::sync`).
//!
//! Start-up prints exactly one JSON line on stdout (`ready`: endpoints, region, project and
//! accounts with their keys, and every region's endpoints) once every port answers; everything
//! else goes to stderr.

pub mod api;
pub mod app;
pub mod cli;
pub mod clock;
pub mod engine;
pub mod faults;
pub mod gateway;
pub mod ready;
pub mod regions;
pub mod registry_child;
pub mod request_id;
pub mod seed;
pub mod state;
pub mod upstream;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use app::{App, Settings, SharedApp};
use cli::Args;
use faults::{FaultSettings, Faults};
use regions::Regions;
use registry_child::RegistryChild;
use state::model::Db;
use state::Store;
use upstream::Upstream;

#[derive(Debug, thiserror::Error)]
pub enum SandboxError {
    #[error("{0} is not a loopback address; the sandbox only listens on loopback")]
    NotLoopback(SocketAddr),
    #[error("cannot create data directory {path}: {source}")]
    DataDir {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("--fault-503-rate must be between 0 and 1, got {0}")]
    Rate(f64),
    #[error("{0:?} is not a region id (lower-case letters and digits joined by '-')")]
    RegionId(String),
    #[error("region {0} is listed twice")]
    RegionTwice(String),
    #[error("{flag} lists {given} addresses for {regions} regions")]
    TooManyAddresses {
        flag: &'static str,
        given: usize,
        regions: usize,
    },
    #[error(transparent)]
    Store(#[from] state::StoreError),
    #[error(transparent)]
    Accounts(#[from] state::accounts::AccountsError),
    #[error(transparent)]
    Registry(#[from] registry_child::ChildError),
    #[error(transparent)]
    Seed(#[from] seed::SeedError),
}

/// Ten years, the longest token or secret lifetime accepted.
const MAX_TTL: u64 = 10 * 365 * 24 * 3600;

fn fresh_db(region: &str) -> Db {
    Db {
        region: region.to_string(),
        project_id: state::accounts::random_id(),
        token_key: state::accounts::random_id(),
        accounts: state::accounts::default_accounts(),
        ..Db::default()
    }
}

async fn bind(addr: SocketAddr) -> Result<tokio::net::TcpListener, SandboxError> {
    if !addr.ip().is_loopback() {
        return Err(SandboxError::NotLoopback(addr));
    }
    tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| SandboxError::Listen { addr, source })
}

async fn shutdown_signal(watch_stdin: bool) {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    // SIGTERM is how service managers and test harnesses stop a process on Unix; elsewhere
    // Ctrl+C and the end of stdin are the ways to stop it.
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    let stdin = async {
        if !watch_stdin {
            return std::future::pending::<()>().await;
        }
        // Blocking read on a plain thread: the runtime's stdin support is not compiled in,
        // and a detached thread blocked in read() does not hold the process open.
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        std::thread::spawn(move || {
            let mut buf = [0u8; 256];
            let mut input = std::io::stdin();
            while matches!(std::io::Read::read(&mut input, &mut buf), Ok(n) if n > 0) {}
            let _ = tx.send(());
        });
        let _ = rx.await;
    };
    tokio::select! {
        () = ctrl_c => {}
        () = term => {}
        () = stdin => {}
    }
}

/// The served region ids, checked.
fn region_ids(args: &Args) -> Result<Vec<String>, SandboxError> {
    let ids = args.region_ids();
    for (i, id) in ids.iter().enumerate() {
        if !regions::valid_id(id) {
            return Err(SandboxError::RegionId(id.clone()));
        }
        if ids[..i].contains(id) {
            return Err(SandboxError::RegionTwice(id.clone()));
        }
    }
    for (flag, given) in [
        ("--listen", args.listen.len()),
        ("--registry-listen", args.registry_listen.len()),
    ] {
        if given > ids.len() {
            return Err(SandboxError::TooManyAddresses {
                flag,
                given,
                regions: ids.len(),
            });
        }
    }
    Ok(ids)
}

/// One region's state and its file: what the file holds, or a new region.
fn load_region(args: &Args, index: usize, id: &str) -> Result<(PathBuf, Db), SandboxError> {
    let path = regions::state_file(&args.data, index, id);
    let mut db = Store::load(&path)?.unwrap_or_else(|| fresh_db(id));
    db.region = id.to_string();
    engine::sync::fail_interrupted(&mut db);
    Ok((path, db))
}

/// Runs the sandbox until SIGINT/SIGTERM (or end of stdin when asked).
pub async fn run(args: Args) -> Result<(), SandboxError> {
    if !(0.0..=1.0).contains(&args.fault_503_rate) {
        return Err(SandboxError::Rate(args.fault_503_rate));
    }
    let ids = region_ids(&args)?;
    std::fs::create_dir_all(&args.data).map_err(|source| SandboxError::DataDir {
        path: args.data.display().to_string(),
        source,
    })?;
    let mut states = Vec::new();
    for (index, id) in ids.iter().enumerate() {
        states.push(load_region(&args, index, id)?);
    }
    if let Some(path) = &args.accounts {
        state::accounts::apply_file(&mut states[0].1, path)?;
    }
    // One cloud account works in every region: the first region's accounts are everyone's.
    let accounts = states[0].1.accounts.clone();
    for (_, db) in states.iter_mut().skip(1) {
        db.accounts.clone_from(&accounts);
    }

    // Spawned from the main task on purpose: the child's parent-death signal is tied to the
    // thread that started it, and the main thread lives as long as the process.
    let (child, upstream_url) = match &args.registry_upstream {
        Some(url) => (None, url.clone()),
        None => {
            let child = RegistryChild::start(&args.registry_bin, &args.data).await?;
            let url = child.url.clone();
            (Some(child), url)
        }
    };
    let result = serve(args, states, &upstream_url).await;
    if let Some(child) = child {
        child.stop().await;
    }
    result
}

async fn bound(addr: SocketAddr) -> Result<(tokio::net::TcpListener, SocketAddr), SandboxError> {
    let listener = bind(addr).await?;
    let local = listener
        .local_addr()
        .map_err(|source| SandboxError::Listen { addr, source })?;
    Ok((listener, local))
}

async fn serve(
    args: Args,
    states: Vec<(PathBuf, Db)>,
    upstream_url: &str,
) -> Result<(), SandboxError> {
    let upstream = Upstream::new(upstream_url);
    let faults = Arc::new(Faults::new(FaultSettings {
        drop_upload_after: args.fault_drop_upload_after.clone(),
        drop_upload_every_time: args.fault_drop_upload_every_time,
        rate_503: args.fault_503_rate,
        push_qps: args.push_qps,
        api_qps: args.api_qps,
        latency: Duration::from_millis(args.fault_latency_ms),
    }));
    let table = Regions::new();
    let mut apps: Vec<(SharedApp, SocketAddr)> = Vec::new();
    let mut listeners = Vec::new();
    for (index, (path, db)) in states.into_iter().enumerate() {
        let (api_addr, gw_addr) = args.listen_addrs(index);
        let (api_listener, api_addr) = bound(api_addr).await?;
        let (gw_listener, gw_addr) = bound(gw_addr).await?;
        let region = db.region.clone();
        let store = Store::new(path, db);
        store.persist()?;
        let app = Arc::new(App {
            store,
            upstream: upstream.with_prefix(&regions::upstream_prefix(index, &region)),
            settings: Settings {
                region,
                registry_host: gw_addr.to_string(),
                // Bounded so that expiry arithmetic can never overflow.
                token_ttl: Duration::from_secs(args.token_ttl.clamp(1, MAX_TTL)),
                secret_ttl: Duration::from_secs(args.secret_ttl.clamp(1, MAX_TTL)),
            },
            faults: faults.clone(),
            regions: table.clone(),
        });
        apps.push((app, api_addr));
        listeners.push((api_listener, gw_listener));
    }
    let all: Vec<SharedApp> = apps.iter().map(|(a, _)| a.clone()).collect();
    table.install(&all);

    let mut tasks = Vec::new();
    for app in &all {
        tasks.push(tokio::spawn(app::flush_loop(app.clone())));
    }
    seed::apply(&all[0], args.seed).await?;

    for (app, (api_listener, gw_listener)) in all.iter().zip(listeners) {
        let api_router =
            api::router(app.clone()).layer(axum::middleware::from_fn(request_id::stamp));
        let gw_router =
            gateway::router(app.clone()).layer(axum::middleware::from_fn(request_id::stamp));
        let region = app.settings.region.clone();
        tasks.push(tokio::spawn(async move {
            if let Err(e) = axum::serve(api_listener, api_router).await {
                tracing::error!(%region, "management API stopped: {e}");
            }
        }));
        tasks.push(tokio::spawn(gateway::serve(gw_listener, gw_router)));
    }

    println!("{}", ready::line(&apps));
    for (app, api) in &apps {
        tracing::info!(region = %app.settings.region, api = %api, registry = %app.settings.registry_host, "sandbox ready");
    }

    shutdown_signal(args.exit_on_stdin_eof).await;
    tracing::info!("shutting down");
    for task in &tasks {
        task.abort();
    }
    for app in &all {
        app.store.persist()?;
    }
    Ok(())
}
