// Live progress of validations and pushes, kept outside TanStack Query: events arrive about ten
// times a second and only the item they are about should re-render, so each item subscribes to
// its own entry of this small store.

import { createContext, useContext, useSyncExternalStore } from "react";

import type { FailureKind, Step, UploadEvent } from "../../ipc";

export type PushProgress = Extract<UploadEvent, { event: "progress" }>;

export interface LiveEntry {
  step?: Step;
  reference?: string | null;
  progress?: PushProgress;
  /** A transient failure: the backend tries again at `until` (ms since the epoch). */
  waiting?: { kind: FailureKind; message: string; until: number };
  validation?: { done: number; total: number };
}

export interface LiveStore {
  get: (id: number) => LiveEntry | undefined;
  subscribe: (listener: () => void) => () => void;
  apply: (event: UploadEvent) => void;
  validation: (id: number, done: number, total: number) => void;
}

export function createLiveStore(now: () => number = Date.now): LiveStore {
  const entries = new Map<number, LiveEntry>();
  const listeners = new Set<() => void>();
  const set = (id: number, entry: LiveEntry | undefined) => {
    if (entry === undefined) entries.delete(id);
    else entries.set(id, entry);
    for (const listener of listeners) listener();
  };
  return {
    get: (id) => entries.get(id),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    apply: (event) => {
      const prev = entries.get(event.item) ?? {};
      switch (event.event) {
        case "started":
          set(event.item, {});
          break;
        case "step":
          set(event.item, { ...prev, step: event.step, reference: event.reference, waiting: undefined });
          break;
        case "progress":
          set(event.item, { ...prev, progress: event, waiting: undefined });
          break;
        case "waiting":
          set(event.item, {
            ...prev,
            waiting: { kind: event.kind, message: event.message, until: now() + event.retryInSecs * 1000 },
          });
          break;
        default:
          set(event.item, undefined);
      }
    },
    validation: (id, done, total) => {
      set(id, { ...entries.get(id), validation: { done, total } });
    },
  };
}

export const LiveStoreContext = createContext<LiveStore | null>(null);

/** The live entry of one item; re-renders only when that entry changes. */
export function useLive(id: number): LiveEntry | undefined {
  const store = useContext(LiveStoreContext);
  if (store === null) throw new Error("useLive must be used inside the Uploads screen");
  return useSyncExternalStore(store.subscribe, () => store.get(id));
}
