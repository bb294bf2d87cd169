//! Progress goes to $XDG_DATA_HOME/backstep (alone in its test binary, since it sets the
//! environment).

#[cfg(target_os = "linux")]
#[test]
fn progress_is_kept_under_xdg_data_home() {
    use backstep::lesson::progress::{Progress, path};
    let folder = tempfile::tempdir().unwrap();
    // SAFETY: this binary has this one test, so no other thread reads the environment.
    unsafe { std::env::set_var("XDG_DATA_HOME", folder.path()) };
    assert_eq!(
        path().unwrap(),
        folder.path().join("backstep").join("progress.json")
    );
    let mut progress = Progress::default();
    progress.lesson("backprop").stop = 4;
    progress.save().unwrap();
    let (loaded, problem) = Progress::load();
    assert!(problem.is_none());
    assert_eq!(loaded.lessons["backprop"].stop, 4);
    std::fs::write(path().unwrap(), [0xff, 0xfe]).unwrap();
    let (ignored, problem) = Progress::load();
    assert!(ignored.lessons.is_empty());
    assert!(problem.unwrap().to_string().contains("unreadable"));
}
