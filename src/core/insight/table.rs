//! The words and figures a report is printed with, in the map's language,
//! and the Markdown section that the CLI and the Markdown export share.

use super::{Column, Report, Row, Source};
use crate::core::export::markdown_inline::push_inline;
use std::fmt::Write;

/// The languages a report's words come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    De,
}

impl Lang {
    /// The language a map's words are written in.
    pub fn of_map(map: &crate::core::model::Map) -> Lang {
        match map.language {
            crate::core::model::Language::En => Lang::En,
            crate::core::model::Language::De => Lang::De,
        }
    }
}

/// The words of a report in one language.
#[derive(Debug, Clone, Copy)]
pub struct Words {
    pub lang: Lang,
    pub touchpoint: &'static str,
    pub stage: &'static str,
    pub paths: &'static str,
    pub customers: &'static str,
    pub first: &'static str,
    pub last: &'static str,
    pub linear: &'static str,
    pub position: &'static str,
    pub removal: &'static str,
    /// Headers of at most seven characters, for the 80-column table.
    pub customers_short: &'static str,
    pub last_short: &'static str,
    pub removal_short: &'static str,
    pub markov: &'static str,
    pub cost: &'static str,
    pub per_conversion: &'static str,
    pub relied_on: &'static str,
    pub relied_on_mark: &'static str,
}

impl Words {
    /// The words for a language.
    pub fn of(lang: Lang) -> Words {
        match lang {
            Lang::En => Words {
                lang,
                touchpoint: "Touchpoint",
                stage: "Stage",
                paths: "Paths",
                customers: "Customers",
                first: "First",
                last: "Last",
                linear: "Linear",
                position: "Position",
                removal: "Removal effect",
                customers_short: "Cust.",
                last_short: "Last",
                removal_short: "Removal",
                markov: "Markov",
                cost: "Cost",
                per_conversion: "Per conv.",
                relied_on: "Relied on",
                relied_on_mark: "relied on",
            },
            Lang::De => Words {
                lang,
                touchpoint: "Kontaktpunkt",
                stage: "Phase",
                paths: "Pfade",
                customers: "Kunden",
                first: "Erster",
                last: "Letzter",
                linear: "Linear",
                position: "Position",
                removal: "Entfernungseffekt",
                customers_short: "Kunden",
                last_short: "Letzter",
                removal_short: "Effekt",
                markov: "Markov",
                cost: "Kosten",
                per_conversion: "Je Abschl.",
                relied_on: "Tragende Kontaktpunkte",
                relied_on_mark: "tragend",
            },
        }
    }

    /// The "relied on" sentence for a touchpoint.
    pub fn relied_on_sentence(&self, row: &Row) -> String {
        // A name of a megabyte is said once in full, in its own place.
        let name = crate::core::text::cut(&row.name, crate::core::text::NAME_MAX);
        let share = percent(row.removal_effect);
        let direct = plain(row.last_touch);
        match self.lang {
            Lang::En => format!(
                "{name}: {direct} direct conversions, but without it {share} of conversions are lost"
            ),
            Lang::De => format!(
                "{name}: {direct} direkte Abschlüsse, aber ohne {name} gehen {share} der Abschlüsse verloren"
            ),
        }
    }

    /// The totals line: conversions, drop-outs, what was left out and read.
    pub fn totals(&self, report: &Report) -> String {
        let (conv, nulls, left) = (report.conversions, report.nulls, report.left_out);
        match self.lang {
            Lang::En => format!(
                "{conv} conversion{}, {nulls} drop-out{}, {left} left out; read from {}",
                if conv == 1 { "" } else { "s" },
                if nulls == 1 { "" } else { "s" },
                match report.source {
                    Source::Map => "the map's paths",
                    Source::Paths => "a CSV of paths",
                    Source::EventLog => "an event log",
                }
            ),
            Lang::De => format!(
                "{conv} {}, {nulls} {}, {left} nicht gezählt; gelesen aus {}",
                if conv == 1 {
                    "Abschluss"
                } else {
                    "Abschlüsse"
                },
                if nulls == 1 { "Abbruch" } else { "Abbrüche" },
                match report.source {
                    Source::Map => "den Pfaden der Karte",
                    Source::Paths => "einer CSV-Datei mit Pfaden",
                    Source::EventLog => "einem Ereignisprotokoll",
                }
            ),
        }
    }

