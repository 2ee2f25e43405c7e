//! Which touchpoints matter: attribution models and the Markov removal
//! effect, from the map's paths or from CRM data.
//!
//! [`analyse`] turns journeys (see [`input`]) into a [`Report`]: one
//! [`Row`] per touchpoint with every figure, which the CLI, the editor's
//! panel and the Markdown export all print. Every sum over journeys is
//! either of integers or taken in a fixed order, so the order of the
//! input's rows cannot change a single bit of the result.

pub mod heuristics;
pub mod input;
pub mod journeys;
pub mod markov;
#[doc(hidden)]
pub mod synthetic;
pub mod table;

use crate::core::model::{Kind, Map};
use markov::{Chain, ChainError};

pub use input::{DataError, Input, Source};
pub use journeys::{Journey, JourneyRef, Journeys, Touched};

/// The smallest removal effect that makes a touchpoint without last-touch
/// conversions "relied on".
pub const RELIED_ON_FROM: f64 = 0.01;

/// Every figure for one touchpoint.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Position in map order.
    pub index: usize,
    pub id: String,
    pub name: String,
    pub stage: String,
    pub stage_name: String,
    pub kind: Kind,
    /// Journeys (paths, CSV rows) that visit it.
    pub paths: u64,
    /// Customers on those journeys.
    pub customers: u64,
    pub first_touch: f64,
    pub last_touch: f64,
    pub linear: f64,
    pub position_based: f64,
    /// The relative fall in conversions without it, 0..=1.
    pub removal_effect: f64,
    /// Conversions the Markov model attributes to it.
    pub markov: f64,
    /// No last-touch conversions, but a removal effect of at least 1%.
    pub relied_on: bool,
    /// Its cost per period, where the map gives one.
    pub cost: Option<f64>,
    /// Cost per Markov-attributed conversion, where both are known.
    pub cost_per_conversion: Option<f64>,
}

/// What removing some touchpoints would do, by the Markov chain.
#[derive(Debug, Clone, PartialEq)]
pub struct WhatIf {
    /// The removed touchpoints, by position in map order.
    pub removed: Vec<usize>,
    /// Conversions expected without them.
    pub conversions: f64,
    /// `conversions` minus today's (zero or less).
    pub change: f64,
    /// Their summed cost, where every one has a cost.
    pub saved: Option<f64>,
}

/// The columns a report can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Map,
    Name,
    Paths,
    Customers,
    FirstTouch,
    LastTouch,
    Linear,
    PositionBased,
    RemovalEffect,
    Markov,
}

/// The whole result.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub source: Source,
    pub conversions: u64,
    pub nulls: u64,
    /// Paths or rows left out: open paths, empty ones, rows with no customers.
    pub left_out: u64,
    /// The Markov chain's probability of converting.
    pub conversion_rate: f64,
    /// The map's currency, empty for none.
    pub currency: String,
    /// One per touchpoint (per visited one, see [`analyse_rows`]), in map
    /// order.
    pub rows: Vec<Row>,
    pub what_if: Option<WhatIf>,
}

impl Column {
    /// Every column, in the order the tables show them.
    pub const ALL: [Column; 10] = [
        Column::Map,
        Column::Name,
        Column::Paths,
        Column::Customers,
        Column::FirstTouch,
        Column::LastTouch,
        Column::Linear,
        Column::PositionBased,
        Column::RemovalEffect,
        Column::Markov,
    ];
}

impl Row {
    /// The row's figure in a numeric column (0 for `Map` and `Name`).
    pub fn figure(&self, column: Column) -> f64 {
        match column {
            Column::Map | Column::Name => 0.0,
            Column::Paths => self.paths as f64,
            Column::Customers => self.customers as f64,
            Column::FirstTouch => self.first_touch,
            Column::LastTouch => self.last_touch,
            Column::Linear => self.linear,
            Column::PositionBased => self.position_based,
            Column::RemovalEffect => self.removal_effect,
            Column::Markov => self.markov,
        }
    }
}

impl Report {
    /// The rows sorted by a column, largest first (names: alphabetical);
    /// ties keep map order.
    pub fn sorted(&self, column: Column) -> Vec<&Row> {
        self.order(column)
            .into_iter()
            .map(|i| &self.rows[i as usize])
            .collect()
    }

    /// [`Report::sorted`] as positions in `rows`, four bytes a row: the
    /// editor keeps one such order per column.
    pub fn order(&self, column: Column) -> Vec<u32> {
        self.order_by(column, |r| &r.name)
    }

    /// [`Report::order`], with each row's name as `name` gives it (for
    /// rows kept without their names, see [`Rows::VisitedUnnamed`]).
    pub fn order_by<'a>(&'a self, column: Column, name: impl Fn(&'a Row) -> &'a str) -> Vec<u32> {
        let mut order: Vec<u32> = (0..self.rows.len() as u32).collect();
        let row = |i: u32| &self.rows[i as usize];
        match column {
            Column::Map => {}
            Column::Name => order.sort_by(|&a, &b| {
                let (a, b) = (row(a), row(b));
                name(a).cmp(name(b)).then(a.index.cmp(&b.index))
            }),
            _ => {
                // Keys taken once: a map of 100,000 touchpoints sorts often.
                // Rows are in map order, so a tie on the position is one on
                // the map order.
                let mut keys: Vec<(f64, u32)> =
                    order.iter().map(|&i| (row(i).figure(column), i)).collect();
                keys.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
                order = keys.into_iter().map(|(_, i)| i).collect();
            }
        }
        order
    }

