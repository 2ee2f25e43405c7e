//! The stage models a new map can start from, in each language journey
//! knows. The same files live in `maps/templates/` (English) and
//! `maps/templates/de/` (German), so that they can be read and checked like
//! any map. The German five-stage model has German stage names, as the
//! German literature writes them; AIDA and the hourglass keep their English
//! names, as German marketing does, with German descriptions.

use crate::core::format::parse_bytes;
use crate::core::model::{Language, Map};
use std::path::Path;

/// A built-in template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Template {
    /// Awareness, Consideration, Decision, Retention, Advocacy.
    #[default]
    FiveStage,
    /// Attention, Interest, Desire, Action.
    Aida,
    /// Know, Like, Trust, Try, Buy, Repeat, Refer.
    Hourglass,
}

impl Template {
    /// Every template, in the order they are offered.
    pub const ALL: [Template; 3] = [Template::FiveStage, Template::Aida, Template::Hourglass];

    /// The name used on the command line.
    pub const fn name(self) -> &'static str {
        match self {
            Template::FiveStage => "five-stage",
            Template::Aida => "aida",
            Template::Hourglass => "hourglass",
        }
    }

    /// The template's file, as shipped in `maps/templates/`.
    pub fn source(self) -> &'static str {
        match self {
            Template::FiveStage => include_str!("../../maps/templates/five-stage.ron"),
            Template::Aida => include_str!("../../maps/templates/aida.ron"),
            Template::Hourglass => include_str!("../../maps/templates/hourglass.ron"),
        }
    }

    /// The template's file in `language`, as shipped in `maps/templates/`
    /// (English) or `maps/templates/de/`.
    pub fn source_in(self, language: Language) -> &'static str {
        match (language, self) {
            (Language::En, _) => self.source(),
            (Language::De, Template::FiveStage) => {
                include_str!("../../maps/templates/de/five-stage.ron")
            }
            (Language::De, Template::Aida) => include_str!("../../maps/templates/de/aida.ron"),
            (Language::De, Template::Hourglass) => {
                include_str!("../../maps/templates/de/hourglass.ron")
            }
        }
    }

    /// Finds a template by its command-line name.
    pub fn from_name(name: &str) -> Option<Template> {
        Template::ALL.into_iter().find(|t| t.name() == name)
    }

    /// A new map from this template, in English, with `title` if given.
    pub fn instantiate(self, title: Option<&str>) -> Map {
        self.instantiate_in(Language::En, title)
    }

    /// A new map from this template in `language` (its stage names and
    /// descriptions, and the map's `language`), with `title` if given.
    pub fn instantiate_in(self, language: Language, title: Option<&str>) -> Map {
        let path = format!("{}.ron", self.name());
        let mut map = match parse_bytes(Path::new(&path), self.source_in(language).as_bytes()) {
            Ok(loaded) => loaded.map,
            // The templates are tested to parse; this arm is unreachable in a
            // released build, but a map is still better than a panic.
            Err(_) => Map::new(""),
        };
        // The file says so already; this keeps the promise for a language
        // whose templates are the English ones.
        map.language = language;
        if let Some(title) = title {
            map.title = title.to_string();
        }
        map
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::slug::slugify;

    #[test]
    fn german_templates_have_the_same_shape_in_german() {
        for template in Template::ALL {
            let en = template.instantiate_in(Language::En, None);
            let de = template.instantiate_in(Language::De, None);
            assert_eq!(en.language, Language::En);
            assert_eq!(de.language, Language::De);
            assert_eq!(de.stages.len(), en.stages.len(), "{}", template.name());
            for (e, d) in en.stages.iter().zip(&de.stages) {
                assert_eq!(d.id, slugify(&d.name), "an id is its name's slug");
                assert_ne!(d.description, e.description, "{} is translated", d.name);
                assert!(d.touchpoints.is_empty());
            }
            assert_ne!(de.title, en.title);
        }
    }

    #[test]
    fn the_seeds_stage_names() {
        let names = |t: Template| -> Vec<String> {
            t.instantiate_in(Language::De, None)
                .stages
                .into_iter()
                .map(|s| s.name)
                .collect()
        };
        assert_eq!(
            names(Template::FiveStage),
            [
                "Aufmerksamkeit",
                "Überlegung",
                "Kaufentscheidung",
                "Kundenbindung",
                "Weiterempfehlung"
            ]
        );
        assert_eq!(
            names(Template::Hourglass),
            ["Know", "Like", "Trust", "Try", "Buy", "Repeat", "Refer"]
        );
        assert_eq!(
            names(Template::Aida),
            ["Attention", "Interest", "Desire", "Action"]
        );
    }

    #[test]
    fn a_title_replaces_the_templates_in_any_language() {
        let map = Template::Aida.instantiate_in(Language::De, Some("Produktstart"));
        assert_eq!(map.title, "Produktstart");
    }
}
