//! The values panel drawn alone at the size the layout gives it on an 80×24 and a 120×40
//! terminal: every weight of a 2×2 and of a 4×4 update is on it, old → new (change), in full
//! (over its scroll positions when it is taller than the panel). Every expected number is
//! worked out here or in tests/two_two_two_by_hand.py, never read from the program.

mod common;

use backstep::tui::app::App;
use backstep::tui::layout::regions;
use backstep::tui::{Message, ui};
use common::view::{app, panel, screen, step_to};
use ratatui::layout::Rect;

/// The terminal sizes the lesson is given at: a projector's and a laptop's.
const TERMINALS: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// The values panel's area on a `terminal`-sized screen.
fn values_area(terminal: (u16, u16)) -> Rect {
    regions(Rect::new(0, 0, terminal.0, terminal.1), None).values
}

/// The values panel drawn alone at its size on a `terminal`-sized screen, as text (the
/// Unicode minus read as `-`, so the expected numbers can be written with Rust's `{:+}`).
fn values_panel(app: &App, terminal: (u16, u16)) -> String {
    let area = values_area(terminal);
    panel(app, area.width, area.height, ui::values::render_values).replace('−', "-")
}

/// The panel's text at every scroll position PgDn reaches, from the top, until the "more
/// below" marker goes; each screen must say whether there is more above and below.
fn every_scroll_position(app: &mut App, terminal: (u16, u16)) -> String {
    let mut screens = Vec::new();
    for page in 0..50 {
        let text = values_panel(app, terminal);
        let first = text.lines().next().unwrap_or_default().to_string();
        assert_eq!(first.contains("more above"), page > 0, "{text}");
        let more = text
            .lines()
            .last()
            .unwrap_or_default()
            .contains("more below");
        screens.push(text);
        if !more {
            while app.views.values_scroll > 0 {
                app.update(Message::ScrollUp);
            }
            return screens.join("\n");
        }
        app.update(Message::ScrollDown);
    }
    panic!("still more below after 50 pages")
}

/// One weight's cell as the panel writes it: old→new (change), four decimals.
fn cell(old: f64, new: f64) -> String {
    format!("{old:+.4}→{new:+.4} ({:+.4})", new - old)
}

/// The W update of the textbook 2-2-2 iteration: W₁₁..W₂₂ = 0.40, 0.45, 0.50, 0.55 become
/// 0.358916, 0.408666, 0.511301, 0.561370 (tests/two_two_two_by_hand.py, Matt Mazur's
/// published example), each with its change, on the first screen at both sizes.
#[test]
fn every_weight_of_the_two_by_two_update_is_on_the_panel_at_both_sizes() {
    let old = [0.40, 0.45, 0.50, 0.55];
    let new = [
        0.358_916_479_717_884_65,
        0.408_666_186_076_233_4,
        0.511_301_270_238_737_5,
        0.561_370_121_107_989_1,
    ];
    let mut app = app("two-two-two");
    step_to(&mut app, "update (layer 2)");
    for terminal in TERMINALS {
        let text = values_panel(&app, terminal);
        for (a, b) in old.iter().zip(new) {
            let expected = cell(*a, b);
            assert!(
                text.contains(&expected),
                "{terminal:?}: {expected} not in\n{text}"
            );
        }
        assert!(!text.contains('…'), "{text}");
        insta::assert_snapshot!(format!("update_of_W_{}x{}", terminal.0, terminal.1), text);
    }
}

/// With six decimals, both gradients of each row of W at the gradients phase, in full:
/// ∂C/∂W = δ²·hᵀ (tests/two_two_two_by_hand.py).
#[test]
fn the_gradients_with_six_decimals_are_whole_at_both_sizes() {
    let gradients = ["+0.082167", "+0.082668", "-0.022603", "-0.022740"];
    let mut app = app("two-two-two");
    step_to(&mut app, "gradients");
    app.update(Message::MorePrecision);
    app.update(Message::MorePrecision);
    for terminal in TERMINALS {
        let text = every_scroll_position(&mut app, terminal);
        for g in gradients {
            assert!(text.contains(g), "{terminal:?}: {g} not in\n{text}");
        }
        let at_the_top = values_panel(&app, terminal);
        insta::assert_snapshot!(
            format!("gradients_6_decimals_{}x{}", terminal.0, terminal.1),
            at_the_top
        );
    }
}

/// The 4-4-4 network of the test below: V, W (row j holds the weights into neuron j), one
/// sample, sigmoid throughout, no biases, half-MSE, η = 0.5.
const V: [[f64; 4]; 4] = [
    [0.11, -0.23, 0.37, 0.05],
    [-0.41, 0.29, 0.13, -0.17],
    [0.31, 0.07, -0.19, 0.43],
    [-0.03, -0.47, 0.21, 0.39],
];
const W: [[f64; 4]; 4] = [
    [0.52, -0.14, 0.33, -0.26],
    [-0.61, 0.44, 0.09, 0.18],
    [0.27, -0.38, -0.49, 0.62],
    [0.15, 0.57, -0.08, -0.34],
];
const X: [f64; 4] = [0.9, -0.4, 0.6, 0.2];
const D: [f64; 4] = [1.0, 0.0, 0.0, 1.0];
const ETA: f64 = 0.5;

