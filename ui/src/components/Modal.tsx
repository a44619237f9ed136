import { useId, useLayoutEffect, useRef, type ReactNode } from "react";

import { CloseIcon } from "./icons";

/**
 * A native modal `<dialog>` with a title bar: the browser traps focus and closes it on Escape.
 * Focus goes back to the element that had it before, which webviews do not all do by themselves.
 * The content is rendered only while open, so a dialog starts fresh each time.
 */
export function Modal({
  open,
  onClose,
  title,
  closeLabel,
  testId,
  className,
  footer,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  closeLabel: string;
  testId?: string;
  className?: string;
  footer?: ReactNode;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  // A layout effect, so the element focused before is read before any content takes focus.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (dialog === null || !open) return;
    const before = document.activeElement;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={className === undefined ? "dialog" : `dialog ${className}`}
      data-testid={open ? testId : undefined}
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(event) => {
        // Escape goes through `onClose` like every other way out, so the owner's state follows.
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => {
        // Not every webview turns Escape into a `cancel` event.
        if (event.key === "Escape" && !event.defaultPrevented) {
          event.preventDefault();
          onClose();
        }
      }}
    >
      {open && (
        <>
          <header className="dialog-header">
            <h2 id={titleId}>{title}</h2>
            <button type="button" className="icon-button" aria-label={closeLabel} title={closeLabel} onClick={onClose}>
              <CloseIcon />
            </button>
          </header>
          <div className="dialog-body">{children}</div>
          {footer !== undefined && <footer className="dialog-footer">{footer}</footer>}
        </>
      )}
    </dialog>
  );
}
