import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { IconButton } from "../../components/IconButton";
import { AlertIcon, ArrowDownIcon, ArrowUpIcon } from "../../components/icons";
import { useIpc, type UploadItemView } from "../../ipc";
import { formatBytes, withoutDigest } from "./format";
import { badgeOf, queueBlocker, validationStatus } from "./itemStatus";
import { useLive } from "./live";
import { PullCommand } from "./PullCommand";
import { Bar, PushProgress } from "./PushProgress";
import { useUploadMutation } from "./queries";
import { FindingList, Report } from "./Report";
import { useTargetDraft } from "./targetDraft";
import { TargetForm } from "./TargetForm";

const BADGE_TONE: Record<ReturnType<typeof badgeOf>, string> = {
  waitingCheck: "neutral",
  checking: "info",
  invalid: "danger",
  needsTarget: "warning",
  ready: "success",
  queued: "info",
  running: "accent",
  done: "success",
  failed: "danger",
  cancelled: "neutral",
};

/** One file of the list with everything it needs in its state. */
export function UploadItem(props: {
  item: UploadItemView;
  index: number;
  count: number;
  queueRunning: boolean;
  current: boolean;
}) {
  const { item, index, count } = props;
  const { t, i18n } = useTranslation();
  const client = useIpc();
  const action = useUploadMutation((run: () => Promise<unknown>) => run());
  const state = item.state;
  const validation = validationStatus(item);
  const badge = badgeOf(item);
  const editable = (state.state === "draft" || state.state === "failed" || state.state === "cancelled") && validation === "valid";
  const blocker = queueBlocker(item);
  const running = state.state === "running" || props.current;

  return (
    <li
      className={`upload-item upload-item-${state.state}`}
      data-testid="upload-item"
      data-id={item.id}
      data-file={item.fileName}
      data-state={state.state}
      data-validation={validation}
    >
      <div className="upload-head">
        <div className="upload-title">
          <span className="upload-file-name" data-testid="upload-file-name" title={item.file}>
            {item.fileName}
          </span>
          <span className="upload-size">{formatBytes(item.fileSize, i18n.language)}</span>
          <span className={`badge badge-${BADGE_TONE[badge]}`} data-testid="upload-badge">
            {t(`uploads.state.${badge}`)}
          </span>
          {item.resumed && <span className="badge badge-info">{t("uploads.resumedBadge")}</span>}
        </div>
        <div className="upload-order">
          <IconButton
            testId="upload-move-up"
            label={t("uploads.actions.moveUp")}
            disabled={index === 0}
            onClick={() => { action.mutate(() => client.moveUpload(item.id, index - 1)); }}
          >
            <ArrowUpIcon />
          </IconButton>
          <IconButton
            testId="upload-move-down"
            label={t("uploads.actions.moveDown")}
            disabled={index === count - 1}
            onClick={() => { action.mutate(() => client.moveUpload(item.id, index + 1)); }}
          >
            <ArrowDownIcon />
          </IconButton>
        </div>
      </div>

      <ValidationView item={item} />
      {editable ? <EditableBody item={item} running={running} action={action} /> : (
        <>
          <StateView item={item} queueRunning={props.queueRunning} running={running} />
          <Actions item={item} running={running} action={action} blocker={blocker} />
        </>
      )}
      {action.error && <ErrorNotice title={t("uploads.actionFailed")} error={action.error} />}
    </li>
  );
}

type Action = ReturnType<typeof useUploadMutation<() => Promise<unknown>>>;

/** A draft, failed or cancelled item with a valid file: the target form and what happened last. */
function EditableBody({ item, running, action }: { item: UploadItemView; running: boolean; action: Action }) {
  const target = useTargetDraft(item);
  return (
    <>
      <StateView item={item} queueRunning={false} running={running} />
      <TargetForm item={item} target={target} />
      <Actions item={item} running={running} action={action} blocker={queueBlocker(item)} flush={target.flush} />
    </>
  );
}

