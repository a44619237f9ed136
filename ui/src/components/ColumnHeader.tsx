import type { Header, RowData } from "@tanstack/react-table";
import { useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { useTranslation } from "react-i18next";

import { fill, MAX_COLUMN, MIN_COLUMN, RESIZE_STEP, type kit } from "./tableColumns";

/**
 * A column's header: its name, a button that sorts by it when the list can be sorted that way,
 * and an edge to drag (mouse, pen or touch; Alt+Arrow on the header) for its width; a double
 * click on the edge gives the column its first width back. A header with nothing to press in it
 * is itself a stop of the Tab key when its column can be resized, so every width can be set
 * from the keyboard.
 */
export function ColumnHeader<Row extends RowData>({ header, onResize }: { header: Header<typeof kit, Row>; onResize: (size: number) => void }) {
  const { t } = useTranslation();
  const column = header.column;
  const meta = column.columnDef.meta;
  const sorted = column.getIsSorted();
  const name = column.columnDef.header === undefined ? column.id : fill(column.columnDef.header, header.getContext());
  const cellRef = useRef<HTMLDivElement>(null);
  const [dragging, setDragging] = useState(false);
  // A growing column is as wide as the box made it, not as its size says: a resize starts from
  // the width on screen.
  const shown = () => {
    const width = cellRef.current?.getBoundingClientRect().width ?? 0;
    return width > 0 ? width : column.getSize();
  };
  const resizeTo = (width: number) => {
    const { minSize = MIN_COLUMN, maxSize = MAX_COLUMN } = column.columnDef;
    onResize(Math.round(Math.max(minSize, Math.min(maxSize, width))));
  };
  const resizeBy = (delta: number) => {
    resizeTo(shown() + delta);
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    const edge = event.currentTarget;
    const startX = event.clientX;
    const startWidth = shown();
    edge.setPointerCapture(event.pointerId);
    setDragging(true);
    const onMove = (move: globalThis.PointerEvent) => {
      resizeTo(startWidth + move.clientX - startX);
    };
    const onEnd = () => {
      setDragging(false);
      edge.removeEventListener("pointermove", onMove);
      edge.removeEventListener("pointerup", onEnd);
      edge.removeEventListener("pointercancel", onEnd);
    };
    edge.addEventListener("pointermove", onMove);
    edge.addEventListener("pointerup", onEnd);
    edge.addEventListener("pointercancel", onEnd);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (!event.altKey || (event.key !== "ArrowLeft" && event.key !== "ArrowRight")) return;
    event.preventDefault();
    event.stopPropagation();
    resizeBy(event.key === "ArrowRight" ? RESIZE_STEP : -RESIZE_STEP);
  };
  const ariaSort = sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined;
  // A header drawn by a function may hold a control of its own (a box selecting the column),
  // which takes the keys; a header of text has none.
  const focusable = column.getCanResize() && !column.getCanSort() && typeof column.columnDef.header !== "function";
  return (
    <div
      role="columnheader"
      className={meta?.numeric ? "vgrid-column cell-number" : "vgrid-column"}
      aria-sort={column.getCanSort() ? (ariaSort ?? "none") : undefined}
      data-column={column.id}
      ref={cellRef}
      tabIndex={focusable ? 0 : undefined}
      aria-keyshortcuts={focusable ? "Alt+ArrowLeft Alt+ArrowRight" : undefined}
      onKeyDown={onKeyDown}
    >
      {column.getCanSort() ? (
        <button
          type="button"
          className="vgrid-sort"
          data-testid={`sort-${column.id}`}
          aria-keyshortcuts="Alt+ArrowLeft Alt+ArrowRight"
          onClick={column.getToggleSortingHandler()}
        >
          <span className="vgrid-column-name">{name}</span>
          <span className="vgrid-sort-mark" aria-hidden="true">
            {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : ""}
          </span>
        </button>
      ) : meta?.label ? (
        <span className="visually-hidden">{meta.label}</span>
      ) : (
        <span className="vgrid-column-name">{name}</span>
      )}
      {column.getCanResize() && (
        <div
          className="vgrid-resize"
          data-resizing={dragging || undefined}
          data-testid={`resize-${column.id}`}
          aria-hidden="true"
          title={t("table.resize")}
          onPointerDown={onPointerDown}
          onDoubleClick={() => {
            column.resetSize();
          }}
          onClick={(event) => {
            event.stopPropagation();
          }}
        />
      )}
    </div>
  );
}
