//! Publication dates as written in metadata: ISO 8601 / RFC 3339 (with or
//! without a time), RFC 2822 (feeds), and compact `YYYYMMDD`.

use chrono::{DateTime, NaiveDate};

/// The calendar date of a metadata date string, as written (the date part is
/// taken as it stands, without converting time zones: the outlet's own date).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.len() >= 10 && s.is_char_boundary(10) {
        if let Ok(d) = NaiveDate::parse_from_str(&s[..10], "%Y-%m-%d") {
            let rest = &s[10..];
            if rest.is_empty() || rest.starts_with(['T', 't', ' ', '_']) {
                return Some(d);
            }
        }
        if let Ok(d) = NaiveDate::parse_from_str(&s[..10], "%Y/%m/%d") {
            return Some(d);
        }
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.date_naive());
    }
    if s.len() >= 8
        && s.as_bytes()[..8].iter().all(u8::is_ascii_digit)
        && !s.as_bytes().get(8).is_some_and(u8::is_ascii_digit)
    {
        return NaiveDate::parse_from_str(&s[..8], "%Y%m%d").ok();
    }
    None
}

/// A date in the strict form accepted from users: `YYYY-MM-DD` or RFC 3339.
pub(crate) fn parse_user_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|dt| dt.date_naive())
}

/// The environment variable that fixes "now" (RFC 3339 or `YYYY-MM-DD`), for
/// reproducible runs and tests.
pub const NOW_VAR: &str = "CLAIMTRAIL_NOW";

/// Today's date: `CLAIMTRAIL_NOW` when set, else the system clock (UTC). An
/// unreadable `CLAIMTRAIL_NOW` is an error that says what was expected.
pub fn today() -> Result<NaiveDate, String> {
    match std::env::var(NOW_VAR) {
        Ok(s) if !s.trim().is_empty() => parse_user_date(&s).ok_or_else(|| {
            format!("{NOW_VAR}={s:?} is not a date (expected YYYY-MM-DD or RFC 3339)")
        }),
        _ => Ok(chrono::Utc::now().date_naive()),
    }
}

/// The earliest publication date believed: earlier metadata dates are
/// placeholders of content systems (`0001-01-01`) or typing errors.
fn earliest() -> NaiveDate {
    NaiveDate::from_ymd_opt(1900, 1, 1).expect("valid date")
}

/// Whether `date` can be a publication date when today is `today`: from 1900
/// to tomorrow (a day of slack for time zones ahead of UTC).
pub fn is_plausible(date: NaiveDate, today: NaiveDate) -> bool {
    date >= earliest() && today.succ_opt().is_none_or(|tomorrow| date <= tomorrow)
}

/// Drops a document's publication date when it is impossible (before 1900,
/// or after tomorrow), and returns a warning naming the file and the date.
pub fn check_published(doc: &mut claimtrail_text::Document, today: NaiveDate) -> Option<String> {
    let date = doc.meta().published?;
    if is_plausible(date, today) {
        return None;
    }
    let why = if date < earliest() {
        "before 1900"
    } else {
        "after tomorrow"
    };
    doc.meta_mut().published = None;
    let name = doc.meta().path.clone().unwrap_or_else(|| "(input)".into());
    Some(format!(
        "{name}: publication date {} ignored: {why}",
        date.format("%Y-%m-%d")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn metadata_forms() {
        assert_eq!(parse_date("2024-10-20"), d(2024, 10, 20));
        assert_eq!(parse_date(" 2024-10-20T23:30:00+03:00"), d(2024, 10, 20));
        assert_eq!(parse_date("2019-11-19 12:00"), d(2019, 11, 19));
        assert_eq!(parse_date("Tue, 08 Oct 2024 10:00:00 GMT"), d(2024, 10, 8));
        assert_eq!(parse_date("20241008"), d(2024, 10, 8));
        assert_eq!(parse_date("2024-13-01"), None);
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date("2024-10-20é"), None);
    }

    #[test]
    fn user_forms() {
        assert_eq!(parse_user_date("2024-10-20"), d(2024, 10, 20));
        assert_eq!(parse_user_date("2024-10-20T08:00:00Z"), d(2024, 10, 20));
        assert_eq!(parse_user_date("20 October 2024"), None);
    }

    #[test]
    fn plausible_dates() {
        let today = d(2024, 10, 20).unwrap();
        assert!(is_plausible(d(2024, 10, 21).unwrap(), today), "tomorrow");
        assert!(!is_plausible(d(2024, 10, 22).unwrap(), today));
        assert!(is_plausible(d(1900, 1, 1).unwrap(), today));
        assert!(!is_plausible(d(1899, 12, 31).unwrap(), today));
        assert!(!is_plausible(d(1, 1, 1).unwrap(), today));
    }

    #[test]
    fn impossible_date_is_dropped_with_a_warning() {
        let meta = claimtrail_text::Metadata {
            published: d(1, 1, 1),
            path: Some("page.html".into()),
            ..Default::default()
        };
        let mut doc = claimtrail_text::Document::new("A text.", meta);
        let today = d(2024, 10, 20).unwrap();
        let w = check_published(&mut doc, today).expect("a warning");
        assert!(w.contains("page.html") && w.contains("0001-01-01"), "{w}");
        assert_eq!(doc.meta().published, None);
        assert_eq!(check_published(&mut doc, today), None);
    }
}
