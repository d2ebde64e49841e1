//! Decoding an HTML page's bytes: byte-order mark, then the transport's
//! charset (an HTTP header, when the page came from a WARC record), then a
//! `<meta charset>` or `http-equiv` declaration near the top, then UTF-8 if the
//! bytes are valid UTF-8, else chardetng's guess. Never fails: undecodable
//! bytes become U+FFFD.

use crate::load::find_bytes;
use encoding_rs::{Encoding, UTF_8};

/// How many bytes are searched for a `<meta>` declaration (the HTML standard
/// says 1024; real pages put long scripts first, so look further).
const PRESCAN: usize = 8 * 1024;

pub(crate) fn decode(bytes: &[u8], transport: Option<&str>) -> String {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return encoding
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned();
    }
    let declared = transport
        .and_then(|t| Encoding::for_label(t.trim().as_bytes()))
        .or_else(|| meta_charset(bytes));
    let encoding = match declared {
        // A page cannot declare UTF-16 in ASCII-compatible bytes; the standard says read it as UTF-8.
        Some(e) if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE => UTF_8,
        Some(e) => e,
        None if std::str::from_utf8(bytes).is_ok() => UTF_8,
        None => guess(bytes),
    };
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(&bytes[..bytes.len().min(256 * 1024)], true);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

/// The charset named by a `<meta charset=..>` or `<meta http-equiv=content-type
/// content="..; charset=..">` near the top of the page.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = find_bytes(&lower, from, b"<meta") {
        let start = at + 5;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |p| start + p);
        let tag = &lower[start..end];
        if let Some(p) = find_bytes(tag, 0, b"charset") {
            let rest = &tag[p + 7..];
            let rest = trim_start(rest);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = trim_start(rest);
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let label_end = rest
                    .iter()
                    .position(|&b| {
                        matches!(
                            b,
                            b'"' | b'\'' | b';' | b' ' | b'/' | b'>' | b'\t' | b'\n' | b'\r'
                        )
                    })
                    .unwrap_or(rest.len());
                if let Some(e) = Encoding::for_label(&rest[..label_end]) {
                    return Some(e);
                }
            }
        }
        from = end;
    }
    None
}

fn trim_start(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &s[n..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_wins_over_guess() {
        let page =
            b"<html><head><meta charset=\"windows-1252\"><title>Caf\xe9</title></head></html>";
        assert!(decode(page, None).contains("Café"));
        let page =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">na\xefve";
        assert!(decode(page, None).contains("naïve"));
    }

    #[test]
    fn bom_and_transport() {
        let mut utf16 = vec![0xFF, 0xFE];
        for c in "<p>hi é</p>".encode_utf16() {
            utf16.extend(c.to_le_bytes());
        }
        assert_eq!(decode(&utf16, None), "<p>hi é</p>");
        assert!(decode(b"<p>\xe9t\xe9</p>", Some("iso-8859-1")).contains("été"));
    }

    #[test]
    fn utf8_and_guess() {
        assert_eq!(
            decode("<p>Zelenskyy – “Now”</p>".as_bytes(), None),
            "<p>Zelenskyy – “Now”</p>"
        );
        // Unlabelled Latin-1 French: not UTF-8, so guessed.
        let latin1 =
            b"<p>Le pr\xe9sident a d\xe9clar\xe9 que la s\xe9curit\xe9 \xe9tait assur\xe9e.</p>";
        assert!(decode(latin1, None).contains("président"));
    }
}
