//! A multiclass averaged perceptron over hashed features: the one learner
//! behind the part-of-speech tagger and the entity tagger.
//!
//! Features are strings hashed (FNV-1a) into a fixed table of `2^bits` rows
//! with one weight per class, so a model is a flat array: scoring a token is a
//! few dozen row additions, and nothing is allocated per token. Training keeps
//! the running sums needed to return averaged weights (Collins 2002), which
//! generalise far better than the last weights. Saved models are quantised to
//! 16 bits and deflated.

use std::io::{Read, Write};

/// Hash of one feature: a template id and its value.
#[inline]
pub fn feature(template: u8, value: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ u64::from(template);
    h = h.wrapping_mul(0x0100_0000_01b3);
    for &b in value.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Hash of a feature with two values (e.g. previous tag and word).
#[inline]
pub fn feature2(template: u8, a: &str, b: &str) -> u64 {
    let h = feature(template, a);
    let mut h = (h ^ 0xff).wrapping_mul(0x0100_0000_01b3);
    for &x in b.as_bytes() {
        h ^= u64::from(x);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[derive(Clone, Debug)]
pub struct Model {
    pub classes: Vec<String>,
    bits: u32,
    /// Training weights (empty in a loaded model).
    weights: Vec<f32>,
    /// Quantised weights of a loaded model: half the memory of f32, so a
    /// class row is one cache line, which is what scoring waits on.
    quantised: Vec<i16>,
}

impl Model {
    pub fn new(classes: Vec<String>, bits: u32) -> Model {
        let n = (1usize << bits) * classes.len();
        Model {
            classes,
            bits,
            weights: vec![0.0; n],
            quantised: Vec::new(),
        }
    }

    #[inline]
    fn row(&self, f: u64) -> usize {
        (f as usize & ((1usize << self.bits) - 1)) * self.classes.len()
    }

    /// Whether the weights are a loaded model's quantised ones, which
    /// [`Model::accumulate`] reads.
    pub fn is_quantised(&self) -> bool {
        !self.quantised.is_empty()
    }

    /// Adds the quantised weights of `feats` into `acc` (one per class). The
    /// sums are of integers, so a score may be summed in parts (the features
    /// of a word that do not change between passes once) with the same result.
    #[inline]
    pub fn accumulate(&self, feats: &[u64], acc: &mut [i32]) {
        let nc = self.classes.len();
        let acc = &mut acc[..nc];
        for &f in feats {
            let r = self.row(f);
            let row = &self.quantised[r..r + nc];
            // in blocks of eight, which the compiler turns into vector adds
            let mut blocks = acc.chunks_exact_mut(8);
            let mut rows = row.chunks_exact(8);
            for (a, w) in blocks.by_ref().zip(rows.by_ref()) {
                for k in 0..8 {
                    a[k] += i32::from(w[k]);
                }
            }
            for (a, &w) in blocks.into_remainder().iter_mut().zip(rows.remainder()) {
                *a += i32::from(w);
            }
        }
    }

    /// The best class of quantised scores, as [`Model::predict`] picks it
    /// when every class is allowed (the first of equal scores).
    pub fn best(acc: &[i32]) -> usize {
        let mut best = 0;
        for (c, &s) in acc.iter().enumerate() {
            if s as f32 > acc[best] as f32 {
                best = c;
            }
        }
        best
    }

    /// Adds the features' weights into `scores` (one per class).
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        let nc = self.classes.len();
        if self.is_quantised() {
            let mut acc = [0i32; 64];
            let acc = &mut acc[..nc.min(64)];
            self.accumulate(feats, acc);
            for (s, &a) in scores.iter_mut().zip(acc.iter()) {
                *s = a as f32;
            }
            return;
        }
        for &f in feats {
            let r = self.row(f);
            for (s, w) in scores.iter_mut().zip(&self.weights[r..r + nc]) {
                *s += w;
            }
        }
    }

    /// The best class, among those `allowed` says yes to.
    pub fn predict(
        &self,
        feats: &[u64],
        scores: &mut [f32],
        allowed: impl Fn(usize) -> bool,
    ) -> usize {
        self.score(feats, scores);
        let mut best = usize::MAX;
        for (c, &s) in scores.iter().enumerate() {
            if allowed(c) && (best == usize::MAX || s > scores[best]) {
                best = c;
            }
        }
        if best == usize::MAX {
            0
        } else {
            best
        }
    }

    /// Serialises: magic, bits, classes, scale, then deflated i16 weights.
    pub fn to_bytes(&self) -> Vec<u8> {
        let max = self
            .weights
            .iter()
            .fold(0f32, |m, w| m.max(w.abs()))
            .max(1e-9);
        let scale = max / 32767.0;
        let mut out = b"CTPM1".to_vec();
        out.extend(self.bits.to_le_bytes());
        out.extend((self.classes.len() as u32).to_le_bytes());
        for c in &self.classes {
            out.extend((c.len() as u32).to_le_bytes());
            out.extend(c.as_bytes());
        }
        out.extend(scale.to_le_bytes());
        let mut raw = Vec::with_capacity(self.weights.len() * 2);
        for w in &self.weights {
            raw.extend(((w / scale).round() as i16).to_le_bytes());
        }
        let mut z = flate2::write::DeflateEncoder::new(out, flate2::Compression::best());
        z.write_all(&raw).expect("in-memory write");
        z.finish().expect("in-memory write")
    }

    /// Reads a model written by [`Model::to_bytes`]; None if it is not one.
    pub fn from_bytes(b: &[u8]) -> Option<Model> {
        let mut p = b.strip_prefix(b"CTPM1")?;
        let u32_at = |p: &mut &[u8]| -> Option<u32> {
            let (h, t) = p.split_at_checked(4)?;
            *p = t;
            Some(u32::from_le_bytes(h.try_into().ok()?))
        };
        let bits = u32_at(&mut p)?;
        let n = u32_at(&mut p)? as usize;
        if bits > 24 || n > 64 {
            return None;
        }
        let mut classes = Vec::with_capacity(n);
        for _ in 0..n {
            let len = u32_at(&mut p)? as usize;
            let (s, t) = p.split_at_checked(len)?;
            classes.push(String::from_utf8(s.to_vec()).ok()?);
            p = t;
        }
        let _scale = f32::from_bits(u32_at(&mut p)?);
        let mut raw = Vec::new();
        flate2::read::DeflateDecoder::new(p)
            .read_to_end(&mut raw)
            .ok()?;
        let size = (1usize << bits) * n;
        if raw.len() != size * 2 {
            return None;
        }
        let quantised = raw
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]))
            .collect();
        Some(Model {
            classes,
            bits,
            weights: Vec::new(),
            quantised,
        })
    }
}

