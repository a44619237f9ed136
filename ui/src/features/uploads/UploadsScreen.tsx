import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { IconButton } from "../../components/IconButton";
import { AlertIcon, CloseIcon, InfoIcon, UploadIcon } from "../../components/icons";
import { useIpc } from "../../ipc";
import { useIgnoredFiles } from "./filesOpened";
import { createLiveStore, LiveStoreContext } from "./live";
import { uploadKeys, useUploadMutation, useUploadsView } from "./queries";
import { UploadItem } from "./UploadItem";
import { useBackendEvent } from "../../ipc/useBackendEvent";
import { isReady } from "./itemStatus";
import "./uploads.css";

/** The upload list: files being checked, drafts to aim, the queue and what it pushed. */
export function UploadsScreen() {
  const { t } = useTranslation();
  const client = useIpc();
  const queryClient = useQueryClient();
  const view = useUploadsView();
  const [live] = useState(createLiveStore);
  const { ignored, dismiss } = useIgnoredFiles();

  useBackendEvent(client.onUploadsChanged, () => {
    void queryClient.invalidateQueries({ queryKey: uploadKeys.view() });
  });
  useBackendEvent(client.onValidationProgress, (e) => {
    live.validation(e.item, e.done, e.total);
  });
  useBackendEvent(client.onUploadProgress, (e) => {
    live.apply(e);
    // Progress stays in the live store; only a change of state is worth reading the list again.
    if (e.event !== "progress" && e.event !== "step") {
      void queryClient.invalidateQueries({ queryKey: uploadKeys.view() });
    }
  });

  // A screen opened mid-push starts from what the backend last heard; events take over after.
  const liveSnapshot = view.data?.live;
  useEffect(() => {
    for (const event of liveSnapshot ?? []) {
      const known = live.get(event.item);
      if (known === undefined || (event.event === "waiting" && known.waiting === undefined)) live.apply(event);
    }
  }, [live, liveSnapshot]);

  const add = useUploadMutation(() => client.pickUploadFiles());
  const start = useUploadMutation(() => client.startUploads());
  const pause = useUploadMutation(() => client.pauseUploads());
  const queueAll = useUploadMutation((ids: number[]) => client.queueUploads(ids));
  const clear = useUploadMutation(() => client.clearFinishedUploads());
  const actionError = add.error ?? start.error ?? pause.error ?? queueAll.error ?? clear.error;

  const items = view.data?.items ?? [];
  const running = view.data?.running ?? false;
  const ready = items.filter(isReady).map((i) => i.id);
  const finished = items.some((i) => ["done", "failed", "cancelled"].includes(i.state.state));
  const resumed = view.data?.resumed.length ?? 0;

  return (
    <section className="screen screen-uploads" data-testid="screen-uploads" aria-labelledby="uploads-title">
      <header className="screen-header">
        <h1 id="uploads-title">{t("uploads.title")}</h1>
        <p className="screen-description">{t("uploads.description")}</p>
      </header>

      <div className="uploads-toolbar" role="toolbar" aria-label={t("uploads.title")}>
        <button type="button" className="button button-primary" data-testid="uploads-add" onClick={() => { add.mutate(undefined); }}>
          <UploadIcon />
          {t("uploads.add")}
        </button>
        <span className="toolbar-separator" />
        <button type="button" className="button" data-testid="uploads-start" disabled={running} onClick={() => { start.mutate(undefined); }}>
          {t("uploads.start")}
        </button>
        <button type="button" className="button" data-testid="uploads-pause" disabled={!running} onClick={() => { pause.mutate(undefined); }}>
          {t("uploads.pause")}
        </button>
        <button
          type="button"
          className="button"
          data-testid="uploads-queue-all"
          disabled={ready.length === 0}
          onClick={() => { queueAll.mutate(ready); }}
        >
          {t("uploads.queueAll")}
        </button>
        <button
          type="button"
          className="button"
          data-testid="uploads-clear-finished"
          disabled={!finished}
          onClick={() => { clear.mutate(undefined); }}
        >
          {t("uploads.clearFinished")}
        </button>
        <span className={running ? "queue-state queue-running" : "queue-state"} data-testid="uploads-queue-state" data-running={running}>
          {running ? t("uploads.running") : t("uploads.paused")}
        </span>
      </div>

      {ignored.length > 0 && (
        <div className="notice notice-warning" role="status" data-testid="uploads-ignored">
          <AlertIcon />
          <div className="notice-body">
            <p className="notice-title">{t("uploads.ignored")}</p>
            <ul>
              {ignored.map((file, index) => (
                <li key={`${file.path}#${String(index)}`} className="notice-detail" data-reason={file.reason}>
                  {file.path !== "" && <code>{file.path}</code>}
                  {file.path !== "" && " — "}
                  {t(`uploads.ignoredReason.${file.reason}`)}
                  {file.detail !== "" && <span className="muted ignored-detail"> ({file.detail})</span>}
                </li>
              ))}
            </ul>
          </div>
          <IconButton className="notice-close" label={t("uploads.dismiss")} onClick={dismiss}>
            <CloseIcon />
          </IconButton>
        </div>
      )}
      {resumed > 0 && (
        <div className="notice notice-info" role="status" data-testid="uploads-resumed">
          <InfoIcon />
          <p className="notice-body">{t("uploads.resumed", { count: resumed })}</p>
        </div>
      )}
      {view.error && <ErrorNotice title={t("uploads.loadFailed")} error={view.error} />}
      {actionError && <ErrorNotice title={t("uploads.actionFailed")} error={actionError} />}

      {view.isSuccess && items.length === 0 && <EmptyState />}
      <LiveStoreContext value={live}>
        <ol className="upload-list">
          {items.map((item, index) => (
            <UploadItem
              key={item.id}
              item={item}
              index={index}
              count={items.length}
              queueRunning={running}
              current={view.data?.current === item.id}
            />
          ))}
        </ol>
      </LiveStoreContext>
    </section>
  );
}

function EmptyState() {
  const { t } = useTranslation();
  return (
    <div className="uploads-empty" data-testid="uploads-empty">
      <UploadIcon />
      <h2>{t("uploads.empty.title")}</h2>
      <p className="muted">
        {t("uploads.empty.drop")} {t("uploads.empty.add")}
      </p>
      <p className="muted">{t("uploads.empty.commandLine")}</p>
    </div>
  );
}

