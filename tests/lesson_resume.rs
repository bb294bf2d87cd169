//! A lesson's progress in $XDG_DATA_HOME/backstep: kept after each move and answer, resumed
//! by the next `lesson`, begun anew with `--restart`, and a corrupt file told and ignored
//! (alone in its test binary, since it sets the environment).

#[cfg(target_os = "linux")]
#[test]
fn a_lesson_resumes_where_it_was_left_and_restart_begins_anew() {
    use backstep::lesson::Lesson;
    use backstep::lesson::progress::{Progress, path};
    use backstep::tui::lesson::Step;
    use backstep::tui::load_lesson;

    let folder = tempfile::tempdir().unwrap();
    // SAFETY: this binary has this one test, so no other thread reads the environment.
    unsafe { std::env::set_var("XDG_DATA_HOME", folder.path()) };
    let lesson = || Lesson::load("backprop").unwrap();
    let mut view = load_lesson(lesson(), false, Vec::new()).unwrap();
    assert_eq!((view.stop, view.notice.clone()), (0, None));
    view.update(Step::Next);
    // Stop 2: O₁ = 0.7514 (tests/fixtures/lessons/backprop-expected.toml).
    "0.7514".chars().for_each(|c| view.update(Step::Type(c)));
    view.update(Step::Confirm);
    view.update(Step::Next);
    view.update(Step::Quit);
    let (saved, problem) = Progress::load();
    assert!(problem.is_none());
    assert_eq!(saved.lessons["backprop"].stop, 2);
    assert_eq!(saved.lessons["backprop"].answers.get(&1), Some(&true));

    let resumed = load_lesson(lesson(), false, Vec::new()).unwrap();
    assert_eq!(resumed.stop, 2);
    assert_eq!(resumed.progress.score().right, 1);

    let restarted = load_lesson(lesson(), true, Vec::new()).unwrap();
    assert_eq!(restarted.stop, 0);
    assert!(restarted.progress.answers.is_empty());
    // Arriving at stop 1 kept the new beginning.
    assert_eq!(Progress::load().0.lessons["backprop"].stop, 0);
    assert!(Progress::load().0.lessons["backprop"].answers.is_empty());

    std::fs::write(path().unwrap(), "{ not json").unwrap();
    let told = load_lesson(lesson(), false, Vec::new()).unwrap();
    assert_eq!(told.stop, 0);
    assert!(told.notice.unwrap().contains("starts at stop 1"));
}
