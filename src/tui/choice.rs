//! The values a form's choice offers come from the enums they name: each
//! enum lists its values once, and the names the choice shows are made
//! from that list, so a value added to an enum cannot be left out of one
//! list or named in the wrong place.

use crate::core::model::{Kind, Language, Outcome};
use crate::core::templates::Template;

/// A closed set of values that a form's choice offers.
pub trait Choosable: Copy + PartialEq + 'static {
    /// Every value, in the order the choice offers them.
    const ALL: &'static [Self];
    /// What the choice shows for each value of [`Choosable::ALL`], in its order.
    const NAMES: &'static [&'static str];

    /// The value's place in the choice.
    fn index(self) -> usize {
        Self::ALL.iter().position(|v| *v == self).unwrap_or(0)
    }

    /// The value at `index` in the choice (the first where there is none).
    fn at(index: usize) -> Self {
        Self::ALL.get(index).copied().unwrap_or(Self::ALL[0])
    }
}

/// The names of `$all`'s values by `$name`, as a constant array.
macro_rules! names {
    ($all:expr, $name:expr) => {{
        const N: usize = $all.len();
        let mut out = [""; N];
        let mut i = 0;
        while i < N {
            out[i] = $name($all[i]);
            i += 1;
        }
        out
    }};
}

impl Choosable for Kind {
    const ALL: &'static [Kind] = &Kind::ALL;
    const NAMES: &'static [&'static str] = &names!(Kind::ALL, Kind::label);
}

impl Choosable for Outcome {
    const ALL: &'static [Outcome] = &Outcome::ALL;
    const NAMES: &'static [&'static str] = &names!(Outcome::ALL, Outcome::label);
}

impl Choosable for Template {
    const ALL: &'static [Template] = &Template::ALL;
    const NAMES: &'static [&'static str] = &names!(Template::ALL, Template::name);
}

impl Choosable for Language {
    const ALL: &'static [Language] = &Language::ALL;
    const NAMES: &'static [&'static str] = &names!(Language::ALL, language_name);
}

/// A language as the new-map form offers it: its code and its own name.
const fn language_name(language: Language) -> &'static str {
    match language {
        Language::En => "en (English)",
        Language::De => "de (Deutsch)",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trips<T: Choosable + std::fmt::Debug>() {
        assert_eq!(T::ALL.len(), T::NAMES.len());
        for (i, v) in T::ALL.iter().enumerate() {
            assert_eq!(v.index(), i);
            assert_eq!(T::at(i), *v);
        }
        assert_eq!(T::at(T::ALL.len()), T::ALL[0], "out of range is the first");
    }

    #[test]
    fn every_choice_names_each_value_once_in_order() {
        round_trips::<Kind>();
        round_trips::<Outcome>();
        round_trips::<Template>();
        round_trips::<Language>();
        assert_eq!(Kind::NAMES, ["direct", "indirect"]);
        assert_eq!(Outcome::NAMES, ["open", "converted", "dropped out"]);
        assert_eq!(Template::NAMES, ["five-stage", "aida", "hourglass"]);
        assert_eq!(Language::NAMES, ["en (English)", "de (Deutsch)"]);
    }
}
