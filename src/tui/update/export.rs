//! Export from the board: `x` asks for a format, what to show and a file
//! name (suggested next to the map); the loop writes it with the same
//! exporters as `journey export` and reports back. A failure, such as a
//! missing Graphviz or an unwritable folder, is a message; the editor goes on.

use super::Effect;
use crate::core::export::{self, Format, Options};
use crate::tui::action::Answer;
use crate::tui::app::{App, Confirm, ConfirmPurpose, FormPurpose, Overlay};
pub use crate::tui::export_job::ExportJob;
use crate::tui::export_job::ExportResult;
use crate::tui::form::{Field, Form};
use std::path::PathBuf;

/// The format choice's options: the text exports, svg, png and pdf as
/// Graphviz's graph, the journey canvas (which journey draws itself), then
/// the data exports. Each is a format and whether it is the canvas. New
/// formats go at the end, so that the keys to a known one stay the same.
const CHOICES: [(&str, Format, bool); 12] = [
    ("markdown", Format::Markdown, false),
    ("dot", Format::Dot, false),
    ("mermaid", Format::Mermaid, false),
    ("mermaid-journey", Format::MermaidJourney, false),
    ("svg", Format::Svg, false),
    ("png", Format::Png, false),
    ("pdf", Format::Pdf, false),
    ("canvas svg", Format::Svg, true),
    ("canvas png", Format::Png, true),
    ("canvas pdf", Format::Pdf, true),
    ("csv", Format::Csv, false),
    ("json", Format::Json, false),
];

/// The format choice's names, in the prompt's order.
pub const FORMAT_NAMES: [&str; CHOICES.len()] = {
    let mut names = [""; CHOICES.len()];
    let mut i = 0;
    while i < CHOICES.len() {
        names[i] = CHOICES[i].0;
        i += 1;
    }
    names
};
/// The scope choice's options with no persona current.
const SCOPE_MAP: [&str; 1] = ["all personas"];
/// The scope choice's options with a persona current.
const SCOPE_PERSONA: [&str; 2] = ["all personas", "current persona"];

/// Whether the prompt's format is one of the canvas's.
fn canvas_chosen(form: &Form<FormPurpose>) -> bool {
    CHOICES.get(form.selected("Format")).is_some_and(|c| c.2)
}

/// What the prompt's choices say: the format and the options.
fn chosen(app: &App, form: &Form<FormPurpose>) -> (Format, Options) {
    let format = CHOICES
        .get(form.selected("Format"))
        .map_or(Format::Markdown, |c| c.1);
    let persona = app
        .current
        .persona(app.doc.map())
        .filter(|_| form.selected("Show") == 1);
    let options = match persona {
        Some(p) => Options::persona(p.id.clone()),
        None => Options::all(),
    };
    (format, options)
}

fn suggestion(app: &App, form: &Form<FormPurpose>) -> String {
    let (format, options) = chosen(app, form);
    let mut path = export::suggested_path(&app.doc.path, format, &options);
    // A map kept as `notes.md` would be offered its own name for Markdown.
    if is_the_map(app, &path) {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        path.set_file_name(format!("export-{}", name.unwrap_or_default()));
    }
    path.display().to_string()
}

/// Whether `path` names the open map's own file (by any name or link).
fn is_the_map(app: &App, path: &std::path::Path) -> bool {
    path == app.doc.path || crate::core::samefile::same_file(path, &app.doc.path)
}

/// Opens the export prompt.
pub(super) fn open(app: &mut App) {
    let scope: &'static [&'static str] = if app.current.persona.is_some() {
        &SCOPE_PERSONA
    } else {
        &SCOPE_MAP
    };
    // Whether Graphviz is installed shows when it is needed: the export
    // says so, and the prompt reads the same on every machine.
    let intro = "svg, png and pdf are Graphviz's graph (needs dot); \
                 the canvas formats are drawn by journey itself.";
    let mut form = Form::new(
        "Export",
        FormPurpose::Export,
        vec![
            Field::choice("Format", &FORMAT_NAMES, app.view.export_format),
            // With a persona on the board, its path is what a slide is
            // most likely for.
            Field::choice("Show", scope, scope.len() - 1),
            Field::line("File", ""),
        ],
    )
    .with_intro(intro);
    let file = suggestion(app, &form);
    form.set_text("File", &file);
    app.push_layer(Overlay::Form(form));
}

/// The choices of an export form, to tell whether a key changed them.
pub(super) fn choices(form: &Form<FormPurpose>) -> Option<(usize, usize)> {
    (form.purpose == FormPurpose::Export).then(|| (form.selected("Format"), form.selected("Show")))
}

