//! One module per subcommand.

pub mod login_command;
pub mod profile;
pub mod validate;
