//! Command line of `swr-sandbox`.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Parser, ValueEnum};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Seed {
    /// Nothing beyond the accounts.
    None,
    /// A living account: organizations, real images, attributes, permissions, a trigger, a
    /// retention policy and a share.
    Demo,
    /// 10,000 repositories and 100,000 tags of synthetic metadata, for performance work.
    Scale,
    /// 60 small sets of synthetic tags with spread push times, for checking retention previews.
    RetentionLab,
}

/// A local SWR (shared edition) in front of a real registry, for development and tests.
#[derive(Debug, Parser)]
#[command(name = "swr-sandbox", version)]
pub struct Args {
    /// Directory holding the state, the registry's storage and its configuration.
    #[arg(long)]
    pub data: PathBuf,
    /// Address of the management API; port 0 picks a free port. Loopback only. With several
    /// regions, a comma-separated list gives one address per region, in `--regions` order;
    /// regions without one get 127.0.0.1:0.
    #[arg(long, value_delimiter = ',', default_value = "127.0.0.1:0")]
    pub listen: Vec<SocketAddr>,
    /// Address of the registry gateway, like `--listen` (one per region).
    #[arg(long, value_delimiter = ',', default_value = "127.0.0.1:0")]
    pub registry_listen: Vec<SocketAddr>,
    /// The CNCF distribution binary to run as the backing registry.
    #[arg(
        long,
        default_value = "/usr/bin/docker-registry",
        conflicts_with = "registry_upstream"
    )]
    pub registry_bin: PathBuf,
    /// Use an already running registry instead of starting one (e.g. http://127.0.0.1:5000).
    #[arg(long)]
    pub registry_upstream: Option<String>,
    /// Region id the sandbox pretends to be.
    #[arg(long, default_value = "cn-north-4")]
    pub region: String,
    /// Serve several regions (comma-separated ids); the first one is the region of the
    /// readiness line's top-level fields. Default: just `--region`.
    #[arg(long, value_delimiter = ',', conflicts_with = "region")]
    pub regions: Vec<String>,
    /// Data to create on first start (applied once per data directory).
    #[arg(long, value_enum, default_value_t = Seed::None)]
    pub seed: Seed,
    /// TOML file defining the accounts and users (see the `state::accounts` docs).
    #[arg(long)]
    pub accounts: Option<PathBuf>,
    /// Lifetime of registry bearer tokens, in seconds.
    #[arg(long, default_value_t = 900)]
    pub token_ttl: u64,
    /// Lifetime of temporary docker logins (`utils/secret`), in seconds.
    #[arg(long, default_value_t = 6 * 3600)]
    pub secret_ttl: u64,
    /// Fault: cut the client connection when a blob upload body goes past this many bytes.
    /// A comma-separated list cuts one upload per offset, in order.
    #[arg(long, value_delimiter = ',')]
    pub fault_drop_upload_after: Vec<u64>,
    /// Fault: cut every blob upload (at the first offset), not only one per offset.
    #[arg(long, requires = "fault_drop_upload_after")]
    pub fault_drop_upload_every_time: bool,
    /// Fault: answer this fraction (0.0–1.0) of registry requests with 503.
    #[arg(long, default_value_t = 0.0)]
    pub fault_503_rate: f64,
    /// Fault: per-account push requests per second before answering 503 (SWR's limit is 20).
    #[arg(long)]
    pub push_qps: Option<u32>,
    /// Fault: per-account API requests per second before answering 429 with `Retry-After`,
    /// as SWR's API gateway throttles.
    #[arg(long)]
    pub api_qps: Option<u32>,
    /// Fault: latency added to every API and registry request, in milliseconds.
    #[arg(long, default_value_t = 0)]
    pub fault_latency_ms: u64,
    /// Exit when standard input reaches end of file (for supervisors that hold a pipe).
    #[arg(long)]
    pub exit_on_stdin_eof: bool,
}

impl Args {
    /// The served regions, the first one first.
    pub fn region_ids(&self) -> Vec<String> {
        if self.regions.is_empty() {
            vec![self.region.clone()]
        } else {
            self.regions.clone()
        }
    }

    /// The management API and registry gateway addresses of the region at `index`.
    pub fn listen_addrs(&self, index: usize) -> (SocketAddr, SocketAddr) {
        let default = SocketAddr::from(([127, 0, 0, 1], 0));
        (
            self.listen.get(index).copied().unwrap_or(default),
            self.registry_listen.get(index).copied().unwrap_or(default),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_region_unless_several_are_asked_for() {
        let one = Args::parse_from(["swr-sandbox", "--data", "/d", "--region", "eu-west-101"]);
        assert_eq!(one.region_ids(), ["eu-west-101"]);
        let two = Args::parse_from([
            "swr-sandbox",
            "--data",
            "/d",
            "--regions",
            "cn-north-4,cn-east-3",
            "--listen",
            "127.0.0.1:7001",
        ]);
        assert_eq!(two.region_ids(), ["cn-north-4", "cn-east-3"]);
        assert_eq!(two.listen_addrs(0).0.port(), 7001);
        assert_eq!(two.listen_addrs(1).0.port(), 0);
        assert_eq!(two.listen_addrs(1).1.port(), 0);
        assert!(Args::try_parse_from([
            "swr-sandbox",
            "--data",
            "/d",
            "--region",
            "cn-north-4",
            "--regions",
            "cn-east-3"
        ])
        .is_err());
    }
}
