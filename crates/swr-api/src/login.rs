//! Long-term docker login credentials, computed locally from an AK/SK pair.
//!
//! SWR accepts `docker login -u <region>@<AK> -p <login key>` where the login key is the
//! lower-case hex HMAC-SHA256 of the AK keyed by the SK (reference §7.2). No API call is
//! involved, so this works offline and the SK never leaves the machine.

/// The docker login password for an AK/SK pair: 64 lower-case hex characters.
///
/// The result is a credential; keep it in a [`crate::secret::Sensitive`] once computed.
pub fn login_key(ak: &str, sk: &str) -> String {
    hex::encode(crate::signing::hmac_sha256(sk.as_bytes(), ak.as_bytes()))
}

/// The docker login user name: `<regional project name>@<AK>`.
pub fn login_username(region: &str, ak: &str) -> String {
    format!("{region}@{ak}")
}

/// The command a user can paste into a shell. Contains the login key: treat it as a secret.
pub fn login_command(region: &str, ak: &str, sk: &str, registry_host: &str) -> String {
    format!(
        "docker login -u {} -p {} {}",
        login_username(region, ak),
        login_key(ak, sk),
        registry_host
    )
}
