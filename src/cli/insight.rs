//! `journey insight`: attribution and removal effects as a table, JSON, CSV
//! or Markdown.

use super::{EXIT_OK, EXIT_UNREADABLE, emit, eprint_clean};
use crate::core::insight::table::{self, Words, fixed, percent};
use crate::core::insight::{self, Column, Input, Report, Row, input};
use crate::core::model::Map;
use crate::core::samefile::shown_path;
use crate::core::text::clean;
use clap::ValueEnum;
use serde::Serialize;
use std::fmt::Write;
use std::path::Path;
use unicode_width::UnicodeWidthChar;

/// How `insight` prints its report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InsightFormat {
    /// A table for people, fitting 80 columns.
    Human,
    /// One versioned JSON document.
    Json,
    /// One row per touchpoint.
    Csv,
    /// A Markdown section headed `Attribution`.
    Markdown,
}

/// The JSON document's version; it changes when a field changes meaning.
pub const JSON_VERSION: u32 = 1;

/// What `insight` was asked for.
pub struct Request<'a> {
    pub file: &'a Path,
    pub data: Option<&'a Path>,
    pub persona: Option<&'a str>,
    pub without: &'a [String],
    pub format: InsightFormat,
}

/// Runs `journey insight`.
pub fn run(req: &Request<'_>) -> u8 {
    let report = match prepare(req) {
        Ok(r) => r,
        Err(message) => {
            eprint_clean(&format!("error: {message}"));
            return EXIT_UNREADABLE;
        }
    };
    let (map, report) = report;
    let words = Words::of(table::Lang::of_map(&map));
    let text = match req.format {
        InsightFormat::Human => human(&report, &words),
        InsightFormat::Json => json(&report),
        InsightFormat::Csv => csv_rows(&report),
        InsightFormat::Markdown => table::markdown(&report, &words),
    };
    emit(&text);
    EXIT_OK
}

/// Loads the map and the journeys and computes the report; an error is one line.
fn prepare(req: &Request<'_>) -> Result<(Map, Report), String> {
    let map = super::input::load_map(req.file)
        .map_err(|e| e.to_string())?
        .map;
    let input: Input = match req.data {
        Some(data) => {
            if req.persona.is_some() {
                return Err(
                    "--persona picks the map's paths of one persona; it cannot filter --data"
                        .into(),
                );
            }
            let bytes = if super::input::is_dash(data) {
                if super::input::is_dash(req.file) {
                    return Err("the map and --data cannot both be standard input".into());
                }
                let mut bytes = Vec::new();
                std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes)
                    .map_err(|e| format!("cannot read standard input: {e}"))?;
                bytes
            } else {
                std::fs::read(data).map_err(|e| format!("cannot read {}: {e}", shown_path(data)))?
            };
            input::from_csv(&map, &bytes).map_err(|e| format!("{}: {e}", shown_path(data)))?
        }
        None => input::from_map(&map, req.persona).map_err(|e| e.to_string())?,
    };
    let report = insight::analyse(&map, &input, req.without)
        .map_err(|e| format!("{}: {e}", shown_path(req.file)))?;
    Ok((map, report))
}

/// `s` cleaned for a terminal and cut or padded to `width` columns.
fn fit(s: &str, width: usize) -> String {
    let s = clean(s, false);
    let mut out = String::new();
    let mut used = 0;
    let total: usize = s.chars().map(|c| c.width().unwrap_or(0)).sum();
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if total > width && used + w + 1 > width {
            out.push('…');
            used += 1;
            break;
        }
        out.push(c);
        used += w;
    }
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    out
}

/// The table for people: totals, the relied-on sentences, the what-if, then
/// one row per touchpoint by removal effect. At most 80 columns wide.
fn human(report: &Report, words: &Words) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", clean(&words.totals(report), false));
    let relied = report.relied_on();
    if !relied.is_empty() {
        let _ = writeln!(out, "\n{}:", words.relied_on);
        for row in &relied {
            wrap(&mut out, &clean(&words.relied_on_sentence(row), false));
        }
    }
    if let Some(w) = words.what_if(report, &report.currency) {
        out.push('\n');
        wrap(&mut out, &clean(&w, false));
    }
    let costs = report.rows.iter().any(|r| r.cost.is_some());
    // 22 + 8 + 7 + 8 + 7 + 9 + 8 + 7 = 76 columns; with costs 20 + 46 + 11 = 77.
    let name_width = if costs { 20 } else { 22 };
    let _ = write!(out, "\n{}", fit(words.touchpoint, name_width));
    let mut headers = vec![];
    if !costs {
        headers.push((words.customers_short, 8));
    }
    headers.extend([
        (words.first, 7),
        (words.last_short, 8),
        (words.linear, 7),
        (words.position, 9),
        (words.removal_short, 8),
        (words.markov, 7),
    ]);
    if costs {
        headers.push((words.per_conversion, 11));
    }
    for (h, w) in &headers {
        let _ = write!(out, "{:>w$}", cut_header(h, *w - 1), w = *w);
    }
    out.push('\n');
    for row in report.sorted(Column::RemovalEffect) {
        let mark = if row.relied_on { "* " } else { "" };
        let _ = write!(out, "{}", fit(&format!("{mark}{}", row.name), name_width));
        if !costs {
            let _ = write!(out, "{:>8}", row.customers);
        }
        let _ = write!(
            out,
            "{:>7}{:>8}{:>7}{:>9}{:>8}{:>7}",
            fixed(row.first_touch, 1),
            fixed(row.last_touch, 1),
            fixed(row.linear, 1),
            fixed(row.position_based, 1),
            percent(row.removal_effect),
            fixed(row.markov, 1)
        );
        if costs {
            let per = row
                .cost_per_conversion
                .map(|c| fixed(c, 2))
                .unwrap_or_else(|| "-".into());
            let _ = write!(out, "{per:>11}");
        }
        out.push('\n');
    }
    if !relied.is_empty() {
        let _ = writeln!(out, "* {}", words.relied_on_mark);
    }
    out
}

