//! Where journeys come from: the map's paths, a CSV of aggregated paths in
//! ChannelAttribution's format, or an event log of single touches.
//!
//! A CSV is read whole before anything is counted: a bad row is an error
//! with its line number, and nothing is half-computed.

use super::Journeys;
use crate::core::model::{Map, Outcome};
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// Which kind of input the journeys were read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The map's paths.
    Map,
    /// Aggregated paths (`path`, `total_conversions`, `total_null`).
    Paths,
    /// One touch per row (`journey`, `touchpoint`, `time`, `converted`).
    EventLog,
}

impl Source {
    /// A short name for output: `map`, `paths-csv`, `event-log`.
    pub fn label(self) -> &'static str {
        match self {
            Source::Map => "map",
            Source::Paths => "paths-csv",
            Source::EventLog => "event-log",
        }
    }
}

/// Journeys, ready for [`super::analyse`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub source: Source,
    pub journeys: Journeys,
    /// Paths or rows left out of the models: open or empty paths, and rows
    /// with neither conversions nor drop-outs.
    pub left_out: u64,
}

/// Why journeys could not be read. Lines are 1-based lines of the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DataError {
    #[error("no persona has the id `{0}`")]
    UnknownPersona(String),
    #[error("line {line}: the file is not UTF-8 text")]
    NotUtf8 { line: u64 },
    #[error("line {line}: {message}")]
    Csv { line: u64, message: String },
    #[error(
        "the header has no `{column}` column (it has {found}); expected `path`, `total_conversions`, `total_null` (aggregated paths) or `journey`, `touchpoint` (an event log)"
    )]
    MissingColumn { column: &'static str, found: String },
    #[error("line {line}: `{step}` is no touchpoint of the map{}", suggestion.as_ref().map(|s| format!("; did you mean `{s}`?")).unwrap_or_default())]
    UnknownStep {
        line: u64,
        step: String,
        suggestion: Option<String>,
    },
    #[error("line {line}: `{value}` in `{column}` is not a count (a whole number, 0 or more)")]
    BadCount {
        line: u64,
        column: String,
        value: String,
    },
    #[error(
        "line {line}: `{value}` in `time` is not an RFC 3339 time such as 2024-05-01T09:30:00Z"
    )]
    BadTime { line: u64, value: String },
    #[error("line {line}: `{value}` in `converted` is neither true nor false")]
    BadConverted { line: u64, value: String },
}

/// The map's converted and dropped-out paths (one persona's, where given),
/// each weighted by its customers.
pub fn from_map(map: &Map, persona: Option<&str>) -> Result<Input, DataError> {
    if let Some(id) = persona
        && map.persona(id).is_none()
    {
        return Err(DataError::UnknownPersona(id.to_string()));
    }
    // A table of the ids that steps name, not of every touchpoint: at S3
    // that is 25,000 ids, not 100,000. The first touchpoint with an id
    // wins, as in `Names`.
    let selected = |p: &&crate::core::model::Persona| persona.is_none_or(|id| p.id == id);
    let mut at: FxHashMap<&str, Option<usize>> = FxHashMap::default();
    for p in map.personas.iter().filter(selected) {
        for path in &p.paths {
            for s in &path.steps {
                at.entry(s.touchpoint.as_str()).or_insert(None);
            }
        }
    }
    for (k, (_, t)) in map.touchpoints().enumerate() {
        if let Some(slot @ None) = at.get_mut(t.id.as_str()) {
            *slot = Some(k);
        }
    }
    Ok(from_paths(map, persona, |s| {
        at.get(s.touchpoint.as_str()).copied().flatten()
    }))
}

/// [`from_map`] for a caller that has looked up every step already: the
/// position in map order of each step's touchpoint (`None` for an unknown
/// id), for every path of the personas `persona` selects, in map order.
/// The Markdown export has them, and a second lookup of every step in a
/// table of 100,000 ids is what made it grow faster than the map.
pub fn from_resolved(
    map: &Map,
    persona: Option<&str>,
    resolved: &[Option<usize>],
) -> Result<Input, DataError> {
    if let Some(id) = persona
        && map.persona(id).is_none()
    {
        return Err(DataError::UnknownPersona(id.to_string()));
    }
    let mut resolved = resolved.iter();
    Ok(from_paths(map, persona, |_| {
        resolved.next().copied().flatten()
    }))
}

