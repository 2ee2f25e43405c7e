//! The words of the views that describe the selected stage or touchpoint
//! (the detail pane and the `z` reader), in the map's language, as the
//! insight figures beside them are. The editor's controls (hints, help,
//! forms, the status line) stay English.

use crate::core::model::{Kind, Language, Map, Outcome};

/// The words, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemWords {
    pub words: &'static crate::core::words::Words,
    /// Before a touchpoint's channel: "channel: web".
    pub channel: &'static str,
    pub no_channel: &'static str,
    pub notes: &'static str,
    pub no_notes: &'static str,
    pub no_description: &'static str,
    /// Before the personas that visit a touchpoint.
    pub visited_by: &'static str,
    pub steps: &'static str,
    /// The visits' line of a touchpoint no path visits.
    pub on_no_path: &'static str,
    /// The reader's heading over the same.
    pub on_no_path_heading: &'static str,
    /// "Visited once", "Visited {n} times", then the converting ones.
    pub visited_once: &'static str,
    pub visited_times: &'static str,
    pub on_converting_paths: &'static str,
    /// How a visit's path ends, in the reader.
    pub converts: &'static str,
    pub drops_out: &'static str,
    pub outcome_open: &'static str,
    pub no_emotion: &'static str,
    /// "stage 2 of 5", "step 1 of 3", "in stage Awareness".
    pub stage_of: &'static str,
    pub step_of: &'static str,
    pub in_stage: &'static str,
    pub touchpoint: &'static str,
    pub touchpoints: &'static str,
}

const EN: ItemWords = ItemWords {
    words: &crate::core::words::EN,
    channel: "channel",
    no_channel: "no channel",
    notes: "Notes",
    no_notes: "no notes",
    no_description: "no description",
    visited_by: "visited by",
    steps: "steps",
    on_no_path: "on no path: no persona visits it",
    on_no_path_heading: "On no path: no persona visits it",
    visited_once: "Visited once",
    visited_times: "Visited {n} times",
    on_converting_paths: "on converting paths",
    converts: "converts",
    drops_out: "drops out",
    outcome_open: "outcome open",
    no_emotion: "no emotion",
    stage_of: "stage {n} of {total}",
    step_of: "step {n} of {total}",
    in_stage: "in stage",
    touchpoint: "touchpoint",
    touchpoints: "touchpoints",
};

const DE: ItemWords = ItemWords {
    words: &crate::core::words::DE,
    channel: "Kanal",
    no_channel: "kein Kanal",
    notes: "Notizen",
    no_notes: "keine Notizen",
    no_description: "keine Beschreibung",
    visited_by: "besucht von",
    steps: "Schritte",
    on_no_path: "auf keinem Pfad: keine Persona besucht ihn",
    on_no_path_heading: "Auf keinem Pfad: keine Persona besucht ihn",
    visited_once: "Einmal besucht",
    visited_times: "{n}-mal besucht",
    on_converting_paths: "auf konvertierenden Pfaden",
    converts: "konvertiert",
    drops_out: "springt ab",
    outcome_open: "Ergebnis offen",
    no_emotion: "ohne Emotion",
    stage_of: "Phase {n} von {total}",
    step_of: "Schritt {n} von {total}",
    in_stage: "in Phase",
    touchpoint: "Touchpoint",
    touchpoints: "Touchpoints",
};

/// The words for `map`'s language.
pub fn for_map(map: &Map) -> &'static ItemWords {
    match map.language {
        Language::En => &EN,
        Language::De => &DE,
    }
}

impl ItemWords {
    /// "direct" or "indirect".
    pub fn kind(&self, kind: Kind) -> &'static str {
        self.words.kind_name(kind)
    }

    /// "Stage" before a stage's name.
    pub fn stage(&self) -> &'static str {
        self.words.stage
    }

    /// A touchpoint's channel among its facts: "channel: web", or "no
    /// channel" for a blank one.
    pub fn channel_fact(&self, channel: &str) -> String {
        if channel.is_empty() {
            self.no_channel.to_string()
        } else {
            format!("{}: {channel}", self.channel)
        }
    }

    /// "step" or "steps", for `n` of them.
    pub fn step_or_steps(&self, n: usize) -> &'static str {
        if n == 1 { self.words.step } else { self.steps }
    }

    /// "1 touchpoint", "3 touchpoints".
    pub fn count(&self, n: usize) -> String {
        let noun = if n == 1 {
            self.touchpoint
        } else {
            self.touchpoints
        };
        format!("{n} {noun}")
    }

    /// "Visited once", "Visited 3 times".
    pub fn visited(&self, n: usize) -> String {
        if n == 1 {
            self.visited_once.to_string()
        } else {
            self.visited_times.replace("{n}", &n.to_string())
        }
    }

    /// "stage 2 of 5" from `template`.
    pub fn n_of(&self, template: &str, n: usize, total: usize) -> String {
        template
            .replace("{n}", &n.to_string())
            .replace("{total}", &total.to_string())
    }

    /// How a path ends, as the reader says it of a visit.
    pub fn outcome(&self, outcome: Outcome) -> &'static str {
        match outcome {
            Outcome::Converted => self.converts,
            Outcome::DroppedOut => self.drops_out,
            Outcome::Open => self.outcome_open,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_german_word_differs_from_the_english_one() {
        // A word left in English would read as one in the wrong language.
        let pairs = [
            (EN.channel, DE.channel),
            (EN.no_channel, DE.no_channel),
            (EN.notes, DE.notes),
            (EN.no_notes, DE.no_notes),
            (EN.no_description, DE.no_description),
            (EN.visited_by, DE.visited_by),
            (EN.steps, DE.steps),
            (EN.on_no_path, DE.on_no_path),
            (EN.on_no_path_heading, DE.on_no_path_heading),
            (EN.visited_once, DE.visited_once),
            (EN.visited_times, DE.visited_times),
            (EN.on_converting_paths, DE.on_converting_paths),
            (EN.converts, DE.converts),
            (EN.drops_out, DE.drops_out),
            (EN.outcome_open, DE.outcome_open),
            (EN.no_emotion, DE.no_emotion),
            (EN.stage_of, DE.stage_of),
            (EN.step_of, DE.step_of),
            (EN.in_stage, DE.in_stage),
            (EN.touchpoint, DE.touchpoint),
            (EN.touchpoints, DE.touchpoints),
        ];
        for (en, de) in pairs {
            assert_ne!(en, de);
        }
        assert_eq!(EN.count(1), "1 touchpoint");
        assert_eq!(DE.count(3), "3 Touchpoints");
        assert_eq!(DE.visited(4), "4-mal besucht");
        assert_eq!(EN.channel_fact("web"), "channel: web");
        assert_eq!(DE.channel_fact(""), "kein Kanal");
    }
}
