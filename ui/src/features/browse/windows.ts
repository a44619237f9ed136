// The lists hold only what is on screen: the visible range asks for the page of its first row and
// the page of its last (the same page most of the time), and the table gets those pages as one slice.

import { useCallback, useEffect, useMemo, useRef, useState } from "react";

import type { VisibleRange } from "../../components/DataTable";
import { PAGE_SIZE } from "./queries";

export interface RowWindow<T> {
  total: number;
  matching: number;
  offset: number;
  rows: T[];
}

export type { VisibleRange };

export const START: VisibleRange = { first: 0, last: 0 };

/** Offsets of the pages holding the first and the last visible row. */
export function pageOffsets(range: VisibleRange): [number, number] {
  const page = (row: number) => Math.floor(Math.max(0, row) / PAGE_SIZE) * PAGE_SIZE;
  return [page(range.first), page(range.last)];
}

/**
 * The offsets of the pages in view of the list that `listKey` names (its query), and the callback
 * the list reports its visible range to. A new key starts from the first page, as a new query
 * scrolls the list to its top, without asking for the old offsets' pages of the new query. The
 * state changes only when a page boundary is crossed.
 */
export function usePageOffsets(listKey: string): [[number, number], (range: VisibleRange) => void] {
  const [state, setState] = useState(() => ({ listKey, offsets: pageOffsets(START) }));
  const offsets = state.listKey === listKey ? state.offsets : pageOffsets(START);
  // The callback stays the same across keys: the table reports a range when it changes, and a
  // new key's first report comes once the table is back at its top.
  const current = useRef(listKey);
  useEffect(() => {
    current.current = listKey;
  }, [listKey]);
  const onRangeChange = useCallback((range: VisibleRange) => {
    const next = pageOffsets(range);
    setState((now) => {
      const same = now.listKey === current.current && now.offsets[0] === next[0] && now.offsets[1] === next[1];
      return same ? now : { listKey: current.current, offsets: next };
    });
  }, []);
  return [offsets, onRangeChange];
}

const NOTHING_LOADED = { offset: 0, rows: [] as never[] };

/**
 * The loaded rows as one slice for the table: the first page, followed by the last when the view
 * spans two. The same pages give the same slice, so the table rebuilds its rows only when a page
 * arrives.
 */
export function useLoadedRows<T>(first: RowWindow<T> | undefined, last: RowWindow<T> | undefined): { offset: number; rows: readonly T[] } {
  return useMemo(() => {
    if (first && last?.offset === first.offset + first.rows.length) {
      return { offset: first.offset, rows: [...first.rows, ...last.rows] };
    }
    const only = first ?? last;
    return only ? { offset: only.offset, rows: only.rows } : NOTHING_LOADED;
  }, [first, last]);
}
