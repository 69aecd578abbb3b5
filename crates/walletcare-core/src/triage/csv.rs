//! A small RFC 4180 CSV reader for labelled training data.
//!
//! Records end with CRLF or LF; fields are separated by commas; a field may be
//! quoted with `"`, and then holds commas, line breaks and doubled quotes
//! (`""` for one `"`). A UTF-8 byte order mark at the start is skipped. Errors
//! name the line (1-based, counting physical lines) where the problem is.

use super::TriageError;

/// One CSV record and the line it starts on.
///
/// # Examples
///
/// ```
/// use walletcare_core::triage::csv::parse;
///
/// let records = parse("text,label\n\"hello, world\",greeting\n")?;
/// assert_eq!(records[1].line, 2);
/// assert_eq!(records[1].fields, ["hello, world", "greeting"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The 1-based line the record starts on.
    pub line: usize,
    /// The unquoted fields.
    pub fields: Vec<String>,
}

/// Parses CSV text into records. A final line break is optional; blank lines
/// (outside quotes) are skipped.
///
/// # Errors
///
/// [`TriageError::Csv`] with the line number for an unterminated quoted field
/// or a quote inside an unquoted field or after a closing quote.
///
/// # Examples
///
/// ```
/// use walletcare_core::triage::csv::parse;
///
/// let records = parse("a,\"say \"\"hi\"\"\"\r\n\r\nb,\"two\nlines\"")?;
/// assert_eq!(records.len(), 2);
/// assert_eq!(records[0].fields, ["a", "say \"hi\""]);
/// assert_eq!(records[1].fields, ["b", "two\nlines"]);
/// assert_eq!(records[1].line, 3);
///
/// let err = parse("ok,fine\nbad,\"open").unwrap_err();
/// assert!(err.to_string().contains("line 2"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn parse(text: &str) -> Result<Vec<Record>, TriageError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut line = 1usize;
    let mut record_line = 1usize;
    // Whether the current field was quoted, and whether we are inside quotes.
    let mut quoted = false;
    let mut in_quotes = false;
    let mut quote_line = 1usize;
    // Whether the current record has any content yet (a blank line has none).
    let mut started = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' => {
                    if chars.peek() == Some(&'"') {
                        chars.next();
                        field.push('"');
                    } else {
                        in_quotes = false;
                    }
                }
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' => {
                if quoted {
                    return Err(TriageError::Csv {
                        line,
                        reason:
                            "a quote follows a closing quote; write \"\" for a quote inside quotes"
                                .to_owned(),
                    });
                }
                if !field.is_empty() {
                    return Err(TriageError::Csv {
                        line,
                        reason: "a quote inside an unquoted field; quote the whole field"
                            .to_owned(),
                    });
                }
                quoted = true;
                in_quotes = true;
                quote_line = line;
                started = true;
            }
            ',' => {
                fields.push(std::mem::take(&mut field));
                quoted = false;
                started = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                if started {
                    fields.push(std::mem::take(&mut field));
                    records.push(Record {
                        line: record_line,
                        fields: std::mem::take(&mut fields),
                    });
                }
                quoted = false;
                started = false;
                line += 1;
                record_line = line;
            }
            _ => {
                if quoted {
                    return Err(TriageError::Csv {
                        line,
                        reason: format!("unexpected {c:?} after a closing quote"),
                    });
                }
                field.push(c);
                started = true;
            }
        }
    }
    if in_quotes {
        return Err(TriageError::Csv {
            line: quote_line,
            reason: "a quoted field is never closed".to_owned(),
        });
    }
    if started {
        fields.push(field);
        records.push(Record {
            line: record_line,
            fields,
        });
    }
    Ok(records)
}