/// Writes a sentence indented by two columns, wrapped at 80 with the
/// following lines indented by four.
fn wrap(out: &mut String, text: &str) {
    const WIDTH: usize = 80;
    let mut used = 0;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let w: usize = word.chars().map(|c| c.width().unwrap_or(0)).sum();
        if used == 0 {
            out.push_str("  ");
            used = 2;
        } else if used + 1 + w > WIDTH {
            out.push_str("\n    ");
            used = 4;
        } else {
            out.push(' ');
            used += 1;
        }
        out.push_str(word);
        used += w;
    }
    out.push('\n');
}

fn cut_header(h: &str, width: usize) -> String {
    h.chars().take(width).collect()
}

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    source: &'static str,
    conversions: u64,
    nulls: u64,
    left_out: u64,
    conversion_rate: f64,
    #[serde(skip_serializing_if = "str::is_empty")]
    currency: &'a str,
    touchpoints: Vec<JsonRow<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    what_if: Option<JsonWhatIf<'a>>,
}

#[derive(Serialize)]
struct JsonRow<'a> {
    id: &'a str,
    name: &'a str,
    stage: &'a str,
    kind: &'static str,
    paths: u64,
    customers: u64,
    first_touch: f64,
    last_touch: f64,
    linear: f64,
    position_based: f64,
    removal_effect: f64,
    markov: f64,
    relied_on: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    cost: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cost_per_conversion: Option<f64>,
}

#[derive(Serialize)]
struct JsonWhatIf<'a> {
    without: Vec<&'a str>,
    conversions: f64,
    change: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    saved: Option<f64>,
}

fn json_row(r: &Row) -> JsonRow<'_> {
    JsonRow {
        id: &r.id,
        name: &r.name,
        stage: &r.stage,
        kind: r.kind.label(),
        paths: r.paths,
        customers: r.customers,
        first_touch: r.first_touch,
        last_touch: r.last_touch,
        linear: r.linear,
        position_based: r.position_based,
        removal_effect: r.removal_effect,
        markov: r.markov,
        relied_on: r.relied_on,
        cost: r.cost,
        cost_per_conversion: r.cost_per_conversion,
    }
}

fn json(report: &Report) -> String {
    let doc = JsonReport {
        version: JSON_VERSION,
        source: report.source.label(),
        conversions: report.conversions,
        nulls: report.nulls,
        left_out: report.left_out,
        conversion_rate: report.conversion_rate,
        currency: &report.currency,
        touchpoints: report
            .sorted(Column::RemovalEffect)
            .into_iter()
            .map(json_row)
            .collect(),
        what_if: report.what_if.as_ref().map(|w| JsonWhatIf {
            without: w
                .removed
                .iter()
                .filter_map(|&k| report.rows.get(k).map(|r| r.id.as_str()))
                .collect(),
            conversions: w.conversions,
            change: w.change,
            saved: w.saved,
        }),
    };
    // Serialising plain structs of numbers and strings cannot fail.
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}

fn csv_rows(report: &Report) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let opt = |x: Option<f64>| x.map(|v| v.to_string()).unwrap_or_default();
    let _ = w.write_record([
        "id",
        "name",
        "stage",
        "kind",
        "paths",
        "customers",
        "first_touch",
        "last_touch",
        "linear",
        "position_based",
        "removal_effect",
        "markov",
        "relied_on",
        "cost",
        "cost_per_conversion",
    ]);
    for r in report.sorted(Column::RemovalEffect) {
        let _ = w.write_record([
            r.id.clone(),
            clean(&r.name, false).into_owned(),
            r.stage.clone(),
            r.kind.label().to_string(),
            r.paths.to_string(),
            r.customers.to_string(),
            r.first_touch.to_string(),
            r.last_touch.to_string(),
            r.linear.to_string(),
            r.position_based.to_string(),
            r.removal_effect.to_string(),
            r.markov.to_string(),
            r.relied_on.to_string(),
            opt(r.cost),
            opt(r.cost_per_conversion),
        ]);
    }
    // Writing into a Vec cannot fail; the fields are UTF-8.
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}
