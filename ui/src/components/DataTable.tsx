import { useTable, type ColumnSizingState, type Row as TableRowModel, type RowData, type SortingState } from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { memo, useCallback, useEffect, useRef, useState, type HTMLAttributes, type KeyboardEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { DEFAULT_SETTINGS, useSettings } from "../features/settings/queries";
import { ColumnHeader } from "./ColumnHeader";
import {
  cellClass,
  columnsLayout,
  type DataColumn,
  fill,
  HEADER_HEIGHT,
  kit,
  MAX_COLUMN,
  MIN_COLUMN,
  plain,
  ROW_HEIGHTS,
  storedWidths,
  storeWidths,
} from "./tableColumns";
import "./DataTable.css";

export type { DataColumn } from "./tableColumns";
export type { SortingState };

/** The rows the table shows, first to last. */
export interface VisibleRange {
  first: number;
  last: number;
}

/** Rows by id, and what a click, Shift-click, Space or Ctrl+A does to them. */
export interface TableSelection<Row extends RowData> {
  selected: ReadonlySet<string>;
  /** The row at `at` (its index in the whole list) was toggled; `range` when Shift was held. */
  onToggle: (id: string, at: number, range: boolean) => void;
  /** The header's box: select every row of the list, or none when all are. */
  onToggleAll: () => void;
  /** The accessible name of a row's box. */
  label: (row: Row) => string;
  /** A row that cannot be selected (its box is disabled); short lists only, loaded whole. */
  disabled?: (row: Row) => boolean;
}

type RowAttributes = HTMLAttributes<HTMLDivElement> & Record<`data-${string}`, string | boolean | undefined>;

export interface DataTableProps<Row extends RowData> {
  /** Stable (module scope or memoised): a new array rebuilds the column model. */
  columns: readonly DataColumn<Row>[];
  /** Loaded rows, consecutive, starting at `offset` in the list; stable between loads. */
  rows: readonly Row[];
  offset?: number;
  /** Rows in the whole list; those outside the loaded slice show as placeholders. Defaults to `rows.length`. */
  count?: number;
  getRowId: (row: Row) => string;
  label: string;
  className?: string;
  testId: string;
  /** Column widths the user set are kept under this name, across restarts. */
  widthsKey: string;
  /** Changing it scrolls back to the top (a new filter or sort). */
  resetKey?: string;
  busy?: boolean;
  onRangeChange?: (range: VisibleRange) => void;
  /**
   * The list's order, when the backend sorts it by a column (with `onSortingChange`). Without
   * it, the table sorts the rows it has, starting from `initialSorting`.
   */
  sorting?: SortingState;
  onSortingChange?: (sorting: SortingState) => void;
  initialSorting?: SortingState;
  selection?: TableSelection<Row>;
  onActivate?: (row: Row, at: number) => void;
  activateOnClick?: boolean;
  /** Keys the table does not handle itself, with the focused row. */
  onKeyDown?: (event: KeyboardEvent<HTMLDivElement>, row: Row | undefined, at: number) => void;
  rowAttributes?: (row: Row) => RowAttributes;
  /** Shown in place of rows while the list has none: why it is empty, what to do. */
  placeholder?: ReactNode;
  /**
   * A long list: the box fills the window below the list's top, and only the rows in view are
   * in the document, each one line high. Otherwise every row is there, as tall as its content
   * (text may wrap, a row may open a detail), for lists of at most a few hundred rows.
   */
  tall?: boolean;
  /** Content under a row's cells across the whole row (an editor opened in the row); short lists only. */
  rowDetail?: (row: Row) => ReactNode;
}

/**
 * The one table of the app. TanStack Table keeps the columns (their widths, which one sorts the
 * list and how) and TanStack Virtual places the rows, so a list of 100,000 rows has only the rows
 * in view in the document.
 *
 * Long lists live in the backend: it filters and sorts, and the table holds a slice of rows, the
 * pages in view, at an offset into the whole list. Their sorting is the caller's (a new order is
 * a new query), and so is selection, kept by row id, because a Shift range may cover rows that
 * are not loaded (the caller asks the backend for their ids). A short list, loaded whole, is
 * sorted by the table itself.
 */
export function DataTable<Row extends RowData>(props: DataTableProps<Row>) {
  const { t } = useTranslation();
  const { rows, columns, selection, onRangeChange, resetKey = "", widthsKey } = props;
  const offset = props.offset ?? 0;
  const count = props.count ?? rows.length;
  const isDisabled = selection?.disabled;
  const selectable = isDisabled ? rows.filter((row) => !isDisabled(row)).length : count;
  const scrollRef = useRef<HTMLDivElement>(null);
  // The focused row, for the list as it was when it was focused: a new list (a new filter or
  // order) starts from its first row, without a second render to forget the old one.
  const [focusedIn, setFocusedIn] = useState({ resetKey, index: 0 });
  const focused = focusedIn.resetKey === resetKey ? focusedIn.index : 0;
  const setFocused = useCallback(
    (index: number) => {
      setFocusedIn({ resetKey, index });
    },
    [resetKey],
  );
  const focusWanted = useRef(false);
  const rowHeight = ROW_HEIGHTS[(useSettings().data ?? DEFAULT_SETTINGS).density];
  const [widths, setWidths] = useState<ColumnSizingState>(() => storedWidths(widthsKey));
  const [ownSorting, setOwnSorting] = useState<SortingState>(props.initialSorting ?? []);
  const manual = props.onSortingChange !== undefined;
  const sorting = manual ? (props.sorting ?? []) : ownSorting;

  const table = useTable({
    features: kit,
    columns: columns,
    data: rows,
    getRowId: props.getRowId,
    manualSorting: manual,
    enableSortingRemoval: false,
    enableMultiSort: false,
    defaultColumn: { minSize: MIN_COLUMN, maxSize: MAX_COLUMN },
    state: { sorting, columnSizing: widths },
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      if (props.onSortingChange) props.onSortingChange(next);
      else setOwnSorting(next);
    },
    onColumnSizingChange: (updater) => {
      setWidths((now) => {
        const next = typeof updater === "function" ? updater(now) : updater;
        storeWidths(widthsKey, next);
        return next;
      });
    },
  });
  const leaves = table.getAllLeafColumns();
  const loaded = table.getRowModel().rows;

  const virtual = props.tall === true;
  // The virtualizer hands out functions whose results change without a new identity, so a
  // compiler could not memoise this component; the app does not run one, and every render reads
  // the virtualizer afresh.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    enabled: virtual,
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    // A fast scroll moves every row in view each frame, so each row drawn beyond the view is
    // work in every frame: three each side (bench-browse-ui.sh: 20,000 tags scrolled, frame gap
    // p95 25 ms with three, 32 ms with eight).
    overscan: 3,
    // The header sits at the top of the scrolling box and stays there: rows start below it, and
    // a row scrolled to is placed below it, not under it.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    // Scrolling renders with React's own batching rather than synchronously inside every
    // scroll event.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  // Rows in the document: those in view of a long list, keyed by slot; every row of a short one,
  // keyed by id so what a row holds (an open editor) moves with it when the list is sorted.
  const slots = virtual
    ? items.map((item) => ({ index: item.index, key: String(item.index % items.length), top: item.start - HEADER_HEIGHT }))
    : loaded.map((row, index) => ({ index, key: row.id, top: null }));
  const first = slots[0]?.index ?? 0;
  const last = slots.at(-1)?.index ?? 0;

  // A new density changes every row's height: positions are computed again.
  useEffect(() => {
    virtualizer.measure();
  }, [virtualizer, rowHeight]);

  useEffect(() => {
    onRangeChange?.({ first, last });
  }, [first, last, onRangeChange]);

  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [resetKey, virtualizer]);

  const current = Math.min(focused, Math.max(0, count - 1));
  const tabStop = slots.some((slot) => slot.index === current) ? current : first;

  // Focus follows the keyboard only once the row it moved to is rendered.
  useEffect(() => {
    if (!focusWanted.current) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${current}"]`);
    if (row) {
      focusWanted.current = false;
      row.focus();
    }
  });

  const rowAt = (at: number) => loaded[at - offset];
  const move = (to: number) => {
    const index = Math.max(0, Math.min(count - 1, to));
    setFocused(index);
    focusWanted.current = true;
    // A short list's row is in the document already, and focus scrolls it into view.
    if (virtual) virtualizer.scrollToIndex(index, { align: "auto" });
  };
  const page = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? rowHeight * 11) - HEADER_HEIGHT) / rowHeight) - 1);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (count === 0) return;
    const onRow = event.target instanceof HTMLElement && event.target.getAttribute("role") === "row";
    // Row elements are refilled as the list scrolls: a focused one may show another row by now,
    // and the keys act on the row it shows.
    const shown = onRow ? Number((event.target as HTMLElement).getAttribute("data-index")) : NaN;
    const at = Number.isInteger(shown) ? shown : current;
    const moves: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowUp: at - 1,
      PageDown: at + page,
      PageUp: at - page,
      Home: 0,
      End: count - 1,
    };
    const to = moves[event.key];
    // Inside a text field the keys keep their usual meaning.
    const typing = event.target instanceof HTMLInputElement && event.target.type === "text";
    if (to !== undefined && !typing && !event.altKey && (onRow || event.key === "ArrowDown" || event.key === "ArrowUp")) {
      event.preventDefault();
      move(to);
      return;
    }
    const row = rowAt(at);
    if (event.key === "Enter" && onRow && row && props.onActivate) {
      event.preventDefault();
      props.onActivate(row.original, at);
      return;
    }
    if (selection && onRow && row && event.key === " ") {
      event.preventDefault();
      if (selection.disabled?.(row.original) !== true) selection.onToggle(row.id, at, event.shiftKey);
      return;
    }
    if (selection && (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "a" && !typing) {
      event.preventDefault();
      if (selection.selected.size < selectable) selection.onToggleAll();
      return;
    }
    props.onKeyDown?.(event, row?.original, at);
  };

  const style = columnsLayout(leaves, widths, selection !== undefined);

  const allSelected = selection !== undefined && selectable > 0 && selection.selected.size >= selectable;
  const someSelected = selection !== undefined && selection.selected.size > 0 && !allSelected;

  return (
    <div
      className={["vgrid", props.tall ? "vgrid-tall" : "", props.activateOnClick ? "vgrid-clickable" : "", props.className ?? ""]
        .filter(Boolean)
        .join(" ")}
      role="grid"
      aria-label={props.label}
      aria-rowcount={count + 1}
      aria-multiselectable={selection ? true : undefined}
      aria-busy={props.busy}
      data-testid={props.testId}
      style={style}
      onKeyDown={onKeyDown}
    >
      <div className="vgrid-scroll" ref={scrollRef}>
        <div className="vgrid-row vgrid-header" role="row" aria-rowindex={1} style={{ height: HEADER_HEIGHT }}>
          {selection && (
            <div role="columnheader" className="cell-check">
              <input
                type="checkbox"
                data-testid={`${props.testId}-select-all`}
                aria-label={t("table.selectAll")}
                checked={allSelected}
                ref={(box) => {
                  if (box) box.indeterminate = someSelected;
                }}
                disabled={selectable === 0}
                onChange={selection.onToggleAll}
              />
            </div>
          )}
          {table.getHeaderGroups()[0]?.headers.map((header) => (
            <ColumnHeader key={header.id} header={header} onResize={(size) => { table.setColumnSizing((now) => ({ ...now, [header.column.id]: size })); }} />
          ))}
        </div>
        {count === 0 && props.placeholder !== undefined && <div className="vgrid-empty">{props.placeholder}</div>}
        <div className={virtual ? "vgrid-space" : "vgrid-rows"} style={virtual ? { height: virtualizer.getTotalSize() } : undefined}>
          {slots.map((item) => {
            const row = rowAt(item.index);
            return (
              <TableRow
                // In a long list, keyed by slot, not by row: the rows in view are consecutive,
                // so each slot holds one of them, and a scroll refills the elements in place
                // instead of building new ones.
                key={item.key}
                row={row}
                columns={columns}
                index={item.index}
                top={item.top}
                height={rowHeight}
                tabbable={item.index === tabStop}
                selected={row !== undefined && selection?.selected.has(row.id) === true}
                selection={selection}
                onFocusRow={setFocused}
                onActivate={props.activateOnClick ? props.onActivate : undefined}
                rowAttributes={props.rowAttributes}
                rowDetail={props.rowDetail}
                virtual={virtual}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

interface TableRowProps<Row extends RowData> {
  /** Undefined while the row's page is loading. */
  row: TableRowModel<typeof kit, Row> | undefined;
  /** A new list of columns (a new language, new actions) draws every row again. */
  columns: readonly DataColumn<Row>[];
  index: number;
  /** Where a long list's row sits below the header; null in a short list, whose rows flow. */
  top: number | null;
  height: number;
  tabbable: boolean;
  selected: boolean;
  selection: TableSelection<Row> | undefined;
  onFocusRow: (index: number) => void;
  onActivate: ((row: Row, at: number) => void) | undefined;
  rowAttributes: ((row: Row) => RowAttributes) | undefined;
  rowDetail: ((row: Row) => ReactNode) | undefined;
  virtual: boolean;
}

/**
 * A long list's row is drawn again only when what it shows changes: a scroll of a few rows or a
 * page arriving leaves the other rows in view as they are (a wheel's notch moves three rows, and
 * the list around them is drawn again each frame). A page that arrives gives every row a new
 * model object around the same data, so rows compare by their data.
 * A short list's rows may show state the table does not see (an editor open in a row), so they
 * are always drawn again; there are few of them.
 */
function sameRow<Row extends RowData>(before: TableRowProps<Row>, after: TableRowProps<Row>): boolean {
  if (!after.virtual || !before.virtual) return false;
  const keys = Object.keys(after) as (keyof TableRowProps<Row>)[];
  return keys.every((key) =>
    key === "row" ? before.row?.original === after.row?.original && before.row?.id === after.row?.id : before[key] === after[key],
  );
}

const TableRow = memo(function TableRow<Row extends RowData>(props: TableRowProps<Row>) {
  const { row, index, selection, onActivate } = props;
  const detail = row && props.rowDetail ? props.rowDetail(row.original) : null;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selection && row ? props.selected : undefined}
      data-index={index}
      tabIndex={props.tabbable ? 0 : -1}
      className={row ? "vgrid-row" : "vgrid-row vgrid-loading"}
      style={props.top === null ? { minHeight: props.height } : { transform: `translateY(${props.top}px)`, height: props.height }}
      onFocus={() => {
        props.onFocusRow(index);
      }}
      onClick={
        onActivate && row
          ? () => {
              onActivate(row.original, index);
            }
          : undefined
      }
      {...(row ? props.rowAttributes?.(row.original) : undefined)}
    >
      {row ? (
        <>
          {selection && (
            <div role="gridcell" className="cell-check">
              <input
                type="checkbox"
                data-testid="row-select"
                aria-label={selection.label(row.original)}
                checked={props.selected}
                disabled={selection.disabled?.(row.original)}
                onChange={(event) => {
                  // The change comes from a click (or Space, which browsers turn into one).
                  selection.onToggle(row.id, index, (event.nativeEvent as MouseEvent).shiftKey);
                }}
              />
            </div>
          )}
          {row.getAllCells().map((cell) => (
            <div key={cell.column.id} role="gridcell" className={cellClass(cell.column.columnDef.meta)}>
              {cell.column.columnDef.cell ? fill(cell.column.columnDef.cell, cell.getContext()) : plain(cell.getValue())}
            </div>
          ))}
          {detail !== null && detail !== undefined && typeof detail !== "boolean" && (
            <div role="gridcell" className="vgrid-detail">
              {detail}
            </div>
          )}
        </>
      ) : (
        <div role="gridcell" className="vgrid-placeholder" />
      )}
    </div>
  );
}, sameRow) as <Row extends RowData>(props: TableRowProps<Row>) => ReactNode;
