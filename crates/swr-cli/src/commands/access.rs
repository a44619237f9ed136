//! What the access commands share: `ORG/IMAGE` arguments and access errors as exit codes.

use swr_core::access::AccessError;
use swr_core::browse::reference::ImageRef;

use super::shared::Failure;

impl From<AccessError> for Failure {
    fn from(e: AccessError) -> Self {
        let request = e
            .request_id()
            .map(|id| format!(" (request id {id})"))
            .unwrap_or_default();
        match e {
            AccessError::Invalid(v) => Self::Usage(format!("{}: {}", v.field, v.message.en)),
            other => Self::Failed(format!("{other}{request}")),
        }
    }
}

/// `ORG/IMAGE` without a tag or digest.
pub fn image(text: &str) -> Result<(String, String), Failure> {
    let r = ImageRef::parse(text)?;
    if r.reference.is_some() {
        return Err(Failure::Usage(format!(
            "`{text}` names a tag or digest; give the image alone, as ORG/IMAGE"
        )));
    }
    Ok((r.organization, r.image))
}

/// `ORG` or `ORG/IMAGE`.
pub fn organization_or_image(text: &str) -> Result<(String, Option<String>), Failure> {
    if text.contains('/') {
        let (org, image) = image(text)?;
        Ok((org, Some(image)))
    } else {
        swr_api::rules::validate_namespace(text)
            .map_err(|v| Failure::Usage(format!("organization `{text}`: {}", v.message.en)))?;
        Ok((text.to_owned(), None))
    }
}
