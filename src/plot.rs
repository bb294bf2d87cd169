//! The cost curves as an image (`backstep plot`): MSE, cross-entropy and the classification
//! error over the epochs, training solid and validation dashed, one colour per copy of a
//! comparison, each panel with its axes and legend. Drawn with plotters into SVG (text as
//! text) or PNG (text drawn with a font compiled in: DejaVu Sans, or NanumSquare for
//! Korean), so that the same command gives the same picture on any machine.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::nn::{Cost, Costs};
use crate::scenario::compare::Run;
use crate::scenario::evaluation::EpochCosts;
use crate::text::notation::cost_name;
use crate::words;

/// The font text is drawn with in English (and measured with in SVG).
#[cfg(not(target_arch = "wasm32"))]
const LATIN_FONT: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
/// The font for Korean.
#[cfg(not(target_arch = "wasm32"))]
const KOREAN_FONT: &[u8] = include_bytes!("../assets/fonts/NanumSquareR.ttf");

/// The default size, in pixels.
pub const SIZE: (u32, u32) = (960, 600);

/// The smallest and largest size drawn, in pixels a side.
pub const SIDES: (u32, u32) = (200, 8000);

/// One colour per copy (at most four), readable on white.
const COLOURS: [RGBColor; 4] = [
    RGBColor(31, 119, 180),
    RGBColor(214, 39, 40),
    RGBColor(44, 160, 44),
    RGBColor(148, 103, 189),
];

/// One point of a curve: where on the x axis, and the costs there.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sample {
    /// Epochs or iterations.
    pub x: f64,
    /// Over the training set.
    pub train: Costs,
    /// Over the validation set, if one is held out.
    pub validation: Option<Costs>,
}

/// The curves of one run: its name and its points.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// What differs, for a copy of a comparison.
    pub label: String,
    /// The points, in order.
    pub samples: Vec<Sample>,
}

impl Series {
    /// A copy's run, over its epochs.
    pub fn of_run(run: &Run) -> Series {
        Series {
            label: run.label.clone(),
            samples: run
                .curve
                .iter()
                .map(|p: &EpochCosts| Sample {
                    x: p.epoch as f64,
                    train: p.train,
                    validation: p.validation,
                })
                .collect(),
        }
    }
}

/// What an image shows.
pub struct Figure {
    /// The title over the panels.
    pub title: String,
    /// One series per copy (one for a scenario alone).
    pub series: Vec<Series>,
    /// What the x axis counts, e.g. `epochs`.
    pub x_label: String,
    /// The cross-entropy that suits the output layer.
    pub cross_entropy: Cost,
    /// Width and height in pixels.
    pub size: (u32, u32),
}

/// Why an image could not be drawn.
#[derive(Debug, thiserror::Error)]
#[error("{}", words!("error-plot-draw", reason = reason.clone()))]
pub struct PlotError {
    reason: String,
}

impl PlotError {
    fn new(e: impl std::fmt::Display) -> PlotError {
        PlotError {
            reason: e.to_string(),
        }
    }
}

/// The figure as an SVG document.
pub fn svg(figure: &Figure) -> Result<String, PlotError> {
    use_fonts()?;
    let mut text = String::new();
    {
        let root = SVGBackend::with_string(&mut text, figure.size).into_drawing_area();
        draw(&root, figure)?;
        root.present().map_err(PlotError::new)?;
    }
    Ok(text)
}

/// The figure as a PNG image.
pub fn png(figure: &Figure) -> Result<Vec<u8>, PlotError> {
    use_fonts()?;
    let (width, height) = figure.size;
    let mut pixels = vec![0u8; width as usize * height as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, figure.size).into_drawing_area();
        draw(&root, figure)?;
        root.present().map_err(PlotError::new)?;
    }
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(PlotError::new)?;
    writer.write_image_data(&pixels).map_err(PlotError::new)?;
    writer.finish().map_err(PlotError::new)?;
    Ok(bytes)
}

/// Text is drawn with the font of the language the messages are in.
#[cfg(not(target_arch = "wasm32"))]
fn use_fonts() -> Result<(), PlotError> {
    use crate::text::catalog::{Language, language};
    let font = match language() {
        Language::Korean => KOREAN_FONT,
        _ => LATIN_FONT,
    };
    plotters::style::register_font("sans-serif", FontStyle::Normal, font)
        .map_err(|_| PlotError::new("font"))
}

/// In a browser plotters measures and draws text with the browser's fonts: none is compiled
/// in (they would weigh 1.5 MB).
#[cfg(target_arch = "wasm32")]
fn use_fonts() -> Result<(), PlotError> {
    Ok(())
}

/// The title, then the three panels one under another.
fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    figure: &Figure,
) -> Result<(), PlotError> {
    root.fill(&WHITE).map_err(PlotError::new)?;
    let scale = f64::from(figure.size.1) / f64::from(SIZE.1);
    let title_size = (24.0 * scale).max(10.0);
    let body = root
        .titled(&figure.title, ("sans-serif", title_size))
        .map_err(PlotError::new)?;
    let strip = (30.0 * scale) as u32;
    let (legend, body) = body.split_vertically(strip);
    draw_legend(&legend, figure, scale)?;
    let panels = body.split_evenly((3, 1));
    let costs = [Cost::Mse, figure.cross_entropy, Cost::ClassificationError];
    for (area, cost) in panels.iter().zip(costs) {
        draw_panel(area, figure, cost, scale)?;
    }
    Ok(())
}

