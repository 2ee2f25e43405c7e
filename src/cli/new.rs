//! `journey new`: write a new map from a template.

use super::{EXIT_OK, EXIT_UNREADABLE, LanguageArg, TemplateArg, eprint_clean};
use crate::core::format::{create_new, to_string};
use crate::core::model::Language;
use crate::core::samefile::shown_path;
use crate::core::templates::Template;
use std::io::ErrorKind;
use std::path::Path;

impl From<TemplateArg> for Template {
    fn from(arg: TemplateArg) -> Template {
        match arg {
            TemplateArg::FiveStage => Template::FiveStage,
            TemplateArg::Aida => Template::Aida,
            TemplateArg::Hourglass => Template::Hourglass,
        }
    }
}

impl From<LanguageArg> for Language {
    fn from(arg: LanguageArg) -> Language {
        match arg {
            LanguageArg::En => Language::En,
            LanguageArg::De => Language::De,
        }
    }
}

/// Creates `file` from a template; refuses to overwrite anything.
/// Without `--template` or `--language`, the config's `template` and
/// `language` are used.
pub fn run(
    file: &Path,
    template: Option<TemplateArg>,
    title: Option<&str>,
    language: Option<LanguageArg>,
) -> u8 {
    if title.is_some_and(|t| t.trim().is_empty()) {
        eprint_clean("error: --title must not be empty; leave it out to keep the template's title");
        return EXIT_UNREADABLE;
    }
    super::config::warn_config_problems();
    let config = super::config::config();
    let template = template
        .map(Template::from)
        .or(config.template)
        .unwrap_or_default();
    let language = language
        .map(Language::from)
        .or(config.language)
        .unwrap_or_default();
    let map = template.instantiate_in(language, title);
    let shown = shown_path(file);
    match create_new(file, to_string(&map).as_bytes()) {
        Ok(()) => {
            eprint_clean(&format!(
                "created {shown} from the {} template ({}); run `journey check {shown}` to see what to fill in",
                template.name(),
                language.code(),
            ));
            EXIT_OK
        }
        Err(e) if e.kind() == ErrorKind::AlreadyExists => {
            eprint_clean(&format!(
                "error: {shown}: already exists; journey new never overwrites a file"
            ));
            EXIT_UNREADABLE
        }
        Err(e) => {
            eprint_clean(&format!("error: {shown}: cannot create: {e}"));
            EXIT_UNREADABLE
        }
    }
}