/// Reads `text,label` training data: a header naming the columns, then one
/// example per record. The text column is the one named `text` (else the
/// first); the label column is the one named `label`, `category` or `intent`
/// (else the second). Labels are trimmed; texts are kept as written.
///
/// # Errors
///
/// [`TriageError::Csv`] for malformed CSV, a missing header, a record with a
/// different number of fields than the header, or an empty label.
///
/// # Examples
///
/// ```
/// use walletcare_core::triage::csv::read_labelled;
///
/// let rows = read_labelled("text,label\n\"Card, declined\",payment_failure\n")?;
/// assert_eq!(rows, [("Card, declined".to_owned(), "payment_failure".to_owned())]);
///
/// let err = read_labelled("text,label\nonly one field\n").unwrap_err();
/// assert!(err.to_string().contains("line 2"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_labelled(text: &str) -> Result<Vec<(String, String)>, TriageError> {
    let mut records = parse(text)?.into_iter();
    let header = records.next().ok_or(TriageError::Csv {
        line: 1,
        reason: "empty input: expected a header such as text,label".to_owned(),
    })?;
    let width = header.fields.len();
    if width < 2 {
        return Err(TriageError::Csv {
            line: header.line,
            reason: format!("the header has {width} column; expected at least text,label"),
        });
    }
    let find = |names: &[&str]| {
        header
            .fields
            .iter()
            .position(|f| names.iter().any(|n| f.trim().eq_ignore_ascii_case(n)))
    };
    let text_col = find(&["text"]).unwrap_or(0);
    let label_col = find(&["label", "category", "intent"]).unwrap_or(1);
    if text_col == label_col {
        return Err(TriageError::Csv {
            line: header.line,
            reason: "the text and label columns are the same column".to_owned(),
        });
    }
    let mut rows = Vec::new();
    for record in records {
        if record.fields.len() != width {
            return Err(TriageError::Csv {
                line: record.line,
                reason: format!(
                    "{} fields where the header has {width}",
                    record.fields.len()
                ),
            });
        }
        let mut fields = record.fields.into_iter();
        let mut text = None;
        let mut label = None;
        for (i, f) in fields.by_ref().enumerate() {
            if i == text_col {
                text = Some(f);
            } else if i == label_col {
                label = Some(f.trim().to_owned());
            }
        }
        let (Some(text), Some(label)) = (text, label) else {
            return Err(TriageError::Csv {
                line: record.line,
                reason: "missing the text or label field".to_owned(),
            });
        };
        if label.is_empty() {
            return Err(TriageError::Csv {
                line: record.line,
                reason: "empty label".to_owned(),
            });
        }
        rows.push((text, label));
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<Vec<String>> {
        parse(text).unwrap().into_iter().map(|r| r.fields).collect()
    }

    #[test]
    fn edge_cases() {
        assert_eq!(fields(""), Vec::<Vec<String>>::new());
        assert_eq!(fields("a"), [["a"]]);
        assert_eq!(fields("a,"), [["a", ""]]);
        assert_eq!(fields(",\n"), [["", ""]]);
        assert_eq!(fields("\"\""), [[""]]);
        assert_eq!(fields("\"\"\"\""), [["\""]]);
        assert_eq!(fields("a,b\r\nc,d\r\n"), [["a", "b"], ["c", "d"]]);
        assert_eq!(fields("\u{feff}x,y"), [["x", "y"]]);
        assert_eq!(fields("a\n\n\nb"), [["a"], ["b"]]);
        assert_eq!(fields("\"a\r\nb\",c"), [["a\r\nb", "c"]]);
        assert_eq!(fields("lone\rcr"), [["lone\rcr"]]);
        assert_eq!(fields("退款,refund"), [["退款", "refund"]]);
        assert_eq!(fields("  spaced , x "), [["  spaced ", " x "]]);
    }

    #[test]
    fn line_numbers_count_physical_lines() {
        let records = parse("h1,h2\n\"multi\nline\",x\n\nlast,y").unwrap();
        let lines: Vec<usize> = records.iter().map(|r| r.line).collect();
        assert_eq!(lines, [1, 2, 5]);
    }

    #[test]
    fn errors_name_the_line() {
        for (input, line) in [
            ("a,b\nc,\"d", 2),
            ("a,b\nc,d\"e\"", 2),
            ("a\n\"x\"y,z", 2),
            ("a\nb\n\"x\"\"", 3),
        ] {
            match parse(input) {
                Err(TriageError::Csv { line: got, .. }) => assert_eq!(got, line, "{input:?}"),
                other => panic!("{input:?}: {other:?}"),
            }
        }
    }

    #[test]
    fn labelled_columns_by_name() {
        let rows = read_labelled("id,label,text\n1,refund,money back\n").unwrap();
        assert_eq!(rows, [("money back".to_owned(), "refund".to_owned())]);
        let rows = read_labelled("text,category\nhi, greeting \n").unwrap();
        assert_eq!(rows, [("hi".to_owned(), "greeting".to_owned())]);
        assert!(matches!(
            read_labelled("text,label\nx,\n"),
            Err(TriageError::Csv { line: 2, .. })
        ));
        assert!(matches!(
            read_labelled(""),
            Err(TriageError::Csv { line: 1, .. })
        ));
        assert!(matches!(
            read_labelled("text\nx"),
            Err(TriageError::Csv { line: 1, .. })
        ));
        assert!(matches!(
            read_labelled("text,label\na,b,c\n"),
            Err(TriageError::Csv { line: 2, .. })
        ));
    }
}
