import * as Dialog from "@radix-ui/react-dialog";
import { useLayoutEffect, useRef, type ReactNode } from "react";

import { CloseIcon } from "./icons";

/**
 * A modal dialog with a title bar, on Radix's dialog: it traps focus, closes on Escape, hides the
 * rest of the app from assistive technology. Focus goes back to the element that had it before the
 * dialog opened: Radix gives it back only to its own trigger, and our dialogs open from anywhere
 * (a button in a row, a shortcut).
 * The content is rendered only while open, so a dialog starts fresh each time. A click outside
 * closes only dialogs that hold nothing to lose (`dismissOutside`); forms stay open.
 */
export function Modal({
  open,
  onClose,
  title,
  closeLabel,
  testId,
  closeTestId,
  className,
  dismissOutside = false,
  footer,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  closeLabel: string;
  testId?: string;
  closeTestId?: string;
  className?: string;
  dismissOutside?: boolean;
  footer?: ReactNode;
  children: ReactNode;
}) {
  const before = useRef<Element | null>(null);
  // A layout effect runs before the dialog's focus scope moves focus inside.
  useLayoutEffect(() => {
    if (open) before.current = document.activeElement;
  }, [open]);

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        if (!next) onClose();
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay">
          <Dialog.Content
            className={className === undefined ? "dialog" : `dialog ${className}`}
            data-testid={testId}
            aria-describedby={undefined}
            onCloseAutoFocus={(event) => {
              event.preventDefault();
              const element = before.current;
              if (element instanceof HTMLElement && element.isConnected) element.focus();
            }}
            onPointerDownOutside={(event) => {
              if (!dismissOutside) event.preventDefault();
            }}
          >
            <header className="dialog-header">
              <Dialog.Title asChild>
                <h2>{title}</h2>
              </Dialog.Title>
              <Dialog.Close className="icon-button" aria-label={closeLabel} title={closeLabel} data-testid={closeTestId}>
                <CloseIcon />
              </Dialog.Close>
            </header>
            <div className="dialog-body">{children}</div>
            {footer !== undefined && <footer className="dialog-footer">{footer}</footer>}
          </Dialog.Content>
        </Dialog.Overlay>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
