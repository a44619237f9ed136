import { useId, useRef, useState, type SyntheticEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { Select } from "../../components/Select";
import type { ImageRef } from "../browse/queries";
import { useCheckTriggerNow, useTriggerCheck } from "../rules/queries";
import {
  APP_TYPES,
  EMPTY_DRAFT,
  formField,
  listedTags,
  TRIGGER_MODES,
  TRIGGER_TYPES,
  toRequest,
  violationsByField,
  type DraftField,
  type TriggerDraft,
} from "./form";
import { useAddTrigger } from "./queries";
import { ConditionWords, violationText } from "./words";

/** What the control of a field needs to point at its hint and its error. */
interface FieldAria {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/** The form that adds a trigger, checking SWR's rules (the backend's) as the user types. */
export function TriggerForm({
  imageRef,
  onCancel,
  onAdded,
}: {
  imageRef: ImageRef;
  onCancel: () => void;
  onAdded: (name: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const add = useAddTrigger(imageRef);
  const [draft, setDraft] = useState<TriggerDraft>(EMPTY_DRAFT);
  const [touched, setTouched] = useState<ReadonlySet<DraftField>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const request = toRequest(draft);
  const check = useTriggerCheck(request);
  const checkNow = useCheckTriggerNow();
  const problems = violationsByField(check.data ?? []);
  const violation = add.error?.error.violation ?? null;
  const named = violation ? formField(violation.field) : null;
  // A rule on a field the form does not show right now is reported with the form's other failures.
  const hidden = (named === "condition" && draft.type === "all") || (named === "clusterName" && draft.mode !== "cce");
  const violationField = hidden ? null : named;

  /** Changes the draft; a rule the backend found broken goes away once its field is edited. */
  const edit = (fields: readonly DraftField[], next: Partial<TriggerDraft>) => {
    setDraft((now) => ({ ...now, ...next }));
    setTouched((now) => new Set([...now, ...fields]));
    if (named !== null && fields.includes(named)) add.reset();
  };

  const send = async () => {
    setAttempted(true);
    // The rules are asked again for exactly what is sent; a check still on its way cannot let a broken trigger through.
    const found = await checkNow(request).catch(() => []);
    if (found.length > 0) {
      // After this render marks them, the first field with a problem gets the focus.
      requestAnimationFrame(() => {
        formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
      });
      return;
    }
    add.mutate(request, {
      onSuccess: () => {
        onAdded(draft.name);
      },
    });
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    void send();
  };
  const hasProblems = attempted && Object.keys(problems).length > 0;

  /** A field with its label, hint and whichever problem applies: the backend's, else the live check's. */
  const field = (
    name: DraftField | null,
    label: string,
    hint: ReactNode,
    control: (aria: FieldAria) => ReactNode,
    key: string,
  ) => {
    const controlId = `${id}-${key}`;
    const hintId = `${controlId}-hint`;
    const errorId = `${controlId}-error`;
    const backend = name !== null && violation !== null && violationField === name ? violation : null;
    const live = name !== null && (attempted || touched.has(name)) ? (problems[name] ?? null) : null;
    const invalid = backend !== null || live !== null;
    const describedBy = [hint !== null ? hintId : null, invalid ? errorId : null].filter((v) => v !== null).join(" ");
    return (
      <div className="trigger-field" key={key}>
        <label htmlFor={controlId} className="trigger-field-label">
          {label}
        </label>
        {control({ id: controlId, "aria-invalid": invalid ? true : undefined, "aria-describedby": describedBy || undefined })}
        {hint !== null && (
          <p id={hintId} className="field-hint">
            {hint}
          </p>
        )}
        {backend !== null && add.error && (
          <p
            id={errorId}
            className="field-error"
            role="alert"
            data-testid="trigger-add-error"
            data-field={name}
            data-rule={backend.rule}
          >
            {violationText(backend, i18n.language)}
            {add.error.error.requestId !== null && (
              <span className="trigger-request-id">{t("errors.requestId", { requestId: add.error.error.requestId })}</span>
            )}
          </p>
        )}
        {backend === null && live !== null && (
          <p id={errorId} className="field-error" data-testid="trigger-problem" data-field={name} data-rule={live.rule}>
            {violationText(live, i18n.language)}
          </p>
        )}
      </div>
    );
  };

  const tags = draft.type === "tag" && problems.condition === undefined ? listedTags(draft.condition) : [];
  const generalError = add.error && violationField === null ? add.error : null;

  return (
    <form
      ref={formRef}
      className="panel trigger-form"
      data-testid="trigger-add-form"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={submit}
    >
      <h2 id={`${id}-title`} className="panel-title">
        {t("triggers.form.title")}
      </h2>
      {field("name", t("triggers.form.name"), t("triggers.form.nameHint"), (aria) => (
        <input
          {...aria}
          className="input trigger-input"
          data-testid="trigger-name"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          value={draft.name}
          onChange={(e) => {
            edit(["name"], { name: e.target.value });
          }}
        />
      ), "name")}

      <fieldset className="trigger-field trigger-choice" aria-describedby={draft.type === "all" ? `${id}-type-hint` : undefined}>
        <legend className="trigger-field-label">{t("triggers.form.type")}</legend>
        <div className="segmented">
          {TRIGGER_TYPES.map((type) => (
            <label key={type} className="segmented-option">
              <input
                type="radio"
                name={`${id}-type`}
                value={type}
                data-testid={`trigger-type-${type}`}
                checked={draft.type === type}
                onChange={() => {
                  edit(["triggerType", "condition"], { type });
                }}
              />
              <span>{t(`triggers.form.typeChoice.${type}`)}</span>
            </label>
          ))}
        </div>
        {draft.type === "all" && (
          <p id={`${id}-type-hint`} className="field-hint">
            {t("triggers.form.allHint")}
          </p>
        )}
        {violation !== null && violationField === "triggerType" && (
          <p className="field-error" role="alert" data-testid="trigger-add-error" data-field="triggerType" data-rule={violation.rule}>
            {violationText(violation, i18n.language)}
          </p>
        )}
      </fieldset>

      {draft.type !== "all" &&
        field(
          "condition",
          draft.type === "tag" ? t("triggers.form.tags") : t("triggers.form.expression"),
          draft.type === "tag" ? t("triggers.form.tagsHint") : <strong className="trigger-whole">{t("triggers.form.expressionHint")}</strong>,
          (aria) => (
            <input
              {...aria}
              className="input trigger-input trigger-code"
              data-testid="trigger-condition"
              autoComplete="off"
              spellCheck={false}
              value={draft.condition}
              onChange={(e) => {
                edit(["condition"], { condition: e.target.value });
              }}
            />
          ),
          `condition-${draft.type}`,
        )}
      {tags.length > 0 && (
        <p className="field-hint" data-testid="trigger-condition-preview">
          <ConditionWords trigger={{ trigger_type: "tag", condition: tags.join(";") }} />
        </p>
      )}

      {field(
        "triggerMode",
        t("triggers.form.mode"),
        null,
        (aria) => (
          <Select
            {...aria}
            testId="trigger-mode"
            value={draft.mode}
            onChange={(mode) => {
              edit(["triggerMode", "clusterName"], { mode });
            }}
            choices={TRIGGER_MODES.map((mode) => ({ value: mode, label: t(`triggers.form.modeChoice.${mode}`) }))}
          />
        ),
        "mode",
      )}
      {draft.mode === "cce" && (
        <div className="trigger-field-pair">
          {field("clusterName", t("triggers.form.clusterName"), null, (aria) => (
            <input
              {...aria}
              className="input trigger-input"
              data-testid="trigger-cluster-name"
              autoComplete="off"
              spellCheck={false}
              value={draft.clusterName}
              onChange={(e) => {
                edit(["clusterName"], { clusterName: e.target.value });
              }}
            />
          ), "cluster-name")}
          {field(null, t("triggers.form.clusterId"), t("triggers.form.clusterIdHint"), (aria) => (
            <input
              {...aria}
              className="input trigger-input trigger-code"
              data-testid="trigger-cluster-id"
              autoComplete="off"
              spellCheck={false}
              value={draft.clusterId}
              onChange={(e) => {
                edit([], { clusterId: e.target.value });
              }}
            />
          ), "cluster-id")}
        </div>
      )}
      {field("namespace", t("triggers.form.namespace"), null, (aria) => (
        <input
          {...aria}
          className="input trigger-input"
          data-testid="trigger-namespace"
          autoComplete="off"
          spellCheck={false}
          value={draft.namespace}
          onChange={(e) => {
            edit(["namespace"], { namespace: e.target.value });
          }}
        />
      ), "namespace")}
      <div className="trigger-field-pair">
        {field("appType", t("triggers.form.appType"), null, (aria) => (
          <Select
            {...aria}
            testId="trigger-app-type"
            value={draft.appType}
            onChange={(appType) => {
              edit(["appType"], { appType });
            }}
            choices={APP_TYPES.map((appType) => ({ value: appType, label: t(`triggers.appType.${appType}`) }))}
          />
        ), "app-type")}
        {field("application", t("triggers.form.application"), null, (aria) => (
          <input
            {...aria}
            className="input trigger-input"
            data-testid="trigger-application"
            autoComplete="off"
            spellCheck={false}
            value={draft.application}
            onChange={(e) => {
              edit(["application"], { application: e.target.value });
            }}
          />
        ), "application")}
      </div>
      {field(null, t("triggers.form.container"), t("triggers.form.containerHint"), (aria) => (
        <input
          {...aria}
          className="input trigger-input"
          data-testid="trigger-container"
          autoComplete="off"
          spellCheck={false}
          value={draft.container}
          onChange={(e) => {
            edit([], { container: e.target.value });
          }}
        />
      ), "container")}
      <label className="trigger-check">
        <input
          type="checkbox"
          data-testid="trigger-enable"
          checked={draft.enabled}
          onChange={(e) => {
            edit([], { enabled: e.target.checked });
          }}
        />
        {t("triggers.form.enable")}
      </label>

      {generalError && (
        <ErrorNotice
          title={generalError.error.violation ? violationText(generalError.error.violation, i18n.language) : t("triggers.form.failed")}
          error={generalError}
          testId="trigger-add-error"
        />
      )}
      {hasProblems && (
        <p className="field-error" role="alert" data-testid="trigger-fix-fields">
          {t("triggers.form.fixFields")}
        </p>
      )}
      <div className="trigger-form-actions">
        <button type="submit" className="button button-primary" data-testid="trigger-add-submit" disabled={add.isPending}>
          {add.isPending ? t("triggers.form.submitting") : t("triggers.form.submit")}
        </button>
        <button type="button" className="button" data-testid="trigger-add-cancel" onClick={onCancel}>
          {t("triggers.form.cancel")}
        </button>
      </div>
    </form>
  );
}
