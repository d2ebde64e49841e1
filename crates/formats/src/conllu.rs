//! Reader of CoNLL-U (GUM, UD English EWT): documents, sentences, tokens with
//! UPOS, and GUM's entity annotation in the MISC column (`Entity=`), read as
//! named-entity spans and coreference chains.
use std::path::Path;

#[derive(Clone, Debug, Default)]
pub struct Token {
    pub form: String,
    pub upos: String,
    /// No space follows this token in the original text.
    pub no_space_after: bool,
}

#[derive(Clone, Debug, Default)]
pub struct Sentence {
    pub tokens: Vec<Token>,
    /// The `# text =` comment: the sentence as written.
    pub text: Option<String>,
    /// A `# newpar` comment precedes this sentence.
    pub new_par: bool,
    /// The sentence starts a new line without starting a paragraph: it follows
    /// the end of a layout block (GUM's `# newpar_block = head (1 s)`, a
    /// heading, list item or figure) that it is not part of, as a dateline
    /// after a headline.
    pub new_line: bool,
}

/// One GUM entity mention: a token range in its document (sentence-local ranges
/// flattened to document token indices), its GUM type and chain id.
#[derive(Clone, Debug)]
pub struct GumMention {
    pub start: usize,
    pub end: usize,
    pub etype: String,
    pub id: String,
}

#[derive(Clone, Debug, Default)]
pub struct Doc {
    pub id: String,
    pub sentences: Vec<Sentence>,
    pub mentions: Vec<GumMention>,
}

impl Doc {
    pub fn tokens(&self) -> impl Iterator<Item = &Token> {
        self.sentences.iter().flat_map(|s| s.tokens.iter())
    }
}

/// Parses a CoNLL-U file into documents (split at `# newdoc`).
pub fn parse(text: &str, default_id: &str) -> Vec<Doc> {
    let mut docs: Vec<Doc> = Vec::new();
    let mut cur = Sentence::default();
    let mut open: Vec<(String, String, usize)> = Vec::new(); // (id, type, start)
    let mut doc_tokens = 0usize;
    let mut pending_par = false;
    // sentences left in the current layout block; when it runs out, the next
    // sentence outside any new block starts on a line of its own
    let mut block_left: Option<usize> = None;
    let mut block_ended = false;
    let ensure_doc = |docs: &mut Vec<Doc>| {
        if docs.is_empty() {
            docs.push(Doc {
                id: default_id.to_string(),
                ..Doc::default()
            });
        }
    };
    for line in text.lines() {
        if let Some(c) = line.strip_prefix('#') {
            let c = c.trim();
            if let Some(id) = c.strip_prefix("newdoc id =") {
                docs.push(Doc {
                    id: id.trim().to_string(),
                    ..Doc::default()
                });
                doc_tokens = 0;
                open.clear();
                block_left = None;
                block_ended = false;
            } else if let Some(block) = c.strip_prefix("newpar_block =") {
                block_left = block_sentences(block);
            } else if c.starts_with("newpar") {
                pending_par = true;
            } else if let Some(t) = c.strip_prefix("text =") {
                cur.text = Some(t.trim().to_string());
            }
            continue;
        }
        if line.trim().is_empty() {
            if !cur.tokens.is_empty() {
                ensure_doc(&mut docs);
                cur.new_par = std::mem::take(&mut pending_par);
                cur.new_line = std::mem::take(&mut block_ended) && !cur.new_par;
                if let Some(n) = block_left.as_mut() {
                    *n = n.saturating_sub(1);
                    if *n == 0 {
                        block_left = None;
                        block_ended = true;
                    }
                }
                docs.last_mut()
                    .unwrap()
                    .sentences
                    .push(std::mem::take(&mut cur));
            }
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 10 || f[0].contains('-') || f[0].contains('.') {
            continue; // multiword token ranges and empty nodes
        }
        ensure_doc(&mut docs);
        let misc = f[9];
        let index = doc_tokens;
        for item in misc.split('|') {
            if let Some(e) = item.strip_prefix("Entity=") {
                entity_marks(e, index, &mut open, &mut docs.last_mut().unwrap().mentions);
            }
        }
        cur.tokens.push(Token {
            form: f[1].to_string(),
            upos: f[3].to_string(),
            no_space_after: misc.split('|').any(|m| m == "SpaceAfter=No"),
        });
        doc_tokens += 1;
    }
    if !cur.tokens.is_empty() {
        ensure_doc(&mut docs);
        cur.new_par = pending_par;
        docs.last_mut().unwrap().sentences.push(cur);
    }
    docs
}

/// The number of sentences of the outermost block in a GUM
/// `newpar_block` comment: "head rend:::\"bold\" (2 s) | hi (1 s)" -> 2.
fn block_sentences(block: &str) -> Option<usize> {
    let outer = block.split(" | ").next()?;
    let open = outer.rfind('(')?;
    outer[open + 1..].strip_suffix(" s)")?.trim().parse().ok()
}

/// Reads GUM's bracket notation: `(id-type-...` opens at this token, `id)`
/// closes at it, `(id-type-...)` is a one-token mention.
fn entity_marks(
    e: &str,
    index: usize,
    open: &mut Vec<(String, String, usize)>,
    out: &mut Vec<GumMention>,
) {
    let b = e.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'(' {
            let end = e[i + 1..].find(['(', ')']).map_or(e.len(), |k| i + 1 + k);
            let body = &e[i + 1..end];
            let mut parts = body.split('-');
            let id = parts.next().unwrap_or("").to_string();
            let etype = parts.next().unwrap_or("").to_string();
            if end < e.len() && b[end] == b')' {
                out.push(GumMention {
                    start: index,
                    end: index + 1,
                    etype,
                    id,
                });
                i = end + 1;
            } else {
                open.push((id, etype, index));
                i = end;
            }
        } else if b[i].is_ascii_digit() {
            let end = e[i..].find(')').map_or(e.len(), |k| i + k);
            let id = &e[i..end];
            if let Some(pos) = open.iter().rposition(|(oid, _, _)| oid == id) {
                let (id, etype, start) = open.remove(pos);
                out.push(GumMention {
                    start,
                    end: index + 1,
                    etype,
                    id,
                });
            }
            i = end + 1;
        } else {
            i += 1;
        }
    }
}

