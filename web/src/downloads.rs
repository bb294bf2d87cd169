//! The built-in scenarios, and the browser's downloads for what the app writes: an export,
//! a session or a saved scenario (with a built-in's data set) becomes a file the browser
//! downloads under the name the app chose.

use backstep::scenario::{Scenario, ScenarioError, Setup};
use backstep::tui::scenarios::{Builtins, PickerEntry, Scenarios};
use wasm_bindgen::JsCast;

/// The built-ins, with writes downloaded.
pub struct Downloads;

impl Scenarios for Downloads {
    fn entries(&self) -> Vec<PickerEntry> {
        Builtins.entries()
    }

    fn load(&self, source: &str) -> Result<Scenario, ScenarioError> {
        Builtins.load(source)
    }

    fn setup(&self, scenario: &Scenario) -> Result<Setup, ScenarioError> {
        Builtins.setup(scenario)
    }

    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), String> {
        download(path, bytes).map_err(|e| format!("{e:?}"))
    }

    fn save(&self, scenario: &Scenario, path: &str) -> Result<Vec<String>, String> {
        let files = backstep::scenario::save::files(scenario, std::path::Path::new(path))
            .map_err(|e| e.to_string())?;
        let mut names = Vec::new();
        for (file, bytes) in files {
            let name = backstep::text::untrusted::path(&file);
            self.write(&name, &bytes)?;
            names.push(name);
        }
        Ok(names)
    }
}

/// Offers `bytes` as a download named after the last part of `path`.
fn download(path: &str, bytes: &[u8]) -> Result<(), wasm_bindgen::JsValue> {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/octet-stream");
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url)
}
