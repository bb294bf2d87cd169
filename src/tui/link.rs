//! A link that opens a place: the web page's address `?scenario=NAME&phase=N&lang=ko|en`
//! opens a built-in scenario N phases in, `?lesson=NAME` a lesson, in that language. A teacher
//! shares the link to a step. What cannot be read is said in the opened view's notice, and
//! the rest of the link still applies.

use std::rc::Rc;

use super::lesson::{Keeper, LessonView};
use super::message::Message;
use super::scenarios::Scenarios;
use super::{App, Screen};
use crate::lesson::Lesson;
use crate::text::catalog::Language;
use crate::text::untrusted;
use crate::words;

/// What opens when a link names nothing, or names what cannot be opened.
pub const FIRST: &str = "two-two-two";

/// The most phases a link steps in (about 200 iterations of a deep network).
const MOST_PHASES: usize = 10_000;

/// What a link asks for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Link {
    /// The built-in scenario to open (`scenario=`).
    pub scenario: Option<String>,
    /// The built-in lesson to open (`lesson=`), before any scenario.
    pub lesson: Option<String>,
    /// How many phases to step in (`phase=`).
    pub phase: usize,
    /// The language asked for (`lang=`); without it the front end decides.
    pub language: Option<Language>,
    /// What could not be read, in words.
    pub problems: Vec<String>,
}

impl Link {
    /// Reads a query string (with or without its leading `?`).
    pub fn parse(query: &str) -> Link {
        let mut link = Link::default();
        let query = query.strip_prefix('?').unwrap_or(query);
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            match key.as_ref() {
                "scenario" => link.scenario = Some(value.into_owned()),
                "lesson" => link.lesson = Some(value.into_owned()),
                "phase" => match value.parse::<usize>() {
                    Ok(n) if n <= MOST_PHASES => link.phase = n,
                    _ => link.problems.push(words!(
                        "link-bad-phase",
                        found = untrusted::excerpt(&value),
                        most = MOST_PHASES.to_string()
                    )),
                },
                "lang" => match value.as_ref() {
                    "ko" | "en" => link.language = Some(Language::from_locale(&value)),
                    _ => link.problems.push(words!(
                        "link-bad-language",
                        found = untrusted::excerpt(&value)
                    )),
                },
                _ => {}
            }
        }
        link
    }

    /// The view the link opens: its lesson, else its scenario stepped `phase` phases in,
    /// else [`FIRST`]; the problems in its notice.
    pub fn open(
        &self,
        scenarios: Rc<dyn Scenarios>,
        keeper: Rc<dyn Keeper>,
    ) -> Result<Box<dyn Screen>, String> {
        let mut problems = self.problems.clone();
        if let Some(name) = &self.lesson {
            let opened = Lesson::load(name)
                .map_err(|e| e.to_string())
                .and_then(|lesson| {
                    LessonView::new(Rc::clone(&scenarios), keeper, lesson, Default::default())
                });
            match opened {
                Ok(mut view) => {
                    view.notice = joined(problems);
                    return Ok(Box::new(view));
                }
                Err(reason) => problems.push(reason),
            }
        }
        let name = self.scenario.as_deref().unwrap_or(FIRST);
        let mut app = match App::new(Rc::clone(&scenarios), name) {
            Ok(mut app) => {
                for _ in 0..self.phase {
                    app.update(Message::NextPhase);
                }
                app
            }
            Err(e) => {
                problems.push(e.to_string());
                App::new(scenarios, FIRST).map_err(|e| e.to_string())?
            }
        };
        app.notice = joined(problems);
        Ok(Box::new(app))
    }
}

/// The problems as one notice, or none.
fn joined(problems: Vec<String>) -> Option<String> {
    (!problems.is_empty()).then(|| problems.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_names_a_scenario_a_phase_and_a_language() {
        let link = Link::parse("?scenario=two-two-two&phase=4&lang=ko");
        assert_eq!(link.scenario.as_deref(), Some("two-two-two"));
        assert_eq!(link.phase, 4);
        assert_eq!(link.language, Some(Language::Korean));
        assert!(link.problems.is_empty());
        let link = Link::parse("lesson=back%2Dprop&lang=en&other=1");
        assert_eq!(link.lesson.as_deref(), Some("back-prop"));
        assert_eq!(link.language, Some(Language::English));
        assert_eq!(Link::parse(""), Link::default());
    }

    #[test]
    fn what_cannot_be_read_is_said_and_the_rest_applies() {
        let link = Link::parse("scenario=xor&phase=-1&lang=fr");
        assert_eq!(link.scenario.as_deref(), Some("xor"));
        assert_eq!((link.phase, link.language), (0, None));
        assert_eq!(link.problems.len(), 2);
        assert!(link.problems[0].contains("-1"), "{:?}", link.problems);
        assert!(link.problems[1].contains("fr"), "{:?}", link.problems);
        let link = Link::parse("phase=10001");
        assert_eq!(link.phase, 0);
        assert!(link.problems[0].contains("10001"));
    }
}
