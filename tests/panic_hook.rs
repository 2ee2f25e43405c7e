//! A panic writes the unsaved map to the recovery file (after the hook
//! installed before it, which gives the terminal back). Its own test
//! binary, since a panic hook is global to the process.

use journey::core::format::load;
use journey::core::recovery::RecoveryStore;
use journey::core::templates::Template;
use journey::recovery::Keeper;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

#[test]
fn a_panic_writes_the_recovery_file_after_the_earlier_hook() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = RecoveryStore::in_dir(dir.path().join("recovery"));
    let map_file = dir.path().join("camera.ron");
    // Stands in for the terminal's hook, which must still run first.
    let earlier_ran = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&earlier_ran);
    std::panic::set_hook(Box::new(move |_| flag.store(true, Ordering::SeqCst)));

    let rescue = Keeper::new(store, &map_file, None);
    rescue.handle_panics();
    let unsaved = Template::Hourglass.instantiate(Some("Unsaved at the panic"));
    rescue.keep(Arc::new(unsaved.clone()));
    let result = std::panic::catch_unwind(|| panic!("a bug"));
    let _ = std::panic::take_hook();

    assert!(result.is_err());
    assert!(
        earlier_ran.load(Ordering::SeqCst),
        "the earlier hook did not run"
    );
    let recovered = load(&rescue.recovery_path()).expect("the recovery file was written");
    assert_eq!(recovered.map, unsaved);
}
