//! The journey map: stages of touchpoints, and personas with their paths.
//!
//! Optional text fields are plain `String`s where empty means "not set", so a
//! map has exactly one representation and saves to exactly one byte string.

use serde::{Deserialize, Deserializer, Serialize};

pub use crate::core::shared::Shared;

/// The newest file format this build reads. A save writes the lowest
/// format that holds the map (see [`crate::core::format::required_format`]),
/// so a map that uses no newer field keeps `format: 1`.
pub const FORMAT_VERSION: u32 = 2;

/// A whole journey map, one per file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Map {
    pub format: u32,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// The language of the map's text, and of the words journey writes
    /// around it in pictures and exports.
    #[serde(default)]
    pub language: Language,
    /// What counts as converting: a purchase, a sign-up, a download.
    #[serde(default)]
    pub conversion: String,
    /// The currency of the touchpoints' costs, such as `EUR`.
    #[serde(default)]
    pub currency: String,
    /// Rules whose warnings are accepted for this item and what it holds.
    #[serde(default)]
    pub allow: Vec<String>,
    #[serde(default)]
    pub stages: Vec<Stage>,
    #[serde(default)]
    pub personas: Vec<Persona>,
}

/// The language a map is written in. English unless the map says otherwise.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Language {
    #[default]
    En,
    De,
}

impl Language {
    /// Every language journey knows, in the order its messages list them.
    pub const ALL: [Language; 2] = [Language::En, Language::De];

    /// The code written in the file: `en`, `de`.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::De => "de",
        }
    }

    /// The language with this code (any case), if journey knows it.
    pub fn from_code(code: &str) -> Option<Language> {
        Language::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code))
    }
}

impl Serialize for Language {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Language {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Language, D::Error> {
        let code = String::deserialize(d)?;
        Language::from_code(&code).ok_or_else(|| {
            let known: Vec<String> = Language::ALL
                .iter()
                .map(|l| format!("`{}`", l.code()))
                .collect();
            serde::de::Error::custom(format!(
                "unknown language `{code}`; journey knows {}",
                known.join(" and ")
            ))
        })
    }
}

/// What a touchpoint costs per period, in the map's currency: a finite,
/// non-negative number.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Cost(f64);

// A cost is never NaN (see `Cost::new`), so equality is total.
impl Eq for Cost {}

impl Cost {
    /// A cost, if `value` is finite and not negative.
    pub fn new(value: f64) -> Option<Cost> {
        (value.is_finite() && value >= 0.0).then_some(Cost(value + 0.0))
    }

    /// The amount.
    pub fn get(self) -> f64 {
        self.0
    }
}

impl Serialize for Cost {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.0)
    }
}

impl<'de> Deserialize<'de> for Cost {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Cost, D::Error> {
        let value = f64::deserialize(d)?;
        Cost::new(value).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "cost {value} is not allowed; expected a number of 0 or more"
            ))
        })
    }
}

/// A column of the map, such as "Awareness".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Rules whose warnings are accepted for this stage and what it holds.
    #[serde(default)]
    pub allow: Vec<String>,
    /// Shared with copies of the map until changed (see [`Shared`]).
    #[serde(default)]
    pub touchpoints: Shared<Vec<Touchpoint>>,
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
    /// What the touchpoint costs per period, in the map's currency.
    // Left out when unset, not null: the reader takes a bare number.
    #[serde(
        default,
        deserialize_with = "cost",
        skip_serializing_if = "Option::is_none"
    )]
    pub cost: Option<Cost>,
    #[serde(default)]
    pub notes: String,
    /// Rules whose warnings are accepted for this touchpoint.
    #[serde(default)]
    pub allow: Vec<String>,
}

/// Reads `cost: 1200` (no `Some(..)` wrapper).
fn cost<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Cost>, D::Error> {
    Cost::deserialize(d).map(Some)
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
    /// Both kinds, the company's own channels first.
    pub const ALL: [Kind; 2] = [Kind::Direct, Kind::Indirect];

    /// The lower-case word used in messages and exports.
    pub const fn label(self) -> &'static str {
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
    /// Rules whose warnings are accepted for this persona and its paths.
    #[serde(default)]
    pub allow: Vec<String>,
    /// Shared with copies of the map until changed (see [`Shared`]).
    #[serde(default)]
    pub paths: Shared<Vec<Path>>,
}

/// One route a persona takes through the touchpoints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Path {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub outcome: Outcome,
    /// How many customers take this path; 1 when not given.
    // Left out when unset, not null: the reader takes a bare number.
    #[serde(
        default,
        deserialize_with = "customers",
        skip_serializing_if = "Option::is_none"
    )]
    pub customers: Option<u64>,
    /// Rules whose warnings are accepted for this path.
    #[serde(default)]
    pub allow: Vec<String>,
    #[serde(default)]
    pub steps: Vec<Step>,
}

/// Reads `customers: 120` (no `Some(..)` wrapper), a whole number of 0 or more.
fn customers<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    struct Count;
    impl serde::de::Visitor<'_> for Count {
        type Value = u64;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a whole number of customers, 0 or more")
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<u64, E> {
            Ok(v)
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<u64, E> {
            u64::try_from(v).map_err(|_| {
                E::custom(format!(
                    "customers {v} is not allowed; expected a whole number of 0 or more"
                ))
            })
        }
    }
    // Read as signed, so that a negative count gets a message that says so.
    d.deserialize_i64(Count).map(Some)
}

impl Path {
    /// How many customers take this path: its `customers`, or 1.
    pub fn customer_count(&self) -> u64 {
        self.customers.unwrap_or(1)
    }
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
    /// Every outcome, the undecided one first.
    pub const ALL: [Outcome; 3] = [Outcome::Open, Outcome::Converted, Outcome::DroppedOut];

    /// The words used in messages and exports.
    pub const fn label(self) -> &'static str {
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
    // Left out when unset, not null: the reader takes a bare number.
    #[serde(
        default,
        deserialize_with = "emotion",
        skip_serializing_if = "Option::is_none"
    )]
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
            format: 1,
            title: title.into(),
            description: String::new(),
            language: Language::En,
            conversion: String::new(),
            currency: String::new(),
            allow: Vec::new(),
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
