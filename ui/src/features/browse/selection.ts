// Which tags are selected. Tags are kept by name, not by row, so a selection survives scrolling,
// re-sorting and windows being dropped from the cache; the anchor of a Shift-click range is a row.

export interface Selection {
  tags: ReadonlySet<string>;
  /** The row last clicked without Shift, where a range starts. */
  anchor: number | null;
}

export const NO_SELECTION: Selection = { tags: new Set(), anchor: null };

export function toggle(selection: Selection, tag: string, row: number): Selection {
  const tags = new Set(selection.tags);
  if (tags.has(tag)) tags.delete(tag);
  else tags.add(tag);
  return { tags, anchor: row };
}

/** The rows a Shift-click on `row` covers, or null when there is no anchor to start from. */
export function rangeTo(selection: Selection, row: number): [number, number] | null {
  if (selection.anchor === null) return null;
  return [Math.min(selection.anchor, row), Math.max(selection.anchor, row)];
}

export function withTags(selection: Selection, add: readonly string[]): Selection {
  return { ...selection, tags: new Set([...selection.tags, ...add]) };
}

export function without(selection: Selection, remove: readonly string[]): Selection {
  const tags = new Set(selection.tags);
  for (const tag of remove) tags.delete(tag);
  return { ...selection, tags };
}
