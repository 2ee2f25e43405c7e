//! A fast path for reading map files: a hand-written reader for the RON that
//! journey writes, straight into a [`Map`], with no serde in between.
//!
//! The rule that keeps it honest: it returns exactly the map that
//! `ron::from_str::<Map>` returns for the same text, or it declines (`None`)
//! and the caller asks ron, whose errors (with their lines and columns) stay
//! the ones a user sees. It declines on anything it does not clearly
//! understand: comments, raw strings, `\x` escapes, whitespace other than
//! space, tab, CR and LF, struct names (`Map(`), `Some(..)`, numbers with a
//! sign, suffix, prefix or `_` where ron would read them differently or not
//! at all, unknown, duplicate or missing fields, and trailing text. What it
//! accepts is what ron accepts: fields in any order, whitespace between any
//! two tokens, trailing commas. Each rule below names the ron rule it mirrors
//! (ron 0.11, `parse.rs` and `de/mod.rs`).

use crate::core::model::{
    Cost, EMOTION_MAX, EMOTION_MIN, Kind, Language, Map, Outcome, Path, Persona, Stage, Step,
    Touchpoint,
};

/// The map in `text`, if this reader is sure to give exactly what ron
/// gives; `None` when ron must decide (the text may still be valid).
pub fn parse(text: &str) -> Option<Map> {
    let mut r = Reader {
        src: text,
        bytes: text.as_bytes(),
        pos: 0,
    };
    r.ws();
    let map = r.map()?;
    r.ws();
    (r.pos == r.bytes.len()).then_some(map)
}

struct Reader<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

/// Which fields of a struct were read, so that a second one declines (serde
/// refuses a duplicate field).
#[derive(Default)]
struct Seen(u32);