/// The largest finite value any series reaches of `cost` (1 when none is above 0).
fn highest(series: &[Series], cost: Cost) -> f64 {
    series
        .iter()
        .flat_map(|r| &r.samples)
        .flat_map(|p| [Some(p.train), p.validation])
        .flatten()
        .map(|c| c.get(cost))
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max)
        .max(f64::MIN_POSITIVE)
}

/// One panel: `cost` over the epochs for every run, training and validation.
fn draw_panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    figure: &Figure,
    cost: Cost,
    scale: f64,
) -> Result<(), PlotError> {
    let right = figure
        .series
        .iter()
        .filter_map(|r| r.samples.last())
        .map(|p| p.x)
        .fold(0.0, f64::max);
    let right = if right > 0.0 { right } else { 1.0 };
    let top = highest(&figure.series, cost) * 1.05;
    let font = (14.0 * scale).max(8.0);
    let mut chart = ChartBuilder::on(area)
        .caption(cost_name(cost), ("sans-serif", font * 1.2))
        .margin((8.0 * scale) as u32)
        .margin_right((24.0 * scale) as u32)
        .x_label_area_size((40.0 * scale) as u32)
        .y_label_area_size((64.0 * scale) as u32)
        .build_cartesian_2d(0.0..right, 0.0..top)
        .map_err(PlotError::new)?;
    chart
        .configure_mesh()
        .x_desc(figure.x_label.clone())
        .x_label_formatter(&|x| crate::text::notation::compact((x * 1000.0).round() / 1000.0))
        .y_desc(cost_name(cost))
        .label_style(("sans-serif", font))
        .axis_desc_style(("sans-serif", font))
        .draw()
        .map_err(PlotError::new)?;
    for (i, series) in figure.series.iter().enumerate() {
        draw_series(&mut chart, i, series, cost)?;
    }
    Ok(())
}

/// One line under the title: each copy's colour and label (one run: none), then what the
/// solid and the dashed lines are.
fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    figure: &Figure,
    scale: f64,
) -> Result<(), PlotError> {
    let font = TextStyle::from(("sans-serif", (14.0 * scale).max(8.0)).into_font())
        .pos(Pos::new(HPos::Left, VPos::Center));
    let sample = (24.0 * scale) as i32;
    let gap = (18.0 * scale) as i32;
    let y = area.dim_in_pixel().1 as i32 / 2;
    let mut entries: Vec<(String, RGBColor, bool)> = Vec::new();
    if figure.series.len() > 1 {
        for (i, series) in figure.series.iter().enumerate() {
            entries.push((series.label.clone(), COLOURS[i % COLOURS.len()], false));
        }
    }
    let ink = match figure.series.len() {
        1 => COLOURS[0],
        _ => RGBColor(0, 0, 0),
    };
    entries.push((words!("plot-training"), ink, false));
    entries.push((words!("plot-validation"), ink, true));
    let widths: Vec<i32> = entries
        .iter()
        .map(|(text, _, _)| {
            let (w, _) = area.estimate_text_size(text, &font).unwrap_or((0, 0));
            sample + 6 + w as i32
        })
        .collect();
    let total: i32 = widths.iter().sum::<i32>() + gap * (entries.len() as i32 - 1);
    let mut x = (area.dim_in_pixel().0 as i32 - total).max(0) / 2;
    for ((text, colour, dashed), width) in entries.iter().zip(&widths) {
        let style = colour.stroke_width(2);
        let line = |from: i32, to: i32| PathElement::new([(x + from, y), (x + to, y)], style);
        if *dashed {
            for from in (0..sample).step_by(10) {
                area.draw(&line(from, (from + 6).min(sample)))
                    .map_err(PlotError::new)?;
            }
        } else {
            area.draw(&line(0, sample)).map_err(PlotError::new)?;
        }
        area.draw_text(text, &font, (x + sample + 6, y))
            .map_err(PlotError::new)?;
        x += width + gap;
    }
    Ok(())
}

type Chart<'a, DB> = ChartContext<
    'a,
    DB,
    Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>,
>;

/// Series `i`'s training curve (solid) and validation curve (dashed, when it has one).
fn draw_series<DB: DrawingBackend>(
    chart: &mut Chart<DB>,
    i: usize,
    series: &Series,
    cost: Cost,
) -> Result<(), PlotError> {
    let style = COLOURS[i % COLOURS.len()].stroke_width(2);
    let train = points(&series.samples, |p| Some(p.train.get(cost)));
    if let [only] = train[..] {
        chart
            .draw_series(std::iter::once(Circle::new(only, 4, style.filled())))
            .map_err(PlotError::new)?;
    }
    chart
        .draw_series(LineSeries::new(train, style))
        .map_err(PlotError::new)?;
    let validation = points(&series.samples, |p| p.validation.map(|c| c.get(cost)));
    if !validation.is_empty() {
        chart
            .draw_series(DashedLineSeries::new(validation, 6, 4, style))
            .map_err(PlotError::new)?;
    }
    Ok(())
}

/// The finite points (x, value) of a curve.
fn points(samples: &[Sample], value: impl Fn(&Sample) -> Option<f64>) -> Vec<(f64, f64)> {
    samples
        .iter()
        .filter_map(|p| value(p).map(|v| (p.x, v)))
        .filter(|(_, v)| v.is_finite())
        .collect()
}
