//! Layer efficiency in the manner of Dive: replay the layers' file lists to find bytes that ship
//! in the image but are invisible in the final filesystem because a later layer overwrote or
//! deleted them (whiteouts, opaque directories, a file replacing a directory).

use std::collections::{BTreeMap, HashMap};

use crate::layer_files::{LayerEntryKind, LayerFiles};
use crate::report::{Efficiency, FileSize};

/// How many paths the report lists as largest or most wasteful.
const TOP: usize = 10;

/// The final filesystem: path → (layer index, size) of each visible non-directory entry.
pub type FinalFs = BTreeMap<String, (usize, u64)>;

pub fn analyse(layers: &[&LayerFiles], capped: bool) -> (Efficiency, FinalFs) {
    let mut live: FinalFs = BTreeMap::new();
    let mut wasted: HashMap<String, (u64, usize)> = HashMap::new();
    let mut total: u64 = 0;
    let mut waste = |path: &str, layer: usize, size: u64| {
        if size > 0 {
            let slot = wasted.entry(path.to_owned()).or_insert((0, layer));
            slot.0 = slot.0.saturating_add(size);
            slot.1 = layer;
        }
    };
    for (index, files) in layers.iter().enumerate() {
        for entry in &files.entries {
            match entry.kind {
                LayerEntryKind::Whiteout => {
                    for (path, (layer, size)) in
                        remove_tree(&mut live, &entry.path, true, usize::MAX)
                    {
                        waste(&path, layer, size);
                    }
                }
                LayerEntryKind::OpaqueDirectory => {
                    for (path, (layer, size)) in remove_tree(&mut live, &entry.path, false, index) {
                        waste(&path, layer, size);
                    }
                }
                LayerEntryKind::Directory => {
                    // A directory replacing a file hides the file.
                    if let Some((layer, size)) = live.remove(&entry.path) {
                        waste(&entry.path, layer, size);
                    }
                }
                _ => {
                    total = total.saturating_add(entry.size);
                    for (path, (layer, size)) in
                        remove_tree(&mut live, &entry.path, true, usize::MAX)
                    {
                        waste(&path, layer, size);
                    }
                    live.insert(entry.path.clone(), (index, entry.size));
                }
            }
        }
    }
    let wasted_bytes = wasted
        .values()
        .map(|(b, _)| *b)
        .fold(0u64, u64::saturating_add);
    let mut wasted_files: Vec<FileSize> = wasted
        .into_iter()
        .map(|(path, (bytes, layer))| FileSize { path, bytes, layer })
        .collect();
    wasted_files.sort_by(|a, b| b.bytes.cmp(&a.bytes).then_with(|| a.path.cmp(&b.path)));
    wasted_files.truncate(TOP);
    let mut largest_files: Vec<FileSize> = live
        .iter()
        .map(|(path, &(layer, bytes))| FileSize {
            path: path.clone(),
            bytes,
            layer,
        })
        .collect();
    largest_files.sort_by(|a, b| b.bytes.cmp(&a.bytes).then_with(|| a.path.cmp(&b.path)));
    largest_files.truncate(TOP);
    let score = if total == 0 {
        1.0
    } else {
        total.saturating_sub(wasted_bytes) as f64 / total as f64
    };
    let capped = capped || layers.iter().any(|l| l.capped);
    let efficiency = Efficiency {
        score,
        wasted_bytes,
        total_file_bytes: total,
        wasted_files,
        largest_files,
        capped,
    };
    (efficiency, live)
}

/// Removes `root` itself (when `include_root`) and everything below it that came from a layer
/// before `before_layer`; returns what was removed.
fn remove_tree(
    live: &mut FinalFs,
    root: &str,
    include_root: bool,
    before_layer: usize,
) -> Vec<(String, (usize, u64))> {
    let mut removed = Vec::new();
    if include_root {
        if let Some(v) = live.remove(root) {
            removed.push((root.to_owned(), v));
        }
    }
    let prefix = if root.is_empty() {
        String::new()
    } else {
        format!("{root}/")
    };
    let keys: Vec<String> = live
        .range(prefix.clone()..)
        .take_while(|(k, _)| k.starts_with(&prefix))
        .filter(|(_, (layer, _))| *layer < before_layer)
        .map(|(k, _)| k.clone())
        .collect();
    for key in keys {
        if let Some(v) = live.remove(&key) {
            removed.push((key, v));
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layer_files::LayerEntry;

    fn layer(entries: &[(&str, u64, LayerEntryKind)]) -> LayerFiles {
        LayerFiles {
            entries: entries
                .iter()
                .map(|(p, s, k)| LayerEntry {
                    path: (*p).into(),
                    size: *s,
                    kind: *k,
                })
                .collect(),
            total_entries: entries.len() as u64,
            file_bytes: entries.iter().map(|e| e.1).sum(),
            capped: false,
        }
    }

    #[test]
    fn overwritten_and_deleted_files_are_waste() {
        use LayerEntryKind::*;
        let base = layer(&[
            ("etc", 0, Directory),
            ("etc/big", 600, File),
            ("var/cache/x", 300, File),
            ("bin/sh", 100, File),
        ]);
        let upd = layer(&[("etc/big", 200, File), ("var/cache", 0, Whiteout)]);
        let (eff, fs) = analyse(&[&base, &upd], false);
        assert_eq!(eff.total_file_bytes, 1200);
        assert_eq!(eff.wasted_bytes, 900);
        assert!((eff.score - 0.25).abs() < 1e-9);
        assert_eq!(
            eff.wasted_files[0],
            FileSize {
                path: "etc/big".into(),
                bytes: 600,
                layer: 0
            }
        );
        assert_eq!(
            eff.largest_files[0],
            FileSize {
                path: "etc/big".into(),
                bytes: 200,
                layer: 1
            }
        );
        assert!(!fs.contains_key("var/cache/x"));
    }

    #[test]
    fn opaque_directory_hides_only_lower_layers() {
        use LayerEntryKind::*;
        let base = layer(&[("app/old", 50, File)]);
        let top = layer(&[("app/new", 10, File), ("app", 0, OpaqueDirectory)]);
        let (eff, fs) = analyse(&[&base, &top], false);
        assert_eq!(eff.wasted_bytes, 50);
        assert!(fs.contains_key("app/new"));
    }

    #[test]
    fn image_without_waste_scores_one() {
        let only = layer(&[("a", 5, LayerEntryKind::File)]);
        let (eff, _) = analyse(&[&only], false);
        assert_eq!((eff.wasted_bytes, eff.score), (0, 1.0));
    }
}
