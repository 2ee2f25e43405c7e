//! Checking many files on every core: a work queue over scoped threads,
//! with the results put back in the order of the arguments, so the output
//! is byte for byte what a serial run prints.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// `f` of every item, in the items' order, worked out on up to as many
/// threads as the machine has cores (one thread for one item), or as
/// `JOURNEY_CHECK_THREADS` says.
pub fn map_in_order<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::env::var("JOURNEY_CHECK_THREADS")
        .ok()
        .and_then(|n| n.parse::<usize>().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .min(items.len());
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    // Files differ in size: each thread takes the next one
                    // when it is done, rather than a fixed share.
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else {
                        break;
                    };
                    let r = f(item);
                    let mut results = results.lock().unwrap_or_else(|e| e.into_inner());
                    results[i] = Some(r);
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .flatten()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_order_of_the_items() {
        let items: Vec<u64> = (0..500).collect();
        let out = map_in_order(&items, |&n| {
            // Uneven work, so threads finish out of order.
            (0..(n % 7) * 1000).fold(n, |a, b| a.wrapping_add(b % 3))
        });
        let serial: Vec<u64> = items
            .iter()
            .map(|&n| (0..(n % 7) * 1000).fold(n, |a, b| a.wrapping_add(b % 3)))
            .collect();
        assert_eq!(out, serial);
        assert!(map_in_order(&[] as &[u8], |_| 0u8).is_empty());
    }
}
