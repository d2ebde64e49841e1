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
}
