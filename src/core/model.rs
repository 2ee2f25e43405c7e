//! The journey map: stages of touchpoints, and personas with their paths.
//!
//! Optional text fields are plain `String`s where empty means "not set", so a
//! map has exactly one representation and saves to exactly one byte string.

use serde::{Deserialize, Deserializer, Serialize};

/// The newest file format this build reads and the one it writes.
pub const FORMAT_VERSION: u32 = 1;

/// A whole journey map, one per file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Map {
    pub format: u32,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// What counts as converting: a purchase, a sign-up, a download.
    #[serde(default)]
    pub conversion: String,
    #[serde(default)]
    pub stages: Vec<Stage>,
    #[serde(default)]
    pub personas: Vec<Persona>,
}

/// A column of the map, such as "Awareness".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub touchpoints: Vec<Touchpoint>,
}

/// A place where the customer meets the brand within a stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Touchpoint {
    pub id: String,
    pub name: String,
    pub kind: Kind,
    #[serde(default)]
    pub channel: String,
    #[serde(default)]
    pub notes: String,
}

/// Whether the company owns the touchpoint or a third party does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Kind {
    /// The company's own channels: website, store, newsletter, sales call.
    Direct,
    /// What third parties say: reviews, forums, blogs, press, word of mouth.
    Indirect,
}

impl Kind {
    /// The lower-case word used in messages and exports.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Indirect => "indirect",
        }
    }

    /// The other kind.
    pub fn toggled(self) -> Kind {
        match self {
            Kind::Direct => Kind::Indirect,
            Kind::Indirect => Kind::Direct,
        }
    }
}

/// A customer type that takes one or more paths through the map.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Persona {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub paths: Vec<Path>,
}

/// One route a persona takes through the touchpoints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Path {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub outcome: Outcome,
    #[serde(default)]
    pub steps: Vec<Step>,
}

/// How a path ends.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Outcome {
    /// The persona converted (bought, signed up…).
    Converted,
    /// The persona left without converting.
    DroppedOut,
    /// Not decided yet.
    #[default]
    Open,
}

impl Outcome {
    /// The words used in messages and exports.
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Converted => "converted",
            Outcome::DroppedOut => "dropped out",
            Outcome::Open => "open",
        }
    }
}

/// The lowest emotion a step may carry.
pub const EMOTION_MIN: i8 = -2;
/// The highest emotion a step may carry.
pub const EMOTION_MAX: i8 = 2;

/// One visit of a touchpoint on a path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// The id of the touchpoint visited.
    pub touchpoint: String,
    /// How the persona feels here, from −2 to +2.
    #[serde(default, deserialize_with = "emotion")]
    pub emotion: Option<i8>,
    /// A pain point or an opportunity.
    #[serde(default)]
    pub note: String,
}

/// Reads `emotion: -2` (no `Some(..)` wrapper) and checks its range.
fn emotion<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i8>, D::Error> {
    let value = i64::deserialize(d)?;
    if (i64::from(EMOTION_MIN)..=i64::from(EMOTION_MAX)).contains(&value) {
        Ok(Some(value as i8))
    } else {
        Err(serde::de::Error::custom(format!(
            "emotion {value} is out of range; expected a whole number from -2 to 2"
        )))
    }
}

/// Where a touchpoint sits: stage index and index within the stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TouchpointPos {
    pub stage: usize,
    pub index: usize,
}

impl Map {
    /// An empty map with a title and no stages.
    pub fn new(title: impl Into<String>) -> Map {
        Map {
            format: FORMAT_VERSION,
            title: title.into(),
            description: String::new(),
            conversion: String::new(),
            stages: Vec::new(),
            personas: Vec::new(),
        }
    }

    /// All touchpoints with their stage, in map order.
    pub fn touchpoints(&self) -> impl Iterator<Item = (&Stage, &Touchpoint)> {
        self.stages
            .iter()
            .flat_map(|s| s.touchpoints.iter().map(move |t| (s, t)))
    }

    /// Finds a touchpoint by id. Linear; build a [`TouchpointIndex`] for many lookups.
    pub fn find_touchpoint(&self, id: &str) -> Option<TouchpointPos> {
        self.stages.iter().enumerate().find_map(|(s, stage)| {
            stage
                .touchpoints
                .iter()
                .position(|t| t.id == id)
                .map(|index| TouchpointPos { stage: s, index })
        })
    }

    /// Finds a persona by id.
    pub fn persona(&self, id: &str) -> Option<&Persona> {
        self.personas.iter().find(|p| p.id == id)
    }

    /// Every id in the map, in map order: stages, touchpoints, personas, paths.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        let stage_ids = self.stages.iter().flat_map(|s| {
            std::iter::once(s.id.as_str()).chain(s.touchpoints.iter().map(|t| t.id.as_str()))
        });
        let persona_ids = self.personas.iter().flat_map(|p| {
            std::iter::once(p.id.as_str()).chain(p.paths.iter().map(|path| path.id.as_str()))
        });
        stage_ids.chain(persona_ids)
    }
}

/// A lookup from touchpoint id to its position, built once per map. A hash
/// map, since it is only looked up and never iterated.
#[derive(Debug, Default)]
pub struct TouchpointIndex<'a> {
    by_id: rustc_hash::FxHashMap<&'a str, TouchpointPos>,
}

impl<'a> TouchpointIndex<'a> {
    /// Indexes every touchpoint; on duplicate ids the first one wins.
    pub fn new(map: &'a Map) -> Self {
        let mut by_id = rustc_hash::FxHashMap::default();
        for (s, stage) in map.stages.iter().enumerate() {
            for (index, t) in stage.touchpoints.iter().enumerate() {
                by_id
                    .entry(t.id.as_str())
                    .or_insert(TouchpointPos { stage: s, index });
            }
        }
        TouchpointIndex { by_id }
    }

    /// The position of the touchpoint with this id.
    pub fn get(&self, id: &str) -> Option<TouchpointPos> {
        self.by_id.get(id).copied()
    }
}
