//! A value shared between copies of a map until one of them changes it.
//!
//! The editor's document and the recovery writer's copy hold the same map;
//! with each stage's touchpoints and each persona's paths behind a
//! [`Shared`], copying the map copies a few hundred small records, and an
//! edit copies only the list it changes. Reading goes through `Deref` and
//! writing through `DerefMut`, which copies the list first when another map
//! still holds it (`Arc::make_mut`), so `stage.touchpoints[i].name = …` and
//! `stage.touchpoints.push(…)` read as they would on a plain `Vec`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::sync::Arc;

/// A value shared by reference count, copied on its first change while
/// shared.
#[derive(Default)]
pub struct Shared<T>(Arc<T>);

impl<T> Shared<T> {
    /// Shares `value`.
    pub fn new(value: T) -> Shared<T> {
        Shared(Arc::new(value))
    }

    /// Whether two copies still share one value (nothing was copied).
    pub fn same(a: &Shared<T>, b: &Shared<T>) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
    }
}

impl<T: Clone> Shared<T> {
    /// The value, taken out (copied only when it is still shared).
    pub fn into_inner(self) -> T {
        Arc::unwrap_or_clone(self.0)
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Shared<T> {
        Shared(Arc::clone(&self.0))
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: Clone> std::ops::DerefMut for Shared<T> {
    fn deref_mut(&mut self) -> &mut T {
        Arc::make_mut(&mut self.0)
    }
}

impl<T> From<T> for Shared<T> {
    fn from(value: T) -> Shared<T> {
        Shared::new(value)
    }
}

impl<T: PartialEq> PartialEq for Shared<T> {
    fn eq(&self, other: &Shared<T>) -> bool {
        // One value is equal to itself: no walk over a shared list.
        Arc::ptr_eq(&self.0, &other.0) || *self.0 == *other.0
    }
}

impl<T: Eq> Eq for Shared<T> {}

impl<T: std::fmt::Debug> std::fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl<T: Serialize> Serialize for Shared<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Shared<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Shared<T>, D::Error> {
        T::deserialize(d).map(Shared::new)
    }
}

impl<'a, T> IntoIterator for &'a Shared<Vec<T>> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<'a, T: Clone> IntoIterator for &'a mut Shared<Vec<T>> {
    type Item = &'a mut T;
    type IntoIter = std::slice::IterMut<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        Arc::make_mut(&mut self.0).iter_mut()
    }
}

impl<T> FromIterator<T> for Shared<Vec<T>> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Shared<Vec<T>> {
        Shared::new(items.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_copies_only_a_shared_value() {
        let mut a: Shared<Vec<u32>> = Shared::new(vec![1, 2, 3]);
        let b = a.clone();
        assert!(Shared::same(&a, &b), "a copy shares");
        a.push(4);
        assert!(!Shared::same(&a, &b), "a change to a shared list copies it");
        assert_eq!((a.len(), b.len()), (4, 3));
        let before = std::ptr::from_ref::<Vec<u32>>(&a);
        a[0] = 9;
        assert_eq!(
            before,
            std::ptr::from_ref::<Vec<u32>>(&a),
            "no copy once alone"
        );
        assert_eq!(*a, [9, 2, 3, 4]);
        assert_ne!(a, b);
        assert_eq!(b, Shared::new(vec![1, 2, 3]), "equal by value");
    }
}
