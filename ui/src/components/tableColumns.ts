// The columns of the data table: what a column may say of itself, the TanStack features every
// table has, how a cell is filled, how the columns' widths become a grid, and where the widths
// the user set are kept.

import {
  columnResizingFeature,
  columnSizingFeature,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_text,
  tableFeatures,
  type Column,
  type ColumnDef,
  type ColumnSizingState,
  type RowData,
} from "@tanstack/react-table";
import type { CSSProperties, ReactNode } from "react";

import type { Density } from "../ipc";

export interface ColumnLook {
  /** Figures: set in tabular digits and aligned to the right, header included. */
  numeric?: boolean;
  /** Class of the column's cells (not of its header). */
  className?: string;
  /**
   * The column's share of spare width, for columns that take what is left (names, text); their
   * `size` is then only where a drag starts, and `minSize` the least they shrink to. Other
   * columns keep their size, and a column the user resized keeps the width it was given.
   */
  grow?: number;
  /** The header's text for a header that shows none (an actions column). */
  label?: string;
}

/** Only its type counts: it gives every column's `meta` the shape of `ColumnLook`. */
const columnMeta: ColumnLook = {};
export const kit = tableFeatures({
  columnSizingFeature,
  columnResizingFeature,
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, text: sortFn_text },
  columnMeta,
});

export type DataColumn<Row extends RowData> = ColumnDef<typeof kit, Row>;

/** Every row of a long list has one height, set by the density the user chose: positions are computed, never measured. */
export const ROW_HEIGHTS: Readonly<Record<Density, number>> = { comfortable: 36, compact: 28 };
export const HEADER_HEIGHT = 32;
const CHECK_WIDTH = 32;
/** How far Alt+Arrow on a header moves its column's edge. */
export const RESIZE_STEP = 16;
const COLUMN_GAP = 12;
export const MIN_COLUMN = 56;
export const MAX_COLUMN = 960;

/**
 * A cell's or header's content. Templates are called, not mounted as components: a column list
 * made again (a new language, a new callback) then refills the cells instead of replacing them,
 * so a focused button in a row keeps its focus. Templates that need hooks render a component.
 */
export function fill<Context>(template: string | ((context: Context) => unknown), context: Context): ReactNode {
  return typeof template === "string" ? template : (template(context) as ReactNode);
}

/** A column without a template shows its value when it is text or a number. */
export function plain(value: unknown): ReactNode {
  return typeof value === "string" || typeof value === "number" ? value : null;
}

export function cellClass(meta: ColumnLook | undefined): string | undefined {
  if (!meta?.numeric) return meta?.className;
  return meta.className ? `cell-number ${meta.className}` : "cell-number";
}

export function storedWidths(key: string): ColumnSizingState {
  try {
    const text = window.localStorage.getItem(`columns.${key}`);
    const parsed: unknown = text ? JSON.parse(text) : {};
    if (typeof parsed !== "object" || parsed === null) return {};
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, number] => typeof entry[1] === "number"));
  } catch {
    return {};
  }
}

export function storeWidths(key: string, widths: ColumnSizingState) {
  try {
    window.localStorage.setItem(`columns.${key}`, JSON.stringify(widths));
  } catch {
    // Widths are a convenience: a store that refuses them costs nothing but the widths.
  }
}


/**
 * The grid of a table's rows as CSS properties. Columns the user sized keep their width. Growing
 * columns share what is left by their `grow` and, when the box is narrow, give way down to their
 * least width before the table scrolls sideways; the others keep their size. A box for selection
 * comes first when the table has one.
 */
export function columnsLayout<Row extends RowData>(
  leaves: readonly Column<typeof kit, Row>[],
  widths: ColumnSizingState,
  withCheck: boolean,
): CSSProperties {
  const flexible = (column: Column<typeof kit, Row>) => column.columnDef.meta?.grow !== undefined && widths[column.id] === undefined;
  const least = (column: Column<typeof kit, Row>) => column.columnDef.minSize ?? MIN_COLUMN;
  const template = leaves
    .map((column) => (flexible(column) ? `minmax(${least(column)}px, ${column.columnDef.meta?.grow}fr)` : `${column.getSize()}px`))
    .join(" ");
  const minWidth =
    leaves.reduce((sum, column) => sum + (flexible(column) ? least(column) : column.getSize()), 0) +
    (withCheck ? CHECK_WIDTH + COLUMN_GAP : 0) +
    COLUMN_GAP * (leaves.length + 1);
  return {
    "--table-columns": withCheck ? `${CHECK_WIDTH}px ${template}` : template,
    "--table-min-width": `${minWidth}px`,
  } as CSSProperties;
}
