//! A scenario's name and description in the language of the messages: a plain string for
//! every language, or a table `{ en = "…", ko = "…" }` where Korean falls back to English;
//! every built-in gives both.

use backstep::scenario::{BUILTINS, Scenario};
use backstep::text::catalog::{Language, set_language};

const BODY: &str = "[network]\nlayers = [1, 1]\n[data]\ninputs = [[0.0]]\ntargets = [[1.0]]\n";

/// The name and description of `head` + a minimal network and data, read in `language`.
fn read(head: &str, language: Language) -> (String, String) {
    set_language(language);
    let scenario = Scenario::parse(&format!("{head}\n{BODY}"), "t.toml", None);
    set_language(Language::English);
    let scenario = scenario.unwrap_or_else(|e| panic!("{e}"));
    (scenario.name, scenario.description)
}

#[test]
fn a_plain_string_is_the_text_in_every_language() {
    let head = "name = \"XOR\"\ndescription = \"Four points\"";
    for language in [Language::English, Language::Korean] {
        assert_eq!(
            read(head, language),
            ("XOR".to_string(), "Four points".to_string())
        );
    }
}

#[test]
fn a_table_gives_each_language_its_text() {
    let head = "name = { en = \"Vanishing gradients\", ko = \"기울기 소실\" }\n\
                description.en = \"Deep\"\ndescription.ko = \"깊은 신경망\"";
    assert_eq!(
        read(head, Language::English),
        ("Vanishing gradients".to_string(), "Deep".to_string())
    );
    assert_eq!(
        read(head, Language::Korean),
        ("기울기 소실".to_string(), "깊은 신경망".to_string())
    );
}

#[test]
fn korean_falls_back_to_english() {
    let head = "name.en = \"Iris\"\nname.ko = \"붓꽃\"\ndescription = { en = \"Flowers\" }";
    assert_eq!(
        read(head, Language::Korean),
        ("붓꽃".to_string(), "Flowers".to_string())
    );
}

/// Column 25 is the opening quote of `"y"`: `name = { en = "x", de = ` is 24 characters.
#[test]
fn an_unknown_language_is_refused_with_its_place() {
    let text = format!("name = {{ en = \"x\", de = \"y\" }}\n{BODY}");
    let error = Scenario::parse(&text, "t.toml", None)
        .unwrap_err()
        .to_string();
    assert!(
        error.starts_with("t.toml:1:25: `name.de`: expected the language `en` or `ko`, found `de`"),
        "{error}"
    );
}

/// Each built-in's file writes `name` and `description` as tables with `en` and `ko`, and the
/// Korean text is read when the language is Korean.
#[test]
fn every_built_in_speaks_english_and_korean() {
    let hangul = |s: &str| s.chars().any(|c| ('가'..='힣').contains(&c));
    for builtin in BUILTINS {
        let file: toml::Table = builtin.source.parse().unwrap();
        for key in ["name", "description"] {
            let table = file[key].as_table();
            let text = |language: &str| table.and_then(|t| t.get(language)?.as_str());
            assert!(
                text("en").is_some_and(|t| !t.trim().is_empty()),
                "{}: {key}.en",
                builtin.name
            );
            assert!(
                text("ko").is_some_and(hangul),
                "{}: {key}.ko is not Korean text",
                builtin.name
            );
        }
        set_language(Language::Korean);
        let korean = Scenario::load(builtin.name).unwrap();
        set_language(Language::English);
        let english = Scenario::load(builtin.name).unwrap();
        assert!(
            hangul(&korean.name) && hangul(&korean.description),
            "{}",
            builtin.name
        );
        assert!(
            !hangul(&english.name) && !hangul(&english.description),
            "{}",
            builtin.name
        );
    }
}

#[test]
fn a_built_in_is_named_as_such_in_its_language() {
    set_language(Language::Korean);
    let korean = Scenario::load("xor").map(|s| s.origin);
    set_language(Language::English);
    assert_eq!(korean.unwrap(), "내장 시나리오 xor");
    assert_eq!(Scenario::load("xor").unwrap().origin, "built-in xor");
}
