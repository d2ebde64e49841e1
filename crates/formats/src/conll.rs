//! CoNLL-2003-style input and output (`claimtrail annotate --format conll`);
//! the scorer is `claimtrail_eval::conll`.
//!
//! Input: one token per line, the token in the first column (other columns are
//! kept), a blank line between sentences, `-DOCSTART-` lines between documents.
//! Output: every line written back with a predicted tag column appended (IOB2:
//! `B-`/`I-`/`O`). Types map to CoNLL's: PERSON -> PER, ORG -> ORG, GPE and
//! LOC -> LOC, NORP, PRODUCT and EVENT -> MISC.
use claimtrail_entities::{EntityRecognizer, EntityType};
use std::collections::HashSet;

/// The CoNLL-2003 type of an entity type.
pub fn conll_type(t: EntityType) -> &'static str {
    match t {
        EntityType::Person => "PER",
        EntityType::Org => "ORG",
        EntityType::Gpe | EntityType::Loc => "LOC",
        EntityType::Norp | EntityType::Product | EntityType::Event => "MISC",
    }
}

/// A parsed line: index into the input lines, or a separator.
enum Line<'a> {
    Token(&'a str),
    /// Blank line or -DOCSTART-: written back as is.
    Other,
}

/// The sentences of one document: (line index, token) pairs.
type DocLines<'a> = Vec<Vec<(usize, &'a str)>>;

/// Documents -> sentences -> (line index, token).
fn structure(input: &str) -> (Vec<&str>, Vec<DocLines<'_>>) {
    let lines: Vec<&str> = input.lines().collect();
    let mut docs: Vec<DocLines> = vec![Vec::new()];
    let mut sent: Vec<(usize, &str)> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let kind = match l.split_whitespace().next() {
            None => Line::Other,
            Some("-DOCSTART-") => {
                if !sent.is_empty() {
                    docs.last_mut().unwrap().push(std::mem::take(&mut sent));
                }
                docs.push(Vec::new());
                continue;
            }
            Some(tok) => Line::Token(tok),
        };
        match kind {
            Line::Token(tok) => sent.push((i, tok)),
            Line::Other => {
                if !sent.is_empty() {
                    docs.last_mut().unwrap().push(std::mem::take(&mut sent));
                }
            }
        }
    }
    if !sent.is_empty() {
        docs.last_mut().unwrap().push(sent);
    }
    (lines, docs)
}

/// The input lines and the predicted IOB2 tag of each (None for separators).
pub fn predicted_tags<'a>(
    input: &'a str,
    recognizer: &EntityRecognizer,
) -> (Vec<&'a str>, Vec<Option<String>>) {
    let (lines, docs) = structure(input);
    let mut tags: Vec<Option<String>> = vec![None; lines.len()];
    for doc in docs.iter().filter(|d| !d.is_empty()) {
        let sentences: Vec<Vec<&str>> = doc
            .iter()
            .map(|s| s.iter().map(|(_, t)| *t).collect())
            .collect();
        let pred = recognizer.tag_tokens(&sentences);
        for (s, p) in doc.iter().zip(pred) {
            for (&(line, _), t) in s.iter().zip(p) {
                tags[line] = Some(match t {
                    Some((ty, begin)) => {
                        format!("{}-{}", if begin { "B" } else { "I" }, conll_type(ty))
                    }
                    None => "O".to_string(),
                });
            }
        }
    }
    (lines, tags)
}

/// Reads token-per-line input and writes it back with a predicted BIO column.
pub fn annotate(input: &str, recognizer: &EntityRecognizer) -> anyhow::Result<String> {
    let (lines, tags) = predicted_tags(input, recognizer);
    let mut out = String::with_capacity(input.len() + lines.len() * 6);
    for (l, t) in lines.iter().zip(&tags) {
        out.push_str(l.trim_end());
        if let Some(t) = t {
            out.push(' ');
            out.push_str(t);
        }
        out.push('\n');
    }
    Ok(out)
}

/// Spans (first line, end line, type) of a tag column; IOB1 and IOB2 both read.
pub fn tag_spans(tags: &[Option<String>]) -> HashSet<(usize, usize, String)> {
    let mut out = HashSet::new();
    let mut open: Option<(usize, String)> = None;
    for (i, t) in tags.iter().chain(std::iter::once(&None)).enumerate() {
        let (prefix, ty) = match t {
            Some(t) => t.split_once('-').map_or(("O", ""), |(p, ty)| (p, ty)),
            None => ("O", ""),
        };
        let continues = prefix == "I" && open.as_ref().is_some_and(|(_, o)| o == ty);
        if !continues {
            if let Some((a, o)) = open.take() {
                out.insert((a, i, o));
            }
            if prefix == "B" || prefix == "I" {
                open = Some((i, ty.to_string()));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotates_conll_lines() {
        let input = "-DOCSTART- -X- -X- O\n\nPresident NNP B-NP O\nVladimir NNP I-NP B-PER\nPutin NNP I-NP I-PER\nvisited VBD B-VP O\nFrance NNP B-NP B-LOC\n. . O O\n\n";
        let out = annotate(input, &EntityRecognizer::new()).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), input.lines().count());
        assert_eq!(lines[0], "-DOCSTART- -X- -X- O");
        assert!(
            lines[3].ends_with("B-PER") && lines[4].ends_with("I-PER"),
            "{out}"
        );
        assert!(
            lines[6].ends_with("B-LOC") && lines[2].ends_with(" O"),
            "{out}"
        );
    }

    #[test]
    fn reads_iob1_and_iob2_spans() {
        let t = |v: &[&str]| v.iter().map(|s| Some(s.to_string())).collect::<Vec<_>>();
        let iob1 = tag_spans(&t(&["I-PER", "I-PER", "O", "I-LOC", "B-LOC"]));
        let iob2 = tag_spans(&t(&["B-PER", "I-PER", "O", "B-LOC", "B-LOC"]));
        assert_eq!(iob1, iob2);
        assert_eq!(iob1.len(), 3);
    }
}
