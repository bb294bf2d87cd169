//! Issue 14's `backstep plot`: the cost curves as SVG (parsed, its curves counted) and PNG
//! (decoded, its size and its curves' pixels checked), the default file name, and refusals.

mod common;

use std::collections::BTreeMap;

use common::{backstep, text};
use quick_xml::Reader;
use quick_xml::events::Event;

/// Runs `backstep` with `args` in `dir`; its standard output, which must succeed.
fn plot_in(dir: &std::path::Path, args: &[&str]) -> String {
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_backstep"))
        .args(args)
        .current_dir(dir)
        .env("LC_ALL", "C")
        .output()
        .unwrap();
    assert!(run.status.success(), "{args:?}: {}", text(&run.stderr));
    text(&run.stdout)
}

/// Every polyline of an SVG document: its stroke colour and how many points it has.
fn polylines(svg: &str) -> Vec<(String, usize)> {
    let mut reader = Reader::from_str(svg);
    let mut lines = Vec::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "polyline" => {
                let attribute = |name: &str| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == name)
                        .map(|a| a.value.to_string())
                        .unwrap_or_default()
                };
                let points = attribute("points").split_whitespace().count();
                lines.push((attribute("stroke"), points));
            }
            _ => {}
        }
    }
    lines
}

/// The texts of an SVG document.
fn texts(svg: &str) -> String {
    let mut reader = Reader::from_str(svg);
    let mut all = String::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Eof => break,
            Event::Text(t) => {
                all.push_str(t.as_ref());
                all.push('\n');
            }
            _ => {}
        }
    }
    all
}

#[test]
fn a_comparison_is_drawn_one_colour_a_copy_with_every_curve() {
    let dir = tempfile::tempdir().unwrap();
    let out = plot_in(
        dir.path(),
        &[
            "plot",
            "mse-vs-ce",
            "--compare",
            "--epochs",
            "20",
            "--output",
            "c.svg",
        ],
    );
    assert_eq!(out, "wrote c.svg\n");
    let svg = std::fs::read_to_string(dir.path().join("c.svg")).unwrap();
    // A training curve has a point per epoch and the start: 21; per colour, one in each of
    // the three panels (MSE, cross-entropy, classification error).
    let mut curves: BTreeMap<String, usize> = BTreeMap::new();
    let mut dashes: BTreeMap<String, usize> = BTreeMap::new();
    for (stroke, points) in polylines(&svg) {
        match points {
            21 => *curves.entry(stroke).or_default() += 1,
            2 => *dashes.entry(stroke).or_default() += 1,
            _ => {}
        }
    }
    assert_eq!(curves.get("#1F77B4"), Some(&3), "{curves:?}");
    assert_eq!(curves.get("#D62728"), Some(&3), "{curves:?}");
    assert!(
        dashes.get("#1F77B4").is_some_and(|n| *n > 20),
        "validation dashed"
    );
    let words = texts(&svg);
    for label in [
        "MSE against cross-entropy (2-4-1)",
        "binary cross-entropy",
        "classification error",
        "training",
        "validation",
        "epochs",
    ] {
        assert!(words.contains(label), "{label} missing:\n{words}");
    }
}

#[test]
fn without_output_the_image_is_named_after_the_scenario_here() {
    let dir = tempfile::tempdir().unwrap();
    let out = plot_in(dir.path(), &["plot", "xor", "--epochs", "5"]);
    assert_eq!(out, "wrote xor-curves.svg\n");
    let svg = std::fs::read_to_string(dir.path().join("xor-curves.svg")).unwrap();
    let curves = polylines(&svg).iter().filter(|(_, n)| *n == 6).count();
    assert_eq!(curves, 3, "xor has no validation set: one curve a panel");
}

/// The PNG at `path`: its size and its pixels (RGB).
fn decoded(path: &std::path::Path) -> ((u32, u32), Vec<u8>) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut pixels).unwrap();
    assert_eq!(info.color_type, png::ColorType::Rgb);
    pixels.truncate(info.buffer_size());
    ((info.width, info.height), pixels)
}

#[test]
fn a_png_has_the_size_asked_and_its_curves_in_their_colours() {
    let dir = tempfile::tempdir().unwrap();
    for (args, size) in [
        (vec!["--lang", "en"], (960, 600)),
        (vec!["--size", "1280x800", "--lang", "ko"], (1280, 800)),
    ] {
        let mut all = vec![
            "plot",
            "mse-vs-ce",
            "--compare",
            "--epochs",
            "30",
            "--output",
            "m.png",
        ];
        all.extend(args);
        plot_in(dir.path(), &all);
        let (found, pixels) = decoded(&dir.path().join("m.png"));
        assert_eq!(found, size);
        let count = |rgb: [u8; 3]| pixels.chunks(3).filter(|p| *p == rgb).count();
        let all = pixels.len() / 3;
        assert!(count([255, 255, 255]) > all / 2, "mostly white");
        assert!(count([31, 119, 180]) > 500, "the first copy's curves");
        assert!(count([214, 39, 40]) > 500, "the second copy's curves");
        let dark = pixels
            .chunks(3)
            .filter(|p| p.iter().all(|c| *c < 80))
            .count();
        assert!(dark > 2000, "text and axes: {dark}");
    }
}

#[test]
fn a_bad_size_or_file_kind_is_refused() {
    for (args, words) in [
        (
            vec!["plot", "xor", "--size", "10x10"],
            "--size: expected WIDTHxHEIGHT in pixels, each from 200 to 8000, e.g. 960x600, found 10x10",
        ),
        (
            vec!["plot", "xor", "--output", "x.jpg"],
            "expected an image file ending in .svg or .png, found x.jpg",
        ),
        (vec!["plot", "xor", "--vary", "loss=mse"], "expected 2 to 4"),
    ] {
        let run = backstep(&args);
        assert!(!run.status.success(), "{args:?}");
        let err = text(&run.stderr);
        assert!(err.contains(words), "{args:?}: {err}");
    }
}

#[test]
fn a_scenario_with_a_comparison_is_drawn_with_every_copy() {
    let dir = tempfile::tempdir().unwrap();
    plot_in(dir.path(), &["plot", "mse-vs-ce", "--epochs", "4"]);
    let svg = std::fs::read_to_string(dir.path().join("mse-vs-ce-curves.svg")).unwrap();
    let colours: std::collections::BTreeSet<String> = polylines(&svg)
        .into_iter()
        .filter(|(_, n)| *n == 5)
        .map(|(stroke, _)| stroke)
        .collect();
    assert_eq!(colours.len(), 2, "{colours:?}");
    let run = backstep(&["plot", "xor", "--compare"]);
    assert!(!run.status.success());
    assert!(
        text(&run.stderr).contains("[compare]"),
        "{}",
        text(&run.stderr)
    );
}

#[test]
fn a_write_error_names_the_image_not_a_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("no-such-folder").join("x.svg");
    let run = backstep(&[
        "plot",
        "xor",
        "--epochs",
        "1",
        "--output",
        target.to_str().unwrap(),
    ]);
    assert!(!run.status.success());
    let err = text(&run.stderr);
    assert!(
        err.starts_with(&format!("error: {}: cannot write: ", target.display())),
        "{err}"
    );
    assert!(
        !err.contains(".backstep-") && !err.contains("at path"),
        "{err}"
    );
}
