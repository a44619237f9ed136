import type { TFunction } from "i18next";
import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";

import { DataTable, type DataColumn } from "../../components/DataTable";
import { ErrorNotice } from "../../components/ErrorNotice";
import { FieldProblem } from "../../components/form/FieldProblem";
import { ownProblem } from "../../components/form/problem";
import { showRefusal, useRuleForm } from "../../components/form/useRuleForm";
import { Modal } from "../../components/Modal";
import { TypedConfirmation } from "../../components/TypedConfirmation";
import type { CommandError, PolicyInput, PreviewItem, RetentionLog, RetentionPreview } from "../../ipc";
import type { ImageRef } from "../browse/queries";
import { usePolicy, usePreviewRetention, useRemoveRetention, useRetentionHistory, useSaveRetention } from "./queries";
import { keepReason, policyText, warningText } from "./words";
import "./retention.css";

const DAYS = { min: 1, max: 365 };
const TAGS = { min: 1, max: 1000 };

interface PolicyValues {
  kind: "days" | "tags";
  value: string;
  exceptTags: string;
  exceptRegex: string;
}

function toInput(form: PolicyValues): PolicyInput {
  const value = Number(form.value);
  return {
    keepDays: form.kind === "days" ? value : null,
    keepTags: form.kind === "tags" ? value : null,
    exceptTags: form.exceptTags.split(/[\s,]+/).filter((t) => t !== ""),
    exceptRegex: form.exceptRegex.split("\n").map((r) => r.trim()).filter((r) => r !== ""),
  };
}

function fromInput(input: PolicyInput | undefined): PolicyValues {
  if (!input) return { kind: "tags", value: "10", exceptTags: "", exceptRegex: "" };
  return {
    kind: input.keepDays !== null ? "days" : "tags",
    value: String(input.keepDays ?? input.keepTags ?? ""),
    exceptTags: input.exceptTags.join(", "),
    exceptRegex: input.exceptRegex.join("\n"),
  };
}

/**
 * The fields under the names the backend gives them in a rule violation: tag exceptions and
 * regular expressions travel together as selectors, told apart by the rule they break.
 */
function fieldsOf(error: CommandError) {
  const regexp = error.error.violation?.rule.startsWith("retention.selector") ?? false;
  return { retention_days: "value", retention_tag_count: "value", tag_selectors: regexp ? "exceptRegex" : "exceptTags" } as const;
}

/**
 * The image's retention policy. SWR applies a policy the moment it is saved, so saving is only
 * possible for the exact form last previewed, and asks first.
 */
export function RetentionTab({ imageRef }: { imageRef: ImageRef }) {
  const { t } = useTranslation();
  const policy = usePolicy(imageRef);
  return (
    <div data-testid="retention-tab" className="retention">
      <p className="notice notice-warning">{t("retention.appliesAtOnce")}</p>
      {policy.error && <ErrorNotice title={t("retention.loadFailed")} error={policy.error} onRetry={() => void policy.refetch()} />}
      {policy.isPending && <p className="muted">{t("app.loading")}</p>}
      {policy.isSuccess && <Editor imageRef={imageRef} current={policy.data?.input} />}
      <History imageRef={imageRef} />
    </div>
  );
}

