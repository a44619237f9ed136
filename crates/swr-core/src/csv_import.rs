//! Reads the `credentials.csv` Huawei Cloud's console offers when an access key is created.
//!
//! The file has a header row (`User Name`, `Access Key Id`, `Secret Access Key`) and one data
//! row. Files seen in the wild come with a UTF-8 byte order mark, CRLF line ends, quoted
//! fields and extra columns, in any column order; all of that is accepted. Errors never quote
//! the file's content, since it holds a secret key.

use swr_api::Sensitive;

/// The key pair found in the file.
#[derive(Debug, Clone)]
pub struct ImportedKey {
    pub user_name: Option<String>,
    pub access_key_id: String,
    pub secret_access_key: Sensitive<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CsvError {
    #[error("the file is not text (UTF-8)")]
    NotText,
    #[error("the file has no `{0}` column; is it the credentials.csv from the console?")]
    MissingColumn(&'static str),
    #[error("the file has a header but no access key row")]
    NoRow,
    #[error("the access key row is incomplete")]
    EmptyField,
    #[error("a quoted field is not closed")]
    UnclosedQuote,
}

const USER: &str = "User Name";
const AK: &str = "Access Key Id";
const SK: &str = "Secret Access Key";

/// Parses the file's bytes.
pub fn parse_credentials_csv(bytes: &[u8]) -> Result<ImportedKey, CsvError> {
    let text = std::str::from_utf8(bytes).map_err(|_| CsvError::NotText)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rows = split_rows(text)?;
    let mut rows = rows
        .into_iter()
        .filter(|r| r.iter().any(|f| !f.trim().is_empty()));
    let header = rows.next().ok_or(CsvError::MissingColumn(AK))?;
    let column = |name: &'static str| {
        header
            .iter()
            .position(|h| normalise(h) == normalise(name))
            .ok_or(CsvError::MissingColumn(name))
    };
    let ak_at = column(AK)?;
    let sk_at = column(SK)?;
    let user_at = column(USER).ok();
    let row = rows.next().ok_or(CsvError::NoRow)?;
    let field = |at: usize| row.get(at).map(|f| f.trim().to_owned()).unwrap_or_default();
    let access_key_id = field(ak_at);
    let secret = field(sk_at);
    if access_key_id.is_empty() || secret.is_empty() {
        return Err(CsvError::EmptyField);
    }
    Ok(ImportedKey {
        user_name: user_at.map(field).filter(|u| !u.is_empty()),
        access_key_id,
        secret_access_key: Sensitive::new(secret),
    })
}

fn normalise(header: &str) -> String {
    header
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_')
        .flat_map(char::to_lowercase)
        .collect()
}

/// Splits CSV text into rows of fields (RFC 4180 quoting, `,` separator, LF or CRLF).
fn split_rows(text: &str) -> Result<Vec<Vec<String>>, CsvError> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    if quoted {
        return Err(CsvError::UnclosedQuote);
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    const AK_VALUE: &str = "HPUAL2ZQ5EXAMPLE7Y1K";
    const SK_VALUE: &str = "vN3pQ8r0ExampleSecretKeyValue0123456789Ab";

    #[test]
    fn console_download_with_bom_and_crlf() {
        let file = format!(
            "\u{feff}User Name,Access Key Id,Secret Access Key\r\nci-bot,{AK_VALUE},{SK_VALUE}\r\n"
        );
        let key = parse_credentials_csv(file.as_bytes()).unwrap();
        assert_eq!(key.user_name.as_deref(), Some("ci-bot"));
        assert_eq!(key.access_key_id, AK_VALUE);
        assert_eq!(key.secret_access_key.expose(), SK_VALUE);
        assert!(!format!("{key:?}").contains(SK_VALUE));
    }

    #[test]
    fn extra_columns_other_order_quotes_and_blank_lines() {
        let file = format!(
            "\"Secret Access Key\",\"Created\",\"Access Key Id\",\"User Name\"\n\n\"{SK_VALUE}\",\"2024-03-01, 10:00\",\"{AK_VALUE}\",\"王 \"\"ops\"\"\"\n\n"
        );
        let key = parse_credentials_csv(file.as_bytes()).unwrap();
        assert_eq!(key.access_key_id, AK_VALUE);
        assert_eq!(key.secret_access_key.expose(), SK_VALUE);
        assert_eq!(key.user_name.as_deref(), Some("王 \"ops\""));
    }

    #[test]
    fn no_trailing_newline_and_no_user_column() {
        let file = format!("Access Key Id,Secret Access Key\n{AK_VALUE},{SK_VALUE}");
        let key = parse_credentials_csv(file.as_bytes()).unwrap();
        assert_eq!(key.user_name, None);
        assert_eq!(key.secret_access_key.expose(), SK_VALUE);
    }

    #[test]
    fn wrong_files_say_what_is_wrong_without_quoting_the_secret() {
        assert_eq!(
            parse_credentials_csv(b"name,password\nbob,hunter2\n").unwrap_err(),
            CsvError::MissingColumn(AK)
        );
        assert_eq!(
            parse_credentials_csv(b"User Name,Access Key Id,Secret Access Key\r\n").unwrap_err(),
            CsvError::NoRow
        );
        assert_eq!(
            parse_credentials_csv(b"User Name,Access Key Id,Secret Access Key\nbob,AK,\n")
                .unwrap_err(),
            CsvError::EmptyField
        );
        let err = parse_credentials_csv(
            format!("Access Key Id,Secret Access Key\n\"{AK_VALUE},{SK_VALUE}").as_bytes(),
        )
        .unwrap_err();
        assert_eq!(err, CsvError::UnclosedQuote);
        assert!(!err.to_string().contains(SK_VALUE));
        assert_eq!(
            parse_credentials_csv(&[0xff, 0xfe, 0x00]).unwrap_err(),
            CsvError::NotText
        );
        assert_eq!(
            parse_credentials_csv(b"").unwrap_err(),
            CsvError::MissingColumn(AK)
        );
    }
}