    /// The row of the touchpoint with this id.
    pub fn row(&self, id: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.id == id)
    }

    /// The relied-on touchpoints, largest removal effect first.
    pub fn relied_on(&self) -> Vec<&Row> {
        let mut rows: Vec<&Row> = self.rows.iter().filter(|r| r.relied_on).collect();
        rows.sort_by(|a, b| {
            b.removal_effect
                .total_cmp(&a.removal_effect)
                .then(a.index.cmp(&b.index))
        });
        rows
    }
}

/// Why no report could be made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum InsightError {
    #[error("no touchpoint has the id `{0}`")]
    UnknownTouchpoint(String),
    #[error(transparent)]
    Chain(#[from] ChainError),
}

/// Each touchpoint's cost, in map order.
pub fn costs(map: &Map) -> Vec<Option<f64>> {
    map.touchpoints()
        .map(|(_, t)| t.cost.map(|c| c.get()))
        .collect()
}

/// Computes every model over the journeys. `without` lists touchpoints (by
/// id) for the what-if.
pub fn analyse(map: &Map, input: &Input, without: &[String]) -> Result<Report, InsightError> {
    analyse_rows(map, input, without, Rows::All)
}

/// Which rows a report holds, and whether they carry their names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rows {
    /// Every touchpoint's, named: what `journey insight` prints.
    All,
    /// Visited touchpoints' alone (each with its `index` in map order). A
    /// page lists no others, and at S3 three in four touchpoints are on no
    /// path: their rows were most of the section's copying of names.
    Visited,
    /// Visited touchpoints' alone, with their ids and names (and their
    /// stages') left empty: for the editor, which keeps the map the
    /// figures come from and reads the names there, for the rows it shows.
    VisitedUnnamed,
}

/// [`analyse`], with the rows `rows` says.
pub(crate) fn analyse_rows(
    map: &Map,
    input: &Input,
    without: &[String],
    rows_of: Rows,
) -> Result<Report, InsightError> {
    let visited_only = rows_of != Rows::All;
    let named = rows_of != Rows::VisitedUnnamed;
    let text = |s: &String| if named { s.clone() } else { String::new() };
    // No table per touchpoint is made here but the renumbering: at S3,
    // copies of the touchpoint list and of every cost were 3 MB.
    let n = map.touchpoints().count();
    let removed = without
        .iter()
        .map(|id| {
            map.touchpoints()
                .position(|(_, t)| t.id == *id)
                .ok_or_else(|| InsightError::UnknownTouchpoint(id.clone()))
        })
        .collect::<Result<Vec<usize>, _>>()?;
    let journeys = &input.journeys;
    // The models run over the touched touchpoints alone; `at` finds a
    // touchpoint's place among them. The others' figures are all zero.
    let (touched, renumbered) = Touched::of(n, journeys);
    let h = heuristics::Heuristics::new(touched.len, &renumbered);
    let chain = Chain::new(touched.len, &renumbered);
    drop(renumbered);
    let solution = chain.solve()?;
    let paths = |k: usize| touched.get(k).map_or(0, |d| h.paths[d]);
    let conversions = journeys
        .iter()
        .fold(0u64, |s, j| s.saturating_add(j.conversions));
    let nulls = journeys.iter().fold(0u64, |s, j| s.saturating_add(j.nulls));
    let effect_sum: f64 = solution.removal_effect.iter().sum();
    // Sized first: a filtered collect grows by doubling, and at S3 the
    // spare capacity would be a third of the rows' own size.
    let listed = if visited_only {
        h.paths.iter().filter(|&&p| p > 0).count()
    } else {
        n
    };
    let mut rows = Vec::with_capacity(listed);
    rows.extend(
        map.touchpoints()
            .enumerate()
            .filter(|&(k, _)| !visited_only || paths(k) > 0)
            .map(|(k, (stage, t))| {
                let d = touched.get(k);
                let of = |v: &[f64]| d.map_or(0.0, |d| v[d]);
                let count = |v: &[u64]| d.map_or(0, |d| v[d]);
                let removal_effect = of(&solution.removal_effect);
                let markov = if effect_sum > 0.0 {
                    removal_effect / effect_sum * conversions as f64
                } else {
                    0.0
                };
                let cost = t.cost.map(|c| c.get());
                Row {
                    index: k,
                    id: text(&t.id),
                    name: text(&t.name),
                    stage: text(&stage.id),
                    stage_name: text(&stage.name),
                    kind: t.kind,
                    paths: count(&h.paths),
                    customers: count(&h.customers),
                    first_touch: of(&h.first),
                    last_touch: of(&h.last),
                    linear: of(&h.linear),
                    position_based: of(&h.position),
                    removal_effect,
                    markov,
                    relied_on: of(&h.last) == 0.0 && removal_effect >= RELIED_ON_FROM,
                    cost,
                    cost_per_conversion: cost.filter(|_| markov > 0.0).map(|c| c / markov),
                }
            }),
    );
    let what_if = if removed.is_empty() {
        None
    } else {
        // An untouched touchpoint's removal changes nothing.
        let mut mask = vec![false; touched.len];
        for d in removed.iter().filter_map(|&k| touched.get(k)) {
            mask[d] = true;
        }
        let rate = chain.conversion_without(&mask)?;
        let expected = if solution.conversion > 0.0 {
            conversions as f64 * rate / solution.conversion
        } else {
            0.0
        };
        let mut unique = removed.clone();
        unique.sort_unstable();
        unique.dedup();
        let costs = costs(map);
        let saved = unique
            .iter()
            .map(|&k| costs.get(k).copied().flatten())
            .sum::<Option<f64>>();
        Some(WhatIf {
            removed: unique,
            conversions: expected,
            change: expected - conversions as f64,
            saved,
        })
    };
    Ok(Report {
        source: input.source,
        conversions,
        nulls,
        left_out: input.left_out,
        conversion_rate: solution.conversion,
        currency: map.currency.clone(),
        rows,
        what_if,
    })
}

#[cfg(test)]
mod tests;
