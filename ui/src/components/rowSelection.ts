// Which rows of a list are selected. Rows are kept by id (a tag's name, a user's id), not by
// position, so a selection survives scrolling, re-sorting and windows being dropped from the
// cache; the anchor of a Shift-click range is a position.

export interface RowSelection {
  ids: ReadonlySet<string>;
  /** The row last clicked without Shift, where a range starts. */
  anchor: number | null;
}

export const NO_SELECTION: RowSelection = { ids: new Set(), anchor: null };

/** `ids` with `id` added, or taken out when it was there. */
export function toggled(ids: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(ids);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

export function toggle(selection: RowSelection, id: string, row: number): RowSelection {
  return { ids: toggled(selection.ids, id), anchor: row };
}

/** The rows a Shift-click on `row` covers, or null when there is no anchor to start from. */
export function rangeTo(selection: RowSelection, row: number): [number, number] | null {
  if (selection.anchor === null) return null;
  return [Math.min(selection.anchor, row), Math.max(selection.anchor, row)];
}

export function including(selection: RowSelection, add: readonly string[]): RowSelection {
  return { ...selection, ids: new Set([...selection.ids, ...add]) };
}

export function without(selection: RowSelection, remove: readonly string[]): RowSelection {
  const ids = new Set(selection.ids);
  for (const id of remove) ids.delete(id);
  return { ...selection, ids };
}