/// Keeps the file name in step with the format and scope: while it is the
/// suggestion for the old choices, it becomes the one for the new.
pub(super) fn follow(app: &App, form: &mut Form<FormPurpose>, before: (usize, usize)) {
    if choices(form) == Some(before) {
        return;
    }
    let mut old = form.clone();
    old.set_selected("Format", before.0);
    old.set_selected("Show", before.1);
    if form.text("File").trim() == suggestion(app, &old) {
        let file = suggestion(app, form);
        form.set_text("File", &file);
    }
}

/// Starts the export a confirmed prompt asks for; a blank file name keeps
/// the prompt open.
pub(super) fn submit(app: &mut App, form: Form<FormPurpose>) -> Vec<Effect> {
    let file = form.text("File").trim().to_string();
    if file.is_empty() {
        let mut form = form;
        form.error = Some("a file name is required: type one, or Esc to cancel".into());
        form.focus = form.position("File");
        app.push_layer(Overlay::Form(form));
        return Vec::new();
    }
    if is_the_map(app, std::path::Path::new(&file)) {
        let mut form = form;
        form.error = Some("that is the map's own file: choose another name".into());
        form.focus = form.position("File");
        app.push_layer(Overlay::Form(form));
        return Vec::new();
    }
    let path = PathBuf::from(&file);
    if path.exists() && !app.session.exported.contains(&path) {
        app.push_layer(Overlay::Confirm(Confirm {
            title: "File exists".into(),
            lines: vec![format!(
                "{} already exists, and this editor did not write it.",
                crate::recovery::shown(&path)
            )],
            options: vec![
                (Answer::Overwrite, "overwrite it"),
                (Answer::SaveAs, "choose another name"),
            ],
            purpose: ConfirmPurpose::OverwriteExport(Box::new(form)),
        }));
        return Vec::new();
    }
    start(app, form, path)
}

/// The answer to "File exists": the export goes ahead, or the prompt comes
/// back as it was, on its file name.
pub(super) fn answer(app: &mut App, mut form: Form<FormPurpose>, answer: Answer) -> Vec<Effect> {
    match answer {
        Answer::Overwrite => {
            let path = PathBuf::from(form.text("File").trim());
            start(app, form, path)
        }
        Answer::SaveAs => {
            form.focus = form.position("File");
            app.push_layer(Overlay::Form(form));
            Vec::new()
        }
        _ => {
            app.info("nothing was exported");
            Vec::new()
        }
    }
}

/// Starts the export of a confirmed prompt to `path`.
fn start(app: &mut App, form: Form<FormPurpose>, path: PathBuf) -> Vec<Effect> {
    let (format, options) = chosen(app, &form);
    if format.image().is_some()
        && let Some(drawing) = &app.session.drawing
    {
        let mut form = form;
        form.error = Some(format!(
            "still drawing {}: Esc on the board cancels it",
            crate::recovery::shown(drawing.path())
        ));
        app.push_layer(Overlay::Form(form));
        return Vec::new();
    }
    app.view.export_format = form.selected("Format");
    app.info(format!("exporting {}…", format.name()));
    vec![Effect::Export(ExportJob {
        map: app.doc.snapshot(),
        format,
        options,
        path,
        canvas: canvas_chosen(&form),
    })]
}

/// Esc while a picture is drawn: stops `dot`. The drawing's result (a
/// cancelled export) then comes back on a tick.
pub(super) fn cancel(app: &mut App) -> Vec<Effect> {
    if let Some(drawing) = &app.session.drawing {
        drawing.cancel();
        app.info(format!(
            "cancelling the drawing of {}…",
            crate::recovery::shown(drawing.path())
        ));
    }
    Vec::new()
}

/// Says where the export went, or why it failed; the editor goes on.
pub(super) fn exported(app: &mut App, result: ExportResult) -> Vec<Effect> {
    if app
        .session
        .drawing
        .as_ref()
        .is_some_and(|d| d.path() == result.path)
    {
        app.session.drawing = None;
    }
    let path = crate::recovery::shown(&result.path);
    if result.cancelled {
        app.info(format!("drawing of {path} cancelled; nothing was written"));
        return Vec::new();
    }
    let to = if result.replaced {
        format!("{path} (replacing the file that was there)")
    } else {
        path
    };
    if result.error.is_none() && !app.session.exported.contains(&result.path) {
        app.session.exported.push(result.path.clone());
    }
    match (result.error, result.warnings.first()) {
        (Some(e), _) => app.error(format!("export failed: {}", e.replace('\n', " "))),
        (None, None) => app.info(format!("exported to {to}")),
        (None, Some(first)) => app.info(format!(
            "exported to {to}; {} warning{}: {first}",
            result.warnings.len(),
            if result.warnings.len() == 1 { "" } else { "s" }
        )),
    }
    Vec::new()
}
