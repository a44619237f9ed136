import { useId, useState, type SyntheticEvent } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import type { ShareRow } from "../../ipc";
import type { ImageRef } from "../browse/queries";
import { formatDate } from "../browse/format";
import { FieldViolation, violationOn } from "../attributes/violation";
import { useUpdateShare } from "./queries";
import { deadlineDay, formatDeadline, isForever, todayUtc } from "./dates";
import { UntilProblem, useUntilCheck } from "./UntilCheck";

type ExpiryState = "forever" | "expired" | "expiring" | "active";

function expiryState(share: ShareRow): ExpiryState {
  if (isForever(share.deadline)) return "forever";
  if (share.expired) return "expired";
  return share.expiring ? "expiring" : "active";
}

const EXPIRY_BADGE: Record<ExpiryState, string> = {
  forever: "badge",
  expired: "badge badge-danger",
  expiring: "badge badge-warning",
  active: "badge badge-success",
};

/** How long a share has left, in words, with a warning colour near and after its end. */
function Expiry({ share }: { share: ShareRow }) {
  const { t } = useTranslation();
  const state = expiryState(share);
  let text = "";
  if (state === "forever") text = t("sharing.expiry.never");
  else if (state === "expired") text = t("sharing.expiry.expired");
  else if (share.daysLeft === 0) text = t("sharing.expiry.today");
  else if (share.daysLeft !== null) text = t("sharing.expiry.days", { count: share.daysLeft });
  if (text === "") return null;
  return (
    <span
      className={EXPIRY_BADGE[state]}
      data-testid="sharing-row-expiry"
      data-state={state}
      data-warning={state === "expiring" || state === "expired"}
    >
      {text}
    </span>
  );
}

/** One account the image is shared with; its deadline can be changed in place. */
export function ShareRowView({
  imageRef,
  share,
  onRemove,
}: {
  imageRef: ImageRef;
  share: ShareRow;
  onRemove: (account: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const forever = isForever(share.deadline);

  return (
    <tr data-testid="sharing-row" data-account={share.account} data-expiry={expiryState(share)}>
      <td className="share-account">{share.account}</td>
      {editing ? (
        <td colSpan={2}>
          <DeadlineEditor
            imageRef={imageRef}
            share={share}
            onDone={() => {
              setEditing(false);
            }}
          />
        </td>
      ) : (
        <>
          <td data-testid="sharing-row-deadline" data-deadline={share.deadline}>
            {forever ? t("sharing.deadlineForever") : formatDeadline(share.deadline, i18n.language)}
          </td>
          <td>
            <Expiry share={share} />
          </td>
        </>
      )}
      <td className="wrap share-description">{share.description}</td>
      <td className="share-creator">
        {share.creator !== "" && t("sharing.createdBy", { creator: share.creator, created: formatDate(share.created, i18n.language) })}
      </td>
      <td className="cell-actions">
        <button
          type="button"
          className="button button-small"
          data-testid="sharing-row-edit"
          aria-label={t("sharing.editLabel", { account: share.account })}
          aria-pressed={editing}
          onClick={() => {
            setEditing((now) => !now);
          }}
        >
          {t("sharing.edit")}
        </button>
        <button
          type="button"
          className="button button-small button-danger"
          data-testid="sharing-row-remove"
          aria-label={t("sharing.removeLabel", { account: share.account })}
          onClick={() => {
            onRemove(share.account);
          }}
        >
          {t("sharing.remove")}
        </button>
      </td>
    </tr>
  );
}

const EDITOR_FIELDS = ["deadline"] as const;

function DeadlineEditor({ imageRef, share, onDone }: { imageRef: ImageRef; share: ShareRow; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const update = useUpdateShare(imageRef);
  const today = todayUtc();
  const held = share.expired ? "" : deadlineDay(share.deadline);
  const [forever, setForever] = useState(isForever(share.deadline));
  const [day, setDay] = useState(held);
  const until = useUntilCheck(forever ? "forever" : day);
  const error = update.error;
  const onField = violationOn(error, EDITOR_FIELDS);

  const onSubmit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (!until.ready || update.isPending) return;
    update.mutate(
      {
        account: share.account,
        until: forever ? "forever" : day,
        // The description is sent as it is, so changing the deadline keeps it.
        description: share.description === "" ? null : share.description,
      },
      { onSuccess: onDone },
    );
  };

  return (
    <form className="deadline-editor" onSubmit={onSubmit} noValidate>
      <div className="deadline-editor-controls">
        <label className="visually-hidden" htmlFor={`${id}-date`}>
          {t("sharing.editor.date")}
        </label>
        <input
          id={`${id}-date`}
          type="date"
          className="input"
          data-testid="sharing-edit-date"
          min={today}
          value={day}
          disabled={forever}
          aria-invalid={until.violation !== null || onField ? true : undefined}
          aria-describedby={until.violation !== null ? `${id}-problem` : undefined}
          onChange={(event) => {
            update.reset();
            setDay(event.target.value);
          }}
        />
        <label className="inline-check">
          <input
            type="checkbox"
            data-testid="sharing-edit-forever"
            checked={forever}
            onChange={(event) => {
              update.reset();
              setForever(event.target.checked);
            }}
          />
          {t("sharing.editor.forever")}
        </label>
        <button
          type="submit"
          className="button button-small button-primary"
          data-testid="sharing-edit-save"
          disabled={!until.ready || update.isPending}
        >
          {update.isPending ? t("sharing.editor.saving") : t("sharing.editor.save")}
        </button>
        <button type="button" className="button button-small" onClick={onDone}>
          {t("sharing.editor.cancel")}
        </button>
      </div>
      <UntilProblem check={until} id={`${id}-problem`} testId="sharing-edit-problem" />
      {error && onField && <FieldViolation error={error} id={`${id}-error`} testId="sharing-edit-error" />}
      {error && !onField && <ErrorNotice title={t("sharing.editor.failed")} error={error} testId="sharing-edit-error" />}
    </form>
  );
}