    /// The line under the table that counts the touchpoints left out of it.
    pub fn unvisited(&self, count: usize) -> String {
        match (self.lang, count) {
            (Lang::En, 1) => "1 touchpoint on no path is not listed.".into(),
            (Lang::En, _) => format!("{count} touchpoints on no path are not listed."),
            (Lang::De, 1) => "1 Kontaktpunkt auf keinem Pfad ist nicht aufgeführt.".into(),
            (Lang::De, _) => {
                format!("{count} Kontaktpunkte auf keinem Pfad sind nicht aufgeführt.")
            }
        }
    }

    /// The editor's line under its table, which lists the touchpoints that
    /// counted paths visit: how many others there are. A path with its
    /// outcome open counts for nothing, so its touchpoints may be here.
    pub fn without_figures(&self, count: usize) -> String {
        match (self.lang, count) {
            (Lang::En, 1) => "1 touchpoint on no path with an outcome has no figures".into(),
            (Lang::En, _) => {
                format!("{count} touchpoints on no path with an outcome have no figures")
            }
            (Lang::De, 1) => "1 Kontaktpunkt auf keinem Pfad mit Ergebnis hat keine Zahlen".into(),
            (Lang::De, _) => {
                format!("{count} Kontaktpunkte auf keinem Pfad mit Ergebnis haben keine Zahlen")
            }
        }
    }

    /// The editor's figures line for a touchpoint that no counted path
    /// visits: on no path, or only on paths whose outcome is open.
    pub fn on_no_path(&self) -> &'static str {
        match self.lang {
            Lang::En => "no figures: on no path with an outcome",
            Lang::De => "keine Zahlen: auf keinem Pfad mit Ergebnis",
        }
    }

    /// The what-if sentence, where the report has one.
    pub fn what_if(&self, report: &Report, currency: &str) -> Option<String> {
        let w = report.what_if.as_ref()?;
        let names: Vec<_> = w
            .removed
            .iter()
            .filter_map(|&k| report.rows.get(k))
            .map(|r| crate::core::text::cut(&r.name, crate::core::text::NAME_MAX))
            .collect();
        let names = names.join(", ");
        let saved = w.saved.map(|s| money(s, currency));
        let expected = fixed(w.conversions, 1);
        let change = signed(w.change);
        Some(match (self.lang, saved) {
            (Lang::En, None) => {
                format!("Without {names}: {expected} conversions expected ({change} against today)")
            }
            (Lang::En, Some(s)) => format!(
                "Without {names}: {expected} conversions expected ({change} against today); saves {s}"
            ),
            (Lang::De, None) => {
                format!("Ohne {names}: {expected} Abschlüsse erwartet ({change} gegenüber heute)")
            }
            (Lang::De, Some(s)) => format!(
                "Ohne {names}: {expected} Abschlüsse erwartet ({change} gegenüber heute); spart {s}"
            ),
        })
    }
}

/// A share as a percentage: one decimal below 10%, none above.
pub fn percent(share: f64) -> String {
    let mut out = String::new();
    push_percent(&mut out, share);
    out
}

/// Appends [`percent`] of `share` to `out`.
pub fn push_percent(out: &mut String, share: f64) {
    let p = share * 100.0 + 0.0;
    let _ = if p != 0.0 && p.abs() < 10.0 {
        write!(out, "{p:.1}%")
    } else {
        write!(out, "{p:.0}%")
    };
}

/// A figure with `decimals` places.
pub fn fixed(x: f64, decimals: usize) -> String {
    // -0.0 prints as "-0.0"; nobody lost anything there.
    let x = if x == 0.0 { 0.0 } else { x };
    format!("{x:.decimals$}")
}

/// A count that is usually whole, without decimals when it is.
pub fn plain(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        fixed(x, 1)
    }
}

/// A change with its sign.
pub fn signed(x: f64) -> String {
    let s = fixed(x, 1);
    if s.starts_with('-') || s == "0.0" {
        s
    } else {
        format!("+{s}")
    }
}

/// An amount of money with its currency, where the map names one.
pub fn money(x: f64, currency: &str) -> String {
    if currency.is_empty() {
        fixed(x, 2)
    } else {
        format!("{} {currency}", fixed(x, 2))
    }
}

