import { Outlet } from "@tanstack/react-router";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { ToastProvider } from "../components/Toasts";
import { AboutDialog } from "../features/about/AboutDialog";
import { CommandPalette } from "../features/browse/CommandPalette";
import { useImagesChangedRefresh } from "../features/browse/queries";
import { ActiveProfile } from "../features/profiles/ActiveProfile";
import { DropOverlay, IgnoredFilesContext, useOpenedFiles } from "../features/uploads/filesOpened";
import { UploadNotices } from "../features/uploads/UploadNotices";
import { QuitWhilePushing } from "./QuitWhilePushing";
import { Sidebar } from "./Sidebar";
import { StartupNotices } from "./StartupNotices";

/** The frame around every screen: sidebar, header with the active profile, content area. */
export function Shell() {
  const { t } = useTranslation();
  const [aboutOpen, setAboutOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const { hovering, ignoredFiles } = useOpenedFiles();
  // A push from the queue changes the image lists of whatever screen is open.
  useImagesChangedRefresh();

  return (
    <ToastProvider>
      <div className="shell">
        <button
          type="button"
          className="skip-link"
          onClick={() => {
            mainRef.current?.focus();
          }}
        >
          {t("app.skipToContent")}
        </button>
        <Sidebar
          onOpenAbout={() => {
            setAboutOpen(true);
          }}
        />
        <div className="shell-main">
          <header className="header" data-testid="header" aria-label={t("header.label")}>
            <ActiveProfile />
          </header>
          <main className="content" ref={mainRef} tabIndex={-1}>
            <StartupNotices />
            <IgnoredFilesContext value={ignoredFiles}>
              <Outlet />
            </IgnoredFilesContext>
          </main>
        </div>
        {hovering && <DropOverlay />}
        <CommandPalette />
        <QuitWhilePushing />
        <AboutDialog
          open={aboutOpen}
          onClose={() => {
            setAboutOpen(false);
          }}
        />
        <UploadNotices />
      </div>
    </ToastProvider>
  );
}
