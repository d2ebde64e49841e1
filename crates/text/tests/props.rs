//! Invariants of the document model on arbitrary text.
use claimtrail_text::{Document, Metadata};
use proptest::prelude::*;

proptest! {
    #[test]
    fn layers_are_ordered_and_inside_the_text(text in "\\PC{0,300}") {
        let doc = Document::new(text.clone(), Metadata::default());
        let mut last = 0;
        for t in doc.tokens() {
            prop_assert!(t.span.start >= last && t.span.start < t.span.end && t.span.end <= text.len());
            prop_assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            last = t.span.end;
        }
        let mut last = 0;
        for s in doc.sentences() {
            prop_assert!(s.span.start >= last && !s.tokens.is_empty());
            prop_assert_eq!(s.span.start, doc.tokens()[s.tokens.start].span.start);
            last = s.span.end;
        }
        for (ch, (byte, _)) in text.char_indices().enumerate() {
            prop_assert_eq!(doc.char_offset(byte), ch);
        }
    }
}