/// The scenario file of the 4-4-4 network.
fn four_four_four() -> String {
    format!(
        "name = \"four-four-four\"\nseed = 1\n\n[network]\nlayers = [4, 4, 4]\n\
         hidden_activation = \"sigmoid\"\noutput_activation = \"sigmoid\"\nbias = \"none\"\n\
         weights = [{V:?}, {W:?}]\n\n[training]\nloss = \"half-mse\"\nlearning_rate = {ETA:?}\n\
         mode = \"sgd\"\nshuffle = false\nepochs = 1\n\n[data]\ninputs = [{X:?}]\n\
         targets = [{D:?}]\n"
    )
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// One iteration of the 4-4-4 network by hand: h = σ(V·x), O = σ(W·h), δ² = (O − d)·O(1 − O),
/// δ¹ = (Wᵀδ²)·h(1 − h), W − η δ² hᵀ and V − η δ¹ xᵀ.
fn four_four_four_by_hand() -> ([[f64; 4]; 4], [[f64; 4]; 4]) {
    let layer = |m: &[[f64; 4]; 4], a: &[f64; 4]| -> [f64; 4] {
        std::array::from_fn(|j| sigmoid((0..4).map(|i| m[j][i] * a[i]).sum()))
    };
    let h = layer(&V, &X);
    let o = layer(&W, &h);
    let delta2: [f64; 4] = std::array::from_fn(|k| (o[k] - D[k]) * o[k] * (1.0 - o[k]));
    let delta1: [f64; 4] = std::array::from_fn(|j| {
        (0..4).map(|k| W[k][j] * delta2[k]).sum::<f64>() * h[j] * (1.0 - h[j])
    });
    let new_w = std::array::from_fn(|k| std::array::from_fn(|j| W[k][j] - ETA * delta2[k] * h[j]));
    let new_v = std::array::from_fn(|j| std::array::from_fn(|i| V[j][i] - ETA * delta1[j] * X[i]));
    (new_v, new_w)
}

/// All sixteen weights of a 4×4 update, old → new (change), in both update phases: on the
/// first screen at 120×40, and over the scroll positions at 80×24.
#[test]
fn every_weight_of_a_four_by_four_update_is_on_the_panel() {
    let path = std::env::temp_dir().join(format!("backstep-values-{}.toml", std::process::id()));
    std::fs::write(&path, four_four_four()).unwrap();
    let mut app = app(path.to_str().unwrap());
    std::fs::remove_file(&path).unwrap();
    let (new_v, new_w) = four_four_four_by_hand();
    for (phase, old, new) in [
        ("update (layer 2)", W, new_w),
        ("update (layer 1)", V, new_v),
    ] {
        step_to(&mut app, phase);
        let cells: Vec<String> = (0..16)
            .map(|n| cell(old[n / 4][n % 4], new[n / 4][n % 4]))
            .collect();
        let first_screen = values_panel(&app, (120, 40));
        let scrolled = every_scroll_position(&mut app, (80, 24));
        for expected in &cells {
            assert!(
                first_screen.contains(expected),
                "{phase}: {expected} not in\n{first_screen}"
            );
            assert!(
                scrolled.contains(expected),
                "{phase}: {expected} not in\n{scrolled}"
            );
        }
        if phase == "update (layer 2)" {
            insta::assert_snapshot!("update_of_a_4x4_W_120x40", first_screen);
        }
    }
}

/// A long input vector wraps onto indented lines instead of being cut: all 64 pixels of a
/// digit are on the first screen at 120×40.
#[test]
fn a_long_input_vector_wraps_whole() {
    let mut app = app("digits");
    step_to(&mut app, "forward (layer 1)");
    let text = values_panel(&app, (120, 40));
    let flat = text
        .lines()
        .map(|l| l.trim_matches('│').trim())
        .collect::<Vec<_>>()
        .join(" ");
    let x = &flat[flat.find("x = (").expect(&text) + 5..];
    let x = &x[..x.find(')').expect(&text)];
    let numbers = x.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>();
    assert_eq!(numbers.len(), 64, "{x}");
    assert!(numbers.iter().all(|n| n.parse::<f64>().is_ok()), "{x}");
}

/// The whole screen as text (the Unicode minus read as `-`).
fn whole_screen(app: &mut App, (width, height): (u16, u16)) -> String {
    screen(app, width, height).replace('−', "-")
}

/// Zoomed (`z` on the values panel, which has the focus until `f` moves it), the values panel
/// shows a whole 4×4 update at 80×24 on one screen: all sixteen weights of each update
/// phase, old → new (change), worked out by hand above.
#[test]
fn a_zoomed_values_panel_shows_a_whole_four_by_four_update_at_80x24() {
    let path = std::env::temp_dir().join(format!("backstep-zoom-{}.toml", std::process::id()));
    std::fs::write(&path, four_four_four()).unwrap();
    let mut app = app(path.to_str().unwrap());
    std::fs::remove_file(&path).unwrap();
    let (new_v, new_w) = four_four_four_by_hand();
    app.update(Message::Zoom);
    for (phase, old, new) in [
        ("update (layer 2)", W, new_w),
        ("update (layer 1)", V, new_v),
    ] {
        step_to(&mut app, phase);
        let screen = whole_screen(&mut app, (80, 24));
        assert!(screen.contains("z or Esc: back"), "{screen}");
        for n in 0..16 {
            let expected = cell(old[n / 4][n % 4], new[n / 4][n % 4]);
            assert!(
                screen.contains(&expected),
                "{phase}: {expected} not in\n{screen}"
            );
        }
        if phase == "update (layer 2)" {
            insta::assert_snapshot!("zoomed_update_of_a_4x4_W_80x24", screen);
        }
    }
}
