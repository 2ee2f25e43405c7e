//! Synthetic maps of the sizes the budgets speak of (S1, S2, S3), for
//! benchmarks and stress tests. Deterministic: the same size gives the same map.

use crate::core::model::{Kind, Map, Outcome, Path, Persona, Stage, Step, Touchpoint};

/// A map size from DESIGN.md's budgets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub stages: usize,
    pub touchpoints_per_stage: usize,
    pub personas: usize,
    pub steps_per_path: usize,
}

/// 10 stages × 20 touchpoints, 10 personas.
pub const S1: Size = Size {
    stages: 10,
    touchpoints_per_stage: 20,
    personas: 10,
    steps_per_path: 10,
};
/// 50 stages × 200 touchpoints, 500 personas with paths of 40.
pub const S2: Size = Size {
    stages: 50,
    touchpoints_per_stage: 200,
    personas: 500,
    steps_per_path: 40,
};
/// 100 stages × 1000 touchpoints, 1000 personas.
pub const S3: Size = Size {
    stages: 100,
    touchpoints_per_stage: 1000,
    personas: 1000,
    steps_per_path: 40,
};

/// Builds a map of the given size with realistic-looking text, both kinds of
/// touchpoint, and one forward path per persona.
pub fn generate(size: Size) -> Map {
    let mut rng = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move |bound: usize| {
        // xorshift: enough to vary the data without a dependency.
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        (rng % bound.max(1) as u64) as usize
    };
    const WORDS: [&str; 12] = [
        "Web search",
        "Review portal",
        "Newsletter",
        "Trade fair",
        "Blog post",
        "Sales call",
        "Forum thread",
        "Webinar",
        "Store visit",
        "Video ad",
        "Referral",
        "Support chat",
    ];
    const CHANNELS: [&str; 6] = ["web", "email", "phone", "in person", "social", "press"];
    let mut map = Map::new(format!(
        "Generated map: {} stages × {} touchpoints",
        size.stages, size.touchpoints_per_stage
    ));
    map.conversion = "A purchase".into();
    for s in 0..size.stages {
        let touchpoints = (0..size.touchpoints_per_stage)
            .map(|t| Touchpoint {
                allow: Vec::new(),
                cost: None,
                id: format!("tp-{s}-{t}"),
                name: format!("{} {s}.{t}", WORDS[next(WORDS.len())]),
                kind: if next(3) == 0 {
                    Kind::Indirect
                } else {
                    Kind::Direct
                },
                channel: CHANNELS[next(CHANNELS.len())].into(),
                notes: if t % 4 == 0 {
                    "Customers mention this often; keep the answer short.".into()
                } else {
                    String::new()
                },
            })
            .collect();
        map.stages.push(Stage {
            allow: Vec::new(),
            id: format!("stage-{s}"),
            name: format!("Stage {s}"),
            description: String::new(),
            touchpoints,
        });
    }
    for p in 0..size.personas {
        let steps = (0..size.steps_per_path)
            .map(|k| {
                let stage = k * size.stages / size.steps_per_path.max(1);
                Step {
                    touchpoint: format!("tp-{stage}-{}", next(size.touchpoints_per_stage)),
                    emotion: Some(next(5) as i8 - 2),
                    note: if k % 5 == 0 {
                        "Hesitates here.".into()
                    } else {
                        String::new()
                    },
                }
            })
            .collect();
        map.personas.push(Persona {
            allow: Vec::new(),
            id: format!("persona-{p}"),
            name: format!("Persona {p}"),
            description: "A generated customer type.".into(),
            paths: vec![Path {
                allow: Vec::new(),
                customers: None,
                id: format!("path-{p}"),
                name: format!("Main path {p}"),
                outcome: if p % 3 == 0 {
                    Outcome::DroppedOut
                } else {
                    Outcome::Converted
                },
                steps,
            }]
            .into(),
        });
    }
    map
}