/// Averaged-perceptron training state over a [`Model`].
pub struct Trainer {
    pub model: Model,
    totals: Vec<f64>,
    stamps: Vec<u32>,
    step: u32,
}

impl Trainer {
    pub fn new(classes: Vec<String>, bits: u32) -> Trainer {
        let model = Model::new(classes, bits);
        let n = model.weights.len();
        Trainer {
            model,
            totals: vec![0.0; n],
            stamps: vec![0; n],
            step: 0,
        }
    }

    /// Counts one training instance (call once per prediction).
    pub fn tick(&mut self) {
        self.step += 1;
    }

    /// Moves weight from the guessed class to the true one.
    pub fn update(&mut self, truth: usize, guess: usize, feats: &[u64]) {
        if truth == guess {
            return;
        }
        for &f in feats {
            let r = self.model.row(f);
            for (c, delta) in [(truth, 1.0f32), (guess, -1.0f32)] {
                let k = r + c;
                self.totals[k] +=
                    f64::from(self.step - self.stamps[k]) * f64::from(self.model.weights[k]);
                self.stamps[k] = self.step;
                self.model.weights[k] += delta;
            }
        }
    }

    /// The averaged model.
    pub fn finish(mut self) -> Model {
        let step = f64::from(self.step.max(1));
        for k in 0..self.model.weights.len() {
            let total = self.totals[k]
                + f64::from(self.step - self.stamps[k]) * f64::from(self.model.weights[k]);
            self.model.weights[k] = (total / step) as f32;
        }
        self.model
    }
}

/// A small deterministic shuffler (xorshift), so training is reproducible.
pub struct Shuffle(u64);

impl Shuffle {
    pub fn new(seed: u64) -> Shuffle {
        Shuffle(seed | 1)
    }

    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            v.swap(i, (self.0 % (i as u64 + 1)) as usize);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_and_round_trips() {
        let mut t = Trainer::new(vec!["A".into(), "B".into()], 8);
        let a = [feature(1, "x")];
        let b = [feature(1, "y")];
        let mut scores = [0.0; 2];
        for _ in 0..5 {
            for (f, truth) in [(&a, 0), (&b, 1)] {
                t.tick();
                let g = t.model.predict(f, &mut scores, |_| true);
                t.update(truth, g, f);
            }
        }
        let m = t.finish();
        let m = Model::from_bytes(&m.to_bytes()).unwrap();
        assert_eq!(m.predict(&a, &mut scores, |_| true), 0);
        assert_eq!(m.predict(&b, &mut scores, |_| true), 1);
        assert!(Model::from_bytes(b"nonsense").is_none());
    }
}
