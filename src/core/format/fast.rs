//! A fast path for reading map files: a hand-written reader for the RON that
//! journey writes, straight into a [`Map`], with no serde in between.
//!
//! The rule that keeps it honest: it returns exactly the map that
//! `ron::from_str::<Map>` returns for the same text, or it declines (`None`)
//! and the caller asks ron, whose errors (with their lines and columns) stay
//! the ones a user sees. It declines on anything it does not clearly
//! understand: comments, raw strings, `\x` escapes, whitespace other than
//! space, tab, CR and LF, struct names (`Map(`), `Some(..)`, numbers with a
//! suffix, prefix or `_`, or with a sign where the field is unsigned (an
//! emotion's `-2` is read), unknown, duplicate or missing fields, and
//! trailing text. What it
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
    /// trailing comma, as ron's `CommaSeparated` reads it. A name not in
    /// `names`, or one read before (serde refuses a duplicate), declines;
    /// `field` reads the value after the `:`.
    fn fields(
        &mut self,
        names: &[&str],
        mut field: impl FnMut(&mut Self, &'a str) -> Option<()>,
    ) -> Option<()> {
        let mut seen = 0u32;
        self.expect(b'(')?;
        loop {
            self.ws();
            if self.eat(b')') {
                return Some(());
            }
            let name = self.ident()?;
            let bit = 1 << names.iter().position(|n| *n == name)?;
            if seen & bit != 0 {
                return None;
            }
            seen |= bit;
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
        const NAMES: &[&str] = &[
            "format",
            "title",
            "description",
            "language",
            "conversion",
            "currency",
            "allow",
            "stages",
            "personas",
        ];
        let mut map = Map::new(String::new());
        let (mut format, mut title) = (None, None);
        self.fields(NAMES, |r, field| {
            match field {
                // ron reads a `u32`: a larger number is its error.
                "format" => format = Some(u32::try_from(r.digits()?).ok()?),
                "title" => title = Some(r.string()?),
                "description" => map.description = r.string()?,
                "language" => map.language = Language::from_code(&r.string()?)?,
                "conversion" => map.conversion = r.string()?,
                "currency" => map.currency = r.string()?,
                "allow" => map.allow = r.strings()?,
                "stages" => map.stages = r.list(Self::stage)?,
                "personas" => map.personas = r.list(Self::persona)?,
                _ => return None,
            }
            Some(())
        })?;
        map.format = format?;
        map.title = title?;
        Some(map)
    }

    fn stage(&mut self) -> Option<Stage> {
        const NAMES: &[&str] = &["id", "name", "description", "allow", "touchpoints"];
        let (mut id, mut name) = (None, None);
        let (mut description, mut allow, mut touchpoints) = (String::new(), Vec::new(), Vec::new());
        self.fields(NAMES, |r, field| {
            match field {
                "id" => id = Some(r.string()?),
                "name" => name = Some(r.string()?),
                "description" => description = r.string()?,
                "allow" => allow = r.strings()?,
                "touchpoints" => touchpoints = r.list(Self::touchpoint)?,
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
        const NAMES: &[&str] = &["id", "name", "kind", "channel", "cost", "notes", "allow"];
        let (mut id, mut name, mut kind) = (None, None, None);
        let (mut channel, mut notes, mut allow) = (String::new(), String::new(), Vec::new());
        let mut cost = None;
        self.fields(NAMES, |r, field| {
            match field {
                "id" => id = Some(r.string()?),
                "name" => name = Some(r.string()?),
                "kind" => {
                    kind = Some(match r.ident()? {
                        "Direct" => Kind::Direct,
                        "Indirect" => Kind::Indirect,
                        _ => return None,
                    });
                }
                "channel" => channel = r.string()?,
                // A bare number: `Cost::new` is the model's own check.
                "cost" => cost = Some(Cost::new(r.float()?)?),
                "notes" => notes = r.string()?,
                "allow" => allow = r.strings()?,
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
        const NAMES: &[&str] = &["id", "name", "description", "allow", "paths"];
        let (mut id, mut name) = (None, None);
        let (mut description, mut allow, mut paths) = (String::new(), Vec::new(), Vec::new());
        self.fields(NAMES, |r, field| {
            match field {
                "id" => id = Some(r.string()?),
                "name" => name = Some(r.string()?),
                "description" => description = r.string()?,
                "allow" => allow = r.strings()?,
                "paths" => paths = r.list(Self::path)?,
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
        const NAMES: &[&str] = &["id", "name", "outcome", "customers", "allow", "steps"];
        let (mut id, mut name) = (None, None);
        let (mut outcome, mut customers) = (Outcome::default(), None);
        let (mut allow, mut steps) = (Vec::new(), Vec::new());
        self.fields(NAMES, |r, field| {
            match field {
                "id" => id = Some(r.string()?),
                "name" => name = Some(r.string()?),
                "outcome" => {
                    outcome = match r.ident()? {
                        "Converted" => Outcome::Converted,
                        "DroppedOut" => Outcome::DroppedOut,
                        "Open" => Outcome::Open,
                        _ => return None,
                    };
                }
                "customers" => {
                    // ron reads an `i64`: a larger number is its error.
                    let n = r.digits()?;
                    i64::try_from(n).ok()?;
                    customers = Some(n);
                }
                "allow" => allow = r.strings()?,
                "steps" => steps = r.list(Self::step)?,
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
        const NAMES: &[&str] = &["touchpoint", "emotion", "note"];
        let mut touchpoint = None;
        let (mut emotion, mut note) = (None, String::new());
        self.fields(NAMES, |r, field| {
            match field {
                "touchpoint" => touchpoint = Some(r.string()?),
                "emotion" => {
                    // ron reads an `i64`, which the model checks for range.
                    let negative = r.eat(b'-');
                    let size = i8::try_from(r.digits()?).ok()?;
                    let value = if negative { -size } else { size };
                    if !(EMOTION_MIN..=EMOTION_MAX).contains(&value) {
                        return None;
                    }
                    emotion = Some(value);
                }
                "note" => note = r.string()?,
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
mod tests;