impl Seen {
    fn first(&mut self, field: u32) -> Option<()> {
        let bit = 1 << field;
        if self.0 & bit != 0 {
            return None;
        }
        self.0 |= bit;
        Some(())
    }
}

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// Skips the whitespace ron surely skips. ron also skips comments and
    /// a few rarer characters (form feed, U+2028…): those are not skipped
    /// here, so the next token is not what is expected and the reader
    /// declines.
    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        let hit = self.peek() == Some(byte);
        if hit {
            self.pos += 1;
        }
        hit
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        self.eat(byte).then_some(())
    }

    /// An ASCII identifier. A non-ASCII character right after it could
    /// continue it (ron reads XID characters), so that declines.
    fn ident(&mut self) -> Option<&'a str> {
        let start = self.pos;
        while let Some(b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_') = self.peek() {
            self.pos += 1;
        }
        if self.pos == start || self.peek().is_some_and(|b| !b.is_ascii()) {
            return None;
        }
        Some(&self.src[start..self.pos])
    }

    /// A struct without a name: `(field: value, …)`, with an optional
    /// trailing comma, as ron's `CommaSeparated` reads it. `field` reads
    /// one value after its `:`, and declines an unknown name.
    fn fields(&mut self, mut field: impl FnMut(&mut Self, &'a str) -> Option<()>) -> Option<()> {
        self.expect(b'(')?;
        loop {
            self.ws();
            if self.eat(b')') {
                return Some(());
            }
            let name = self.ident()?;
            self.ws();
            self.expect(b':')?;
            self.ws();
            field(self, name)?;
            self.ws();
            if !self.eat(b',') {
                return self.expect(b')');
            }
        }
    }

    /// A list: `[item, …]`, with an optional trailing comma. Grown one
    /// item at a time, as serde's `Vec` grows under ron (which gives no
    /// length), so the peak memory is the same.
    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        self.expect(b'[')?;
        let mut items = Vec::new();
        loop {
            self.ws();
            if self.eat(b']') {
                return Some(items);
            }
            items.push(item(self)?);
            self.ws();
            if !self.eat(b',') {
                return self.expect(b']').map(|()| items);
            }
        }
    }

    /// A string in double quotes, unescaped as ron unescapes it; a raw
    /// string (`r"…"`) or an `\x` escape declines.
    fn string(&mut self) -> Option<String> {
        self.expect(b'"')?;
        let start = self.pos;
        let end = start + memchr::memchr2(b'"', b'\\', &self.bytes[start..])?;
        if self.bytes[end] == b'"' {
            self.pos = end + 1;
            return Some(self.src[start..end].to_owned());
        }
        let mut out = String::with_capacity(end - start + 16);
        out.push_str(&self.src[start..end]);
        self.pos = end;
        loop {
            // At a backslash.
            self.pos += 1;
            out.push(self.escape()?);
            let from = self.pos;
            let end = from + memchr::memchr2(b'"', b'\\', &self.bytes[from..])?;
            out.push_str(&self.src[from..end]);
            self.pos = end;
            if self.bytes[end] == b'"' {
                self.pos += 1;
                return Some(out);
            }
        }
    }

    /// The character of the escape after a backslash: ron's `parse_escape`
    /// for strings, without its `\x` byte escapes.
    fn escape(&mut self) -> Option<char> {
        let c = match self.peek()? {
            b'\'' => '\'',
            b'"' => '"',
            b'\\' => '\\',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'0' => '\0',
            b'u' => {
                self.pos += 1;
                self.expect(b'{')?;
                // One to six hex digits, then `}`.
                let mut value = 0u32;
                let mut digits = 0;
                while digits < 6 && self.peek()? != b'}' {
                    let digit = char::from(self.peek()?).to_digit(16)?;
                    value = value << 4 | digit;
                    digits += 1;
                    self.pos += 1;
                }
                if digits == 0 || self.peek()? != b'}' {
                    return None;
                }
                char::from_u32(value)?
            }
            _ => return None,
        };
        self.pos += 1;
        Some(c)
    }

    /// A whole number in plain decimal digits (leading zeros are read as
    /// ron reads them). A sign, a `0x` prefix, a `_` or a suffix such as
    /// `u8` is left unread, so what follows is not a separator and the
    /// reader declines. `None` when it does not fit in a `u64`.
    fn digits(&mut self) -> Option<u64> {
        let start = self.pos;
        let mut value = 0u64;
        while let Some(b @ b'0'..=b'9') = self.peek() {
            value = value.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
            self.pos += 1;
        }
        (self.pos > start).then_some(value)
    }

    /// A value read as ron reads an `f64` (`Parser::float`): the run of
    /// float characters, through `f64::from_str`. Declines a run that does
    /// not start with a digit (`inf`, `NaN`, a sign), one with `_` (which
    /// ron drops, with rules of its own), or one followed by a suffix.
    fn float(&mut self) -> Option<f64> {
        let start = self.pos;
        if !self.peek()?.is_ascii_digit() {
            return None;
        }
        while let Some(b'0'..=b'9' | b'e' | b'E' | b'.' | b'+' | b'-') = self.peek() {
            self.pos += 1;
        }
        if matches!(self.peek(), Some(b'_' | b'f')) {
            return None;
        }
        self.src[start..self.pos].parse().ok()
    }

    /// A list of rule names: `allow: ["rule", …]`.
    fn strings(&mut self) -> Option<Vec<String>> {
        self.list(Self::string)
    }

    fn map(&mut self) -> Option<Map> {
        let mut map = Map::new(String::new());
        let (mut format, mut title) = (None, None);
        let mut seen = Seen::default();
        self.fields(|r, field| {
            match field {
                "format" => {
                    seen.first(0)?;
                    // ron reads a `u32`: a larger number is its error.
                    format = Some(u32::try_from(r.digits()?).ok()?);
                }
                "title" => {
                    seen.first(1)?;
                    title = Some(r.string()?);
                }
                "description" => {
                    seen.first(2)?;
                    map.description = r.string()?;
                }
                "language" => {
                    seen.first(3)?;
                    map.language = Language::from_code(&r.string()?)?;
                }
                "conversion" => {
                    seen.first(4)?;
                    map.conversion = r.string()?;
                }
                "currency" => {
                    seen.first(5)?;
                    map.currency = r.string()?;
                }
                "allow" => {
                    seen.first(6)?;
                    map.allow = r.strings()?;
                }
                "stages" => {
                    seen.first(7)?;
                    map.stages = r.list(Self::stage)?;
                }
                "personas" => {
                    seen.first(8)?;
                    map.personas = r.list(Self::persona)?;
                }
                _ => return None,
            }
            Some(())
        })?;
        map.format = format?;
        map.title = title?;
        Some(map)
    }

    fn stage(&mut self) -> Option<Stage> {
        let (mut id, mut name) = (None, None);
        let (mut description, mut allow, mut touchpoints) = (String::new(), Vec::new(), Vec::new());
        let mut seen = Seen::default();
        self.fields(|r, field| {
            match field {
                "id" => {
                    seen.first(0)?;
                    id = Some(r.string()?);
                }
                "name" => {
                    seen.first(1)?;
                    name = Some(r.string()?);
                }
                "description" => {
                    seen.first(2)?;
                    description = r.string()?;
                }
                "allow" => {
                    seen.first(3)?;
                    allow = r.strings()?;
                }
                "touchpoints" => {
                    seen.first(4)?;
                    touchpoints = r.list(Self::touchpoint)?;
                }
                _ => return None,
            }
            Some(())
        })?;
        Some(Stage {
            id: id?,
            name: name?,
            description,
            allow,
            touchpoints: touchpoints.into(),
        })
    }

    fn touchpoint(&mut self) -> Option<Touchpoint> {
        let (mut id, mut name, mut kind) = (None, None, None);
        let (mut channel, mut notes, mut allow) = (String::new(), String::new(), Vec::new());
        let mut cost = None;
        let mut seen = Seen::default();
        self.fields(|r, field| {
            match field {
                "id" => {
                    seen.first(0)?;
                    id = Some(r.string()?);
                }
                "name" => {
                    seen.first(1)?;
                    name = Some(r.string()?);
                }
                "kind" => {
                    seen.first(2)?;
                    kind = Some(match r.ident()? {
                        "Direct" => Kind::Direct,
                        "Indirect" => Kind::Indirect,
                        _ => return None,
                    });
                }
                "channel" => {
                    seen.first(3)?;
                    channel = r.string()?;
                }
                "cost" => {
                    seen.first(4)?;
                    // A bare number: `Cost::new` is the model's own check.
                    cost = Some(Cost::new(r.float()?)?);
                }
                "notes" => {
                    seen.first(5)?;
                    notes = r.string()?;
                }
                "allow" => {
                    seen.first(6)?;
                    allow = r.strings()?;
                }
                _ => return None,
            }
            Some(())
        })?;
        Some(Touchpoint {
            id: id?,
            name: name?,
            kind: kind?,
            channel,
            cost,
            notes,
            allow,
        })
    }

    fn persona(&mut self) -> Option<Persona> {
        let (mut id, mut name) = (None, None);
        let (mut description, mut allow, mut paths) = (String::new(), Vec::new(), Vec::new());
        let mut seen = Seen::default();
        self.fields(|r, field| {
            match field {
                "id" => {
                    seen.first(0)?;
                    id = Some(r.string()?);
                }
                "name" => {
                    seen.first(1)?;
                    name = Some(r.string()?);
                }
                "description" => {
                    seen.first(2)?;
                    description = r.string()?;
                }
                "allow" => {
                    seen.first(3)?;
                    allow = r.strings()?;
                }
                "paths" => {
                    seen.first(4)?;
                    paths = r.list(Self::path)?;
                }
                _ => return None,
            }
            Some(())
        })?;
        Some(Persona {
            id: id?,
            name: name?,
            description,
            allow,
            paths: paths.into(),
        })
    }

    fn path(&mut self) -> Option<Path> {
        let (mut id, mut name) = (None, None);
        let (mut outcome, mut customers) = (Outcome::default(), None);
        let (mut allow, mut steps) = (Vec::new(), Vec::new());
        let mut seen = Seen::default();
        self.fields(|r, field| {
            match field {
                "id" => {
                    seen.first(0)?;
                    id = Some(r.string()?);
                }
                "name" => {
                    seen.first(1)?;
                    name = Some(r.string()?);
                }
                "outcome" => {
                    seen.first(2)?;
                    outcome = match r.ident()? {
                        "Converted" => Outcome::Converted,
                        "DroppedOut" => Outcome::DroppedOut,
                        "Open" => Outcome::Open,
                        _ => return None,
                    };
                }
                "customers" => {
                    seen.first(3)?;
                    // ron reads an `i64`: a larger number is its error.
                    let n = r.digits()?;
                    i64::try_from(n).ok()?;
                    customers = Some(n);
                }
                "allow" => {
                    seen.first(4)?;
                    allow = r.strings()?;
                }
                "steps" => {
                    seen.first(5)?;
                    steps = r.list(Self::step)?;
                }
                _ => return None,
            }
            Some(())
        })?;
        Some(Path {
            id: id?,
            name: name?,
            outcome,
            customers,
            allow,
            steps,
        })
    }

    fn step(&mut self) -> Option<Step> {
        let mut touchpoint = None;
        let (mut emotion, mut note) = (None, String::new());
        let mut seen = Seen::default();
        self.fields(|r, field| {
            match field {
                "touchpoint" => {
                    seen.first(0)?;
                    touchpoint = Some(r.string()?);
                }
                "emotion" => {
                    seen.first(1)?;
                    let negative = r.eat(b'-');
                    let size = i8::try_from(r.digits()?).ok()?;
                    let value = if negative { -size } else { size };
                    if !(EMOTION_MIN..=EMOTION_MAX).contains(&value) {
                        return None;
                    }
                    emotion = Some(value);
                }
                "note" => {
                    seen.first(2)?;
                    note = r.string()?;
                }
                _ => return None,
            }
            Some(())
        })?;
        Some(Step {
            touchpoint: touchpoint?,
            emotion,
            note,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    const SMALL: &str = "(\n    format: 1,\n    title: \"T\",\n    stages: [\n        (\n            id: \"s\",\n            name: \"S\",\n            touchpoints: [\n                (\n                    id: \"t\",\n                    name: \"T \\\"q\\\" \\u{1b}\",\n                    kind: Direct,\n                    cost: 12.5,\n                ),\n            ],\n        ),\n    ],\n    personas: [\n        (\n            id: \"p\",\n            name: \"P\",\n            paths: [\n                (\n                    id: \"pa\",\n                    name: \"Pa\",\n                    outcome: Converted,\n                    customers: 120,\n                    steps: [\n                        (touchpoint: \"t\", emotion: -2, note: \"n\\n\"),\n                    ],\n                ),\n            ],\n        ),\n    ],\n)\n";

    fn ron(text: &str) -> Option<crate::core::model::Map> {
        ron::from_str(text).ok()
    }

    #[test]
    fn canonical_text_parses_as_ron_parses_it() {
        let map = parse(SMALL).expect("the canonical layout is read");
        assert_eq!(Some(&map), ron(SMALL).as_ref());
        assert_eq!(map.stages[0].touchpoints[0].name, "T \"q\" \u{1b}");
        assert_eq!(
            map.stages[0].touchpoints[0].cost.map(|c| c.get()),
            Some(12.5)
        );
        assert_eq!(map.personas[0].paths[0].customers, Some(120));
        assert_eq!(map.personas[0].paths[0].steps[0].emotion, Some(-2));
        let tight = "(title:\"x\",format:2,language:\"DE\",stages:[],)";
        assert_eq!(parse(tight), ron(tight));
        assert!(parse(tight).is_some(), "any field order, no whitespace");
    }

    #[test]
    fn what_is_not_clearly_understood_is_declined() {
        let with = |from: &str, to: &str| {
            let text = SMALL.replacen(from, to, 1);
            assert_ne!(text, SMALL, "{from:?} is in the text");
            text
        };
        let declined = [
            with("(\n    format", "// a comment\n(\n    format"),
            with("title: \"T\"", "title: \"T\" /* c */"),
            with("title: \"T\"", "title: r\"T\""),
            with("title: \"T\"", "title: \"\\x41\""),
            with("title: \"T\"", "title: \"T\", colour: \"red\""),
            with("title: \"T\"", "title: \"T\", title: \"U\""),
            with("title: \"T\"", "title: \"T\"\u{c}"),
            with("cost: 12.5", "cost: Some(12.5)"),
            with("cost: 12.5", "cost: 1_2.5"),
            with("cost: 12.5", "cost: 12.5f64"),
            with("customers: 120", "customers: 0x78"),
            with("emotion: -2", "emotion: +2"),
            with("emotion: -2", "emotion: -3"),
            with("(\n    format", "Map(\n    format"),
            with("kind: Direct", "kind: Sideways"),
            format!("{SMALL}x"),
            format!("#![enable(implicit_some)]\n{SMALL}"),
        ];
        for text in &declined {
            assert_eq!(parse(text), None, "{text}");
        }
        // Declining is not rejecting: some of these are valid RON.
        assert!(ron(&declined[0]).is_some());
        assert!(ron(&declined[2]).is_some());
        assert!(ron(&declined[13]).is_some());
    }
}
