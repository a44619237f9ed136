import { useEffect, useId, type Ref } from "react";
import { useController, useFormState, useWatch, type UseFormReturn } from "react-hook-form";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { FieldProblem } from "../../components/form/FieldProblem";
import { fromViolation, ownProblem } from "../../components/form/problem";
import { showRefusal, useRuleForm } from "../../components/form/useRuleForm";
import { Select } from "../../components/Select";
import { InfoIcon } from "../../components/icons";
import type { SyncRule } from "../../ipc";
import type { ImageRef } from "../browse/queries";
import { useRuleChecks } from "../rules/queries";
import { OverrideChoice } from "./OverrideChoice";
import { useSyncGaps, useSyncRegions, useSyncTags } from "./queries";
import { gapOf, parseTarget, ruleTarget, tagsToSync, targetValue, type Target } from "./rules";
import { TagPicker } from "./TagPicker";
import { useRegionName, useTargetText } from "./words";

/** The target select's choice that asks for a region and organization of the user's own. */
export const OTHER_TARGET = "other";

/** What the user has chosen so far; the gap view can fill in the target and the tags too. */
export interface SyncValues {
  /** A rule's target as `region/namespace`, {@link OTHER_TARGET}, or "" (or a rule gone since) for the first rule's. */
  target: string;
  /** The region of a target of the user's own; "" (or one no longer offered) for the first region offered. */
  otherRegion: string;
  otherNamespace: string;
  tags: string[];
  override: boolean;
}

const EMPTY: SyncValues = { target: "", otherRegion: "", otherNamespace: "", tags: [], override: false };

/** How the form reads its choices against what is offered now: rule targets and regions come and go. */
function useChoices(imageRef: ImageRef, rules: readonly SyncRule[]) {
  const regions = useSyncRegions(imageRef.profileId);
  const ruleValues = rules.map((rule) => targetValue(ruleTarget(rule)));
  const regionChoices = regions.data ?? [];
  return {
    regions,
    regionChoices,
    targetOf: (chosen: string) => (chosen === OTHER_TARGET || ruleValues.includes(chosen) ? chosen : (ruleValues[0] ?? OTHER_TARGET)),
    regionOf: (chosen: string) => (regionChoices.includes(chosen) ? chosen : (regionChoices[0] ?? "")),
  };
}

/**
 * The Sync now form, kept by the tab so the gap view can fill it in. A target of the user's own
 * is one once the backend has said its name breaks none of SWR's rules.
 */
export function useSyncForm(imageRef: ImageRef, rules: readonly SyncRule[]): UseFormReturn<SyncValues> {
  const { i18n } = useTranslation();
  const checks = useRuleChecks();
  const { targetOf, regionOf } = useChoices(imageRef, rules);
  return useRuleForm<SyncValues>({
    defaultValues: EMPTY,
    check: async ({ target, otherRegion, otherNamespace, tags }) => {
      const other = targetOf(target) === OTHER_TARGET;
      const nameRule = other ? await checks.value("organization", otherNamespace.trim()) : null;
      return {
        tags: tags.length === 0 ? ownProblem(i18n, "required", (say) => say("sync.now.chooseTags")) : null,
        otherRegion: other && regionOf(otherRegion) === "" ? ownProblem(i18n, "required", (say) => say("sync.problems.noRegion")) : null,
        otherNamespace: nameRule && fromViolation(nameRule),
      };
    },
  });
}

/** Puts a target and the tags it lacks into the form, as the gap view offers them. */
export function chooseFromGap(form: UseFormReturn<SyncValues>, target: Target, tags: string[]) {
  form.setValue("target", targetValue(target), { shouldDirty: true });
  form.setValue("tags", tags, { shouldDirty: true, shouldValidate: true });
}