function ValidationView({ item }: { item: UploadItemView }) {
  const { t, i18n } = useTranslation();
  const live = useLive(item.id);
  const v = item.validation;
  // A pushed file is not checked again after a restart: there is nothing to wait for.
  if (v.status === "pending" && item.state.state === "done") return null;
  if (v.status === "pending") return <p className="field-hint">{t("uploads.validation.pending")}</p>;
  if (v.status === "running") {
    const { done, total } = live?.validation ?? v;
    return (
      <div className="upload-checking">
        <Bar done={done} total={total} label={t("uploads.validation.progressLabel")} testId="upload-validation-progress" />
        <span className="field-hint">
          {t("uploads.validation.running", { done: formatBytes(done, i18n.language), total: formatBytes(total, i18n.language) })}
        </span>
      </div>
    );
  }
  const errors = v.validation.findings.filter((f) => f.severity === "error");
  return (
    <>
      {errors.length > 0 && (
        <div className="notice notice-error" data-testid="upload-findings">
          <AlertIcon />
          <div className="notice-body">
            <p className="notice-title">{t("uploads.validation.findings")}</p>
            <FindingList findings={errors} testId="upload-finding" />
          </div>
        </div>
      )}
      <Report validation={v.validation} />
    </>
  );
}

function StateView({ item, queueRunning, running }: { item: UploadItemView; queueRunning: boolean; running: boolean }) {
  const { t } = useTranslation();
  const state = item.state;
  if (running) return <PushProgress id={item.id} />;
  switch (state.state) {
    case "queued":
      return <p className="upload-status">{queueRunning ? t("uploads.queued") : t("uploads.queuedPaused")}</p>;
    case "done":
      return (
        <div className="upload-done">
          <p className="upload-status upload-status-success">{t("uploads.done")}</p>
          {state.pushed.map((reference) => {
            const at = reference.indexOf("@");
            return <PullCommand key={reference} reference={withoutDigest(reference)} digest={at < 0 ? null : reference.slice(at + 1)} pushed />;
          })}
        </div>
      );
    case "failed": {
      const kind = state.kind ?? "other";
      return (
        <div className="notice notice-error" role="alert" data-testid="upload-error" data-kind={kind}>
          <AlertIcon />
          <div className="notice-body">
            <p className="notice-title" data-testid="upload-error-title">{t(`uploads.kindTitle.${kind}`)}</p>
            <p data-testid="upload-advice">{t(`uploads.kind.${kind}`)}</p>
            {state.message !== "" && <p className="notice-detail">{t("errors.details", { message: state.message })}</p>}
          </div>
        </div>
      );
    }
    case "cancelled":
      return <p className="upload-status">{t("uploads.cancelled")}</p>;
    default:
      return null;
  }
}

function Actions(props: {
  item: UploadItemView;
  running: boolean;
  action: Action;
  blocker: ReturnType<typeof queueBlocker>;
  flush?: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const client = useIpc();
  const { item, running, action, blocker } = props;
  const state = item.state.state;
  const flushThen = (run: () => Promise<unknown>) => () => {
    action.mutate(async () => {
      await props.flush?.();
      return run();
    });
  };
  return (
    <div className="upload-actions">
      {state === "draft" && (
        <>
          <button
            type="button"
            className="button button-primary"
            data-testid="upload-queue"
            disabled={blocker !== null || action.isPending}
            aria-describedby={blocker !== null ? `queue-blocker-${item.id}` : undefined}
            onClick={flushThen(() => client.queueUploads([item.id]))}
          >
            {t("uploads.actions.queue")}
          </button>
          {blocker !== null && (
            <span className="field-hint" id={`queue-blocker-${item.id}`} data-testid="upload-queue-blocked" data-reason={blocker}>
              {t(`uploads.queueBlocked.${blocker}`)}
            </span>
          )}
        </>
      )}
      {(state === "failed" || state === "cancelled") && (
        <button type="button" className="button button-primary" data-testid="upload-retry" disabled={action.isPending} onClick={flushThen(() => client.retryUpload(item.id))}>
          {t("uploads.actions.retry")}
        </button>
      )}
      <span className="upload-actions-spacer" />
      {(state === "draft" || state === "queued" || running) && (
        <button type="button" className="button" data-testid="upload-cancel" onClick={() => { action.mutate(() => client.cancelUpload(item.id)); }}>
          {t("uploads.actions.cancel")}
        </button>
      )}
      {!running && (
        <button type="button" className="button button-danger" data-testid="upload-remove" onClick={() => { action.mutate(() => client.removeUpload(item.id)); }}>
          {t("uploads.actions.remove")}
        </button>
      )}
    </div>
  );
}
