//! The first-order Markov chain of the journeys, solved exactly.
//!
//! States are a start, the touchpoints, and two absorbing ends (conversion,
//! drop-out). A touchpoint's removal effect is the relative fall in the
//! probability of converting when every transition into it goes to drop-out
//! instead. Removing `k` loses exactly the conversions that pass through
//! `k`, so with `h_k` the probability of ever visiting `k` from the start
//! and `p_k` the probability of converting from `k`:
//!
//! ```text
//! P(conv) = P(conv without k) + h_k * p_k,   so   RE_k = h_k * p_k / P(conv)
//! ```
//!
//! and `h_k = N[start][k] / N[k][k]` with `N = (I - Q)^-1`, the expected
//! visits. Both need only the chain's strongly connected components: the
//! chain is solved one component at a time in topological order, each by
//! a small dense Gaussian elimination, so a map whose paths go forward
//! (components of one touchpoint) costs time linear in its transitions.
//! Everything is computed from integer counts in a fixed state order, so
//! the same journeys give the same bits.

use super::Journeys;

/// The largest cycle (strongly connected set of touchpoints) solved
/// exactly: its dense inverse costs the cube of its size.
pub const MAX_CYCLE: usize = 3000;

/// The chain's transition counts: from the start, between touchpoints, and
/// into the two ends. Touchpoints are numbered `0..n`.
#[derive(Debug, Clone)]
pub struct Chain {
    n: usize,
    /// Customers whose first touch is each touchpoint.
    start: Vec<u64>,
    /// Per touchpoint: (next touchpoint, customers), sorted by next.
    next: Vec<Vec<(usize, u64)>>,
    conversions: Vec<u64>,
    nulls: Vec<u64>,
}

/// What the chain says about every touchpoint.
#[derive(Debug, Clone, PartialEq)]
pub struct Solution {
    /// The probability of converting from the start.
    pub conversion: f64,
    /// Per touchpoint: the removal effect, 0..=1.
    pub removal_effect: Vec<f64>,
}

/// Why the chain cannot be solved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChainError {
    /// A cycle of touchpoints too large for the dense solve.
    #[error(
        "the paths form a cycle of {0} touchpoints, more than the {MAX_CYCLE} that journey solves exactly"
    )]
    CycleTooLarge(usize),
}

impl Chain {
    /// Counts the transitions of the journeys over `n` touchpoints, each
    /// weighted by its customers (conversions plus drop-outs).
    pub fn new(n: usize, journeys: &Journeys) -> Chain {
        let mut chain = Chain {
            n,
            start: vec![0; n],
            next: vec![Vec::new(); n],
            conversions: vec![0; n],
            nulls: vec![0; n],
        };
        // Summed in a hash map, then sorted: integer sums do not depend on
        // the order they are added in, so neither does the chain.
        let mut pairs: rustc_hash::FxHashMap<(usize, usize), u64> = Default::default();
        for j in journeys.iter() {
            let w = j.customers();
            let (Some(&first), Some(&last)) = (j.steps.first(), j.steps.last()) else {
                continue;
            };
            let (first, last) = (first as usize, last as usize);
            if w == 0 {
                continue;
            }
            // Saturating: a CSV may claim more customers than a u64 holds.
            chain.start[first] = chain.start[first].saturating_add(w);
            chain.conversions[last] = chain.conversions[last].saturating_add(j.conversions);
            chain.nulls[last] = chain.nulls[last].saturating_add(j.nulls);
            for pair in j.steps.windows(2) {
                let count = pairs
                    .entry((pair[0] as usize, pair[1] as usize))
                    .or_insert(0);
                *count = count.saturating_add(w);
            }
        }
        let mut pairs: Vec<((usize, usize), u64)> = pairs.into_iter().collect();
        pairs.sort_unstable();
        for ((from, to), w) in pairs {
            chain.next[from].push((to, w));
        }
        chain
    }

    /// Customers who leave touchpoint `k` in any direction.
    fn out_total(&self, k: usize) -> u64 {
        self.next[k].iter().fold(
            self.conversions[k].saturating_add(self.nulls[k]),
            |sum, &(_, w)| sum.saturating_add(w),
        )
    }

