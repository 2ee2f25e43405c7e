//! The checker's table of ids, kept small: each distinct id is held once,
//! in one string, and numbered (a symbol); the stage and persona parts hold
//! these numbers, and what is known of an id lives in a list indexed by
//! them. An S3 map has about 102,000 ids: as separate strings with a table
//! entry, a list of stages and a list of visitors each, they took some
//! 370,000 allocations; here they take a few hundred.
//!
//! Ids are compared as text, never by hash alone, so no collision can
//! change a finding.

use hashbrown::HashTable;
use std::hash::BuildHasher;

/// An id's number in the table.
pub(super) type Sym = u32;

fn hash(id: &str) -> u64 {
    rustc_hash::FxBuildHasher.hash_one(id)
}

/// A span that no id holds: the symbol is free for the next new id.
const FREE: [u32; 2] = [u32::MAX, u32::MAX];

/// How many bytes of forgotten ids the text may hold before it is
/// written again without them, beyond half of it.
const SLACK: usize = 4096;

/// Every distinct id once, numbered.
#[derive(Debug, Clone, Default)]
struct Symbols {
    /// The ids, one after another.
    text: String,
    /// Where each symbol's id lies in `text`, or [`FREE`].
    spans: Vec<[u32; 2]>,
    /// The symbols, found by their id's hash and compared by text.
    table: HashTable<Sym>,
    /// Symbols of forgotten ids, for reuse.
    free: Vec<Sym>,
    /// Bytes of `text` that no symbol holds.
    dead: usize,
}

impl Symbols {
    fn with_capacity(ids: usize, bytes: usize) -> Symbols {
        Symbols {
            text: String::with_capacity(bytes),
            spans: Vec::with_capacity(ids),
            table: HashTable::with_capacity(ids),
            ..Symbols::default()
        }
    }

    /// The id of `sym`; none for a free symbol.
    fn text(&self, sym: Sym) -> Option<&str> {
        match self.spans.get(sym as usize) {
            Some(&[start, end]) if [start, end] != FREE => {
                Some(&self.text[start as usize..end as usize])
            }
            _ => None,
        }
    }

    fn get(&self, id: &str) -> Option<Sym> {
        self.table
            .find(hash(id), |&n| self.text(n) == Some(id))
            .copied()
    }

    /// The symbol of `id`, a new one if it has none.
    fn intern(&mut self, id: &str) -> Sym {
        let (text, spans) = (&self.text, &self.spans);
        let text_of = |n: Sym| match spans[n as usize] {
            [start, end] => &text[start as usize..end as usize],
        };
        let vacant = match self
            .table
            .entry(hash(id), |&n| text_of(n) == id, |&n| hash(text_of(n)))
        {
            hashbrown::hash_table::Entry::Occupied(found) => return *found.get(),
            hashbrown::hash_table::Entry::Vacant(vacant) => vacant,
        };
        // The file size limit keeps a map's ids far below 4 GiB.
        let start = self.text.len() as u32;
        self.text.push_str(id);
        let span = [start, self.text.len() as u32];
        let sym = match self.free.pop() {
            Some(sym) => {
                self.spans[sym as usize] = span;
                sym
            }
            None => {
                self.spans.push(span);
                (self.spans.len() - 1) as Sym
            }
        };
        vacant.insert(sym);
        sym
    }

    /// Forgets `sym`'s id; its number goes to the next new id.
    fn remove(&mut self, sym: Sym) {
        let Some(&span) = self.spans.get(sym as usize).filter(|&&s| s != FREE) else {
            return;
        };
        let text = &self.text[span[0] as usize..span[1] as usize];
        if let Ok(found) = self.table.find_entry(hash(text), |&n| n == sym) {
            found.remove();
        }
        self.spans[sym as usize] = FREE;
        self.free.push(sym);
        self.dead += (span[1] - span[0]) as usize;
        if self.dead > SLACK + self.text.len() / 2 {
            self.compact();
        }
    }

    /// Writes the text again without the forgotten ids, so that it stays
    /// the size of the map however many ids came and went. The symbols and
    /// their hashes stay as they were.
    fn compact(&mut self) {
        let mut text = String::with_capacity(self.text.len() - self.dead);
        for span in &mut self.spans {
            if *span != FREE {
                let start = text.len() as u32;
                text.push_str(&self.text[span[0] as usize..span[1] as usize]);
                *span = [start, text.len() as u32];
            }
        }
        self.text = text;
        self.dead = 0;
    }
}

/// A few small numbers (below 2^31) as one `u32`: none, one held in place,
/// or, with the top bit set, the number of a list in [`Spills`]. Most ids
/// have one touchpoint and few visitors, so most need no list of their own.
/// The numbers are stages and personas: a map file of at most 32 MiB holds
/// far fewer than 2^31 of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Few(u32);

