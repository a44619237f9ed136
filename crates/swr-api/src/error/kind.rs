//! The closed classification of failures and its user-facing messages.

use std::fmt;

use crate::rules::LocalizedText;

/// What kind of failure happened. The UI branches on this, so it only gains variants when a
/// screen needs to react differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum ErrorKind {
    /// 401, or an AK/SK the gateway refuses.
    AuthenticationFailed,
    /// 403: authenticated but not allowed.
    Forbidden,
    /// 404.
    NotFound,
    /// 409 (already exists) and other state conflicts.
    Conflict,
    /// The organization or repository still has content (406 with SWR's "not empty" codes).
    NotEmpty,
    /// A quota (organizations, images) is used up.
    QuotaExceeded,
    /// 400 and other client errors: the server refused a value.
    InvalidParameter,
    /// 429, 503, or SWR's "system busy": try again later.
    RateLimited,
    /// Other 5xx.
    ServerError,
    /// The server could not be reached or the connection dropped.
    Network,
    /// No answer within the configured time.
    Timeout,
    /// TLS handshake or certificate failure.
    Tls,
    /// A value broke a local rule; nothing was sent.
    InvalidInput,
    /// A success answer whose body could not be read.
    InvalidResponse,
    /// The profile's settings cannot be used.
    Configuration,
}

impl ErrorKind {
    /// Classifies an error answer.
    pub fn classify(status: u16, code: &str, message: &str) -> Self {
        let lower = message.to_ascii_lowercase();
        match (status, code) {
            (_, "SVCSTG.SWR.4000031") => Self::AuthenticationFailed,
            (_, "SVCSTG.SWR.4060012" | "SVCSTG.SWR.4060074") => Self::NotEmpty,
            (_, "SVCSTG.SWR.4090023") => Self::RateLimited,
            (_, c) if c.to_ascii_lowercase().contains("quota") => Self::QuotaExceeded,
            _ if (400..500).contains(&status) && lower.contains("quota") => Self::QuotaExceeded,
            (401, _) => Self::AuthenticationFailed,
            (403, _) => Self::Forbidden,
            (404, _) => Self::NotFound,
            (406 | 409 | 412, _) => Self::Conflict,
            (429 | 503, _) => Self::RateLimited,
            (500..=599, _) => Self::ServerError,
            _ => Self::InvalidParameter,
        }
    }

    /// Whether trying again later may succeed.
    pub fn is_retryable(self) -> bool {
        matches!(
            self,
            Self::RateLimited | Self::ServerError | Self::Network | Self::Timeout
        )
    }

    /// The message shown to the user.
    pub fn user_message(self) -> LocalizedText {
        let (en, zh) = match self {
            Self::AuthenticationFailed => (
                "SWR did not accept the credentials. Check the access key and secret key of this profile, and that the computer's clock is correct.",
                "SWR 未接受该凭证。请检查此配置的访问密钥（AK/SK），并确认本机时间准确。",
            ),
            Self::Forbidden => (
                "You do not have permission for this action. Ask an administrator of the organization to grant it.",
                "您没有执行此操作的权限，请联系组织管理员授权。",
            ),
            Self::NotFound => (
                "It no longer exists, or you cannot see it. Refresh the list.",
                "该资源不存在或您无权查看，请刷新列表。",
            ),
            Self::Conflict => (
                "It already exists or was changed by someone else. Refresh and try again.",
                "该资源已存在或已被他人修改，请刷新后重试。",
            ),
            Self::NotEmpty => (
                "It still contains images. Delete them first.",
                "其中仍有镜像，请先删除这些镜像。",
            ),
            Self::QuotaExceeded => (
                "A quota is used up. Delete something you no longer need or ask for a higher quota.",
                "配额已用尽。请删除不再需要的资源或申请提高配额。",
            ),
            Self::InvalidParameter => (
                "SWR refused a value in the request.",
                "SWR 拒绝了请求中的参数。",
            ),
            Self::RateLimited => (
                "SWR is busy or limiting requests. Wait a moment and try again.",
                "SWR 繁忙或正在限流，请稍后重试。",
            ),
            Self::ServerError => (
                "SWR had an internal error. Try again later; if it persists, quote the request id to support.",
                "SWR 内部错误。请稍后重试；如持续出现，请向技术支持提供请求 ID。",
            ),
            Self::Network => (
                "SWR could not be reached. Check the network connection and proxy settings.",
                "无法连接到 SWR。请检查网络连接和代理设置。",
            ),
            Self::Timeout => (
                "SWR did not answer in time. Check the network and try again.",
                "SWR 响应超时，请检查网络后重试。",
            ),
            Self::Tls => (
                "The secure connection failed. The server's certificate is not trusted; add its CA to this profile or check for an intercepting proxy.",
                "安全连接失败，服务器证书不受信任。请在此配置中添加其 CA 证书，或检查是否存在拦截代理。",
            ),
            Self::InvalidInput => (
                "A value is not valid.",
                "输入的值无效。",
            ),
            Self::InvalidResponse => (
                "SWR sent an answer this version of the console does not understand.",
                "SWR 返回了当前版本控制台无法识别的响应。",
            ),
            Self::Configuration => (
                "This profile's connection settings cannot be used. Check the endpoints and the CA bundle.",
                "此配置的连接设置无效，请检查端点地址和 CA 证书文件。",
            ),
        };
        LocalizedText::new(en, zh)
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = match self {
            Self::AuthenticationFailed => "authentication failed",
            Self::Forbidden => "forbidden",
            Self::NotFound => "not found",
            Self::Conflict => "conflict",
            Self::NotEmpty => "not empty",
            Self::QuotaExceeded => "quota exceeded",
            Self::InvalidParameter => "invalid parameter",
            Self::RateLimited => "rate limited",
            Self::ServerError => "server error",
            Self::Network => "network",
            Self::Timeout => "timeout",
            Self::Tls => "TLS",
            Self::InvalidInput => "invalid input",
            Self::InvalidResponse => "invalid response",
            Self::Configuration => "configuration",
        };
        f.write_str(s)
    }
}
