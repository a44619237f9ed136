//! A faithful local SWR (shared edition) for development, demos and tests.
//!
//! No machine of the project can reach Huawei Cloud, and newcomers may have no account, so the
//! console, `swrctl` and the test suites talk to this emulator instead. It serves two loopback
//! ports: the management API (`api`), which behaves as reference `swr-api.md` documents SWR —
//! never an API of our own — and the registry host (`gateway`), which authenticates like SWR's
//! and proxies to a real CNCF distribution registry (`registry_child`) so images are real.
//!
//! Start-up prints exactly one JSON line on stdout (endpoints, region, project and accounts
//! with their keys) once both ports answer; everything else goes to stderr.

pub mod api;
pub mod app;
pub mod cli;
pub mod clock;
pub mod engine;
pub mod faults;
pub mod gateway;
pub mod registry_child;
pub mod request_id;
pub mod seed;
pub mod state;
pub mod upstream;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use app::{App, Settings};
use cli::Args;
use faults::{FaultSettings, Faults};
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

#[derive(serde::Serialize)]
struct ReadyUser<'a> {
    user_name: &'a str,
    user_id: &'a str,
    ak: &'a str,
    sk: &'a str,
    admin: bool,
}

#[derive(serde::Serialize)]
struct ReadyAccount<'a> {
    domain_name: &'a str,
    domain_id: &'a str,
    users: Vec<ReadyUser<'a>>,
}

/// The readiness line, fields in the documented order: everything a client needs.
#[derive(serde::Serialize)]
struct Ready<'a> {
    api_endpoint: String,
    registry: &'a str,
    region: &'a str,
    project_id: &'a str,
    accounts: Vec<ReadyAccount<'a>>,
}

fn ready_line(app: &App, api: SocketAddr) -> String {
    let db = app.store.lock();
    let ready = Ready {
        api_endpoint: format!("http://{api}"),
        registry: &app.settings.registry_host,
        region: &db.region,
        project_id: &db.project_id,
        accounts: db
            .accounts
            .iter()
            .map(|a| ReadyAccount {
                domain_name: &a.domain_name,
                domain_id: &a.domain_id,
                users: a
                    .users
                    .iter()
                    .map(|u| ReadyUser {
                        user_name: &u.user_name,
                        user_id: &u.user_id,
                        ak: &u.ak,
                        sk: &u.sk,
                        admin: u.admin,
                    })
                    .collect(),
            })
            .collect(),
    };
    serde_json::to_string(&ready).unwrap_or_default()
}

async fn shutdown_signal(watch_stdin: bool) {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
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

/// Runs the sandbox until SIGINT/SIGTERM (or end of stdin when asked).
pub async fn run(args: Args) -> Result<(), SandboxError> {
    if !(0.0..=1.0).contains(&args.fault_503_rate) {
        return Err(SandboxError::Rate(args.fault_503_rate));
    }
    std::fs::create_dir_all(&args.data).map_err(|source| SandboxError::DataDir {
        path: args.data.display().to_string(),
        source,
    })?;
    let mut db = Store::load(&args.data)?.unwrap_or_else(|| fresh_db(&args.region));
    db.region = args.region.clone();
    if let Some(path) = &args.accounts {
        state::accounts::apply_file(&mut db, path)?;
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
    let result = serve(args, db, &upstream_url).await;
    if let Some(child) = child {
        child.stop().await;
    }
    result
}

async fn serve(args: Args, db: Db, upstream_url: &str) -> Result<(), SandboxError> {
    let api_listener = bind(args.listen).await?;
    let gateway_listener = bind(args.registry_listen).await?;
    let api_addr = api_listener
        .local_addr()
        .map_err(|source| SandboxError::Listen {
            addr: args.listen,
            source,
        })?;
    let gw_addr = gateway_listener
        .local_addr()
        .map_err(|source| SandboxError::Listen {
            addr: args.registry_listen,
            source,
        })?;

    let store = Store::new(&args.data, db);
    store.persist()?;
    let app = Arc::new(App {
        store,
        upstream: Upstream::new(upstream_url),
        settings: Settings {
            region: args.region.clone(),
            registry_host: gw_addr.to_string(),
            // Bounded so that expiry arithmetic can never overflow.
            token_ttl: Duration::from_secs(args.token_ttl.clamp(1, MAX_TTL)),
            secret_ttl: Duration::from_secs(args.secret_ttl.clamp(1, MAX_TTL)),
        },
        faults: Faults::new(FaultSettings {
            drop_upload_after: args.fault_drop_upload_after,
            drop_upload_every_time: args.fault_drop_upload_every_time,
            rate_503: args.fault_503_rate,
            push_qps: args.push_qps,
            api_qps: args.api_qps,
            latency: Duration::from_millis(args.fault_latency_ms),
        }),
    });
    let flusher = tokio::spawn(app::flush_loop(app.clone()));
    seed::apply(&app, args.seed).await?;

    let api_router = api::router(app.clone()).layer(axum::middleware::from_fn(request_id::stamp));
    let gw_router =
        gateway::router(app.clone()).layer(axum::middleware::from_fn(request_id::stamp));
    let api_task = tokio::spawn(async move {
        if let Err(e) = axum::serve(api_listener, api_router).await {
            tracing::error!("management API stopped: {e}");
        }
    });
    let gw_task = tokio::spawn(gateway::serve(gateway_listener, gw_router));

    println!("{}", ready_line(&app, api_addr));
    tracing::info!(api = %api_addr, registry = %gw_addr, "sandbox ready");

    shutdown_signal(args.exit_on_stdin_eof).await;
    tracing::info!("shutting down");
    api_task.abort();
    gw_task.abort();
    flusher.abort();
    app.store.persist()?;
    Ok(())
}