    /// The probability of converting and every touchpoint's removal effect.
    pub fn solve(&self) -> Result<Solution, ChainError> {
        let start_total = self.start.iter().fold(0u64, |s, &w| s.saturating_add(w));
        let mut removal_effect = vec![0.0; self.n];
        if start_total == 0 {
            return Ok(Solution {
                conversion: 0.0,
                removal_effect,
            });
        }
        let components = components(self);
        if let Some(big) = components
            .iter()
            .map(<[usize]>::len)
            .find(|&m| m > MAX_CYCLE)
        {
            return Err(ChainError::CycleTooLarge(big));
        }
        let totals: Vec<f64> = (0..self.n).map(|k| self.out_total(k) as f64).collect();
        // An unvisited touchpoint leaves nowhere: its row stays empty.
        let q = |from: usize, w: u64| {
            if w == 0 { 0.0 } else { w as f64 / totals[from] }
        };

        // Where each touchpoint sits in its component, for the dense blocks.
        let mut comp_of = vec![usize::MAX; self.n];
        let mut slot = vec![0usize; self.n];
        for (c, members) in components.iter().enumerate() {
            for (i, &k) in members.iter().enumerate() {
                comp_of[k] = c;
                slot[k] = i;
            }
        }
        // Every component's inverse block, one after the other in one buffer:
        // a map of 100,000 touchpoints has 100,000 blocks of one.
        let mut inverses: Vec<f64> = Vec::new();
        let mut inverse_at: Vec<usize> = Vec::with_capacity(components.len());
        for (c, members) in components.iter().enumerate() {
            let m = members.len();
            inverse_at.push(inverses.len());
            if let [k] = *members {
                // The common case, without a matrix: 1 / (1 - stay).
                let stay: f64 = self.next[k]
                    .iter()
                    .filter(|&&(to, _)| to == k)
                    .map(|&(_, w)| q(k, w))
                    .sum();
                inverses.push(if stay < 1.0 { 1.0 / (1.0 - stay) } else { 0.0 });
                continue;
            }
            let mut a = vec![0.0; m * m];
            for (i, &k) in members.iter().enumerate() {
                a[i * m + i] += 1.0;
                for &(to, w) in &self.next[k] {
                    if comp_of[to] == c {
                        a[i * m + slot[to]] -= q(k, w);
                    }
                }
            }
            inverses.extend(invert(m, a));
        }
        let block = |c: usize, m: usize| &inverses[inverse_at[c]..inverse_at[c] + m * m];

        // p: conversion probability from each touchpoint, sinks first (the
        // components come from Tarjan's algorithm in that order).
        let mut p = vec![0.0; self.n];
        let mut rhs: Vec<f64> = Vec::new();
        for (c, members) in components.iter().enumerate() {
            let m = members.len();
            rhs.clear();
            rhs.extend(members.iter().map(|&k| {
                let mut b = q(k, self.conversions[k]);
                for &(to, w) in &self.next[k] {
                    if comp_of[to] != c {
                        b += q(k, w) * p[to];
                    }
                }
                b
            }));
            let inv = block(c, m);
            for (i, &k) in members.iter().enumerate() {
                p[k] = (0..m).map(|j| inv[i * m + j] * rhs[j]).sum();
            }
        }
        let conversion: f64 = (0..self.n)
            .map(|k| self.start[k] as f64 / start_total as f64 * p[k])
            .sum();
        if conversion <= 0.0 {
            return Ok(Solution {
                conversion: 0.0,
                removal_effect,
            });
        }

        // x: expected visits from the start, sources first.
        let mut inflow: Vec<f64> = self
            .start
            .iter()
            .map(|&w| w as f64 / start_total as f64)
            .collect();
        for (c, members) in components.iter().enumerate().rev() {
            let m = members.len();
            let inv = block(c, m);
            for (i, &k) in members.iter().enumerate() {
                // x_C = b_C (I - Q_CC)^-1, a row vector times the inverse.
                let x: f64 = members
                    .iter()
                    .enumerate()
                    .map(|(j, &from)| inflow[from] * inv[j * m + i])
                    .sum();
                let visits_from_k = inv[i * m + i];
                let reach = (x / visits_from_k).clamp(0.0, 1.0);
                removal_effect[k] = (reach * p[k] / conversion).clamp(0.0, 1.0);
                push_inflow(&mut inflow, self, k, x, &comp_of, c, &totals);
            }
        }
        Ok(Solution {
            conversion,
            removal_effect,
        })
    }

    /// The probability of converting with the `removed` touchpoints taken
    /// out: every transition into them goes to drop-out instead.
    pub fn conversion_without(&self, removed: &[bool]) -> Result<f64, ChainError> {
        let mut pruned = self.clone();
        for k in 0..self.n {
            if removed.get(k).copied().unwrap_or(false) {
                // A removed touchpoint drops out everyone who reaches it.
                pruned.nulls[k] = pruned.out_total(k);
                pruned.conversions[k] = 0;
                pruned.next[k].clear();
            }
        }
        Ok(pruned.solve()?.conversion)
    }
}

