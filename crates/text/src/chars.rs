/// Converts byte offsets to character (Unicode scalar) offsets.
///
/// Keeps the character count at every 64th byte, so a lookup scans at most 63
/// bytes; memory is 1/8 of the text. ASCII texts skip the table altogether.
#[derive(Clone, Debug)]
pub(crate) struct CharIndex {
    /// `checkpoints[i]` = number of chars before byte `i * STEP`; empty when ASCII.
    checkpoints: Vec<u32>,
}

const STEP: usize = 64;

impl CharIndex {
    pub(crate) fn new(text: &str) -> CharIndex {
        if text.is_ascii() {
            return CharIndex {
                checkpoints: Vec::new(),
            };
        }
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / STEP + 1);
        let mut chars = 0u32;
        for (i, &b) in bytes.iter().enumerate() {
            if i % STEP == 0 {
                checkpoints.push(chars);
            }
            if !is_continuation(b) {
                chars += 1;
            }
        }
        CharIndex { checkpoints }
    }

    /// The character offset of byte `pos`; `pos` must be a char boundary or `text.len()`.
    pub(crate) fn char_offset(&self, text: &str, pos: usize) -> usize {
        if self.checkpoints.is_empty() {
            return pos;
        }
        let block = pos / STEP;
        let Some(&base) = self.checkpoints.get(block) else {
            // pos == text.len() on a block boundary
            return text.chars().count();
        };
        let from = block * STEP;
        let extra = text.as_bytes()[from..pos]
            .iter()
            .filter(|&&b| !is_continuation(b))
            .count();
        base as usize + extra
    }

    /// The byte offset of character `ch` (the inverse of `char_offset`).
    pub(crate) fn byte_offset(&self, text: &str, ch: usize) -> Option<usize> {
        if self.checkpoints.is_empty() {
            return (ch <= text.len()).then_some(ch);
        }
        // Find the last checkpoint at or before `ch`, then walk forward.
        let block = self
            .checkpoints
            .partition_point(|&c| (c as usize) <= ch)
            .saturating_sub(1);
        let mut chars = self.checkpoints[block] as usize;
        let mut pos = block * STEP;
        let bytes = text.as_bytes();
        while pos < bytes.len() {
            if !is_continuation(bytes[pos]) {
                if chars == ch {
                    return Some(pos);
                }
                chars += 1;
            }
            pos += 1;
        }
        (chars == ch).then_some(bytes.len())
    }
}

fn is_continuation(b: u8) -> bool {
    (b & 0xC0) == 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_on_mixed_text() {
        let text = "Zelenskyy – “Now” é 日本 ".repeat(20);
        let index = CharIndex::new(&text);
        for (ch, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(index.char_offset(&text, byte), ch);
            assert_eq!(index.byte_offset(&text, ch), Some(byte));
        }
        let n = text.chars().count();
        assert_eq!(index.char_offset(&text, text.len()), n);
        assert_eq!(index.byte_offset(&text, n), Some(text.len()));
        assert_eq!(index.byte_offset(&text, n + 1), None);
    }
}
