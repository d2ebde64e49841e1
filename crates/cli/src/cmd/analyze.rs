//! `claimtrail analyze`: print what the engine finds, store nothing.

use crate::cmd::{csv, input, report};
use crate::{InputArgs, OutputFormat};
use claimtrail_extract::json::{ArticleJson, Explanations};
use claimtrail_extract::Pipeline;
use std::io::Write;
use std::process::ExitCode;

pub fn run(
    args: &InputArgs,
    format: OutputFormat,
    include_text: bool,
    explain: bool,
) -> anyhow::Result<ExitCode> {
    let inputs = input::list(args);
    let mut failed = !inputs.errors.is_empty();
    for e in &inputs.errors {
        eprintln!("error: {e}");
    }
    let pipeline = Pipeline::new();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut printer = Printer::new(format);
    for file in &inputs.files {
        for doc in input::read_file(file, args) {
            let doc = match doc {
                Ok(doc) => doc,
                Err(e) => {
                    eprintln!("error: {e}");
                    failed = true;
                    continue;
                }
            };
            let analysis = pipeline.analyze(doc);
            let article = ArticleJson::from_analysis(&analysis);
            let why = explain.then(|| Explanations::of(&analysis));
            let text = include_text.then(|| analysis.doc.text());
            printer.article(&mut out, &article, text, why.as_ref())?;
        }
    }
    printer.finish(&mut out)?;
    out.flush()?;
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes articles as they come. JSON is one document: the first article is
/// held back until it is known whether a second follows (then an array).
struct Printer {
    format: OutputFormat,
    count: usize,
    first: Option<String>,
}

impl Printer {
    fn new(format: OutputFormat) -> Printer {
        Printer {
            format,
            count: 0,
            first: None,
        }
    }

    fn article(
        &mut self,
        out: &mut impl Write,
        article: &ArticleJson,
        text: Option<&str>,
        why: Option<&Explanations>,
    ) -> anyhow::Result<()> {
        let value = article.output_explained(text, why);
        match self.format {
            OutputFormat::Text => {
                if self.count > 0 {
                    writeln!(out)?;
                }
                report::write_article(out, article, why)?;
            }
            OutputFormat::Jsonl => writeln!(out, "{}", serde_json::to_string(&value)?)?,
            OutputFormat::Csv => {
                if self.count == 0 {
                    csv::write_header(out)?;
                }
                for claim in &article.claims {
                    csv::write_claim(out, &csv::DocFields::of_article(&article.document), claim)?;
                }
            }
            OutputFormat::Json => {
                let json = serde_json::to_string_pretty(&value)?;
                match self.count {
                    0 => self.first = Some(json),
                    1 => {
                        writeln!(out, "[")?;
                        write_indented(out, self.first.take().as_deref().unwrap_or(""))?;
                        writeln!(out, ",")?;
                        write_indented(out, &json)?;
                    }
                    _ => {
                        writeln!(out, ",")?;
                        write_indented(out, &json)?;
                    }
                }
            }
        }
        self.count += 1;
        Ok(())
    }

    fn finish(&mut self, out: &mut impl Write) -> anyhow::Result<()> {
        match (self.format, self.count) {
            (OutputFormat::Json, 0) => writeln!(out, "[]")?,
            (OutputFormat::Json, 1) => writeln!(out, "{}", self.first.take().unwrap_or_default())?,
            (OutputFormat::Json, _) => writeln!(out, "\n]")?,
            (OutputFormat::Csv, 0) => csv::write_header(out)?,
            _ => {}
        }
        Ok(())
    }
}

/// A pretty-printed JSON value as an array element: each line indented.
fn write_indented(out: &mut impl Write, json: &str) -> std::io::Result<()> {
    for (i, line) in json.lines().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        write!(out, "  {line}")?;
    }
    Ok(())
}