/// Adds what touchpoint `k`, visited `x` times on average, sends into
/// touchpoints of later components.
fn push_inflow(
    inflow: &mut [f64],
    chain: &Chain,
    k: usize,
    x: f64,
    comp_of: &[usize],
    c: usize,
    totals: &[f64],
) {
    for &(to, w) in &chain.next[k] {
        if comp_of[to] != c {
            inflow[to] += x * w as f64 / totals[k];
        }
    }
}

/// The inverse of the `m`×`m` row-major matrix `a` by Gauss-Jordan
/// elimination with partial pivoting. `I - Q` of a chain whose every state
/// can reach an end is non-singular; a zero pivot (which cannot happen for
/// such a chain) leaves its column at zero rather than dividing by it.
fn invert(m: usize, mut a: Vec<f64>) -> Vec<f64> {
    if m == 1 {
        return vec![if a[0] != 0.0 { 1.0 / a[0] } else { 0.0 }];
    }
    let mut inv = vec![0.0; m * m];
    for i in 0..m {
        inv[i * m + i] = 1.0;
    }
    for col in 0..m {
        // The first row with the largest magnitude: a fixed choice.
        let mut pivot = col;
        for r in col + 1..m {
            if a[r * m + col].abs() > a[pivot * m + col].abs() {
                pivot = r;
            }
        }
        if a[pivot * m + col] == 0.0 {
            continue;
        }
        if pivot != col {
            for j in 0..m {
                a.swap(pivot * m + j, col * m + j);
                inv.swap(pivot * m + j, col * m + j);
            }
        }
        let d = a[col * m + col];
        for j in 0..m {
            a[col * m + j] /= d;
            inv[col * m + j] /= d;
        }
        let (pivot_a, pivot_inv): (Vec<f64>, Vec<f64>) = (
            a[col * m..col * m + m].to_vec(),
            inv[col * m..col * m + m].to_vec(),
        );
        for r in 0..m {
            if r == col {
                continue;
            }
            let f = a[r * m + col];
            if f == 0.0 {
                continue;
            }
            for j in 0..m {
                a[r * m + j] -= f * pivot_a[j];
                inv[r * m + j] -= f * pivot_inv[j];
            }
        }
    }
    inv
}

/// Strongly connected components, stored flat: component `c` is
/// `members[bounds[c]..bounds[c + 1]]`.
struct Components {
    members: Vec<usize>,
    bounds: Vec<usize>,
}

impl Components {
    fn len(&self) -> usize {
        self.bounds.len() - 1
    }

    fn get(&self, c: usize) -> &[usize] {
        &self.members[self.bounds[c]..self.bounds[c + 1]]
    }

    fn iter(&self) -> impl DoubleEndedIterator<Item = &[usize]> + ExactSizeIterator {
        (0..self.len()).map(|c| self.get(c))
    }
}

/// The strongly connected components of the touchpoint graph, by Tarjan's
/// algorithm without recursion (a path of a million steps must not
/// overflow the stack). Components come sinks first; members are sorted.
fn components(chain: &Chain) -> Components {
    const NONE: usize = usize::MAX;
    let n = chain.n;
    let mut index = vec![NONE; n];
    let mut low = vec![0usize; n];
    let mut on_stack = vec![false; n];
    let mut stack: Vec<usize> = Vec::new();
    let mut out = Components {
        members: Vec::with_capacity(n),
        bounds: vec![0],
    };
    let mut counter = 0usize;
    // (node, position in its successor list)
    let mut call: Vec<(usize, usize)> = Vec::new();
    for root in 0..n {
        if index[root] != NONE {
            continue;
        }
        call.push((root, 0));
        index[root] = counter;
        low[root] = counter;
        counter += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (v, ref mut pos)) = call.last_mut() {
            if let Some(&(w, _)) = chain.next[v].get(*pos) {
                *pos += 1;
                if index[w] == NONE {
                    index[w] = counter;
                    low[w] = counter;
                    counter += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    call.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            call.pop();
            if let Some(&(parent, _)) = call.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                let start = out.members.len();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    out.members.push(w);
                    if w == v {
                        break;
                    }
                }
                out.members[start..].sort_unstable();
                out.bounds.push(out.members.len());
            }
        }
    }
    out
}
