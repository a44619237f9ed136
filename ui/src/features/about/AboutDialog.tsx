import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

import { CloseIcon } from "../../components/icons";
import { AboutContent } from "./AboutContent";

/**
 * The About dialog. A native modal `<dialog>`: the browser traps focus, closes it on Escape and
 * returns focus to the button that opened it.
 */
export function AboutDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      data-testid="about-dialog"
      aria-labelledby="about-title"
      onClose={onClose}
    >
      {open && (
        <>
          <header className="dialog-header">
            <h2 id="about-title">{t("about.title")}</h2>
            <button
              type="button"
              className="icon-button"
              aria-label={t("about.close")}
              title={t("about.close")}
              data-testid="about-close"
              onClick={onClose}
            >
              <CloseIcon />
            </button>
          </header>
          <div className="dialog-body">
            <AboutContent />
          </div>
          <footer className="dialog-footer">
            <button type="button" className="button" onClick={onClose}>
              {t("about.close")}
            </button>
          </footer>
        </>
      )}
    </dialog>
  );
}
