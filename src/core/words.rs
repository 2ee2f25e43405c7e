//! The words journey itself writes around the user's text, one table per
//! language. A third language is one more table and one more arm in
//! [`of`].

use crate::core::model::{Kind, Language, Map, Outcome};

/// Every word or phrase a picture needs, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    /// The BCP-47 tag, for the SVG's `xml:lang`.
    pub code: &'static str,
    /// Before the map's conversion: "Conversion: first order".
    pub conversion: &'static str,
    /// The lane of the company's own touchpoints.
    pub lane_direct: &'static str,
    /// The lane of third parties' touchpoints.
    pub lane_indirect: &'static str,
    /// A path's end where the persona converts.
    pub converted: &'static str,
    /// A path's end where the persona leaves.
    pub dropped_out: &'static str,
    /// The lowest point of an emotion curve.
    pub low_point: &'static str,
    /// A note on a step with a negative emotion.
    pub pain_point: &'static str,
    /// A note on a step with a positive emotion.
    pub opportunity: &'static str,
    /// A step whose stage comes before the previous step's.
    pub back_a_stage: &'static str,
    /// The legend's heading.
    pub legend: &'static str,
    /// A solid card.
    pub direct_touchpoint: &'static str,
    /// A dashed card.
    pub indirect_touchpoint: &'static str,
    /// A numbered marker on a curve.
    pub step: &'static str,
    /// A hollow marker: the step has no emotion.
    pub no_emotion: &'static str,
    /// A faded card, with one persona shown.
    pub not_visited: &'static str,
    /// The axis of the emotion curves.
    pub emotion: &'static str,
    /// Where no persona has a path to draw.
    pub no_paths: &'static str,
    /// A map with a blank title.
    pub untitled: &'static str,
    /// The placeholder of a stage with no touchpoints.
    pub no_touchpoints: &'static str,
    /// A path's end where nothing is decided yet.
    pub open: &'static str,
    /// A persona with no path, in a legend.
    pub no_path: &'static str,
    /// A persona's outcomes, with `{converted}` and `{total}` filled in
    /// by [`Words::paths_converted`].
    pub paths_converted: &'static str,
    /// The kinds of touchpoint, after a name or in a table cell.
    pub direct: &'static str,
    pub indirect: &'static str,
    /// A name that is blank, with a blank id too.
    pub unnamed: &'static str,
    /// The Markdown page's headings, table headers and sentences.
    pub stages: &'static str,
    pub no_stages: &'static str,
    pub stage: &'static str,
    pub what_happens: &'static str,
    pub direct_touchpoints: &'static str,
    pub indirect_touchpoints: &'static str,
    pub personas: &'static str,
    pub persona_no_paths: &'static str,
    pub path: &'static str,
    pub no_steps: &'static str,
    pub unknown_touchpoint: &'static str,
    pub outcome: &'static str,
    pub coverage: &'static str,
    pub coverage_intro: &'static str,
    pub touchpoint: &'static str,
    pub kind: &'static str,
    pub paths: &'static str,
    pub converted_column: &'static str,
}

/// English, and the words of every map without a `language`.
pub const EN: Words = Words {
    code: "en",
    conversion: "Conversion",
    lane_direct: "Own channels (direct)",
    lane_indirect: "Third parties (indirect)",
    converted: "converted",
    dropped_out: "dropped out",
    low_point: "Low point",
    pain_point: "pain point",
    opportunity: "opportunity",
    back_a_stage: "back a stage",
    legend: "Legend",
    direct_touchpoint: "direct touchpoint (own channel)",
    indirect_touchpoint: "indirect touchpoint (third party)",
    step: "step",
    no_emotion: "no emotion given",
    not_visited: "not visited by this persona",
    emotion: "emotion",
    no_paths: "No persona has a path yet.",
    untitled: "Untitled journey map",
    no_touchpoints: "no touchpoints yet",
    open: "open",
    no_path: "no path yet",
    paths_converted: "{converted} of {total} paths converted",
    direct: "direct",
    indirect: "indirect",
    unnamed: "(unnamed)",
    stages: "Stages",
    no_stages: "This map has no stages yet.",
    stage: "Stage",
    what_happens: "What happens",
    direct_touchpoints: "Direct touchpoints",
    indirect_touchpoints: "Indirect touchpoints",
    personas: "Personas",
    persona_no_paths: "No paths yet.",
    path: "Path",
    no_steps: "No steps yet.",
    unknown_touchpoint: "unknown touchpoint",
    outcome: "Outcome",
    coverage: "Coverage",
    coverage_intro: "Which personas pass through each touchpoint. *Paths* counts the paths \
         that visit it, *Converted* those of them that end in a conversion: a \
         touchpoint that never directly precedes a conversion can still be one \
         that converting paths rely on.",
    touchpoint: "Touchpoint",
    kind: "Kind",
    paths: "Paths",
    converted_column: "Converted",
};

