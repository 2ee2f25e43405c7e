//! Which text a map still carries from the template it was made from: the
//! forms select it on entry, so that one key replaces a template's English
//! description instead of a hundred Backspaces.

use crate::core::templates::Template;
use std::sync::OnceLock;

/// Whether `text` is a title, description, stage name or stage description
/// of a built-in template, word for word.
pub fn is_template_text(text: &str) -> bool {
    static TEXTS: OnceLock<Vec<String>> = OnceLock::new();
    let texts = TEXTS.get_or_init(|| {
        let mut texts = Vec::new();
        for template in Template::ALL {
            let map = template.instantiate(None);
            texts.push(map.title);
            texts.push(map.description);
            for stage in map.stages {
                texts.push(stage.name);
                texts.push(stage.description);
            }
        }
        texts.retain(|t| !t.is_empty());
        texts
    });
    !text.is_empty() && texts.iter().any(|t| t == text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_the_templates_words_only() {
        assert!(is_template_text("Awareness"));
        assert!(is_template_text(
            "The customer first learns that the product exists."
        ));
        assert!(!is_template_text("Bewusstsein"));
        assert!(!is_template_text(""));
    }
}
