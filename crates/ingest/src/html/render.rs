//! Writing chosen elements out as paragraphs of plain text.

use super::dom::{is_block, Dom, Kind};

/// Collects paragraphs: block boundaries end a paragraph, `<br>` ends a line
/// (two in a row end the paragraph), whitespace runs collapse to one space.
struct Writer {
    paragraphs: Vec<String>,
    current: String,
    space: bool,
}

impl Writer {
    fn text(&mut self, s: &str, pre: bool) {
        for c in s.chars() {
            if pre && c == '\n' {
                self.line_break();
            } else if c.is_whitespace() {
                self.space = !self.current.is_empty() && !self.current.ends_with('\n');
            } else if matches!(
                c,
                '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' | '\u{2060}'
            ) {
                // invisible: soft hyphen, zero-width characters
            } else if c.is_control() {
                self.space = !self.current.is_empty();
            } else {
                if self.space {
                    self.current.push(' ');
                    self.space = false;
                }
                self.current.push(c);
            }
        }
    }

    fn line_break(&mut self) {
        if self.current.ends_with('\n') {
            self.flush();
        } else if !self.current.is_empty() {
            self.current.push('\n');
        }
        self.space = false;
    }

    fn flush(&mut self) {
        let p: Vec<&str> = self
            .current
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        if !p.is_empty() {
            self.paragraphs.push(p.join("\n"));
        }
        self.current.clear();
        self.space = false;
    }
}

pub(crate) fn render(dom: &Dom, roots: &[usize], skip: impl Fn(usize) -> bool) -> Vec<String> {
    let mut w = Writer {
        paragraphs: Vec::new(),
        current: String::new(),
        space: false,
    };
    for &root in roots {
        let end = dom.nodes[root].end;
        let mut open: Vec<usize> = Vec::new();
        let mut pre_depth = 0usize;
        let mut i = root;
        loop {
            while let Some(&top) = open.last() {
                if i < dom.nodes[top].end {
                    break;
                }
                open.pop();
                if dom.tag(top) == "pre" {
                    pre_depth -= 1;
                }
                if is_block(dom.tag(top)) {
                    w.flush();
                }
            }
            if i >= end {
                break;
            }
            match &dom.nodes[i].kind {
                Kind::Text(t) => {
                    w.text(t, pre_depth > 0);
                    i += 1;
                }
                Kind::Element(el) => {
                    if i != root && skip(i) {
                        i = dom.nodes[i].end;
                        continue;
                    }
                    match el.tag.as_str() {
                        "br" => w.line_break(),
                        "pre" => pre_depth += 1,
                        t if is_block(t) => w.flush(),
                        _ => {}
                    }
                    open.push(i);
                    i += 1;
                }
            }
        }
        w.flush();
    }
    w.paragraphs
}
