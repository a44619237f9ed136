import type { TFunction } from "i18next";
import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";

import { DataTable, type DataColumn } from "../../components/DataTable";
import { ErrorNotice } from "../../components/ErrorNotice";
import { localized } from "../../components/errorText";
import { Modal } from "../../components/Modal";
import { TypedConfirmation } from "../../components/TypedConfirmation";
import type { PolicyInput, PreviewItem, RetentionLog, RetentionPreview } from "../../ipc";
import type { ImageRef } from "../browse/queries";
import { usePolicy, usePreviewRetention, useRemoveRetention, useRetentionHistory, useSaveRetention } from "./queries";
import { keepReason, policyText, warningText } from "./words";
import "./retention.css";

const DAYS = { min: 1, max: 365 };
const TAGS = { min: 1, max: 1000 };

interface Form {
  kind: "days" | "tags";
  value: string;
  exceptTags: string;
  exceptRegex: string;
}

function toInput(form: Form): PolicyInput {
  const value = Number(form.value);
  return {
    keepDays: form.kind === "days" ? value : null,
    keepTags: form.kind === "tags" ? value : null,
    exceptTags: form.exceptTags.split(/[\s,]+/).filter((t) => t !== ""),
    exceptRegex: form.exceptRegex.split("\n").map((r) => r.trim()).filter((r) => r !== ""),
  };
}

function fromInput(input: PolicyInput | undefined): Form {
  if (!input) return { kind: "tags", value: "10", exceptTags: "", exceptRegex: "" };
  return {
    kind: input.keepDays !== null ? "days" : "tags",
    value: String(input.keepDays ?? input.keepTags ?? ""),
    exceptTags: input.exceptTags.join(", "),
    exceptRegex: input.exceptRegex.join("\n"),
  };
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
  const [form, setForm] = useState<Form>(() => fromInput(current));
  const [previewed, setPreviewed] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [typed, setTyped] = useState("");
  const preview = usePreviewRetention(imageRef);
  const save = useSaveRetention(imageRef);
  const remove = useRemoveRetention(imageRef);
  const name = `${imageRef.organization}/${imageRef.image}`;

  const range = form.kind === "days" ? DAYS : TAGS;
  const number = Number(form.value);
  const valueProblem =
    form.value.trim() === "" || !Number.isInteger(number) || number < range.min || number > range.max
      ? t(form.kind === "days" ? "retention.form.daysRange" : "retention.form.tagsRange", range)
      : null;
  const input = toInput(form);
  const formKey = JSON.stringify(input);
  const upToDate = previewed === formKey && preview.data !== undefined;
  const set = (patch: Partial<Form>) => {
    setForm((f) => ({ ...f, ...patch }));
  };
  const violation = preview.error?.error.violation ?? save.error?.error.violation ?? null;
  const violationText = violation && localized(violation.message, i18n.language);

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
      <form
        className="retention-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (valueProblem !== null) return;
          setPreviewed(formKey);
          preview.mutate(input);
        }}
      >
        <fieldset className="retention-keep">
          <legend>{t("retention.form.keep")}</legend>
          <label>
            <input
              type="radio"
              name={`${id}-kind`}
              data-testid="retention-keep-days"
              checked={form.kind === "days"}
              onChange={() => {
                set({ kind: "days" });
              }}
            />{" "}
            {t("retention.form.days")}
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-kind`}
              data-testid="retention-keep-tags"
              checked={form.kind === "tags"}
              onChange={() => {
                set({ kind: "tags" });
              }}
            />{" "}
            {t("retention.form.tags")}
          </label>
          <label className="field">
            <span className="field-label">{form.kind === "days" ? t("retention.form.daysLabel") : t("retention.form.tagsLabel")}</span>
            <input
              className="field-control"
              type="number"
              min={range.min}
              max={range.max}
              data-testid="retention-value"
              value={form.value}
              aria-invalid={valueProblem !== null}
              onChange={(e) => {
                set({ value: e.target.value });
              }}
            />
            {valueProblem !== null && (
              <span className="field-error" role="alert">
                {valueProblem}
              </span>
            )}
          </label>
        </fieldset>
        <label className="field">
          <span className="field-label">{t("retention.form.exceptTags")}</span>
          <input
            className="field-control"
            data-testid="retention-except-tags"
            value={form.exceptTags}
            placeholder="latest, stable"
            onChange={(e) => {
              set({ exceptTags: e.target.value });
            }}
          />
        </label>
        <label className="field">
          <span className="field-label">{t("retention.form.exceptRegex")}</span>
          <textarea
            className="field-control"
            rows={2}
            data-testid="retention-except-regex"
            value={form.exceptRegex}
            placeholder="release-.*"
            onChange={(e) => {
              set({ exceptRegex: e.target.value });
            }}
          />
          <span className="field-hint">{t("retention.form.regexHint")}</span>
        </label>
        {violation && (
          <p className="field-error" role="alert" data-testid="retention-error" data-field={violation.field}>
            {violationText}
          </p>
        )}
        <div className="retention-actions">
          <button type="submit" className="button" data-testid="retention-preview" disabled={valueProblem !== null || preview.isPending}>
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
      {preview.error && !violation && <ErrorNotice title={t("retention.previewFailed")} error={preview.error} />}
      {save.error && !violation && <ErrorNotice title={t("retention.saveFailed")} error={save.error} />}
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
                save.mutate(input);
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
