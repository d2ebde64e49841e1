//! Near-duplicate detection on syndicated copies with small edits, against
//! unrelated reports, and at scale.

use claimtrail_text::fingerprint::{fingerprint, similarity, NearDuplicateIndex};

/// A deterministic generator of pseudo-articles (a linear congruential
/// generator over a fixed vocabulary: no randomness between runs).
struct Words {
    state: u64,
    vocabulary: Vec<String>,
}

impl Words {
    fn new(seed: u64) -> Words {
        let vocabulary = (0..5000)
            .map(|i| format!("w{}x{}", i * 7919 % 10007, i % 13))
            .collect();
        Words {
            state: seed,
            vocabulary,
        }
    }

    fn next(&mut self) -> &str {
        self.state = self
            .state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let i = (self.state >> 33) as usize % self.vocabulary.len();
        &self.vocabulary[i]
    }

    fn paragraph(&mut self, words: usize) -> String {
        let mut p: Vec<String> = (0..words).map(|_| self.next().to_string()).collect();
        p.push(".".into());
        p.join(" ")
    }

    fn article(&mut self, paragraphs: usize) -> String {
        (0..paragraphs)
            .map(|_| self.paragraph(60))
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

const STORY: &str = "The Ministry of Defence said on Sunday that about 1,500 North Korean special forces had \
arrived in the Russian port of Vladivostok in recent days, and that more troops were expected to follow \
before the end of the month.\n\nThe ministry, citing intelligence reports, said the soldiers had been \
flown on Russian military aircraft and were being issued Russian uniforms and forged identity documents \
so that they could be sent to the front line without drawing attention.\n\nA spokesman for the foreign \
ministry in Moscow dismissed the reports as fabrications and said cooperation between the two countries \
was in line with international law. Officials in Seoul said they were monitoring the situation closely \
and would consult allies about a response, including the possible supply of weapons to Kyiv.";

#[test]
fn syndicated_copies_with_small_edits_match() {
    let original = format!("North Korean troops arrive in Russia, ministry says\n\n{STORY}");
    let retitled = format!(
        "Seoul: 1,500 North Korean soldiers sent to Russia\n\nBy Staff Reporter\n\n{STORY}"
    );
    let extended = format!(
        "{original}\n\nThis story has been updated with a statement from the foreign ministry. Additional reporting by our Seoul bureau."
    );
    let a = fingerprint(&original);
    for copy in [&retitled, &extended] {
        let s = similarity(&a, &fingerprint(copy));
        assert!(s > 0.6, "a copy scores {s}");
    }
    // The same event reported independently shares words, not passages.
    let other =
        "South Korea's spy agency said North Korea had sent troops to Russia. Moscow denied it. \
        Seoul said about 1,500 special forces had arrived in Vladivostok and more were expected, \
        according to the National Intelligence Service, which briefed lawmakers on Friday.";
    let s = similarity(&a, &fingerprint(other));
    assert!(s < 0.2, "an independent report scores {s}");

    let mut index = NearDuplicateIndex::new(0.5);
    assert!(index.insert("original", a).is_none());
    assert!(index.insert("other", fingerprint(other)).is_none());
    let (found, s) = index
        .insert("retitled", fingerprint(&retitled))
        .expect("copy found");
    assert_eq!((*found, s > 0.5), ("original", true));
    // A later copy is attributed to the earliest document it copies.
    let (found, _) = index
        .insert("extended", fingerprint(&extended))
        .expect("copy found");
    assert_eq!(*found, "original");
    assert_eq!(index.len(), 4);
}

#[test]
fn ten_thousand_unrelated_articles_and_edited_copies() {
    let mut words = Words::new(7);
    let articles: Vec<String> = (0..10_000).map(|_| words.article(5)).collect();
    let mut index = NearDuplicateIndex::new(0.5);
    let mut copies = 0;
    for (i, text) in articles.iter().enumerate() {
        if index.insert(i, fingerprint(text)).is_some() {
            copies += 1;
        }
    }
    // Re-insert every 100th article with its first paragraph replaced.
    for (i, text) in articles.iter().enumerate().step_by(100) {
        let edited = format!(
            "{}\n\n{}",
            words.paragraph(20),
            text.split_once("\n\n").unwrap().1
        );
        let (found, _) = index
            .insert(10_000 + i, fingerprint(&edited))
            .expect("edited copy found");
        assert_eq!(*found, i);
    }
    assert_eq!(copies, 0, "random articles are not copies of each other");
}
