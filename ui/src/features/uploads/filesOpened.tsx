// Files reach the app from any screen (a drop on the window, the dialog, the command line): the
// shell switches to Uploads and keeps what was ignored for the Uploads screen to explain.

import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { createContext, useContext, useState } from "react";
import { useTranslation } from "react-i18next";

import { useIpc, type IgnoredFile } from "../../ipc";
import { uploadKeys } from "./queries";
import { useBackendEvent } from "../../ipc/useBackendEvent";

interface IgnoredFiles {
  ignored: IgnoredFile[];
  dismiss: () => void;
}

export const IgnoredFilesContext = createContext<IgnoredFiles>({ ignored: [], dismiss: () => undefined });

export function useIgnoredFiles(): IgnoredFiles {
  return useContext(IgnoredFilesContext);
}

/** For the shell: follows `filesOpened` and `dropHover`. */
export function useOpenedFiles() {
  const client = useIpc();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [ignored, setIgnored] = useState<IgnoredFile[]>([]);
  const [hovering, setHovering] = useState(false);

  useBackendEvent(client.onFilesOpened, (event) => {
    setHovering(false);
    setIgnored(event.ignored);
    void queryClient.invalidateQueries({ queryKey: uploadKeys.all });
    void navigate({ to: "/uploads" });
  });
  useBackendEvent(client.onDropHover, setHovering);

  return {
    hovering,
    ignoredFiles: {
      ignored,
      dismiss: () => {
        setIgnored([]);
      },
    },
  };
}

/** Covers the window while files are dragged over it. */
export function DropOverlay() {
  const { t } = useTranslation();
  return (
    <div className="drop-overlay" data-testid="drop-overlay" role="status">
      <div className="drop-overlay-card">
        <p className="drop-overlay-title">{t("uploads.drop.title")}</p>
        <p className="muted">{t("uploads.drop.hint")}</p>
      </div>
    </div>
  );
}