/// The Markdown export's `Attribution` section for the map's paths (one
/// persona's, where given); `None` where no path converts.
pub fn section(map: &crate::core::model::Map, persona: Option<&str>) -> Option<String> {
    section_of(map, &super::input::from_map(map, persona).ok()?)
}

/// [`section`] of journeys already read from the map (see
/// [`super::input::from_resolved`]).
pub fn section_of(map: &crate::core::model::Map, input: &super::Input) -> Option<String> {
    if input.journeys.iter().all(|j| j.conversions == 0) {
        return None;
    }
    let words = Words::of(Lang::of_map(map));
    Some(
        match super::analyse_rows(map, input, &[], super::Rows::Visited) {
            Ok(report) => {
                let touchpoints = map.touchpoints().count();
                let costs = map.touchpoints().any(|(_, t)| t.cost.is_some());
                markdown_with(&report, &words, touchpoints - report.rows.len(), costs)
            }
            Err(e) => {
                let mut out = String::from("## Attribution\n\n");
                push_inline(&mut out, &e.to_string());
                out.push_str("\n\n");
                out
            }
        },
    )
}

/// The report as a Markdown section headed `Attribution`, ending in a
/// blank line: the relied-on list, then the table by removal effect of
/// every touchpoint that a path visits.
pub fn markdown(report: &Report, words: &Words) -> String {
    let costs = report.rows.iter().any(|r| r.cost.is_some());
    markdown_with(report, words, 0, costs)
}

/// [`markdown`] of a report that leaves out `hidden` unvisited rows;
/// `costs` says whether any touchpoint of the map, listed or not, has one.
fn markdown_with(report: &Report, words: &Words, hidden: usize, costs: bool) -> String {
    let mut out = String::with_capacity(256 + 160 * report.rows.len());
    out.push_str("## Attribution\n\n");
    let _ = writeln!(out, "{}.\n", words.totals(report));
    let relied = report.relied_on();
    if !relied.is_empty() {
        let _ = writeln!(out, "**{}:**\n", words.relied_on);
        for row in relied {
            out.push_str("- ");
            push_inline(&mut out, &words.relied_on_sentence(row));
            out.push('\n');
        }
        out.push('\n');
    }
    if let Some(w) = words.what_if(report, &report.currency) {
        push_inline(&mut out, &w);
        out.push_str("\n\n");
    }
    let mut header = vec![
        words.touchpoint,
        words.stage,
        words.paths,
        words.customers,
        words.first,
        words.last,
        words.linear,
        words.position,
        words.removal,
        words.markov,
    ];
    if costs {
        header.extend([words.cost, words.per_conversion]);
    }
    let _ = writeln!(out, "| {} |", header.join(" | "));
    out.push('|');
    for (i, _) in header.iter().enumerate() {
        out.push_str(if i < 2 { " --- |" } else { " ---: |" });
    }
    out.push('\n');
    // Touchpoints on no path have nothing but zeros: a line says how many.
    let mut unvisited = hidden;
    for row in report.sorted(Column::RemovalEffect) {
        if row.paths == 0 {
            unvisited += 1;
            continue;
        }
        out.push_str("| ");
        push_inline(
            &mut out,
            &crate::core::text::cut(&row.name, crate::core::text::NAME_MAX),
        );
        if row.relied_on {
            let _ = write!(out, " ({})", words.relied_on_mark);
        }
        out.push_str(" | ");
        push_inline(
            &mut out,
            &crate::core::text::cut(&row.stage_name, crate::core::text::NAME_MAX),
        );
        // Written straight into the page: at S3 that is a million numbers.
        let _ = write!(out, " | {} | {} |", row.paths, row.customers);
        for x in [
            row.first_touch,
            row.last_touch,
            row.linear,
            row.position_based,
        ] {
            let _ = write!(out, " {:.2} |", x + 0.0);
        }
        out.push(' ');
        push_percent(&mut out, row.removal_effect);
        let _ = write!(out, " | {:.2} |", row.markov + 0.0);
        if costs {
            for x in [row.cost, row.cost_per_conversion] {
                match x {
                    Some(x) => {
                        let _ = write!(out, " {:.2} |", x + 0.0);
                    }
                    None => out.push_str("  |"),
                }
            }
        }
        out.push('\n');
    }
    out.push('\n');
    if unvisited > 0 {
        let _ = writeln!(out, "{}\n", words.unvisited(unvisited));
    }
    out
}