/// The journeys of the selected personas' paths, each step resolved by
/// `resolve`, which is called once per step in map order.
fn from_paths(
    map: &Map,
    persona: Option<&str>,
    mut resolve: impl FnMut(&crate::core::model::Step) -> Option<usize>,
) -> Input {
    let mut journeys = Journeys::new();
    let mut left_out = 0;
    let mut steps: Vec<usize> = Vec::new();
    for p in &map.personas {
        if persona.is_some_and(|id| p.id != id) {
            continue;
        }
        for path in &p.paths {
            // Steps naming no touchpoint are `check`'s business; the rest counts.
            steps.clear();
            steps.extend(path.steps.iter().filter_map(&mut resolve));
            let customers = path_customers(path);
            let (conversions, nulls) = match path.outcome {
                Outcome::Converted => (customers, 0),
                Outcome::DroppedOut => (0, customers),
                Outcome::Open => (0, 0),
            };
            if steps.is_empty() || path.outcome == Outcome::Open {
                left_out += 1;
                continue;
            }
            journeys.push(&steps, conversions, nulls, 1);
        }
    }
    Input {
        source: Source::Map,
        journeys,
        left_out,
    }
}

/// How many customers take a path.
fn path_customers(path: &crate::core::model::Path) -> u64 {
    path.customer_count()
}

/// Touchpoint lookups by id and by exact name, in map order.
struct Names<'a> {
    by_id: FxHashMap<&'a str, usize>,
    by_name: FxHashMap<&'a str, usize>,
    all: Vec<(&'a str, &'a str)>,
}

