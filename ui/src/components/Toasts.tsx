// Toasts tell the user about something that happened away from the screen they are on (a push
// that ended while they browse) and offer to take them there. They are Radix toasts: announced
// politely by screen readers, paused while hovered or focused, reachable with F8 and dismissed
// with Escape or a swipe. A few are kept at once; an older one gives way to a newer one.

import * as Toast from "@radix-ui/react-toast";
import { createContext, use, useCallback, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { CloseIcon } from "./icons";
import "./Toasts.css";

export interface ToastNotice {
  tone: "success" | "danger";
  title: string;
  body?: string;
  /** What the user can do about it; the notice closes once it is done. */
  action?: { label: string; run: () => void };
  testId: string;
}

/** At most this many notices are on screen; a newer one pushes the oldest out. */
const KEPT = 3;
/** A notice stays this long unless the pointer or focus is on it (ms). */
const SHOWN_FOR = 8_000;

const ToastContext = createContext<((notice: ToastNotice) => void) | null>(null);

/** Shows a notice in the corner of the window. */
export function useToast(): (notice: ToastNotice) => void {
  const notify = use(ToastContext);
  if (notify === null) throw new Error("useToast must be used inside ToastProvider");
  return notify;
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [notices, setNotices] = useState<(ToastNotice & { id: number })[]>([]);
  const nextId = useRef(0);
  const notify = useCallback((notice: ToastNotice) => {
    nextId.current += 1;
    const id = nextId.current;
    setNotices((shown) => [...shown.slice(1 - KEPT), { ...notice, id }]);
  }, []);
  const dismiss = (id: number) => {
    setNotices((shown) => shown.filter((notice) => notice.id !== id));
  };

  return (
    <Toast.Provider label={t("toasts.label")} duration={SHOWN_FOR} swipeDirection="right">
      <ToastContext value={notify}>{children}</ToastContext>
      {notices.map((notice) => (
        <Toast.Root
          key={notice.id}
          className="toast"
          data-tone={notice.tone}
          data-testid={notice.testId}
          // A failure interrupts a screen reader; a success waits for a pause.
          type={notice.tone === "danger" ? "foreground" : "background"}
          onOpenChange={(open) => {
            if (!open) dismiss(notice.id);
          }}
        >
          <div className="toast-text">
            <Toast.Title className="toast-title">{notice.title}</Toast.Title>
            {notice.body !== undefined && <Toast.Description className="toast-body">{notice.body}</Toast.Description>}
          </div>
          {notice.action && (
            <Toast.Action altText={notice.action.label} asChild>
              <button type="button" className="button button-small" data-testid="toast-action" onClick={notice.action.run}>
                {notice.action.label}
              </button>
            </Toast.Action>
          )}
          <Toast.Close className="icon-button toast-close" aria-label={t("toasts.close")} data-testid="toast-close">
            <CloseIcon />
          </Toast.Close>
        </Toast.Root>
      ))}
      {/* Radix puts the key that reaches the toasts in place of `{hotkey}`. */}
      <Toast.Viewport className="toast-viewport" data-testid="toasts" label={`${t("toasts.label")} ({hotkey})`} />
    </Toast.Provider>
  );
}
