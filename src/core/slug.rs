//! Ids: slugs made from names when an item is created, never changed later.

/// Makes a slug from a name: lower-case ASCII letters, digits and single
/// dashes. German umlauts and ß are transliterated first (ä→ae, ß→ss); other
/// letters of the Latin, Greek and Cyrillic scripts are folded to ASCII by
/// `deunicode` (`Ōsaka` → `osaka`, `Şişli İstanbul` → `sisli-istanbul`,
/// `Москва` → `moskva`); anything else separates words. Returns an empty
/// string when nothing usable is left (say, a name in CJK): a romanisation
/// of those would be a guess, and the caller's fallback id is clearer.
pub fn slugify(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut dash = false;
    for c in name.chars() {
        let piece: &str = match c {
            'ä' | 'Ä' => "ae",
            'ö' | 'Ö' => "oe",
            'ü' | 'Ü' => "ue",
            'ß' | 'ẞ' => "ss",
            c if c.is_ascii() => {
                if c.is_ascii_alphanumeric() {
                    out_push_char(&mut out, &mut dash, c.to_ascii_lowercase());
                } else {
                    dash = !out.is_empty();
                }
                continue;
            }
            c if folds(c) => deunicode::deunicode_char(c).unwrap_or(" "),
            _ => " ",
        };
        for ch in piece.chars() {
            if ch.is_ascii_alphanumeric() {
                out_push_char(&mut out, &mut dash, ch.to_ascii_lowercase());
            } else {
                dash = !out.is_empty();
            }
        }
    }
    out
}

/// Whether a character is a letter or digit of a script that folds to
/// ASCII letter by letter: Latin (with its extensions), Greek, Cyrillic.
fn folds(c: char) -> bool {
    c.is_alphanumeric()
        && matches!(c as u32,
            0x00C0..=0x052F | 0x1D00..=0x1FFF | 0x2C60..=0x2C7F | 0xA720..=0xA7FF | 0xAB30..=0xAB6F)
}

fn out_push_char(out: &mut String, dash: &mut bool, c: char) {
    if *dash {
        out.push('-');
        *dash = false;
    }
    out.push(c);
}

/// Strips the accent from common Latin letters; returns others unchanged.
fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'å' | 'ā' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Å' => 'a',
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => 'c',
        'ď' | 'Ď' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ł' | 'Ł' => 'l',
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ø' => 'o',
        'ř' | 'Ř' => 'r',
        'ś' | 'š' | 'Ś' | 'Š' => 's',
        'ť' | 'Ť' => 't',
        'ù' | 'ú' | 'û' | 'ů' | 'Ù' | 'Ú' | 'Û' | 'Ů' => 'u',
        'ý' | 'ÿ' | 'Ý' => 'y',
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => 'z',
        _ => c,
    }
}

/// An ASCII stand-in for a character, for terminals that show ASCII only:
/// umlauts and ß as in ids (ä→ae, ß→ss), accents dropped, typographic
/// quotes, dashes and arrows as their plain forms. `None` where there is
/// no good one.
pub fn ascii_for(c: char) -> Option<&'static str> {
    const PLAIN: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let folded = match c {
        'ä' => return Some("ae"),
        'ö' => return Some("oe"),
        'ü' => return Some("ue"),
        'Ä' => return Some("Ae"),
        'Ö' => return Some("Oe"),
        'Ü' => return Some("Ue"),
        'ß' => return Some("ss"),
        'ẞ' => return Some("SS"),
        '„' | '“' | '”' | '«' | '»' | '″' => return Some("\""),
        '‚' | '‘' | '’' | '‹' | '›' | '′' => return Some("'"),
        '–' | '—' | '−' => return Some("-"),
        '…' => return Some("..."),
        '→' => return Some("->"),
        '←' => return Some("<-"),
        '·' | '•' => return Some("*"),
        '€' => return Some("EUR"),
        '\u{a0}' | '\u{2009}' | '\u{202f}' => return Some(" "),
        c => {
            let lower = c.to_lowercase().next().unwrap_or(c);
            let f = fold_accent(lower);
            if f == lower {
                return None;
            }
            if c.is_uppercase() {
                f.to_ascii_uppercase()
            } else {
                f
            }
        }
    };
    PLAIN.find(folded).map(|i| &PLAIN[i..=i])
}

/// Makes an id for a new item: the slug of `name`, or `fallback` when the
/// slug is empty, with `-2`, `-3`… appended until `taken` says it is free.
pub fn unique_id(name: &str, fallback: &str, taken: impl Fn(&str) -> bool) -> String {
    let base = match slugify(name) {
        s if s.is_empty() => fallback.to_string(),
        s => s,
    };
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| !taken(candidate))
        .unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn umlauts_and_eszett_are_transliterated() {
        assert_eq!(slugify("Größe & Übersicht"), "groesse-uebersicht");
        assert_eq!(slugify("Äpfel für Österreich"), "aepfel-fuer-oesterreich");
    }

    #[test]
    fn punctuation_collapses_to_single_dashes() {
        assert_eq!(slugify("  Web search -- (Google)  "), "web-search-google");
        assert_eq!(slugify("Café crème"), "cafe-creme");
    }

    #[test]
    fn accented_names_keep_their_letters() {
        assert_eq!(slugify("Ōsaka"), "osaka");
        assert_eq!(slugify("Şişli İstanbul"), "sisli-istanbul");
        assert_eq!(slugify("Łódź, Kraków"), "lodz-krakow");
        assert_eq!(slugify("Москва"), "moskva");
        assert_eq!(slugify("Ærø"), "aero");
        // The German step comes first: not "a" but "ae".
        assert_eq!(slugify("Bäckerei Müller"), "baeckerei-mueller");
    }

    #[test]
    fn names_without_latin_letters_give_an_empty_slug() {
        assert_eq!(slugify("口コミ 🎉"), "");
    }

    #[test]
    fn ascii_stand_ins() {
        let shown: String =
            "Bef\u{f6}rderung \u{201e}Caf\u{e9}\u{201c} \u{2013} \u{c9}t\u{e9} \u{20ac}"
                .chars()
                .map(|c| ascii_for(c).map_or_else(|| c.to_string(), str::to_string))
                .collect();
        assert_eq!(shown, "Befoerderung \"Cafe\" - Ete EUR");
        assert_eq!(ascii_for('口'), None);
    }

    #[test]
    fn unique_id_appends_a_number() {
        let taken = ["blog", "blog-2"];
        assert_eq!(unique_id("Blog", "tp", |c| taken.contains(&c)), "blog-3");
        assert_eq!(unique_id("レビュー", "touchpoint", |_| false), "touchpoint");
    }
}