/** Copies chosen tags to a rule's target, or to any region and organization, now. */
export function SyncNow({
  imageRef,
  rules,
  form,
  onStarted,
  ref,
}: {
  imageRef: ImageRef;
  rules: readonly SyncRule[];
  form: UseFormReturn<SyncValues>;
  onStarted: () => void;
  ref?: Ref<HTMLElement>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { regions, regionChoices, targetOf, regionOf } = useChoices(imageRef, rules);
  const regionName = useRegionName();
  const targetText = useTargetText();
  const gaps = useSyncGaps(imageRef);
  const sync = useSyncTags(imageRef);
  const { register, handleSubmit, control } = form;
  // Read here rather than through the form, so a change renders this form, not the whole tab that keeps it.
  const formState = useFormState({ control });
  const { errors } = formState;
  const {
    field: { ref: targetRef, ...targetField },
  } = useController({ control, name: "target" });
  const {
    field: { ref: regionRef, ...regionField },
  } = useController({ control, name: "otherRegion" });
  const { field: tagsField, fieldState: tagsState } = useController({ control, name: "tags" });
  const { field: overrideField } = useController({ control, name: "override" });

  const choice = targetOf(targetField.value);
  const other = choice === OTHER_TARGET;
  const otherRegion = regionOf(regionField.value);
  const otherName = useWatch({ control, name: "otherNamespace" }).trim();
  const target: Target | null = other ? (formState.isValid ? { region: otherRegion, namespace: otherName } : null) : parseTarget(choice);
  const gap = target ? gapOf(gaps.data ?? [], target) : undefined;
  const gapTags = gap?.problem === null ? tagsToSync(gap) : null;
  const tags = tagsField.value;
  const started = sync.isSuccess
    ? { count: sync.variables.tags.length, target: { region: sync.variables.region, namespace: sync.variables.namespace } }
    : null;

  // An edit makes the last run's outcome (its failure, or "started") about a sync no longer on
  // screen: it goes, as the user changes a field.
  const { reset: forgetRun } = sync;
  useEffect(() => {
    const subscription = form.watch((_values, { type }) => {
      if (type === "change") forgetRun();
    });
    return () => {
      subscription.unsubscribe();
    };
  }, [form, forgetRun]);

  const onSubmit = handleSubmit((values) => {
    const own = targetOf(values.target) === OTHER_TARGET;
    const to = own ? { region: regionOf(values.otherRegion), namespace: values.otherNamespace.trim() } : parseTarget(targetOf(values.target));
    if (to === null) return;
    sync.mutate(
      { tags: values.tags, region: to.region, namespace: to.namespace, overwrite: values.override },
      {
        onSuccess: () => {
          form.reset({ ...values, tags: [] });
          onStarted();
        },
        onError: (failure) => {
          // The fields under the names the backend gives them; the target's show only for a target of the user's own.
          const fields = own ? ({ tag: "tags", region: "otherRegion", namespace: "otherNamespace" } as const) : ({ tag: "tags" } as const);
          if (showRefusal(form, failure, fields)) sync.reset();
        },
      },
    );
  });

  return (
    <section ref={ref} tabIndex={-1} className="panel sync-now" data-testid="sync-now" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {t("sync.now.title")}
      </h2>
      <p className="muted">{t("sync.now.intro")}</p>
      <form className="sync-now-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <div className="stacked-field">
          <label htmlFor={`${id}-target`}>{t("sync.now.target")}</label>
          <Select
            id={`${id}-target`}
            className="sync-input"
            testId="sync-target"
            ref={targetRef}
            value={choice}
            onChange={(value) => {
              targetField.onChange(value);
              // A name typed (or already judged) counts, or stops counting, with the target.
              if (form.getValues("otherNamespace") !== "" || formState.isSubmitted) void form.trigger(["otherRegion", "otherNamespace"]);
            }}
            choices={[
              ...rules.map((rule) => ({ value: targetValue(ruleTarget(rule)), label: targetText(ruleTarget(rule)) })),
              { value: OTHER_TARGET, label: t("sync.now.otherTarget") },
            ]}
          />
        </div>
        {other && (
          <div className="sync-form-row">
            <div className="stacked-field">
              <label htmlFor={`${id}-region`}>{t("sync.now.targetRegion")}</label>
              <Select
                id={`${id}-region`}
                className="sync-input"
                testId="sync-target-region"
                ref={regionRef}
                value={otherRegion}
                disabled={regionChoices.length === 0}
                aria-invalid={errors.otherRegion ? true : undefined}
                aria-describedby={`${id}-region-problem`}
                onChange={regionField.onChange}
                placeholder={regions.isPending ? t("sync.add.regionsLoading") : undefined}
                choices={regionChoices.map((region) => ({ value: region, label: regionName(region) }))}
              />
              {regions.data?.length === 0 && <p className="field-hint">{t("sync.add.noRegions")}</p>}
              <FieldProblem error={errors.otherRegion} id={`${id}-region-problem`} testId="sync-target-region-problem" />
            </div>
            <div className="stacked-field">
              <label htmlFor={`${id}-namespace`}>{t("sync.now.targetNamespace")}</label>
              <input
                id={`${id}-namespace`}
                className="input sync-input"
                data-testid="sync-target-namespace"
                autoComplete="off"
                spellCheck={false}
                aria-invalid={errors.otherNamespace ? true : undefined}
                aria-describedby={`${id}-namespace-hint ${id}-namespace-problem`}
                {...register("otherNamespace")}
              />
              <p id={`${id}-namespace-hint`} className="field-hint">
                {t("sync.now.targetNamespaceHint")}
              </p>
              <FieldProblem error={errors.otherNamespace} id={`${id}-namespace-problem`} testId="sync-target-problem" />
            </div>
          </div>
        )}
        {regions.error && other && (
          <ErrorNotice title={t("sync.add.regionsFailed")} error={regions.error} onRetry={() => void regions.refetch()} />
        )}

        <TagPicker
          imageRef={imageRef}
          selected={new Set(tags)}
          onSelect={(next) => {
            tagsField.onChange([...next]);
          }}
          gapTags={gapTags}
        />
        <FieldProblem error={tagsState.error} id={`${id}-tags-problem`} testId="sync-tags-problem" />

        <OverrideChoice checked={overrideField.value} onChange={overrideField.onChange} testId="sync-override" />

        {tags.length > 0 && target !== null && (
          <p className="sync-summary" data-testid="sync-summary">
            {t("sync.now.summary", { count: tags.length, target: targetText(target) })}{" "}
            {overrideField.value ? t("sync.now.summaryOverride") : t("sync.now.summaryKeep")}
          </p>
        )}
        {tags.length === 0 && !tagsState.error && (
          <p className="field-hint" data-testid="sync-run-hint">
            {t("sync.now.chooseTags")}
          </p>
        )}
        {sync.error && <ErrorNotice title={t("sync.now.failed")} error={sync.error} testId="sync-run-error" />}
        {started && (
          <div className="notice notice-info" role="status" data-testid="sync-run-started">
            <InfoIcon />
            <div className="notice-body">
              <p>{t("sync.now.started", { count: started.count, target: targetText(started.target) })}</p>
            </div>
          </div>
        )}
        <div className="sync-actions">
          <button type="submit" className="button button-primary" data-testid="sync-run" disabled={!formState.isValid || formState.isSubmitting || sync.isPending}>
            {sync.isPending ? t("sync.now.running") : t("sync.now.run")}
          </button>
        </div>
      </form>
    </section>
  );
}