impl<'a> Names<'a> {
    /// Lookups by id and by name: a CSV may use either.
    fn new(map: &'a Map) -> Names<'a> {
        let n: usize = map.stages.iter().map(|s| s.touchpoints.len()).sum();
        let mut names = Names {
            by_id: FxHashMap::with_capacity_and_hasher(n, Default::default()),
            by_name: FxHashMap::with_capacity_and_hasher(n, Default::default()),
            all: Vec::with_capacity(n),
        };
        for (k, (_, t)) in map.touchpoints().enumerate() {
            names.by_id.entry(t.id.as_str()).or_insert(k);
            names.by_name.entry(t.name.as_str()).or_insert(k);
            names.all.push((t.id.as_str(), t.name.as_str()));
        }
        names
    }

    /// The touchpoint a CSV step names, by id first, then by exact name.
    fn resolve(&self, step: &str, line: u64) -> Result<usize, DataError> {
        if let Some(&k) = self.by_id.get(step).or_else(|| self.by_name.get(step)) {
            return Ok(k);
        }
        Err(DataError::UnknownStep {
            line,
            step: step.to_string(),
            suggestion: self.suggest(step),
        })
    }

    /// The id whose id or name is closest to `step`, if any is close.
    fn suggest(&self, step: &str) -> Option<String> {
        let lower = step.to_lowercase();
        let limit = (step.chars().count() / 3).max(2);
        self.all
            .iter()
            .map(|&(id, name)| {
                let d = edit_distance(&lower, &id.to_lowercase())
                    .min(edit_distance(&lower, &name.to_lowercase()));
                (d, id)
            })
            .filter(|&(d, _)| d <= limit)
            .min_by_key(|&(d, _)| d)
            .map(|(_, id)| id.to_string())
    }
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Reads a CSV: aggregated paths or an event log, told apart by the header.
pub fn from_csv(map: &Map, bytes: &[u8]) -> Result<Input, DataError> {
    let text = std::str::from_utf8(bytes).map_err(|e| DataError::NotUtf8 {
        line: 1 + bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64,
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header_line = text.lines().next().unwrap_or("");
    // The delimiter the header uses more: `;` in much of Europe, `,` elsewhere.
    let delimiter = if header_line.matches(';').count() > header_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(false)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| csv_error(&e))?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    let column = |names: &[&str]| header.iter().position(|h| names.contains(&h.as_str()));
    let found = || {
        header
            .iter()
            .map(|h| format!("`{h}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let names = Names::new(map);
    if let Some(path) = column(&["path"]) {
        let conv = column(&["total_conversions", "conversions"]).ok_or_else(|| {
            DataError::MissingColumn {
                column: "total_conversions",
                found: found(),
            }
        })?;
        let null = column(&["total_null", "nulls"]).ok_or_else(|| DataError::MissingColumn {
            column: "total_null",
            found: found(),
        })?;
        let value = column(&["total_conversion_value", "value"]);
        return read_paths(reader, &names, [path, conv, null], value, &header);
    }
    let journey = column(&["journey"]).ok_or_else(|| DataError::MissingColumn {
        column: if column(&["touchpoint"]).is_some() {
            "journey"
        } else {
            "path"
        },
        found: found(),
    })?;
    let touchpoint = column(&["touchpoint"]).ok_or_else(|| DataError::MissingColumn {
        column: "touchpoint",
        found: found(),
    })?;
    read_events(
        reader,
        &names,
        journey,
        touchpoint,
        column(&["time"]),
        column(&["converted"]),
    )
}

fn csv_error(e: &csv::Error) -> DataError {
    let line = e.position().map_or(1, |p| p.line());
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => DataError::NotUtf8 { line },
        _ => DataError::Csv {
            line,
            message: e.to_string(),
        },
    }
}

/// A whole number of customers; `3.0` is read as 3, as spreadsheets write it.
fn count(value: &str, column: &str, line: u64) -> Result<u64, DataError> {
    let v = value.trim();
    let bad = || DataError::BadCount {
        line,
        column: column.to_string(),
        value: v.to_string(),
    };
    if let Ok(n) = v.parse::<u64>() {
        return Ok(n);
    }
    match v.parse::<f64>() {
        Ok(f) if f >= 0.0 && f.fract() == 0.0 && f < 2f64.powi(53) => Ok(f as u64),
        _ => Err(bad()),
    }
}

fn read_paths(
    mut reader: csv::Reader<&[u8]>,
    names: &Names<'_>,
    [path, conv, null]: [usize; 3],
    value: Option<usize>,
    header: &[String],
) -> Result<Input, DataError> {
    let mut journeys = Journeys::new();
    let mut left_out = 0;
    // One record, reused: a million rows need not mean a million allocations.
    let mut record = csv::StringRecord::new();
    while reader.read_record(&mut record).map_err(|e| csv_error(&e))? {
        let line = record.position().map_or(0, |p| p.line());
        let field = |i: usize| record.get(i).unwrap_or("");
        let conversions = count(field(conv), &header[conv], line)?;
        let nulls = count(field(null), &header[null], line)?;
        if let Some(v) = value {
            // Read for its errors only: the models count conversions.
            let text = field(v).trim();
            if !text.is_empty() && !text.parse::<f64>().is_ok_and(|f| f.is_finite() && f >= 0.0) {
                return Err(DataError::BadCount {
                    line,
                    column: header[v].clone(),
                    value: text.to_string(),
                });
            }
        }
        for step in field(path)
            .split('>')
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            journeys.step(names.resolve(step, line)?);
        }
        if journeys.pending() == 0 || conversions.saturating_add(nulls) == 0 {
            journeys.discard();
            left_out += 1;
            continue;
        }
        journeys.finish(conversions, nulls, 1);
    }
    Ok(Input {
        source: Source::Paths,
        journeys,
        left_out,
    })
}

/// One journey of an event log while it is being read.
#[derive(Default)]
struct Touches {
    /// (time in nanoseconds, row number, touchpoint)
    touches: Vec<(i128, u64, usize)>,
    converted: bool,
}

fn read_events(
    mut reader: csv::Reader<&[u8]>,
    names: &Names<'_>,
    journey: usize,
    touchpoint: usize,
    time: Option<usize>,
    converted: Option<usize>,
) -> Result<Input, DataError> {
    let mut by_journey: BTreeMap<String, Touches> = BTreeMap::new();
    for (row, record) in reader.records().enumerate() {
        let record = record.map_err(|e| csv_error(&e))?;
        let line = record.position().map_or(0, |p| p.line());
        let field = |i: usize| record.get(i).unwrap_or("").trim();
        let k = names.resolve(field(touchpoint), line)?;
        let at = match time {
            Some(c) => rfc3339_nanos(field(c)).ok_or_else(|| DataError::BadTime {
                line,
                value: field(c).to_string(),
            })?,
            None => 0,
        };
        let done = match converted.map(field) {
            None | Some("") => false,
            Some(v) if v.eq_ignore_ascii_case("true") || v == "1" => true,
            Some(v) if v.eq_ignore_ascii_case("false") || v == "0" => false,
            Some(v) => {
                return Err(DataError::BadConverted {
                    line,
                    value: v.to_string(),
                });
            }
        };
        let entry = by_journey.entry(field(journey).to_string()).or_default();
        entry.touches.push((at, row as u64, k));
        entry.converted |= done;
    }
    let mut journeys = Journeys::new();
    for mut t in by_journey.into_values() {
        // By time, and by file order where times are equal or absent.
        t.touches.sort_unstable();
        for &(_, _, k) in &t.touches {
            journeys.step(k);
        }
        journeys.finish(u64::from(t.converted), u64::from(!t.converted), 1);
    }
    Ok(Input {
        source: Source::EventLog,
        journeys,
        left_out: 0,
    })
}

/// An RFC 3339 time (`2024-05-01T09:30:00.5+02:00`) as nanoseconds since
/// 1970 in UTC, for ordering touches.
pub fn rfc3339_nanos(s: &str) -> Option<i128> {
    let b = s.as_bytes();
    let digits = |from: usize, len: usize| -> Option<i64> {
        let part = b.get(from..from + len)?;
        part.iter().all(u8::is_ascii_digit).then_some(())?;
        std::str::from_utf8(part).ok()?.parse().ok()
    };
    let sep = |at: usize, allowed: &[u8]| b.get(at).is_some_and(|c| allowed.contains(c));
    if !(sep(4, b"-") && sep(7, b"-") && sep(10, b"Tt ") && sep(13, b":") && sep(16, b":")) {
        return None;
    }
    let (year, month, day) = (digits(0, 4)?, digits(5, 2)?, digits(8, 2)?);
    let (hour, minute, second) = (digits(11, 2)?, digits(14, 2)?, digits(17, 2)?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || hour > 23 || minute > 59 {
        return None;
    }
    // 60 is a leap second, which RFC 3339 allows.
    if second > 60 {
        return None;
    }
    let mut at = 19;
    let mut nanos: i128 = 0;
    if sep(at, b".") {
        at += 1;
        let start = at;
        while b.get(at).is_some_and(u8::is_ascii_digit) {
            at += 1;
        }
        let frac = &s[start..at];
        if frac.is_empty() {
            return None;
        }
        let mut padded: String = frac.chars().take(9).collect();
        while padded.len() < 9 {
            padded.push('0');
        }
        nanos = padded.parse().ok()?;
    }
    let offset_minutes = match b.get(at) {
        Some(b'Z' | b'z') if at + 1 == b.len() => 0,
        Some(&c @ (b'+' | b'-')) if at + 6 == b.len() && sep(at + 3, b":") => {
            let m = digits(at + 1, 2)? * 60 + digits(at + 4, 2)?;
            if c == b'-' { -m } else { m }
        }
        _ => return None,
    };
    let days = days_from_civil(year, month, day);
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset_minutes * 60;
    Some(i128::from(seconds) * 1_000_000_000 + nanos)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}