/// Every `.conllu` file of a folder, in sorted order, parsed.
pub fn read_dir(dir: &Path) -> anyhow::Result<Vec<Doc>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
        .collect();
    files.sort();
    let mut docs = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f)?;
        let stem = f
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("doc")
            .to_string();
        docs.extend(parse(&text, &stem));
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_after_a_block_starts_a_line() {
        let text = "# newdoc id = d\n# newpar\n# newpar_block = head (1 s)\n1\tTitle\t_\tNOUN\t_\t_\t0\troot\t_\t_\n\n\
1\tMonday\t_\tPROPN\t_\t_\t0\troot\t_\t_\n\n\
# newpar\n# newpar_block = p (2 s)\n1\tA\t_\tX\t_\t_\t0\troot\t_\t_\n\n1\tB\t_\tX\t_\t_\t0\troot\t_\t_\n\n";
        let d = &parse(text, "x")[0];
        let flags: Vec<(bool, bool)> = d
            .sentences
            .iter()
            .map(|s| (s.new_par, s.new_line))
            .collect();
        assert_eq!(
            flags,
            [(true, false), (false, true), (true, false), (false, false)]
        );
    }

    #[test]
    fn reads_nested_entities() {
        let text = "# newdoc id = d1\n# newpar\n# text = North Korea's army left\n\
1\tNorth\tNorth\tPROPN\tNNP\t_\t2\tcompound\t_\tEntity=(2-organization-new-x-x-1-coref(1-place-new-x-x-1,2-coref-North_Korea\n\
2\tKorea\tKorea\tPROPN\tNNP\t_\t4\tnmod\t_\tEntity=1)\n\
3\t's\t's\tPART\tPOS\t_\t2\tcase\t_\t_\n\
4\tarmy\tarmy\tNOUN\tNN\t_\t5\tnsubj\t_\tEntity=2)\n\
5\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\tEntity=(3-event-new-x-x-1-sgl)|SpaceAfter=No\n\n";
        let docs = parse(text, "x");
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        assert_eq!(d.sentences[0].tokens.len(), 5);
        assert!(d.sentences[0].new_par && d.sentences[0].tokens[4].no_space_after);
        assert_eq!(
            block_sentences(" head rend:::\"bold blue\" (2 s) | hi (1 s)"),
            Some(2)
        );
        let m: Vec<(usize, usize, &str)> = d
            .mentions
            .iter()
            .map(|m| (m.start, m.end, m.etype.as_str()))
            .collect();
        assert_eq!(
            m,
            [(0, 2, "place"), (0, 4, "organization"), (4, 5, "event")]
        );
    }
}
