//! One module per subcommand.

pub mod access;
pub mod inspect;
pub mod journal;
pub mod login_command;
pub mod ls;
pub mod org;
pub mod perm;
pub mod profile;
pub mod push;
pub mod repo;
pub mod retention;
pub mod share;
pub mod shared;
pub mod sync;
pub mod tag;
pub mod trigger;
pub mod validate;
