//! backstep in the browser: the same app as the terminal's, drawn by ratzilla's DOM back end
//! (the screen's text is real text in the page). The page reads its address for the place
//! to open (`?scenario=NAME&phase=N&lang=ko|en`, `?lesson=NAME`), forwards the browser's
//! keys, clicks and its touch buttons to the app, gives it the page's clock, and draws it
//! with the terminal's render function on every animation frame. It offers the built-in
//! scenarios and lessons; what the app writes (exports, sessions) is downloaded.

mod downloads;
mod keys;

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use backstep::text::catalog::{Language, set_language};
use backstep::tui::Screen;
use backstep::tui::key::KeyCode;
use backstep::tui::lesson::Unkept;
use backstep::tui::link::Link;
use backstep::tui::message::Message;
use backstep::tui::touch::{stays_open, touch_buttons};
use ratzilla::event::{MouseButton, MouseEventKind};
use ratzilla::ratatui::Terminal;
use ratzilla::ratatui::buffer::Buffer;
use ratzilla::ratatui::style::{Color, Modifier};
use ratzilla::{DomBackend, WebRenderer};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let window = web_sys::window().ok_or("no window")?;
    let query = window.location().search().unwrap_or_default();
    let language = Link::parse(&query).language.unwrap_or_else(|| {
        Language::from_locale(&window.navigator().language().unwrap_or_default())
    });
    set_language(language);
    // Read again in the page's language, for the words of what could not be read.
    let link = Link::parse(&query);
    let screen = link.open(Rc::new(downloads::Downloads), Rc::new(Unkept))?;
    let screen: Rc<RefCell<Box<dyn Screen>>> = Rc::new(RefCell::new(screen));
    listen_for_keys(&window, &screen)?;
    label_buttons(&window, &screen)?;
    let mut terminal = Terminal::new(DomBackend::new_by_id("screen")?)?;
    terminal.on_mouse_event({
        let screen = Rc::clone(&screen);
        move |mouse| {
            if mouse.kind == MouseEventKind::ButtonDown(MouseButton::Left) {
                screen.borrow_mut().click(Message::Click {
                    column: mouse.col,
                    row: mouse.row,
                });
            }
        }
    })?;
    terminal.draw_web(move |frame| {
        let mut screen = screen.borrow_mut();
        screen.tick(&now);
        screen.draw(frame);
        backstep::tui::ui::wrap::clear_covered(frame.buffer_mut());
        unreverse(frame.buffer_mut());
    });
    Ok(())
}

/// The browser's keys, from anywhere in the page, to the app.
fn listen_for_keys(
    window: &web_sys::Window,
    screen: &Rc<RefCell<Box<dyn Screen>>>,
) -> Result<(), Box<dyn std::error::Error>> {
    let screen = Rc::clone(screen);
    let listener =
        Closure::<dyn FnMut(web_sys::KeyboardEvent)>::new(move |event: web_sys::KeyboardEvent| {
            if event.meta_key() {
                return;
            }
            if let Some(key) = keys::key_of(&event.clone().into()) {
                event.prevent_default();
                let mut screen = screen.borrow_mut();
                let was = screen.quitting();
                screen.key(key);
                if screen.quitting() && (!was || key.code == KeyCode::Char('q')) {
                    screen.say(stays_open());
                }
            }
        });
    window
        .add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref())
        .map_err(|_| "cannot listen for keys")?;
    listener.forget();
    Ok(())
}

/// The touch buttons' words in the page's language, each pressing its key.
fn label_buttons(
    window: &web_sys::Window,
    screen: &Rc<RefCell<Box<dyn Screen>>>,
) -> Result<(), Box<dyn std::error::Error>> {
    let document = window.document().ok_or("no document")?;
    for button in touch_buttons() {
        let Some(element) = document.get_element_by_id(button.id) else {
            continue;
        };
        element.set_text_content(Some(&button.label));
        let screen = Rc::clone(screen);
        let listener = Closure::<dyn FnMut()>::new(move || screen.borrow_mut().key(button.key));
        element
            .add_event_listener_with_callback("click", listener.as_ref().unchecked_ref())
            .map_err(|_| "cannot listen for the buttons")?;
        listener.forget();
    }
    Ok(())
}

/// Gives reversed cells their colours swapped outright: ratzilla draws a reversed cell in
/// the default colours white on white, hiding a highlighted number.
fn unreverse(buffer: &mut Buffer) {
    for cell in &mut buffer.content {
        if cell.modifier.contains(Modifier::REVERSED) {
            let fg = if cell.fg == Color::Reset {
                Color::White
            } else {
                cell.fg
            };
            let bg = if cell.bg == Color::Reset {
                Color::Black
            } else {
                cell.bg
            };
            cell.set_fg(bg).set_bg(fg);
            cell.modifier.remove(Modifier::REVERSED);
        }
    }
}

/// The time since the page loaded (the browser's clock: `std::time::Instant` has none here).
fn now() -> Duration {
    let millis = web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now());
    Duration::from_secs_f64(millis / 1000.0)
}