const NONE: u32 = u32::MAX;
const SPILLED: u32 = 1 << 31;

impl Default for Few {
    fn default() -> Few {
        Few(NONE)
    }
}

/// The lists of the [`Few`]s that hold more than one number.
#[derive(Debug, Clone, Default)]
struct Spills {
    lists: Vec<Vec<u32>>,
    free: Vec<u32>,
}

impl Few {
    fn as_slice<'a>(&'a self, spills: &'a Spills) -> &'a [u32] {
        match self.0 {
            NONE => &[],
            k if k & SPILLED != 0 => &spills.lists[(k & !SPILLED) as usize],
            _ => std::slice::from_ref(&self.0),
        }
    }

    fn push(&mut self, n: u32, spills: &mut Spills) {
        debug_assert!(n < SPILLED, "a stage or persona number below 2^31");
        match self.0 {
            NONE => self.0 = n,
            k if k & SPILLED != 0 => spills.lists[(k & !SPILLED) as usize].push(n),
            one => {
                let list = vec![one, n];
                let k = match spills.free.pop() {
                    Some(k) => {
                        spills.lists[k as usize] = list;
                        k
                    }
                    None => {
                        spills.lists.push(list);
                        (spills.lists.len() - 1) as u32
                    }
                };
                self.0 = SPILLED | k;
            }
        }
    }

    /// Takes out one `n`, if there is one.
    fn remove(&mut self, n: u32, spills: &mut Spills) {
        match self.0 {
            NONE => {}
            k if k & SPILLED != 0 => {
                let k = k & !SPILLED;
                let list = &mut spills.lists[k as usize];
                if let Some(at) = list.iter().position(|&x| x == n) {
                    list.swap_remove(at);
                }
                if list.len() <= 1 {
                    self.0 = list.first().copied().unwrap_or(NONE);
                    spills.lists[k as usize] = Vec::new();
                    spills.free.push(k);
                }
            }
            one => {
                if one == n {
                    self.0 = NONE;
                }
            }
        }
    }
}

/// What the table knows of one id.
#[derive(Debug, Clone, Copy, Default)]
struct IdInfo {
    /// Items that carry it: stages, touchpoints, personas, paths.
    uses: u32,
    /// The stage of each touchpoint with this id; the first wins.
    stages: Few,
    /// The persona of each step naming it.
    visitors: Few,
}

/// The ids of a map: their numbers, how often each is used, the stages of
/// the touchpoints that carry it and the personas whose steps name it.
#[derive(Debug, Clone, Default)]
pub(super) struct Ids {
    symbols: Symbols,
    /// By symbol.
    info: Vec<IdInfo>,
    spills: Spills,
    /// How many ids are used more than once.
    duplicated: usize,
}

impl Ids {
    /// A table with room for `ids` ids of `bytes` bytes in all.
    pub fn with_capacity(ids: usize, bytes: usize) -> Ids {
        Ids {
            symbols: Symbols::with_capacity(ids, bytes),
            info: Vec::with_capacity(ids),
            ..Ids::default()
        }
    }

    /// The symbol of `id`, if the table holds it.
    pub fn get(&self, id: &str) -> Option<Sym> {
        self.symbols.get(id)
    }

    /// Whether `sym` is the symbol of `id`.
    pub fn is(&self, sym: Sym, id: &str) -> bool {
        self.symbols.text(sym) == Some(id)
    }

    /// The symbol of `id`, a new one if it has none.
    pub fn intern(&mut self, id: &str) -> Sym {
        let sym = self.symbols.intern(id);
        if sym as usize >= self.info.len() {
            self.info.resize(sym as usize + 1, IdInfo::default());
        }
        sym
    }

    /// How many ids are used more than once.
    pub fn duplicated(&self) -> usize {
        self.duplicated
    }

    pub fn add_use(&mut self, sym: Sym) {
        let info = &mut self.info[sym as usize];
        info.uses += 1;
        if info.uses == 2 {
            self.duplicated += 1;
        }
    }

    pub fn drop_use(&mut self, sym: Sym) {
        let info = &mut self.info[sym as usize];
        if info.uses == 2 {
            self.duplicated -= 1;
        }
        info.uses = info.uses.saturating_sub(1);
    }

    /// The stage of the first touchpoint with this id.
    pub fn stage(&self, sym: Sym) -> Option<usize> {
        self.stages(sym).iter().min().map(|&s| s as usize)
    }

    /// The stage of each touchpoint with this id, in no order.
    pub fn stages(&self, sym: Sym) -> &[u32] {
        self.info
            .get(sym as usize)
            .map_or(&[], |i| i.stages.as_slice(&self.spills))
    }

