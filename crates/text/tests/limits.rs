//! Hostile layouts: text without spaces or stops, and very long addresses.
//! These check what comes out; how fast it comes out is measured by
//! `cargo run --release -p claimtrail-text --example scaling`.
use claimtrail_text::{Document, Metadata, TokenKind, MAX_SENTENCE_TOKENS};

fn doc(text: String) -> Document {
    Document::new(text, Metadata::default())
}

#[test]
fn text_without_stops_is_cut_into_bounded_sentences_covering_every_token() {
    // 3,000 words in one line, a comma every 7 words, no full stop
    let words: Vec<String> = (0..3000)
        .map(|k| {
            if k % 7 == 6 {
                "word,".to_string()
            } else {
                "word".to_string()
            }
        })
        .collect();
    let d = doc(words.join(" "));
    let sentences = d.sentences();
    assert!(sentences.len() >= 3000 / MAX_SENTENCE_TOKENS);
    let mut next = 0;
    for s in sentences {
        assert_eq!(s.tokens.start, next, "sentences cover every token in order");
        assert!(s.tokens.len() <= MAX_SENTENCE_TOKENS);
        next = s.tokens.end;
    }
    assert_eq!(next, d.tokens().len());
    // forced cuts fall after a comma when the sentence has one
    for s in &sentences[..sentences.len() - 1] {
        assert_eq!(d.token_text(s.tokens.end - 1), ",");
    }
}

#[test]
fn a_run_of_punctuation_without_spaces_is_one_token_per_mark() {
    let text = "!?".repeat(20_000);
    let d = doc(text.clone());
    assert_eq!(d.tokens().len(), text.len());
    assert!(d.tokens().iter().all(|t| t.kind == TokenKind::Punct));
    assert!(d
        .sentences()
        .iter()
        .all(|s| s.tokens.len() <= MAX_SENTENCE_TOKENS));
}

#[test]
fn a_very_long_address_is_cut_but_a_normal_one_is_whole() {
    let long = format!("See https://example.com/{} now.", "a".repeat(10_000));
    let d = doc(long);
    let urls: Vec<&str> = (0..d.tokens().len())
        .filter(|&k| d.tokens()[k].kind == TokenKind::Url)
        .map(|k| d.token_text(k))
        .collect();
    assert!(!urls.is_empty() && urls[0].starts_with("https://example.com/"));
    assert!(urls.iter().all(|u| u.len() <= 2048));

    let d = doc("Write to press@example.org or see bbc.co.uk.".to_string());
    let urls: Vec<&str> = (0..d.tokens().len())
        .filter(|&k| d.tokens()[k].kind == TokenKind::Url)
        .map(|k| d.token_text(k))
        .collect();
    assert_eq!(urls, ["press@example.org", "bbc.co.uk"]);
}

#[test]
fn long_dotted_and_at_sign_runs_keep_offsets_on_char_boundaries() {
    for unit in ["a.b", "x@y.", "é.ü", "www.", "a@"] {
        let text = unit.repeat(5_000);
        let d = doc(text.clone());
        let mut last = 0;
        for t in d.tokens() {
            assert!(t.span.start >= last && t.span.end <= text.len());
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            last = t.span.end;
        }
    }
}
