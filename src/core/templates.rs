//! The stage models a new map can start from. The same files live in
//! `maps/templates/`, so that they can be read and checked like any map.

use crate::core::format::parse_bytes;
use crate::core::model::Map;
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
    pub fn name(self) -> &'static str {
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

    /// Finds a template by its command-line name.
    pub fn from_name(name: &str) -> Option<Template> {
        Template::ALL.into_iter().find(|t| t.name() == name)
    }

    /// A new map from this template, with `title` if given.
    pub fn instantiate(self, title: Option<&str>) -> Map {
        let path = format!("{}.ron", self.name());
        let mut map = match parse_bytes(Path::new(&path), self.source().as_bytes()) {
            Ok(loaded) => loaded.map,
            // The templates are tested to parse; this arm is unreachable in a
            // released build, but a map is still better than a panic.
            Err(_) => Map::new(""),
        };
        if let Some(title) = title {
            map.title = title.to_string();
        }
        map
    }
}
