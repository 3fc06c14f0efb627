//! What the patch types (`CategoryPatch`, `ProductPatch`, `ImagePatch`, …) share: fields that
//! can be kept, cleared or set.

use serde::Deserialize;

/// Deserialises a field that may be absent (keep), `null` (clear) or a value (set).
pub(crate) fn double_option<'de, T: Deserialize<'de>, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}
