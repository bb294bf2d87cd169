//! The message catalogs: every id the code asks for exists, every message is asked for, and
//! every language has the same messages.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

fn files(dir: &Path, extension: &str, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, extension, found);
        } else if path.extension().is_some_and(|e| e == extension) {
            found.push(path);
        }
    }
}

/// The ids of `words!("id", …)` in the sources (ids written out; ids built from a name, such
/// as `activation-{name}-formula`, are checked where they are built).
fn ids_in_code() -> BTreeSet<String> {
    let mut sources = Vec::new();
    files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        "rs",
        &mut sources,
    );
    let mut ids = BTreeSet::new();
    for file in sources {
        let text = fs::read_to_string(&file).unwrap();
        for (at, _) in text.match_indices("words!(") {
            let rest = text[at + "words!(".len()..].trim_start();
            if let Some(quoted) = rest.strip_prefix('"') {
                ids.insert(quoted[..quoted.find('"').unwrap()].to_string());
            }
        }
    }
    ids
}

/// The message ids of one language's catalog files.
fn ids_in_catalog(language: &Path) -> BTreeSet<String> {
    let mut catalogs = Vec::new();
    files(language, "ftl", &mut catalogs);
    catalogs
        .iter()
        .flat_map(|f| {
            fs::read_to_string(f)
                .unwrap()
                .lines()
                .filter_map(|l| l.split_once(" = ").map(|(id, _)| id.to_string()))
                .filter(|id| id.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
                .collect::<Vec<_>>()
        })
        .collect()
}

fn locales() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")
}

#[test]
fn every_id_the_code_asks_for_exists() {
    let ids = ids_in_code();
    assert!(ids.len() > 50, "the words! calls were not found: {ids:?}");
    let catalog = ids_in_catalog(&locales().join("en"));
    let missing: Vec<&String> = ids.iter().filter(|id| !catalog.contains(*id)).collect();
    assert!(missing.is_empty(), "not in the catalog: {missing:?}");
}

#[test]
fn every_message_is_used() {
    let used = ids_in_code();
    let built = ["activation-", "loss-", "cli-help-"];
    let unused: Vec<String> = ids_in_catalog(&locales().join("en"))
        .into_iter()
        .filter(|id| !used.contains(id) && !built.iter().any(|p| id.starts_with(p)))
        .collect();
    assert!(unused.is_empty(), "never asked for: {unused:?}");
}

#[test]
fn every_language_has_the_same_messages() {
    let english = ids_in_catalog(&locales().join("en"));
    assert!(english.len() > 50);
    for entry in fs::read_dir(locales()).unwrap() {
        let language = entry.unwrap().path();
        let ids = ids_in_catalog(&language);
        let only_english: Vec<_> = english.difference(&ids).collect();
        let only_here: Vec<_> = ids.difference(&english).collect();
        assert!(
            only_english.is_empty() && only_here.is_empty(),
            "{}: missing {only_english:?}, extra {only_here:?}",
            language.display()
        );
    }
}
