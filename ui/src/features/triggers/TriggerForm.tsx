import { useId, type ReactNode } from "react";
import { useController } from "react-hook-form";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { FieldProblem } from "../../components/form/FieldProblem";
import { fromViolation } from "../../components/form/problem";
import { showRefusal, useRuleForm } from "../../components/form/useRuleForm";
import { Select } from "../../components/Select";
import type { RuleViolation } from "../../ipc";
import type { ImageRef } from "../browse/queries";
import { useRuleChecks } from "../rules/queries";
import { APP_TYPES, EMPTY_DRAFT, listedTags, TRIGGER_MODES, TRIGGER_TYPES, toRequest, violationsByField, type TriggerDraft } from "./form";
import { useAddTrigger } from "./queries";
import { ConditionWords, violationText } from "./words";

/** What the control of a field needs to point at its hint and its problem. */
interface FieldAria {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/** The form's fields under the names the backend gives them in a rule violation. */
const FIELDS = {
  trigger_name: "name",
  triggerType: "type",
  condition: "condition",
  triggerMode: "mode",
  clusterName: "clusterName",
  clusterNs: "namespace",
  appType: "appType",
  application: "application",
} as const;

/**
 * The fields the form shows for `draft`: a rule SWR refuses on a field it does not show right
 * now is reported with the form's other failures.
 */
function shownFields({ type, mode }: TriggerDraft) {
  const { condition, clusterName, ...always } = FIELDS;
  return { ...always, ...(type === "all" ? {} : { condition }), ...(mode === "cce" ? { clusterName } : {}) };
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
  const add = useAddTrigger(imageRef);
  const rules = useRuleChecks();

  const form = useRuleForm<TriggerDraft>({
    defaultValues: EMPTY_DRAFT,
    // The backend checks the whole request as SWR would get it and answers one rule per field.
    check: async (draft) => {
      // A check that cannot be asked leaves the rules to SWR, which checks them again when the trigger is sent.
      const found = violationsByField(await rules.trigger(toRequest(draft)).catch((): RuleViolation[] => []));
      const problem = (violation: RuleViolation | undefined) => (violation === undefined ? null : fromViolation(violation));
      return {
        name: problem(found.name),
        type: problem(found.triggerType),
        condition: problem(found.condition),
        mode: problem(found.triggerMode),
        clusterName: problem(found.clusterName),
        namespace: problem(found.namespace),
        appType: problem(found.appType),
        application: problem(found.application),
      };
    },
  });
  const { register, control, formState, handleSubmit, watch } = form;
  const { errors } = formState;
  // Registered in the order they are shown, so sending focuses the first field with a problem,
  // the condition included although it appears only once a type other than "all" is chosen.
  const nameField = register("name");
  const typeField = register("type", { deps: ["condition"] });
  const conditionField = register("condition");
  const mode = useController({ control, name: "mode", rules: { deps: ["clusterName"] } });
  const clusterNameField = register("clusterName");
  const clusterIdField = register("clusterId");
  const namespaceField = register("namespace");
  const appType = useController({ control, name: "appType" });
  const applicationField = register("application");
  const containerField = register("container");
  const enabledField = register("enabled");
  const [type, condition] = watch(["type", "condition"]);

  const onSubmit = handleSubmit((draft) => {
    add.mutate(toRequest(draft), {
      onSuccess: () => {
        onAdded(draft.name);
      },
      onError: (failure) => {
        if (showRefusal(form, failure, shownFields(draft))) add.reset();
      },
    });
  });
  const stopped = formState.isSubmitted && !formState.isSubmitSuccessful && Object.keys(errors).length > 0;

  /** A field with its label, hint and problem. */
  const field = (
    name: keyof TriggerDraft | null,
    label: string,
    hint: ReactNode,
    input: (aria: FieldAria) => ReactNode,
    key: string,
  ) => {
    const controlId = `${id}-${key}`;
    const hintId = `${controlId}-hint`;
    const problemId = `${controlId}-problem`;
    const error = name === null ? undefined : errors[name];
    const describedBy = [hint !== null ? hintId : null, name !== null ? problemId : null].filter((v) => v !== null).join(" ");
    return (
      <div className="trigger-field" key={key} data-field={name ?? undefined}>
        <label htmlFor={controlId} className="trigger-field-label">
          {label}
        </label>
        {input({ id: controlId, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy || undefined })}
        {hint !== null && (
          <p id={hintId} className="field-hint">
            {hint}
          </p>
        )}
        {name !== null && <FieldProblem error={error} id={problemId} testId="trigger-problem" />}
      </div>
    );
  };

  const tags = type === "tag" && errors.condition === undefined ? listedTags(condition) : [];

  return (
    <form
      className="panel trigger-form"
      data-testid="trigger-add-form"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(event) => void onSubmit(event)}
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
          {...nameField}
        />
      ), "name")}

      <fieldset
        className="trigger-field trigger-choice"
        data-field="type"
        aria-describedby={[type === "all" ? `${id}-type-hint` : null, `${id}-type-problem`].filter((v) => v !== null).join(" ")}
      >
        <legend className="trigger-field-label">{t("triggers.form.type")}</legend>
        <div className="segmented">
          {TRIGGER_TYPES.map((choice) => (
            <label key={choice} className="segmented-option">
              <input
                type="radio"
                value={choice}
                data-testid={`trigger-type-${choice}`}
                aria-invalid={errors.type ? true : undefined}
                {...typeField}
              />
              <span>{t(`triggers.form.typeChoice.${choice}`)}</span>
            </label>
          ))}
        </div>
        {type === "all" && (
          <p id={`${id}-type-hint`} className="field-hint">
            {t("triggers.form.allHint")}
          </p>
        )}
        <FieldProblem error={errors.type} id={`${id}-type-problem`} testId="trigger-problem" />
      </fieldset>

      {type !== "all" &&
        field(
          "condition",
          type === "tag" ? t("triggers.form.tags") : t("triggers.form.expression"),
          type === "tag" ? t("triggers.form.tagsHint") : <strong className="trigger-whole">{t("triggers.form.expressionHint")}</strong>,
          (aria) => (
            <input {...aria} className="input trigger-input trigger-code" data-testid="trigger-condition" autoComplete="off" spellCheck={false} {...conditionField} />
          ),
          `condition-${type}`,
        )}
      {tags.length > 0 && (
        <p className="field-hint" data-testid="trigger-condition-preview">
          <ConditionWords trigger={{ trigger_type: "tag", condition: tags.join(";") }} />
        </p>
      )}

      {field(
        "mode",
        t("triggers.form.mode"),
        null,
        (aria) => (
          <Select
            {...aria}
            testId="trigger-mode"
            ref={mode.field.ref}
            value={mode.field.value}
            onChange={mode.field.onChange}
            choices={TRIGGER_MODES.map((choice) => ({ value: choice, label: t(`triggers.form.modeChoice.${choice}`) }))}
          />
        ),
        "mode",
      )}
      {mode.field.value === "cce" && (
        <div className="trigger-field-pair">
          {field("clusterName", t("triggers.form.clusterName"), null, (aria) => (
            <input {...aria} className="input trigger-input" data-testid="trigger-cluster-name" autoComplete="off" spellCheck={false} {...clusterNameField} />
          ), "cluster-name")}
          {field(null, t("triggers.form.clusterId"), t("triggers.form.clusterIdHint"), (aria) => (
            <input {...aria} className="input trigger-input trigger-code" data-testid="trigger-cluster-id" autoComplete="off" spellCheck={false} {...clusterIdField} />
          ), "cluster-id")}
        </div>
      )}
      {field("namespace", t("triggers.form.namespace"), null, (aria) => (
        <input {...aria} className="input trigger-input" data-testid="trigger-namespace" autoComplete="off" spellCheck={false} {...namespaceField} />
      ), "namespace")}
      <div className="trigger-field-pair">
        {field("appType", t("triggers.form.appType"), null, (aria) => (
          <Select
            {...aria}
            testId="trigger-app-type"
            ref={appType.field.ref}
            value={appType.field.value}
            onChange={appType.field.onChange}
            choices={APP_TYPES.map((choice) => ({ value: choice, label: t(`triggers.appType.${choice}`) }))}
          />
        ), "app-type")}
        {field("application", t("triggers.form.application"), null, (aria) => (
          <input {...aria} className="input trigger-input" data-testid="trigger-application" autoComplete="off" spellCheck={false} {...applicationField} />
        ), "application")}
      </div>
      {field(null, t("triggers.form.container"), t("triggers.form.containerHint"), (aria) => (
        <input {...aria} className="input trigger-input" data-testid="trigger-container" autoComplete="off" spellCheck={false} {...containerField} />
      ), "container")}
      <label className="trigger-check">
        <input type="checkbox" data-testid="trigger-enable" {...enabledField} />
        {t("triggers.form.enable")}
      </label>

      {add.error && (
        <ErrorNotice
          title={add.error.error.violation ? violationText(add.error.error.violation, i18n.language) : t("triggers.form.failed")}
          error={add.error}
          testId="trigger-add-error"
        />
      )}
      {stopped && (
        <p className="field-error" role="alert" data-testid="trigger-fix-fields">
          {t("triggers.form.fixFields")}
        </p>
      )}
      <div className="trigger-form-actions">
        <button type="submit" className="button button-primary" data-testid="trigger-add-submit" disabled={formState.isSubmitting || add.isPending}>
          {add.isPending ? t("triggers.form.submitting") : t("triggers.form.submit")}
        </button>
        <button type="button" className="button" data-testid="trigger-add-cancel" onClick={onCancel}>
          {t("triggers.form.cancel")}
        </button>
      </div>
    </form>
  );
}
