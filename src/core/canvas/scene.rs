//! The canvas as data: boxes, lines and runs of text at page coordinates,
//! already measured. The layout makes a [`Scene`]; the SVG writer only
//! prints one, so tests can ask the scene where things are.

/// A colour as `#rrggbb`.
pub type Colour = &'static str;

/// How a line or an outline is drawn, beyond its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dash {
    Solid,
    Dashed,
    Dotted,
    DashDot,
}

/// Where a text run's x is: its start, middle or end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// What a group of shapes is, so a test or a reader can find it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    Title,
    Stage { index: usize },
    Lane,
    Touchpoint { id: String, faded: bool },
    Curve { persona: String, path: String },
    Step { number: usize },
    Callout,
    LowPoint,
    Outcome,
    Legend,
    Other,
}

/// One shape.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Rect {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        rx: f64,
        fill: Colour,
        stroke: Option<(Colour, f64, Dash)>,
    },
    /// An open line through the points.
    Line {
        points: Vec<(f64, f64)>,
        colour: Colour,
        width: f64,
        dash: Dash,
    },
    /// A quadratic curve from `from` to `to` bent through `control`.
    Arc {
        from: (f64, f64),
        control: (f64, f64),
        to: (f64, f64),
        colour: Colour,
        width: f64,
        dash: Dash,
    },
    /// A closed, filled polygon.
    Polygon {
        points: Vec<(f64, f64)>,
        fill: Colour,
        stroke: Option<(Colour, f64)>,
    },
    Circle {
        cx: f64,
        cy: f64,
        r: f64,
        fill: Colour,
        stroke: Option<(Colour, f64)>,
    },
    /// One line of text, measured: `width` is what the embedded font gives.
    Text {
        x: f64,
        y: f64,
        size: f64,
        anchor: Anchor,
        colour: Colour,
        bold: bool,
        text: String,
        width: f64,
    },
}

/// Shapes that belong together, with an optional tooltip (`<title>`).
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub role: Role,
    /// The accessible name and tooltip; empty for none.
    pub title: String,
    /// Drawn at this opacity (faded touchpoints).
    pub opacity: f64,
    pub shapes: Vec<Shape>,
}

impl Group {
    /// An empty group.
    pub fn new(role: Role, title: impl Into<String>) -> Group {
        Group {
            role,
            title: title.into(),
            opacity: 1.0,
            shapes: Vec::new(),
        }
    }

    /// The text runs of the group, in order.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.shapes.iter().filter_map(|s| match s {
            Shape::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
    }
}

/// The whole picture.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    /// The part of the layout's coordinates the page shows: x, y, width,
    /// height (the SVG's `viewBox`).
    pub view: (f64, f64, f64, f64),
    /// The page as the SVG declares it (`1920`, or `297mm` for A4).
    pub page_width: String,
    pub page_height: String,
    /// The language tag of the words journey wrote.
    pub lang: &'static str,
    /// The document's title.
    pub title: String,
    pub groups: Vec<Group>,
    /// What the reader of stderr should know (a canvas grown past its page).
    pub notes: Vec<String>,
}

impl Scene {
    /// The groups with this role.
    pub fn with_role<'a>(
        &'a self,
        pred: impl Fn(&Role) -> bool + 'a,
    ) -> impl Iterator<Item = &'a Group> {
        self.groups.iter().filter(move |g| pred(&g.role))
    }
}

impl Shape {
    /// The box the shape covers: x, y, width, height (text by its measure).
    pub fn bounds(&self) -> (f64, f64, f64, f64) {
        fn of(points: &[(f64, f64)]) -> (f64, f64, f64, f64) {
            let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
            for &(x, y) in points {
                x0 = x0.min(x);
                y0 = y0.min(y);
                x1 = x1.max(x);
                y1 = y1.max(y);
            }
            (x0, y0, x1 - x0, y1 - y0)
        }
        match self {
            Shape::Rect { x, y, w, h, .. } => (*x, *y, *w, *h),
            Shape::Line { points, .. } | Shape::Polygon { points, .. } => of(points),
            Shape::Arc {
                from, control, to, ..
            } => of(&[*from, *control, *to]),
            Shape::Circle { cx, cy, r, .. } => (cx - r, cy - r, 2.0 * r, 2.0 * r),
            Shape::Text {
                x,
                y,
                size,
                anchor,
                width,
                ..
            } => {
                let left = match anchor {
                    Anchor::Start => *x,
                    Anchor::Middle => x - width / 2.0,
                    Anchor::End => x - width,
                };
                // The baseline is at y; ascenders reach about 0.76 em up.
                (left, y - 0.76 * size, *width, *size)
            }
        }
    }
}
