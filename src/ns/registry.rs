//! The name registry: name -> (uri string, tags), in Python dict insertion order, indexed for
//! large registries (wire reference 10.1).
//!
//! Owns the data structure only: O(log n) lookup, prefix listing as a range scan, metadata
//! search through a tag -> names index, results always in insertion order (re-registering a
//! name keeps its position, removal keeps the order of the rest). Must not know about Pyro
//! semantics (type checks, the protected `Pyro.NameServer` entry, error texts), persistence
//! or I/O; those live in `nameserver` and the store.

use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One registration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The URI exactly as registered (a registered string is stored verbatim).
    pub uri: String,
    /// Metadata tags, sorted and deduplicated (the registry normalizes on insert). Python
    /// keeps an empty frozenset for `metadata=None`; labns answers with a set either way (the
    /// fix of bug B1), so no distinction is kept.
    pub tags: Vec<String>,
}

impl Entry {
    pub fn new(uri: impl Into<String>, tags: impl IntoIterator<Item = String>) -> Entry {
        let mut entry = Entry {
            uri: uri.into(),
            tags: tags.into_iter().collect(),
        };
        entry.normalize();
        entry
    }

    /// An entry without metadata tags.
    pub fn without_metadata(uri: impl Into<String>) -> Entry {
        Entry::new(uri, Vec::new())
    }

    pub fn has_tag(&self, tag: &str) -> bool {
        self.tags.binary_search_by(|t| t.as_str().cmp(tag)).is_ok()
    }

    fn normalize(&mut self) {
        self.tags.sort();
        self.tags.dedup();
    }
}

/// Insertion-ordered name registry with a prefix index (the sorted name map) and a tag index.
#[derive(Clone, Debug, Default)]
pub struct Registry {
    /// name -> insertion sequence number.
    by_name: BTreeMap<String, u64>,
    /// sequence number -> (name, entry): iteration order = Python dict order.
    by_seq: BTreeMap<u64, (String, Entry)>,
    /// tag -> sequence numbers of the entries carrying it.
    by_tag: HashMap<String, BTreeSet<u64>>,
    next_seq: u64,
    /// Bumped by every change: answers computed at one generation stay valid until it moves.
    generation: u64,
}

impl Registry {
    pub fn new() -> Registry {
        Registry::default()
    }

    pub fn len(&self) -> usize {
        self.by_seq.len()
    }

    /// Changes whenever the contents change (never goes back).
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Remove every entry (the generation moves on).
    pub fn clear(&mut self) {
        let generation = self.generation + 1;
        *self = Registry {
            generation,
            ..Registry::default()
        };
    }

    pub fn is_empty(&self) -> bool {
        self.by_seq.is_empty()
    }

    pub fn contains(&self, name: &str) -> bool {
        self.by_name.contains_key(name)
    }

    pub fn get(&self, name: &str) -> Option<&Entry> {
        let seq = self.by_name.get(name)?;
        self.by_seq.get(seq).map(|(_, e)| e)
    }

    /// Insert or replace; an existing name keeps its position. Returns the previous entry.
    pub fn insert(&mut self, name: String, mut entry: Entry) -> Option<Entry> {
        self.generation += 1;
        entry.normalize();
        if let Some(&seq) = self.by_name.get(&name) {
            let old = self.by_seq.insert(seq, (name, entry)).map(|(_, e)| e);
            if let Some(old) = &old {
                self.unindex(seq, &old.tags);
            }
            self.index(seq);
            return old;
        }
        let seq = self.next_seq;
        self.next_seq += 1;
        self.by_name.insert(name.clone(), seq);
        self.by_seq.insert(seq, (name, entry));
        self.index(seq);
        None
    }

    /// Replace the tags of an existing entry. Returns false when the name is not registered.
    pub fn set_tags(&mut self, name: &str, tags: Vec<String>) -> bool {
        let Some(&seq) = self.by_name.get(name) else {
            return false;
        };
        let Some((_, entry)) = self.by_seq.get_mut(&seq) else {
            return false;
        };
        self.generation += 1;
        let old = std::mem::replace(&mut entry.tags, tags);
        entry.normalize();
        self.unindex(seq, &old);
        self.index(seq);
        true
    }

    pub fn remove(&mut self, name: &str) -> Option<Entry> {
        let seq = self.by_name.remove(name)?;
        self.generation += 1;
        let (_, entry) = self.by_seq.remove(&seq)?;
        self.unindex(seq, &entry.tags);
        Some(entry)
    }

