//! The new-user tryout of the editor, as a key sequence: a German map with
//! twelve touchpoints and two personas with their paths, from a missing
//! file, with the keys `?` lists. It checks the map that comes out and
//! prints how many keys it took (the count the README's editor section
//! reports).

mod common;

use journey::core::model::{Kind, Outcome};
use journey::tui::Screen;
use journey::tui::app::{App, Settings};
use journey::tui::keys::parse_keys;

/// One touchpoint through the `a` form: name, kind by its first letter,
/// channel and a note.
fn touchpoint(name: &str, kind: char, channel: &str, note: &str) -> String {
    format!("a{name}<Tab>{kind}<Tab>{channel}<Tab>{note}<Enter>")
}

/// A stage renamed, with a German description over the template's.
fn stage(name: &str, description: &str) -> String {
    format!("e{name}<Tab>{description}<Enter>")
}

fn sequence() -> Vec<String> {
    let mut s = vec![
        // The new-map dialog: the five-stage template, a title.
        "<Tab>Kamerakauf<Enter>".to_string(),
        // A look at the keys first.
        "?<PgDn><PgDn><PgDn><Esc>".to_string(),
        "T<Tab>Wie Kunden zu ihrer Kamera kommen.<Tab>Kauf im Onlineshop<Enter>".to_string(),
    ];
    let stages = [
        ("Aufmerksamkeit", "Der Kunde erfährt vom Produkt."),
        ("Abwägung", "Der Kunde vergleicht Angebote."),
        ("Entscheidung", "Der Kunde kauft."),
        ("Bindung", "Der Kunde nutzt das Produkt."),
        ("Empfehlung", "Der Kunde empfiehlt weiter."),
    ];
    let touchpoints: [&[(&str, char, &str, &str)]; 5] = [
        &[
            ("Websuche", 'd', "Web", "Suchanzeigen und Vergleichslisten."),
            ("Instagram-Anzeige", 'd', "Social", "Kurze Reisevideos."),
            ("Freunde", 'i', "persönlich", ""),
        ],
        &[
            ("Fotoblogs", 'i', "Web", "Beispielbilder zählen."),
            ("Testbericht", 'i', "Presse", "Die Note entscheidet."),
            ("Produktseite", 'd', "Web", ""),
        ],
        &[
            ("Onlineshop", 'd', "Web", ""),
            (
                "Ladengeschäft",
                'd',
                "persönlich",
                "Die Kamera in der Hand.",
            ),
            ("Preisvergleich", 'i', "Web", ""),
        ],
        &[
            ("Kundenservice", 'd', "Telefon", "Lange Wartezeit."),
            ("Newsletter", 'd', "E-Mail", ""),
        ],
        &[("Bewertungsportal", 'i', "Web", "")],
    ];
    for (i, ((name, description), tps)) in stages.iter().zip(touchpoints).enumerate() {
        if i > 0 {
            // To the next stage's header.
            s.push("l<Home>".into());
        }
        s.push(stage(name, description));
        for (n, k, c, note) in tps {
            s.push(touchpoint(n, *k, c, note));
        }
    }
    s.extend([
        "PDie Kritische<Tab>Liest jede Bewertung.<Enter>".to_string(),
        "PDer Erlebnishungrige<Tab>Folgt Videos und Gutscheinen.<Enter>".to_string(),
        // The critical buyer's path, left to right: Websuche, Fotoblogs,
        // Testbericht, Preisvergleich, Onlineshop, Kundenservice.
        "pkk<Enter>".to_string(),
        "hhhh<Home>j ".to_string(),
        "l<Home>j j ".to_string(),
        "l<Home>jjj <Home>j ".to_string(),
        "l<Home>j ".to_string(),
        // Emotions and two notes in the path panel; converted.
        "skkkkk".to_string(),
        "+j+j++j-j+j--".to_string(),
        "e<Tab>Lange in der Warteschleife.<Enter>".to_string(),
        "kkke<Tab>Die Note zählt.<Enter>".to_string(),
        "o<Esc>".to_string(),
        // The experience seeker: Instagram-Anzeige, Produktseite,
        // Preisvergleich; dropped out.
        "pjj<Enter>".to_string(),
        "hhh<Home>jj ".to_string(),
        "l<Home>jjj ".to_string(),
        "l<Home>jjj ".to_string(),
        "skk+j+j-oo<Esc>".to_string(),
        "<C-s>".to_string(),
    ]);
    s
}

#[test]
fn a_german_map_with_two_personas_from_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("kamera.ron");
    let mut app = App::create(path.clone(), Settings::new(false, true));
    app.handle(crossterm::event::Event::Resize(80, 24));
    let mut count = 0;
    for part in sequence() {
        let events = parse_keys(&part);
        count += events.len();
        for e in events {
            app.handle(e);
        }
    }
    let map = journey::core::format::load(&path).expect("saved").map;
    assert_eq!(map.title, "Kamerakauf");
    assert_eq!(map.conversion, "Kauf im Onlineshop");
    assert_eq!(map.description, "Wie Kunden zu ihrer Kamera kommen.");
    let names: Vec<&str> = map.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Aufmerksamkeit",
            "Abwägung",
            "Entscheidung",
            "Bindung",
            "Empfehlung"
        ]
    );
    assert_eq!(map.stages[0].description, "Der Kunde erfährt vom Produkt.");
    let all: Vec<&str> = map
        .stages
        .iter()
        .flat_map(|s| s.touchpoints.iter().map(|t| t.name.as_str()))
        .collect();
    assert_eq!(all.len(), 12, "{all:?}");
    assert_eq!(map.stages[1].touchpoints[1].kind, Kind::Indirect);
    assert_eq!(map.stages[1].touchpoints[1].channel, "Presse");
    assert_eq!(map.personas.len(), 2);
    let critical = &map.personas[0].paths[0];
    let steps: Vec<&str> = critical
        .steps
        .iter()
        .map(|s| s.touchpoint.as_str())
        .collect();
    assert_eq!(
        steps,
        [
            "websuche",
            "fotoblogs",
            "testbericht",
            "preisvergleich",
            "onlineshop",
            "kundenservice"
        ]
    );
    assert_eq!(critical.outcome, Outcome::Converted);
    assert!(critical.steps.iter().all(|s| s.emotion.is_some()));
    assert_eq!(critical.steps[5].note, "Lange in der Warteschleife.");
    assert_eq!(critical.steps[2].note, "Die Note zählt.");
    let seeker = &map.personas[1].paths[0];
    let steps: Vec<&str> = seeker.steps.iter().map(|s| s.touchpoint.as_str()).collect();
    assert_eq!(
        steps,
        ["instagram-anzeige", "produktseite", "preisvergleich"]
    );
    assert_eq!(seeker.outcome, Outcome::DroppedOut);
    let backspaces = sequence()
        .iter()
        .map(|p| p.matches("<BS>").count())
        .sum::<usize>();
    eprintln!("the tryout took {count} keys, {backspaces} of them Backspace");
}
