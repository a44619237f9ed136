//! One module per subcommand.

pub mod inspect;
pub mod login_command;
pub mod ls;
pub mod profile;
pub mod push;
pub mod shared;
pub mod tag;
pub mod validate;