function Editor({ imageRef, current }: { imageRef: ImageRef; current: PolicyInput | undefined }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [previewed, setPreviewed] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [typed, setTyped] = useState("");
  const preview = usePreviewRetention(imageRef);
  const save = useSaveRetention(imageRef);
  const remove = useRemoveRetention(imageRef);
  const name = `${imageRef.organization}/${imageRef.image}`;

  const form = useRuleForm<PolicyValues>({
    defaultValues: fromInput(current),
    check: ({ kind, value }) => {
      const range = kind === "days" ? DAYS : TAGS;
      const count = Number(value);
      return {
        value:
          value.trim() === "" || !Number.isInteger(count) || count < range.min || count > range.max
            ? ownProblem(i18n, "range", (say) => say(kind === "days" ? "retention.form.daysRange" : "retention.form.tagsRange", range))
            : null,
      };
    },
  });
  const { register, formState, handleSubmit, watch } = form;
  const { errors } = formState;
  const kind = watch("kind");
  const range = kind === "days" ? DAYS : TAGS;
  const input = toInput(watch());
  const upToDate = previewed === JSON.stringify(input) && preview.data !== undefined;
  // A rule SWR refused goes onto its field; what it cannot be put on is shown whole.
  const refuse = (mutation: { reset: () => void }) => (failure: CommandError) => {
    if (showRefusal(form, failure, fieldsOf(failure))) mutation.reset();
  };
  const onSubmit = handleSubmit((values) => {
    const previewing = toInput(values);
    setPreviewed(JSON.stringify(previewing));
    preview.mutate(previewing, { onError: refuse(preview) });
  });

  return (
    <>
      <section aria-labelledby={`${id}-current`}>
        <h2 id={`${id}-current`} className="section-title">
          {t("retention.current.title")}
        </h2>
        <p data-testid="retention-current">{current ? policyText(t, current) : t("retention.current.none")}</p>
        {current && (
          <button
            type="button"
            className="button button-danger"
            data-testid="retention-remove"
            onClick={() => {
              setRemoving(true);
            }}
          >
            {t("retention.remove")}
          </button>
        )}
      </section>
      <form className="retention-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <fieldset className="retention-keep">
          <legend>{t("retention.form.keep")}</legend>
          <label>
            <input type="radio" value="days" data-testid="retention-keep-days" {...register("kind", { deps: ["value"] })} />{" "}
            {t("retention.form.days")}
          </label>
          <label>
            <input type="radio" value="tags" data-testid="retention-keep-tags" {...register("kind", { deps: ["value"] })} />{" "}
            {t("retention.form.tags")}
          </label>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-value`}>
              {kind === "days" ? t("retention.form.daysLabel") : t("retention.form.tagsLabel")}
            </label>
            <input
              id={`${id}-value`}
              className="field-control"
              type="number"
              min={range.min}
              max={range.max}
              data-testid="retention-value"
              aria-invalid={errors.value ? true : undefined}
              aria-describedby={`${id}-value-problem`}
              {...register("value")}
            />
            <FieldProblem error={errors.value} id={`${id}-value-problem`} testId="retention-value-problem" />
          </div>
        </fieldset>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-except-tags`}>
            {t("retention.form.exceptTags")}
          </label>
          <input
            id={`${id}-except-tags`}
            className="field-control"
            data-testid="retention-except-tags"
            placeholder="latest, stable"
            aria-invalid={errors.exceptTags ? true : undefined}
            aria-describedby={`${id}-except-tags-problem`}
            {...register("exceptTags")}
          />
          <FieldProblem error={errors.exceptTags} id={`${id}-except-tags-problem`} testId="retention-except-tags-problem" />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-except-regex`}>
            {t("retention.form.exceptRegex")}
          </label>
          <textarea
            id={`${id}-except-regex`}
            className="field-control"
            rows={2}
            data-testid="retention-except-regex"
            placeholder="release-.*"
            aria-invalid={errors.exceptRegex ? true : undefined}
            aria-describedby={`${id}-except-regex-hint ${id}-except-regex-problem`}
            {...register("exceptRegex")}
          />
          <p id={`${id}-except-regex-hint`} className="field-hint">
            {t("retention.form.regexHint")}
          </p>
          <FieldProblem error={errors.exceptRegex} id={`${id}-except-regex-problem`} testId="retention-except-regex-problem" />
        </div>
        <div className="retention-actions">
          <button type="submit" className="button" data-testid="retention-preview" disabled={!formState.isValid || formState.isSubmitting || preview.isPending}>
            {preview.isPending ? t("retention.previewing") : t("retention.preview")}
          </button>
          <button
            type="button"
            className="button button-primary"
            data-testid="retention-save"
            disabled={!upToDate || save.isPending}
            title={upToDate ? undefined : t("retention.previewFirst")}
            onClick={() => {
              setTyped("");
              setConfirming(true);
            }}
          >
            {t("retention.save")}
          </button>
        </div>
      </form>
      {preview.error && <ErrorNotice title={t("retention.previewFailed")} error={preview.error} />}
      {save.error && <ErrorNotice title={t("retention.saveFailed")} error={save.error} />}
      {save.data && (
        <p
          data-testid="retention-saved"
          className={save.data.asPreviewed ? "notice" : "notice notice-error"}
          role="status"
        >
          {save.data.asPreviewed
            ? t("retention.saved", { count: save.data.deleted.length })
            : t("retention.savedDiffers", { count: save.data.deleted.length, tags: save.data.deleted.join(", ") })}
        </p>
      )}
      {preview.data && upToDate && <PreviewList preview={preview.data} />}
      <Modal
        open={confirming && preview.data !== undefined}
        onClose={() => {
          setConfirming(false);
        }}
        title={t("retention.confirm.title")}
        closeLabel={t("retention.confirm.cancel")}
        testId="retention-confirm"
        footer={
          <>
            <button
              type="button"
              className="button button-primary"
              data-testid="retention-confirm-ok"
              disabled={(preview.data?.deleted ?? 0) > 0 && typed !== name}
              onClick={() => {
                setConfirming(false);
                save.mutate(input, { onError: refuse(save) });
              }}
            >
              {t("retention.confirm.ok")}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setConfirming(false);
              }}
            >
              {t("retention.confirm.cancel")}
            </button>
          </>
        }
      >
        <p>{t("retention.confirm.body", { count: preview.data?.deleted ?? 0, image: name })}</p>
        {(preview.data?.deleted ?? 0) > 0 && (
          <TypedConfirmation label={t("retention.confirm.type", { image: name })} value={typed} onChange={setTyped} testId="retention-confirm-text" />
        )}
      </Modal>
      <Modal
        open={removing}
        onClose={() => {
          setRemoving(false);
        }}
        title={t("retention.removeConfirm.title")}
        closeLabel={t("retention.confirm.cancel")}
        testId="retention-remove-confirm"
        footer={
          <>
            <button
              type="button"
              className="button button-danger"
              data-testid="retention-remove-ok"
              onClick={() => {
                setRemoving(false);
                remove.mutate(undefined);
              }}
            >
              {t("retention.remove")}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setRemoving(false);
              }}
            >
              {t("retention.confirm.cancel")}
            </button>
          </>
        }
      >
        <p>{t("retention.removeConfirm.body", { image: name })}</p>
      </Modal>
      {remove.error && <ErrorNotice title={t("retention.removeFailed")} error={remove.error} />}
    </>
  );
}

const DELETED_FIRST = [{ id: "verdict", desc: false }];
const NEWEST_FIRST = [{ id: "when", desc: true }];

function why(t: TFunction, item: PreviewItem): string {
  return item.verdict.verdict === "delete"
    ? t("retention.reason.deleted", { because: item.verdict.because })
    : item.verdict.reasons.map((r) => keepReason(t, r)).join("; ");
}

function previewColumns(t: TFunction): DataColumn<PreviewItem>[] {
  return [
    { id: "tag", accessorFn: (item) => item.tag, header: t("retention.column.tag"), size: 160, meta: { grow: 1, className: "cell-name" } },
    {
      id: "verdict",
      // Deleted first.
      accessorFn: (item) => (item.verdict.verdict === "delete" ? 0 : 1),
      header: t("retention.column.verdict"),
      size: 100,
      cell: ({ row }) => (
        <span className={row.original.verdict.verdict === "delete" ? "badge badge-danger" : "badge"}>
          {t(`retention.verdict.${row.original.verdict.verdict}`)}
        </span>
      ),
    },
    {
      id: "why",
      header: t("retention.column.why"),
      size: 220,
      meta: { grow: 3 },
      cell: ({ row }) => {
        const text = why(t, row.original);
        return <span title={text}>{text}</span>;
      },
    },
    { id: "pushed", accessorFn: (item) => item.pushed, sortDescFirst: true, header: t("retention.column.pushed"), size: 150, meta: { className: "muted" } },
  ];
}

/** Deleted tags first, then kept ones, each with why. */
function PreviewList({ preview }: { preview: RetentionPreview }) {
  const { t } = useTranslation();
  const columns = useMemo(() => previewColumns(t), [t]);
  return (
    <section className="retention-preview" data-testid="retention-preview-list">
      <p data-testid="retention-preview-summary" className="section-title">
        {t("retention.summary", { deleted: preview.deleted, kept: preview.kept })}
      </p>
      {preview.warnings.map((w, at) => (
        <p key={at} className="notice notice-warning" data-testid="retention-warning" data-kind={w.kind}>
          {warningText(t, w)}
        </p>
      ))}
      <DataTable
        columns={columns}
        rows={preview.items}
        getRowId={(item) => item.tag}
        label={t("retention.column.verdict")}
        className="retention-table"
        testId="retention-items"
        widthsKey="retention-preview"
        tall
        initialSorting={DELETED_FIRST}
        rowAttributes={(item) => ({ "data-testid": "retention-item", "data-tag": item.tag, "data-verdict": item.verdict.verdict })}
      />
    </section>
  );
}

function History({ imageRef }: { imageRef: ImageRef }) {
  const { t } = useTranslation();
  const history = useRetentionHistory(imageRef);
  const historyColumns = useMemo(
    (): DataColumn<RetentionLog>[] => [
      { id: "tag", accessorFn: (log) => log.tag, header: t("retention.column.tag"), size: 160, meta: { grow: 1, className: "cell-name" } },
      { id: "when", accessorFn: (log) => log.created_at, sortDescFirst: true, header: t("retention.history.when"), size: 180, meta: { grow: 1, className: "muted" } },
    ],
    [t],
  );
  return (
    <section className="retention-history" aria-label={t("retention.history.title")}>
      <h2 className="section-title">{t("retention.history.title")}</h2>
      {history.error && <ErrorNotice title={t("retention.history.failed")} error={history.error} />}
      {history.data?.length === 0 && <p className="muted">{t("retention.history.empty")}</p>}
      {history.data && history.data.length > 0 && (
        <DataTable
          columns={historyColumns}
          rows={history.data}
          getRowId={(log) => String(log.id)}
          label={t("retention.history.title")}
          testId="retention-history"
          widthsKey="retention-history"
          initialSorting={NEWEST_FIRST}
          rowAttributes={(log) => ({ "data-testid": "retention-log-row", "data-tag": log.tag })}
        />
      )}
    </section>
  );
}
