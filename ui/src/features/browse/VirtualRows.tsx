import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef, useState, type HTMLAttributes, type KeyboardEvent, type ReactNode } from "react";

import type { Density } from "../../ipc";
import { DEFAULT_SETTINGS, useSettings } from "../settings/queries";
import type { VisibleRange } from "./windows";
import "./VirtualRows.css";

/**
 * Every row of a list has one height, set by the density the user chose, so positions are
 * computed, never measured.
 */
export const ROW_HEIGHTS: Readonly<Record<Density, number>> = { comfortable: 36, compact: 28 };

export interface RowContent {
  cells: ReactNode;
  attributes?: HTMLAttributes<HTMLDivElement> & Record<`data-${string}`, string | boolean | undefined>;
}

/**
 * A grid that renders only the rows in view (and a few around them). One row at a time is in the
 * tab order; arrow keys, Page Up/Down, Home and End move it, Enter activates it. Rows that are not
 * loaded yet show as placeholders.
 */
export function VirtualRows(props: {
  count: number;
  label: string;
  header: ReactNode;
  className: string;
  testId: string;
  /** Changing it scrolls back to the top (a new filter or sort). */
  resetKey: string;
  onRangeChange: (range: VisibleRange) => void;
  row: (index: number) => RowContent | undefined;
  onActivate?: (index: number) => void;
  activateOnClick?: boolean;
  /** Keys the grid does not handle itself, with the focused row. */
  onKeyDown?: (event: KeyboardEvent<HTMLDivElement>, index: number) => void;
  busy?: boolean;
}) {
  const { count, onRangeChange, resetKey } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focused, setFocused] = useState(0);
  const [seenReset, setSeenReset] = useState(resetKey);
  const focusWanted = useRef(false);
  const rowHeight = ROW_HEIGHTS[(useSettings().data ?? DEFAULT_SETTINGS).density];

  // The virtualizer hands out functions whose results change without a new identity, so a
  // compiler could not memoise this component; the app does not run one, and every render reads
  // the virtualizer afresh.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    // Scrolling renders with React's own batching rather than synchronously inside every
    // scroll event.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  // A new density changes every row's height: positions are computed again.
  useEffect(() => {
    virtualizer.measure();
  }, [virtualizer, rowHeight]);

  useEffect(() => {
    onRangeChange({ first, last });
  }, [first, last, onRangeChange]);

  if (seenReset !== resetKey) {
    setSeenReset(resetKey);
    setFocused(0);
  }
  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [resetKey, virtualizer]);

  const current = Math.min(focused, Math.max(0, count - 1));
  const tabStop = items.some((item) => item.index === current) ? current : first;

  // Focus follows the keyboard only once the row it moved to is rendered.
  useEffect(() => {
    if (!focusWanted.current) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${current}"]`);
    if (row) {
      focusWanted.current = false;
      row.focus();
    }
  });

  const move = (to: number) => {
    const index = Math.max(0, Math.min(count - 1, to));
    setFocused(index);
    focusWanted.current = true;
    virtualizer.scrollToIndex(index, { align: "auto" });
  };
  const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);

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
    if (to !== undefined && !typing && (onRow || event.key === "ArrowDown" || event.key === "ArrowUp")) {
      event.preventDefault();
      move(to);
      return;
    }
    if (event.key === "Enter" && onRow && props.onActivate) {
      event.preventDefault();
      props.onActivate(at);
      return;
    }
    props.onKeyDown?.(event, at);
  };

  return (
    <div
      className={`vgrid ${props.className}`}
      role="grid"
      aria-label={props.label}
      aria-rowcount={count + 1}
      aria-busy={props.busy}
      data-testid={props.testId}
      onKeyDown={onKeyDown}
    >
      <div className="vgrid-row vgrid-header" role="row" aria-rowindex={1}>
        {props.header}
      </div>
      <div className="vgrid-scroll" ref={scrollRef}>
        <div className="vgrid-space" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const content = props.row(item.index);
            return (
              <div
                // Keyed by slot, not by row: the rows in view are consecutive, so each slot
                // holds one of them, and a scroll refills the elements in place instead of
                // building new ones.
                key={item.index % items.length}
                role="row"
                aria-rowindex={item.index + 2}
                data-index={item.index}
                tabIndex={item.index === tabStop ? 0 : -1}
                className={content ? "vgrid-row" : "vgrid-row vgrid-loading"}
                style={{ transform: `translateY(${item.start}px)`, height: rowHeight }}
                onFocus={() => {
                  setFocused(item.index);
                }}
                onClick={
                  props.activateOnClick && content
                    ? () => {
                        props.onActivate?.(item.index);
                      }
                    : undefined
                }
                {...content?.attributes}
              >
                {content ? content.cells : <div role="gridcell" className="vgrid-placeholder" />}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