    /// Every entry in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Entry)> + '_ {
        self.by_seq.values().map(|(n, e)| (n.as_str(), e))
    }

    /// Entries whose name starts with `prefix` (Python `str.startswith`, case-sensitive), in
    /// insertion order. A range scan over the sorted names.
    pub fn with_prefix(&self, prefix: &str) -> Vec<(&str, &Entry)> {
        self.with_any_prefix(&[prefix])
    }

    /// Entries whose name starts with any of `prefixes`, in insertion order.
    pub fn with_any_prefix(&self, prefixes: &[&str]) -> Vec<(&str, &Entry)> {
        let mut seqs = BTreeSet::new();
        for prefix in prefixes {
            seqs.extend(
                self.by_name
                    .range::<str, _>((
                        std::ops::Bound::Included(*prefix),
                        std::ops::Bound::Unbounded,
                    ))
                    .take_while(|(name, _)| name.starts_with(prefix))
                    .map(|(_, &seq)| seq),
            );
        }
        self.collect(seqs)
    }

    /// Entries carrying every tag in `tags`, in insertion order (all entries for no tags).
    pub fn with_all_tags(&self, tags: &[String]) -> Vec<(&str, &Entry)> {
        let mut sets = Vec::with_capacity(tags.len());
        for tag in tags {
            match self.by_tag.get(tag) {
                Some(set) => sets.push(set),
                None => return Vec::new(),
            }
        }
        // Walk the smallest posting set and check the others on the entry itself.
        let Some(smallest) = sets.iter().min_by_key(|s| s.len()) else {
            return self.iter().collect();
        };
        smallest
            .iter()
            .filter_map(|seq| self.by_seq.get(seq))
            .filter(|(_, e)| tags.iter().all(|t| e.has_tag(t)))
            .map(|(n, e)| (n.as_str(), e))
            .collect()
    }

    /// Entries carrying at least one of `tags`, in insertion order.
    pub fn with_any_tag(&self, tags: &[String]) -> Vec<(&str, &Entry)> {
        let mut seqs = BTreeSet::new();
        for tag in tags {
            if let Some(set) = self.by_tag.get(tag) {
                seqs.extend(set.iter().copied());
            }
        }
        self.collect(seqs)
    }

    fn collect(&self, seqs: BTreeSet<u64>) -> Vec<(&str, &Entry)> {
        seqs.iter()
            .filter_map(|seq| self.by_seq.get(seq))
            .map(|(n, e)| (n.as_str(), e))
            .collect()
    }

    fn index(&mut self, seq: u64) {
        if let Some((_, entry)) = self.by_seq.get(&seq) {
            for tag in &entry.tags {
                self.by_tag.entry(tag.clone()).or_default().insert(seq);
            }
        }
    }

    fn unindex(&mut self, seq: u64, tags: &[String]) {
        for tag in tags {
            if let Some(set) = self.by_tag.get_mut(tag) {
                set.remove(&seq);
                if set.is_empty() {
                    self.by_tag.remove(tag);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(uri: &str, tags: &[&str]) -> Entry {
        Entry::new(uri, tags.iter().map(|t| t.to_string()))
    }

    fn names(v: Vec<(&str, &Entry)>) -> Vec<String> {
        v.into_iter().map(|(n, _)| n.to_string()).collect()
    }

    fn tags(t: &[&str]) -> Vec<String> {
        t.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn keeps_python_dict_order() {
        let mut r = Registry::new();
        for n in ["b", "a", "c"] {
            r.insert(n.into(), entry(n, &[]));
        }
        // Re-registering keeps the position, removal keeps the order of the rest.
        r.insert("b".into(), entry("b2", &["x"]));
        r.remove("a");
        r.insert("a".into(), entry("a", &[]));
        let order: Vec<_> = r.iter().map(|(n, e)| (n, e.uri.as_str())).collect();
        assert_eq!(order, [("b", "b2"), ("c", "c"), ("a", "a")]);
        assert_eq!(r.len(), 3);
    }

    #[test]
    fn entries_are_normalized() {
        let mut r = Registry::new();
        r.insert("n".into(), entry("u", &["b", "a", "b"]));
        assert_eq!(r.get("n").unwrap().tags, ["a", "b"]);
        assert!(r.set_tags("n", vec![]));
        assert_eq!(r.get("n"), Some(&Entry::without_metadata("u")));
        assert!(!r.set_tags("missing", vec![]));
    }

    #[test]
    fn prefix_and_tag_queries_in_insertion_order() {
        let mut r = Registry::new();
        r.insert("test.z".into(), entry("1", &["p", "q"]));
        r.insert("other".into(), entry("2", &["q"]));
        r.insert("test.a".into(), entry("3", &["p"]));
        r.insert("test".into(), entry("4", &[]));
        assert_eq!(names(r.with_prefix("test.")), ["test.z", "test.a"]);
        assert_eq!(names(r.with_prefix("test")), ["test.z", "test.a", "test"]);
        assert_eq!(
            names(r.with_prefix("")),
            ["test.z", "other", "test.a", "test"]
        );
        assert_eq!(
            names(r.with_any_prefix(&["o", "test.a"])),
            ["other", "test.a"]
        );
        assert_eq!(names(r.with_all_tags(&tags(&["p"]))), ["test.z", "test.a"]);
        assert_eq!(names(r.with_all_tags(&tags(&["q", "p"]))), ["test.z"]);
        assert_eq!(
            names(r.with_all_tags(&tags(&["p", "nope"]))),
            Vec::<String>::new()
        );
        assert_eq!(
            names(r.with_any_tag(&tags(&["q", "p", "nope"]))),
            ["test.z", "other", "test.a"]
        );
        r.set_tags("test.z", tags(&["r"]));
        assert_eq!(
            names(r.with_any_tag(&tags(&["p", "q"]))),
            ["other", "test.a"]
        );
    }

    /// A tiny deterministic PRNG (xorshift64*), so the model check needs no dependency.
    struct Prng(u64);
    impl Prng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    /// The obviously-correct model: a Vec in insertion order, scanned for every query.
    #[derive(Default)]
    struct Model(Vec<(String, Entry)>);
    impl Model {
        fn insert(&mut self, name: String, mut e: Entry) {
            e.normalize();
            match self.0.iter_mut().find(|(n, _)| *n == name) {
                Some(slot) => slot.1 = e,
                None => self.0.push((name, e)),
            }
        }
        fn query(&self, keep: impl Fn(&str, &Entry) -> bool) -> Vec<String> {
            self.0
                .iter()
                .filter(|(n, e)| keep(n, e))
                .map(|(n, _)| n.clone())
                .collect()
        }
    }

    #[test]
    fn randomized_model_check() {
        const NAMES: &[&str] = &[
            "a", "ab", "abc", "b", "ba", "", "a.b", "a.c", "\u{e9}", "zz",
        ];
        const TAGS: &[&str] = &["p", "q", "r", "s", ""];
        let mut rng = Prng(0x9e37_79b9_7f4a_7c15);
        for _round in 0..20 {
            let mut reg = Registry::new();
            let mut model = Model::default();
            for _step in 0..400 {
                let name = NAMES[rng.below(NAMES.len())].to_string();
                let some_tags: Vec<String> = (0..rng.below(4))
                    .map(|_| TAGS[rng.below(TAGS.len())].to_string())
                    .collect();
                match rng.below(6) {
                    0 | 1 => {
                        let e = Entry::new(format!("u{}", rng.next() % 100), some_tags);
                        reg.insert(name.clone(), e.clone());
                        model.insert(name, e);
                    }
                    2 => {
                        let got = reg.remove(&name);
                        let pos = model.0.iter().position(|(n, _)| *n == name);
                        assert_eq!(got, pos.map(|p| model.0.remove(p).1));
                    }
                    3 => {
                        let found = reg.set_tags(&name, some_tags.clone());
                        let slot = model.0.iter_mut().find(|(n, _)| *n == name);
                        assert_eq!(found, slot.is_some());
                        if let Some(slot) = slot {
                            slot.1.tags = some_tags;
                            slot.1.normalize();
                        }
                    }
                    4 => {
                        let cut = rng.below(name.len() + 1);
                        let prefix = if name.is_char_boundary(cut) {
                            &name[..cut]
                        } else {
                            ""
                        };
                        assert_eq!(
                            names(reg.with_prefix(prefix)),
                            model.query(|n, _| n.starts_with(prefix))
                        );
                    }
                    _ => {
                        assert_eq!(
                            names(reg.with_all_tags(&some_tags)),
                            model.query(|_, e| some_tags.iter().all(|t| e.has_tag(t)))
                        );
                        assert_eq!(
                            names(reg.with_any_tag(&some_tags)),
                            model.query(|_, e| some_tags.iter().any(|t| e.has_tag(t)))
                        );
                    }
                }
                assert_eq!(reg.len(), model.0.len());
                let all: Vec<(String, Entry)> = reg
                    .iter()
                    .map(|(n, e)| (n.to_string(), e.clone()))
                    .collect();
                assert_eq!(all, model.0);
                for (n, e) in &model.0 {
                    assert_eq!(reg.get(n), Some(e));
                }
            }
            // The tag index holds no stale or empty posting sets.
            for (tag, seqs) in &reg.by_tag {
                assert!(!seqs.is_empty());
                for seq in seqs {
                    assert!(reg.by_seq[seq].1.has_tag(tag));
                }
            }
        }
    }

    #[test]
    fn large_registry_queries_use_the_indexes() {
        let mut r = Registry::new();
        for i in 0..50_000 {
            let tag = if i % 1000 == 0 { "rare" } else { "common" };
            r.insert(format!("svc.{i:05}"), entry("PYRO:x@h:1", &[tag]));
        }
        assert_eq!(r.with_prefix("svc.0001").len(), 10);
        assert_eq!(r.with_all_tags(&tags(&["rare", "common"])).len(), 0);
        assert_eq!(r.with_all_tags(&tags(&["rare"])).len(), 50);
        assert_eq!(r.with_any_tag(&tags(&["rare"])).len(), 50);
    }
}