    pub fn add_stage(&mut self, sym: Sym, stage: usize) {
        self.info[sym as usize]
            .stages
            .push(stage as u32, &mut self.spills);
    }

    pub fn drop_stage(&mut self, sym: Sym, stage: usize) {
        self.info[sym as usize]
            .stages
            .remove(stage as u32, &mut self.spills);
    }

    /// The persona of each step naming this id, in no order.
    pub fn visitors(&self, sym: Sym) -> &[u32] {
        self.info
            .get(sym as usize)
            .map_or(&[], |i| i.visitors.as_slice(&self.spills))
    }

    pub fn add_visitor(&mut self, sym: Sym, persona: usize) {
        self.info[sym as usize]
            .visitors
            .push(persona as u32, &mut self.spills);
    }

    pub fn drop_visitor(&mut self, sym: Sym, persona: usize) {
        self.info[sym as usize]
            .visitors
            .remove(persona as u32, &mut self.spills);
    }

    /// Forgets `sym` if nothing uses or names it any more, so that the
    /// table stays the size of the map however many ids came and went.
    pub fn forget_if_unused(&mut self, sym: Sym) {
        let Some(info) = self.info.get(sym as usize) else {
            return;
        };
        if info.uses == 0 && info.stages == Few::default() && info.visitors == Few::default() {
            self.symbols.remove(sym);
        }
    }

    /// How many ids the table holds, and how many bytes it keeps for them
    /// (for the tests of its size).
    #[cfg(test)]
    pub fn held(&self) -> (usize, usize) {
        (self.symbols.table.len(), self.symbols.text.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_told_apart_by_their_text() {
        let mut ids = Ids::default();
        let a = ids.intern("a");
        let b = ids.intern("b");
        assert_ne!(a, b);
        assert_eq!(ids.intern("a"), a);
        assert_eq!(ids.get("b"), Some(b));
        assert_eq!(ids.get("c"), None);
        assert!(ids.is(a, "a") && !ids.is(a, "b"));
    }

    #[test]
    fn a_forgotten_id_gives_its_number_away_and_the_text_stays_small() {
        let mut ids = Ids::default();
        let keep = ids.intern("keep");
        ids.add_use(keep);
        for n in 0..10_000 {
            let sym = ids.intern(&format!("gone-{n}"));
            ids.add_use(sym);
            ids.drop_use(sym);
            ids.forget_if_unused(sym);
            assert_eq!(ids.get(&format!("gone-{n}")), None);
        }
        let (count, bytes) = ids.held();
        assert_eq!(count, 1);
        assert!(bytes <= 2 * SLACK + 16, "{bytes} bytes held");
        assert_eq!(ids.get("keep"), Some(keep));
        assert!(ids.is(keep, "keep"));
        // Still in use: not forgotten.
        ids.forget_if_unused(keep);
        assert_eq!(ids.get("keep"), Some(keep));
        // A free number is no id, not even the empty one.
        let gone = ids.intern("gone");
        ids.forget_if_unused(gone);
        assert!(!ids.is(gone, "") && !ids.is(gone, "gone"));
        assert_eq!(ids.intern(""), gone);
        assert!(ids.is(gone, ""));
    }

    #[test]
    fn a_few_numbers_spill_into_a_list_and_come_back() {
        let mut ids = Ids::default();
        let sym = ids.intern("t");
        assert!(ids.visitors(sym).is_empty());
        ids.add_visitor(sym, 3);
        assert_eq!(ids.visitors(sym), &[3]);
        ids.add_visitor(sym, 1);
        ids.add_visitor(sym, 3);
        let mut seen = ids.visitors(sym).to_vec();
        seen.sort_unstable();
        assert_eq!(seen, [1, 3, 3]);
        ids.drop_visitor(sym, 3);
        ids.drop_visitor(sym, 7);
        let mut seen = ids.visitors(sym).to_vec();
        seen.sort_unstable();
        assert_eq!(seen, [1, 3]);
        ids.drop_visitor(sym, 1);
        assert_eq!(ids.visitors(sym), &[3]);
        assert!(ids.spills.lists.iter().all(Vec::is_empty));
        ids.add_stage(sym, 5);
        ids.add_stage(sym, 2);
        assert_eq!(ids.stage(sym), Some(2));
        ids.drop_stage(sym, 2);
        assert_eq!(ids.stage(sym), Some(5));
    }

    #[test]
    fn duplicates_are_counted() {
        let mut ids = Ids::default();
        let a = ids.intern("a");
        ids.add_use(a);
        assert_eq!(ids.duplicated(), 0);
        ids.add_use(a);
        ids.add_use(a);
        assert_eq!(ids.duplicated(), 1);
        ids.drop_use(a);
        ids.drop_use(a);
        assert_eq!(ids.duplicated(), 0);
    }
}