/// German.
pub const DE: Words = Words {
    code: "de",
    conversion: "Konversion",
    lane_direct: "Eigene Kanäle (direkt)",
    lane_indirect: "Dritte (indirekt)",
    converted: "konvertiert",
    dropped_out: "abgesprungen",
    low_point: "Tiefpunkt",
    pain_point: "Schmerzpunkt",
    opportunity: "Chance",
    back_a_stage: "eine Phase zurück",
    legend: "Legende",
    direct_touchpoint: "direkter Touchpoint (eigener Kanal)",
    indirect_touchpoint: "indirekter Touchpoint (Dritte)",
    step: "Schritt",
    no_emotion: "ohne Emotion",
    not_visited: "von dieser Persona nicht besucht",
    emotion: "Emotion",
    no_paths: "Noch hat keine Persona einen Pfad.",
    untitled: "Unbenannte Journey-Map",
    no_touchpoints: "noch keine Touchpoints",
    open: "offen",
    no_path: "noch kein Pfad",
    paths_converted: "{converted} von {total} Pfaden konvertiert",
    direct: "direkt",
    indirect: "indirekt",
    unnamed: "(ohne Namen)",
    stages: "Phasen",
    no_stages: "Diese Karte hat noch keine Phasen.",
    stage: "Phase",
    what_happens: "Was geschieht",
    direct_touchpoints: "Direkte Touchpoints",
    indirect_touchpoints: "Indirekte Touchpoints",
    personas: "Personas",
    persona_no_paths: "Noch keine Pfade.",
    path: "Pfad",
    no_steps: "Noch keine Schritte.",
    unknown_touchpoint: "unbekannter Touchpoint",
    outcome: "Ergebnis",
    coverage: "Abdeckung",
    coverage_intro: "Welche Personas jeden Touchpoint durchlaufen. *Pfade* zählt die Pfade, \
         die ihn besuchen, *Konvertiert* die von ihnen, die in einer Konversion \
         enden: ein Touchpoint, der nie direkt vor einer Konversion steht, kann \
         trotzdem einer sein, auf den konvertierende Pfade angewiesen sind.",
    touchpoint: "Touchpoint",
    kind: "Art",
    paths: "Pfade",
    converted_column: "Konvertiert",
};

impl Words {
    /// A kind of touchpoint: "direct" or "indirect".
    pub fn kind_name(&self, kind: Kind) -> &'static str {
        match kind {
            Kind::Direct => self.direct,
            Kind::Indirect => self.indirect,
        }
    }

    /// How a path ends: "converted", "dropped out" or "open".
    pub fn outcome_name(&self, outcome: Outcome) -> &'static str {
        match outcome {
            Outcome::Converted => self.converted,
            Outcome::DroppedOut => self.dropped_out,
            Outcome::Open => self.open,
        }
    }

    /// "1 of 2 paths converted".
    pub fn paths_converted(&self, converted: usize, total: usize) -> String {
        self.paths_converted
            .replace("{converted}", &converted.to_string())
            .replace("{total}", &total.to_string())
    }
}

/// The table for a language.
pub fn of(language: Language) -> &'static Words {
    match language {
        Language::En => &EN,
        Language::De => &DE,
    }
}

/// The table for a map's `language`.
pub fn for_map(map: &Map) -> &'static Words {
    of(map.language)
}

/// The table for a language tag ("de", "de-AT", "en-GB"…); English for
/// any language without one.
pub fn for_code(code: &str) -> &'static Words {
    let primary = code.split(['-', '_']).next().unwrap_or("");
    if primary.eq_ignore_ascii_case("de") {
        &DE
    } else {
        &EN
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_pick_their_table() {
        assert_eq!(of(Language::De), &DE);
        assert_eq!(of(Language::En), &EN);
        for l in Language::ALL {
            assert_eq!(of(l).code, l.code(), "each table says its own tag");
        }
        assert_eq!(for_code("de"), &DE);
        assert_eq!(for_code("de-AT"), &DE);
        assert_eq!(for_code("en"), &EN);
        assert_eq!(for_code(""), &EN);
        assert_eq!(for_code("fr"), &EN);
        assert_eq!(DE.converted, "konvertiert");
        assert_eq!(DE.dropped_out, "abgesprungen");
        assert_eq!(DE.legend, "Legende");
        assert_eq!(DE.direct_touchpoint, "direkter Touchpoint (eigener Kanal)");
    }

    #[test]
    fn english_words_are_the_model_labels() {
        // The model's own labels are what every English export said before
        // it had a table; they must not drift apart.
        for kind in [Kind::Direct, Kind::Indirect] {
            assert_eq!(EN.kind_name(kind), kind.label());
        }
        for outcome in [Outcome::Converted, Outcome::DroppedOut, Outcome::Open] {
            assert_eq!(EN.outcome_name(outcome), outcome.label());
        }
        assert_eq!(EN.paths_converted(1, 2), "1 of 2 paths converted");
        assert_eq!(DE.paths_converted(1, 2), "1 von 2 Pfaden konvertiert");
    }
}
