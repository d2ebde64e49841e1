//! Prints CoNLL-2003-style input (token per line, blank line between
//! sentences, `-DOCSTART-` between documents) one sentence a line with the
//! predicted types inline ("Pete/PERSON Sampras/PERSON"): a quick look at what
//! the tagger does with newswire.
//!
//! `cargo run --release -p claimtrail-entities --example conll_tags FILE`
use claimtrail_entities::EntityRecognizer;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: conll_tags FILE");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    });
    let mut docs: Vec<Vec<Vec<&str>>> = vec![Vec::new()];
    let mut sent: Vec<&str> = Vec::new();
    for line in text.lines() {
        match line.split_whitespace().next() {
            None => {
                if !sent.is_empty() {
                    docs.last_mut().unwrap().push(std::mem::take(&mut sent));
                }
            }
            Some("-DOCSTART-") => {
                if !sent.is_empty() {
                    docs.last_mut().unwrap().push(std::mem::take(&mut sent));
                }
                docs.push(Vec::new());
            }
            Some(tok) => sent.push(tok),
        }
    }
    if !sent.is_empty() {
        docs.last_mut().unwrap().push(sent);
    }
    let rec = EntityRecognizer::new();
    for doc in docs.iter().filter(|d| !d.is_empty()) {
        println!("----");
        for (s, tags) in doc.iter().zip(rec.tag_tokens(doc)) {
            let line: Vec<String> = s
                .iter()
                .zip(tags)
                .map(|(w, t)| match t {
                    Some((ty, _)) => format!("{w}/{}", ty.as_str()),
                    None => w.to_string(),
                })
                .collect();
            println!("{}", line.join(" "));
        }
    }
}
