import type { TFunction } from "i18next";
import { useId } from "react";
import { useTranslation } from "react-i18next";

import type { DataColumn } from "../../components/DataTable";
import { ErrorNotice } from "../../components/ErrorNotice";
import { FieldProblem } from "../../components/form/FieldProblem";
import { fromViolation, ownProblem } from "../../components/form/problem";
import { showRefusal, useRuleForm } from "../../components/form/useRuleForm";
import type { ShareRow } from "../../ipc";
import type { ImageRef } from "../browse/queries";
import { formatDate } from "../browse/format";
import { useRuleChecks } from "../rules/queries";
import { useUpdateShare } from "./queries";
import { deadlineDay, formatDeadline, isForever, todayUtc } from "./dates";

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

/** What a share's row does besides showing it. */
export interface ShareActions {
  /** The account whose deadline editor is open under its row, if any. */
  editing: string | null;
  onEdit: (account: string | null) => void;
  onRemove: (account: string) => void;
}

export const shareId = (share: ShareRow) => share.account;

export function shareRowAttributes(share: ShareRow) {
  return { "data-testid": "sharing-row", "data-account": share.account, "data-expiry": expiryState(share) };
}

/** The columns of the shares of an image: the account, until when, how long is left, why, who shared it. */
export function shareColumns(t: TFunction, language: string, actions: ShareActions): DataColumn<ShareRow>[] {
  return [
    { id: "account", accessorFn: shareId, header: t("sharing.columns.account"), size: 140, minSize: 100, meta: { grow: 1, className: "share-account" } },
    {
      id: "deadline",
      // No end date sorts after every date.
      accessorFn: (share) => (isForever(share.deadline) ? "9999" : share.deadline),
      header: t("sharing.columns.deadline"),
      size: 150,
      cell: ({ row }) => (
        <span data-testid="sharing-row-deadline" data-deadline={row.original.deadline}>
          {isForever(row.original.deadline) ? t("sharing.deadlineForever") : formatDeadline(row.original.deadline, language)}
        </span>
      ),
    },
    { id: "expiry", enableSorting: false, header: t("sharing.columns.expiry"), size: 130, cell: ({ row }) => <Expiry share={row.original} /> },
    {
      id: "description",
      enableSorting: false,
      header: t("sharing.columns.description"),
      size: 160,
      minSize: 100,
      meta: { grow: 2, className: "cell-wrap" },
      cell: ({ row }) => row.original.description,
    },
    {
      id: "creator",
      enableSorting: false,
      header: t("sharing.columns.creator"),
      size: 150,
      minSize: 100,
      meta: { grow: 1, className: "cell-wrap share-creator" },
      cell: ({ row }) =>
        row.original.creator !== "" &&
        t("sharing.createdBy", { creator: row.original.creator, created: formatDate(row.original.created, language) }),
    },
    {
      id: "actions",
      enableSorting: false,
      enableResizing: false,
      header: t("sharing.columns.actions"),
      size: 200,
      meta: { className: "cell-actions", label: t("sharing.columns.actions") },
      cell: ({ row }) => {
        const { account } = row.original;
        const editing = actions.editing === account;
        return (
          <>
            <button
              type="button"
              className="button button-small"
              data-testid="sharing-row-edit"
              aria-label={t("sharing.editLabel", { account })}
              aria-pressed={editing}
              onClick={() => {
                actions.onEdit(editing ? null : account);
              }}
            >
              {t("sharing.edit")}
            </button>
            <button
              type="button"
              className="button button-small button-danger"
              data-testid="sharing-row-remove"
              aria-label={t("sharing.removeLabel", { account })}
              onClick={() => {
                actions.onRemove(account);
              }}
            >
              {t("sharing.remove")}
            </button>
          </>
        );
      },
    },
  ];
}

interface DeadlineValues {
  forever: boolean;
  /** The last day, `YYYY-MM-DD`, unless the share is for ever. */
  day: string;
}

/** The fields of the editor under the names the backend gives them in a rule violation. */
const EDITOR_FIELDS = { deadline: "day" } as const;

/** A share's new deadline, opened under its row. */
export function DeadlineEditor({ imageRef, share, onDone }: { imageRef: ImageRef; share: ShareRow; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const update = useUpdateShare(imageRef);
  const rules = useRuleChecks();

  const form = useRuleForm<DeadlineValues>({
    // A share that is over offers no day: its old one would be refused.
    defaultValues: { forever: isForever(share.deadline), day: share.expired ? "" : deadlineDay(share.deadline) },
    // Whether SWR takes a day (it lasts through its end in UTC; one that is over is refused) is the backend's rule.
    check: async ({ forever, day }) => {
      if (forever) return { day: null };
      if (day === "") return { day: ownProblem(i18n, "required", (say) => say("sharing.problems.dateMissing")) };
      const rule = await rules.shareUntil(day);
      return { day: rule && fromViolation(rule) };
    },
  });
  const { register, formState, handleSubmit, watch } = form;
  const { errors, isValid } = formState;
  const forever = watch("forever");
  const error = update.error;
  // A failure stays on screen only until the user changes the deadline.
  const edit = () => {
    update.reset();
  };

  const onSubmit = handleSubmit((values) => {
    update.mutate(
      {
        account: share.account,
        until: values.forever ? "forever" : values.day,
        // The description is sent as it is, so changing the deadline keeps it.
        description: share.description === "" ? null : share.description,
      },
      {
        onSuccess: onDone,
        onError: (failure) => {
          if (showRefusal(form, failure, EDITOR_FIELDS)) update.reset();
        },
      },
    );
  });

  return (
    <form className="deadline-editor" onSubmit={(event) => void onSubmit(event)} noValidate>
      <div className="deadline-editor-controls">
        <label className="visually-hidden" htmlFor={`${id}-date`}>
          {t("sharing.editor.date")}
        </label>
        <input
          id={`${id}-date`}
          type="date"
          className="input"
          data-testid="sharing-edit-date"
          min={todayUtc()}
          disabled={forever}
          aria-invalid={errors.day ? true : undefined}
          aria-describedby={`${id}-problem`}
          {...register("day", { onChange: edit })}
        />
        <label className="inline-check">
          <input type="checkbox" data-testid="sharing-edit-forever" {...register("forever", { deps: ["day"], onChange: edit })} />
          {t("sharing.editor.forever")}
        </label>
        <button
          type="submit"
          className="button button-small button-primary"
          data-testid="sharing-edit-save"
          disabled={!isValid || formState.isSubmitting || update.isPending}
        >
          {update.isPending ? t("sharing.editor.saving") : t("sharing.editor.save")}
        </button>
        <button type="button" className="button button-small" onClick={onDone}>
          {t("sharing.editor.cancel")}
        </button>
      </div>
      <FieldProblem error={errors.day} id={`${id}-problem`} testId="sharing-edit-problem" />
      {error && <ErrorNotice title={t("sharing.editor.failed")} error={error} testId="sharing-edit-error" />}
    </form>
  );
}
