//! Synthetic maps of the sizes DESIGN.md budgets for, shared by the
//! benchmarks (and any test that needs a big map). Deterministic: the same
//! size always gives the same map.

use crate::core::model::{Kind, Map, Outcome, Path, Persona, Stage, Step, Touchpoint};

/// The map sizes the budgets are stated for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    /// 10 stages × 20 touchpoints each, 10 personas with paths of 10 steps.
    S1,
    /// 50 stages × 200 touchpoints each, 500 personas with paths of 40.
    S2,
    /// 100 stages × 1000 touchpoints each, 1000 personas with paths of 40.
    S3,
}

impl Size {
    /// Every size, smallest first.
    pub const ALL: [Size; 3] = [Size::S1, Size::S2, Size::S3];

    /// (stages, touchpoints per stage, personas, steps per path).
    pub fn shape(self) -> (usize, usize, usize, usize) {
        match self {
            Size::S1 => (10, 20, 10, 10),
            Size::S2 => (50, 200, 500, 40),
            Size::S3 => (100, 1000, 1000, 40),
        }
    }

    /// The map of this size.
    pub fn map(self) -> Map {
        let (stages, per_stage, personas, steps) = self.shape();
        generate(stages, per_stage, personas, steps)
    }
}

impl std::fmt::Display for Size {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{self:?}")
    }
}

const CHANNELS: [&str; 6] = ["web", "email", "phone", "in person", "social", "press"];

/// A map with `stages` stages of `per_stage` touchpoints and `personas`
/// personas of one path each, `steps` long, moving forward through the
/// stages. Every third touchpoint is indirect; some steps carry notes.
#[doc(hidden)]
pub fn generate(stages: usize, per_stage: usize, personas: usize, steps: usize) -> Map {
    let mut map = Map::new(format!("Generated map {stages}×{per_stage}"));
    map.description = "A synthetic map for benchmarks.".into();
    map.conversion = "A purchase".into();
    for s in 0..stages {
        let touchpoints = (0..per_stage)
            .map(|t| Touchpoint {
                id: format!("tp-{s}-{t}"),
                name: format!("Touchpoint {s}.{t}"),
                kind: if t % 3 == 2 {
                    Kind::Indirect
                } else {
                    Kind::Direct
                },
                channel: CHANNELS[(s + t) % CHANNELS.len()].into(),
                notes: if t % 4 == 0 {
                    format!("Notes on touchpoint {s}.{t}")
                } else {
                    String::new()
                },
            })
            .collect();
        map.stages.push(Stage {
            id: format!("stage-{s}"),
            name: format!("Stage {s}"),
            description: format!("What happens in stage {s}."),
            touchpoints,
        });
    }
    if stages == 0 || per_stage == 0 {
        return map;
    }
    for p in 0..personas {
        let steps = (0..steps)
            .map(|k| {
                let s = k * stages / steps.max(1);
                let t = (p * 7 + k * 13) % per_stage;
                Step {
                    touchpoint: format!("tp-{s}-{t}"),
                    emotion: Some(((p + k) % 5) as i8 - 2),
                    note: if k % 5 == 0 {
                        format!("Step {k} of persona {p}")
                    } else {
                        String::new()
                    },
                }
            })
            .collect();
        map.personas.push(Persona {
            id: format!("persona-{p}"),
            name: format!("Persona {p}"),
            description: format!("Customer type number {p}."),
            paths: vec![Path {
                id: format!("path-{p}"),
                name: "Main path".into(),
                outcome: match p % 3 {
                    0 => Outcome::Converted,
                    1 => Outcome::DroppedOut,
                    _ => Outcome::Open,
                },
                steps,
            }],
        });
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::validate::{Severity, validate};

    #[test]
    fn s1_is_a_valid_map_of_its_shape() {
        let map = Size::S1.map();
        assert_eq!(map.touchpoints().count(), 200);
        assert_eq!(map.personas.len(), 10);
        let errors = validate(&map)
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        assert_eq!(errors, 0);
    }
}
