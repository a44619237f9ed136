import { useId } from "react";
import { useController } from "react-hook-form";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { FieldProblem } from "../../components/form/FieldProblem";
import { fromFieldError, fromViolation, ownProblem } from "../../components/form/problem";
import { showRefusal, useRuleForm } from "../../components/form/useRuleForm";
import { Select } from "../../components/Select";
import type { SyncRule } from "../../ipc";
import type { ImageRef } from "../browse/queries";
import { useRegions } from "../profiles/queries";
import { useRuleChecks } from "../rules/queries";
import { OverrideChoice } from "./OverrideChoice";
import { useAddSyncRule, useSyncRegions } from "./queries";
import { ruleTarget, sameTarget, type Target } from "./rules";
import { regionNameIn, targetText, useRegionName } from "./words";

interface RuleValues {
  /** The chosen region; "" (or one no longer offered) stands for the first region offered. */
  region: string;
  namespace: string;
  auto: boolean;
  override: boolean;
}

/** The fields under the names the backend gives them in a rule violation. */
const FIELDS = { region: "region", namespace: "namespace" } as const;

const EMPTY: RuleValues = { region: "", namespace: "", auto: false, override: false };

/** Adds a rule: a region this account can sync to, an organization there, and how tags go. */
export function RuleForm({
  imageRef,
  rules,
  onAdded,
}: {
  imageRef: ImageRef;
  rules: readonly SyncRule[];
  onAdded: (target: Target) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const regions = useSyncRegions(imageRef.profileId);
  const named = useRegions().data;
  const regionName = useRegionName();
  const add = useAddSyncRule(imageRef);
  const checks = useRuleChecks();

  const choices = regions.data ?? [];
  const regionOf = (chosen: string) => (choices.includes(chosen) ? chosen : (choices[0] ?? ""));

  const form = useRuleForm<RuleValues>({
    defaultValues: EMPTY,
    // SWR's rules for an organization name are the backend's; whether the rule exists already is this list's.
    check: async ({ region, namespace }) => {
      const target = { region: regionOf(region), namespace: namespace.trim() };
      const nameRule = await checks.value("organization", target.namespace);
      return {
        region: target.region === "" ? ownProblem(i18n, "required", (say) => say("sync.problems.noRegion")) : null,
        namespace:
          nameRule !== null
            ? fromViolation(nameRule)
            : rules.some((rule) => sameTarget(ruleTarget(rule), target))
              ? ownProblem(i18n, "duplicate", (say, language) =>
                  say("sync.problems.duplicate", {
                    target: targetText(say, { region: regionNameIn(say, language, named, target.region), namespace: target.namespace }),
                  }),
                )
              : null,
      };
    },
  });
  const { register, formState, handleSubmit, control } = form;
  const { errors } = formState;
  const {
    field: { ref: regionRef, ...regionField },
  } = useController({ control, name: "region" });
  const { field: overrideField } = useController({ control, name: "override" });
  const region = regionOf(regionField.value);
  // Problems the form found on sending, as opposed to a rule SWR refused, which speaks for itself.
  const toFix = formState.isSubmitted && [errors.region, errors.namespace].some((error) => error && !fromFieldError(error)?.refused);

  const onSubmit = handleSubmit(({ region: chosen, namespace, auto, override }) => {
    const target = { region: regionOf(chosen), namespace: namespace.trim() };
    add.mutate(
      { ...target, auto, overwrite: override },
      {
        onSuccess: () => {
          onAdded(target);
          form.reset({ ...EMPTY, region: chosen });
        },
        onError: (failure) => {
          if (showRefusal(form, failure, FIELDS)) add.reset();
        },
      },
    );
  });

  return (
    <form className="panel sync-form" aria-labelledby={`${id}-title`} noValidate onSubmit={(event) => void onSubmit(event)}>
      <h3 id={`${id}-title`} className="panel-title">
        {t("sync.add.title")}
      </h3>
      {regions.error && (
        <ErrorNotice title={t("sync.add.regionsFailed")} error={regions.error} onRetry={() => void regions.refetch()} />
      )}
      {regions.data?.length === 0 && <p className="muted">{t("sync.add.noRegions")}</p>}
      <div className="sync-form-row">
        <div className="stacked-field">
          <label htmlFor={`${id}-region`}>{t("sync.add.region")}</label>
          <Select
            id={`${id}-region`}
            className="sync-input"
            testId="sync-rule-region"
            ref={regionRef}
            value={region}
            disabled={choices.length === 0}
            aria-invalid={errors.region ? true : undefined}
            aria-describedby={`${id}-region-problem`}
            onChange={(value) => {
              regionField.onChange(value);
              // A name typed (or already judged) is judged again against the rules for this region.
              if (form.getValues("namespace") !== "" || formState.isSubmitted) void form.trigger("namespace");
            }}
            placeholder={regions.isPending ? t("sync.add.regionsLoading") : undefined}
            choices={choices.map((choice) => ({ value: choice, label: regionName(choice) }))}
          />
          {!regions.isPending && <FieldProblem error={errors.region} id={`${id}-region-problem`} testId="sync-rule-region-problem" />}
        </div>
        <div className="stacked-field">
          <label htmlFor={`${id}-namespace`}>{t("sync.add.namespace")}</label>
          <input
            id={`${id}-namespace`}
            className="input sync-input"
            data-testid="sync-rule-namespace"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={errors.namespace ? true : undefined}
            aria-describedby={`${id}-namespace-hint ${id}-namespace-problem`}
            {...register("namespace")}
          />
          <p id={`${id}-namespace-hint`} className="field-hint">
            {t("sync.add.namespaceHint", { region: region === "" ? "…" : regionName(region), image: imageRef.image })}
          </p>
          <FieldProblem error={errors.namespace} id={`${id}-namespace-problem`} testId="sync-rule-problem" />
        </div>
      </div>

      <div className="sync-check-field">
        <label className="sync-check">
          <input type="checkbox" data-testid="sync-rule-auto" aria-describedby={`${id}-auto-hint`} {...register("auto")} />
          {t("sync.add.auto")}
        </label>
        <p id={`${id}-auto-hint`} className="field-hint">
          {t("sync.add.autoHint")}
        </p>
      </div>
      <OverrideChoice checked={overrideField.value} onChange={overrideField.onChange} testId="sync-rule-override" />

      {add.error && <ErrorNotice title={t("sync.add.failed")} error={add.error} testId="sync-rule-error" />}
      {toFix && (
        <p className="field-error" role="alert" data-testid="sync-rule-fix">
          {t("sync.add.fixFields")}
        </p>
      )}
      <div className="sync-actions">
        <button type="submit" className="button button-primary" data-testid="sync-rule-add" disabled={formState.isSubmitting || add.isPending}>
          {add.isPending ? t("sync.add.submitting") : t("sync.add.submit")}
        </button>
      </div>
    </form>
  );
}
