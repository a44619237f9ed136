//! Wire types of the SWR management API.
//!
//! Field names are exactly those on the wire (reference §5/§6), including the quirks: `Tag` in
//! the v2 tag list, camelCase sync models, `namspace_num`, numbers sent as strings. Every response
//! field is optional on the wire, so response types default missing or `null` fields and ignore
//! unknown ones: a newer server never breaks an older console.

pub mod accessories;
pub mod account;
pub mod enums;
pub(crate) mod lenient;
pub mod login;
pub mod namespaces;
pub mod repos;
pub mod retention;
pub mod sharing;
pub mod sync;
pub mod tags;
pub mod triggers;

pub use accessories::Accessory;
pub use account::{Agency, ApiVersion, FeatureGates, Overview, Quota, ReportPoint};
pub use enums::{Category, PermissionLevel, ShareDeadline};
pub use login::TemporaryLogin;
pub use namespaces::{Namespace, PermissionGrant, Permissions, UserAuth};
pub use repos::{
    CreateRepoRequest, RepoListQuery, RepoListQueryV3, RepoSort, RepoSummary, RepoSummaryV3,
    Repository, SortDirection, UpdateRepoRequest,
};
pub use retention::{Retention, RetentionLog, RetentionRule, RuleParams, TagSelector};
pub use sharing::{AccessDomain, SharedBy, SharedRepoQuery};
pub use sync::{SyncJob, SyncRule};
pub use tags::{TagDetail, TagListQuery, TagSort, TagV2};
pub use triggers::{CreateTriggerRequest, Trigger, TriggerHistory};
