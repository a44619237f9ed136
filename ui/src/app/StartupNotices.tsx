import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { IconButton } from "../components/IconButton";
import { AlertIcon, CloseIcon } from "../components/icons";
import { useIpc, type Recovered } from "../ipc";

/**
 * Says once, at the top of the window, which configuration file could not be read at start,
 * why, what was kept of it and where the original was moved.
 */
export function StartupNotices() {
  const { t } = useTranslation();
  const client = useIpc();
  const notices = useQuery<Recovered[]>({
    queryKey: ["startupNotices"],
    queryFn: () => client.startupNotices(),
    staleTime: Infinity,
  });
  const [dismissed, setDismissed] = useState(false);
  const list = notices.data ?? [];
  if (dismissed || list.length === 0) return null;

  return (
    <div className="startup-notices" role="alert" data-testid="startup-notices">
      {list.map((notice) => (
        <div key={notice.path} className="notice notice-warning" data-testid="startup-notice" data-file={notice.file}>
          <AlertIcon />
          <div className="notice-body">
            <span className="notice-title">{t(`startup.unreadable.${notice.file}`)}</span>
            <span>{t(`startup.kept.${notice.file}`, { count: notice.kept, lost: notice.lost })}</span>
            <span className="notice-detail">
              {notice.movedTo === null
                ? t("startup.notMoved", { path: notice.path })
                : t("startup.movedTo", { path: notice.movedTo })}
            </span>
            <span className="notice-detail">{notice.reason}</span>
          </div>
        </div>
      ))}
      <IconButton
        testId="startup-notices-close"
        label={t("startup.dismiss")}
        onClick={() => {
          setDismissed(true);
        }}
      >
        <CloseIcon />
      </IconButton>
    </div>
  );
}
