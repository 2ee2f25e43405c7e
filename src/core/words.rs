//! The words journey itself writes around the user's text, one table per
//! language. A third language is one more table and one more arm in
//! [`of`].

use crate::core::model::{Language, Map};

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
};

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
}
