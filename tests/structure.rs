//! The shape of the code, checked: no two files of src/ import each other (directly or round
//! a longer loop), no function in src/ is longer than 150 lines, and the library's core never
//! touches the terminal.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// A source file's module path, e.g. ["nn", "stepper"]; lib.rs is [].
type Module = Vec<String>;

fn sources(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

fn module_of(src: &Path, file: &Path) -> Module {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Module = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// The code of a file without its tests and comments.
fn code(file: &Path) -> String {
    let text = fs::read_to_string(file).unwrap();
    let text = text.split("#[cfg(test)]").next().unwrap();
    text.lines()
        .map(|l| l.split("//").next().unwrap())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path a file names from `crate::` or `super::`, and `use child::…` of its own
/// children, as module paths (a use list `a::{b, c::d}` gives one path per item).
fn named_paths(module: &Module, is_mod_file: bool, code: &str) -> Vec<Module> {
    let mut paths = Vec::new();
    let here: Module = if is_mod_file {
        module.clone()
    } else {
        module[..module.len().saturating_sub(1)].to_vec()
    };
    let bytes: Vec<char> = code.chars().collect();
    let text: String = bytes.iter().collect();
    for (start, _) in text
        .match_indices("crate::")
        .chain(text.match_indices("super::"))
    {
        if start > 0 && (bytes[start - 1].is_alphanumeric() || bytes[start - 1] == '_') {
            continue;
        }
        let rest = &text[start..];
        let (root, rest) = rest.split_once("::").unwrap();
        let base = if root == "crate" {
            Vec::new()
        } else {
            module[..module.len().saturating_sub(1)].to_vec()
        };
        for tail in expand(rest) {
            let mut path = base.clone();
            path.extend(tail);
            paths.push(path);
        }
    }
    for line in code.lines() {
        let line = line
            .trim_start()
            .trim_start_matches("pub ")
            .trim_start_matches("pub(crate) ");
        if let Some(rest) = line.strip_prefix("use ") {
            let first = rest.split("::").next().unwrap_or("");
            if code.contains(&format!("mod {first};")) {
                for tail in expand(rest) {
                    let mut path = here.clone();
                    path.extend(tail);
                    paths.push(path);
                }
            }
        }
    }
    paths
}

/// `a::b::{c, d::e}` … → [[a, b, c], [a, b, d, e]] (identifiers only, stopping at the first
/// character that cannot continue a path).
fn expand(text: &str) -> Vec<Module> {
    let mut prefix = Vec::new();
    let mut rest = text;
    loop {
        let ident: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if ident.is_empty() {
            if let Some(inner) = rest.strip_prefix('{') {
                let inner = &inner[..matching_brace(inner)];
                return split_top_level(inner)
                    .into_iter()
                    .flat_map(|item| {
                        expand(item.trim()).into_iter().map(|tail| {
                            let mut p = prefix.clone();
                            p.extend(tail);
                            p
                        })
                    })
                    .collect();
            }
            return vec![prefix];
        }
        rest = &rest[ident.len()..];
        prefix.push(ident);
        match rest.strip_prefix("::") {
            Some(more) => rest = more,
            None => return vec![prefix],
        }
    }
}

fn matching_brace(text: &str) -> usize {
    let mut depth = 0;
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => return i,
            '}' => depth -= 1,
            _ => {}
        }
    }
    text.len()
}

fn split_top_level(text: &str) -> Vec<&str> {
    let (mut parts, mut depth, mut start) = (Vec::new(), 0, 0);
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

/// The file-level import graph of src/.
fn graph() -> BTreeMap<Module, BTreeSet<Module>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let modules: BTreeMap<Module, PathBuf> = files
        .iter()
        .map(|f| (module_of(&src, f), f.clone()))
        .collect();
    let resolve = |path: &Module| {
        (0..=path.len())
            .rev()
            .map(|n| path[..n].to_vec())
            .find(|m| modules.contains_key(m))
    };
    let mut graph = BTreeMap::new();
    for (module, file) in &modules {
        let is_mod_file = matches!(
            file.file_stem().and_then(|s| s.to_str()),
            Some("mod" | "lib" | "main")
        );
        let deps: BTreeSet<Module> = named_paths(module, is_mod_file, &code(file))
            .iter()
            .filter_map(&resolve)
            .filter(|m| m != module)
            .collect();
        graph.insert(module.clone(), deps);
    }
    graph
}

fn reaches(graph: &BTreeMap<Module, BTreeSet<Module>>, from: &Module, to: &Module) -> bool {
    let mut seen = BTreeSet::new();
    let mut stack = vec![from.clone()];
    while let Some(m) = stack.pop() {
        if &m == to {
            return true;
        }
        if seen.insert(m.clone()) {
            stack.extend(graph.get(&m).into_iter().flatten().cloned());
        }
    }
    false
}

#[test]
fn no_two_files_import_each_other() {
    let graph = graph();
    assert!(graph.len() > 20, "the source files were not found");
    let mut loops = Vec::new();
    for (module, deps) in &graph {
        for dep in deps {
            if reaches(&graph, dep, module) {
                loops.push(format!("{} -> {}", module.join("/"), dep.join("/")));
            }
        }
    }
    assert!(loops.is_empty(), "imports that lead back: {loops:#?}");
}

#[test]
fn the_checker_sees_a_loop() {
    let a: Module = vec!["a".into()];
    let b: Module = vec!["b".into()];
    let graph = BTreeMap::from([
        (a.clone(), BTreeSet::from([b.clone()])),
        (b.clone(), BTreeSet::from([a.clone()])),
    ]);
    assert!(reaches(&graph, &b, &a));
    assert_eq!(
        expand("nn::{Phase, divergence::{Quantity, first}};"),
        vec![
            vec!["nn".to_string(), "Phase".into()],
            vec!["nn".into(), "divergence".into(), "Quantity".into()],
            vec!["nn".into(), "divergence".into(), "first".into()],
        ]
    );
}

#[test]
fn the_core_never_touches_the_terminal() {
    let graph = graph();
    for (module, deps) in &graph {
        let core = matches!(
            module.first().map(String::as_str),
            Some("nn" | "data" | "scenario" | "trace" | "text" | "random")
        );
        if core {
            let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
            let file = src.join(module.join("/"));
            let file = if file.is_dir() {
                file.join("mod.rs")
            } else {
                file.with_extension("rs")
            };
            let code = code(&file);
            assert!(
                !code.contains("ratatui") && !code.contains("crossterm"),
                "{} uses the terminal",
                file.display()
            );
            assert!(
                deps.iter()
                    .all(|d| d.first().map(String::as_str) != Some("tui")),
                "{} imports the view",
                file.display()
            );
        }
    }
}

#[test]
fn no_function_is_longer_than_150_lines() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut long = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let t = line.trim_start();
            let t = match t.strip_prefix("pub") {
                Some(rest) if rest.starts_with('(') => rest.split_once(") ").map_or(t, |(_, f)| f),
                Some(rest) => rest.trim_start(),
                None => t,
            };
            let t = t.strip_prefix("const ").unwrap_or(t);
            if !t.starts_with("fn ") {
                continue;
            }
            if let Some(length) = body_length(&lines[i..]).filter(|n| *n > 150) {
                long.push(format!("{}:{} ({length} lines)", file.display(), i + 1));
            }
        }
    }
    assert!(long.is_empty(), "functions over 150 lines: {long:#?}");
}

/// The number of lines from a `fn` line to the brace that closes its body (None for a
/// declaration without a body).
fn body_length(lines: &[&str]) -> Option<usize> {
    let mut depth = 0i32;
    let mut opened = false;
    for (n, line) in lines.iter().enumerate() {
        for c in line.chars() {
            match c {
                '{' => {
                    depth += 1;
                    opened = true;
                }
                '}' => depth -= 1,
                ';' if !opened => return None,
                _ => {}
            }
        }
        if opened && depth <= 0 {
            return Some(n + 1);
        }
    }
    None
}
