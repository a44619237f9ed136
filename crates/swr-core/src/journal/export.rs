//! The journal as CSV (RFC 4180: quoted where needed, CRLF line ends) for spreadsheets.
//! The JSON export is the entries themselves, as serde writes them.

use super::JournalEntry;

const HEADER: [&str; 11] = [
    "time",
    "source",
    "profile",
    "region",
    "operation",
    "target",
    "before",
    "after",
    "outcome",
    "error",
    "requestId",
];

/// The entries as CSV with a header line.
pub fn to_csv(entries: &[JournalEntry]) -> String {
    let mut out = String::new();
    line(&mut out, HEADER.iter().copied());
    for e in entries {
        let source = if e.source == super::Source::App {
            "app"
        } else {
            "swrctl"
        };
        let outcome = if e.outcome == super::Outcome::Done {
            "done"
        } else {
            "failed"
        };
        line(
            &mut out,
            [
                e.time.as_str(),
                source,
                &e.profile,
                &e.region,
                e.operation.as_str(),
                &e.target,
                e.before.as_deref().unwrap_or_default(),
                e.after.as_deref().unwrap_or_default(),
                outcome,
                e.error.as_deref().unwrap_or_default(),
                e.request_id.as_deref().unwrap_or_default(),
            ],
        );
    }
    out
}

fn line<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        // A leading = + - @ would be run as a formula by spreadsheet programs.
        let formula = field.starts_with(['=', '+', '-', '@']);
        let field = if formula {
            format!("'{field}")
        } else {
            field.to_owned()
        };
        if field.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&field);
        }
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{Operation, Outcome, Source};

    #[test]
    fn quotes_commas_quotes_and_newlines_and_defuses_formulas() {
        let entry = JournalEntry {
            time: "2026-12-01T00:00:00.000Z".into(),
            source: Source::Swrctl,
            profile: "dev".into(),
            region: "cn-north-4".into(),
            operation: Operation::ImageAttributes,
            target: "team/web".into(),
            before: Some("description: \"a, b\"\nline 2".into()),
            after: Some("=HYPERLINK(\"x\")".into()),
            outcome: Outcome::Failed,
            error: None,
            request_id: Some("req-1".into()),
        };
        let csv = to_csv(&[entry]);
        let mut lines = csv.split("\r\n");
        assert_eq!(
            lines.next().unwrap(),
            "time,source,profile,region,operation,target,before,after,outcome,error,requestId"
        );
        assert_eq!(
            lines.next().unwrap(),
            "2026-12-01T00:00:00.000Z,swrctl,dev,cn-north-4,imageAttributes,team/web,\"description: \"\"a, b\"\"\nline 2\",\"'=HYPERLINK(\"\"x\"\")\",failed,,req-1"
        );
    }
}
