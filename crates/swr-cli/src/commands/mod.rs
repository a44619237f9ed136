//! One module per subcommand.

pub mod login_command;
pub mod ls;
pub mod profile;
pub mod push;
pub mod validate;
