import { useId, useRef, useState, type SyntheticEvent } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { Select } from "../../components/Select";
import { localized } from "../../components/errorText";
import type { SyncRule } from "../../ipc";
import { FieldViolation, violationOn } from "../attributes/violation";
import type { ImageRef } from "../browse/queries";
import { useCheckValueNow, useValueCheck } from "../rules/queries";
import { OverrideChoice } from "./OverrideChoice";
import { useAddSyncRule, useSyncRegions } from "./queries";
import { ruleTarget, sameTarget, type Target } from "./rules";
import { useRegionName, useTargetText } from "./words";

/** The fields under the names the backend gives them in a rule violation. */
const FIELDS = ["region", "namespace"] as const;

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
  const formRef = useRef<HTMLFormElement>(null);
  const regions = useSyncRegions(imageRef.profileId);
  const regionName = useRegionName();
  const targetText = useTargetText();
  const add = useAddSyncRule(imageRef);
  const [chosenRegion, setChosenRegion] = useState<string | null>(null);
  const [namespace, setNamespace] = useState("");
  const [auto, setAuto] = useState(false);
  const [override, setOverride] = useState(false);
  const [touched, setTouched] = useState(false);
  const [attempted, setAttempted] = useState(false);

  const choices = regions.data ?? [];
  const region = chosenRegion !== null && choices.includes(chosenRegion) ? chosenRegion : (choices[0] ?? "");
  const name = namespace.trim();
  const target = { region, namespace: name };
  // SWR's rules for an organization name are the backend's; whether the rule exists already is this list's.
  const nameCheck = useValueCheck("organization", name);
  const checkNow = useCheckValueNow();
  const nameProblem = nameCheck.data ?? null;
  const duplicate = nameProblem === null && rules.some((rule) => sameTarget(ruleTarget(rule), target));
  const showName = attempted || touched;
  const nameText = nameProblem
    ? localized(nameProblem.message, i18n.language)
    : duplicate
      ? t("sync.problems.duplicate", { target: targetText(target) })
      : null;
  const regionMissing = region === "";

  const violation = violationOn(add.error, FIELDS);
  const generalError = add.error && violation === null ? add.error : null;
  const namespaceInvalid = (showName && nameText !== null) || violation?.field === "namespace";

  const send = async () => {
    setAttempted(true);
    const broken = await checkNow("organization", name).catch(() => null);
    if (regionMissing || broken !== null || duplicate) {
      requestAnimationFrame(() => {
        formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
      });
      return;
    }
    add.mutate(
      { region, namespace: name, auto, overwrite: override },
      {
        onSuccess: () => {
          onAdded(target);
          setNamespace("");
          setAuto(false);
          setOverride(false);
          setTouched(false);
          setAttempted(false);
        },
      },
    );
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    void send();
  };

  return (
    <form ref={formRef} className="panel sync-form" aria-labelledby={`${id}-title`} noValidate onSubmit={submit}>
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
            value={region}
            disabled={choices.length === 0}
            aria-invalid={(attempted && regionMissing) || violation?.field === "region" ? true : undefined}
            onChange={(value) => {
              if (violation?.field === "region") add.reset();
              setChosenRegion(value);
            }}
            placeholder={regions.isPending ? t("sync.add.regionsLoading") : undefined}
            choices={choices.map((choice) => ({ value: choice, label: regionName(choice) }))}
          />
          {attempted && regionMissing && !regions.isPending && (
            <p className="field-error" data-testid="sync-rule-problem" data-field="region">
              {t("sync.problems.noRegion")}
            </p>
          )}
          {add.error && violation?.field === "region" && (
            <FieldViolation error={add.error} id={`${id}-region-error`} testId="sync-rule-error" />
          )}
        </div>
        <div className="stacked-field">
          <label htmlFor={`${id}-namespace`}>{t("sync.add.namespace")}</label>
          <input
            id={`${id}-namespace`}
            className="input sync-input"
            data-testid="sync-rule-namespace"
            autoComplete="off"
            spellCheck={false}
            value={namespace}
            aria-invalid={namespaceInvalid ? true : undefined}
            aria-describedby={namespaceInvalid ? `${id}-namespace-hint ${id}-namespace-error` : `${id}-namespace-hint`}
            onChange={(event) => {
              if (violation?.field === "namespace") add.reset();
              setNamespace(event.target.value);
              setTouched(true);
            }}
          />
          <p id={`${id}-namespace-hint`} className="field-hint">
            {t("sync.add.namespaceHint", { region: region === "" ? "…" : regionName(region), image: imageRef.image })}
          </p>
          {showName && nameText !== null && violation === null && (
            <p id={`${id}-namespace-error`} className="field-error" data-testid="sync-rule-problem" data-field="namespace" data-rule={nameProblem?.rule}>
              {nameText}
            </p>
          )}
          {add.error && violation?.field === "namespace" && (
            <FieldViolation error={add.error} id={`${id}-namespace-error`} testId="sync-rule-error" />
          )}
        </div>
      </div>

      <div className="sync-check-field">
        <label className="sync-check">
          <input
            type="checkbox"
            data-testid="sync-rule-auto"
            checked={auto}
            aria-describedby={`${id}-auto-hint`}
            onChange={(event) => {
              setAuto(event.target.checked);
            }}
          />
          {t("sync.add.auto")}
        </label>
        <p id={`${id}-auto-hint`} className="field-hint">
          {t("sync.add.autoHint")}
        </p>
      </div>
      <OverrideChoice checked={override} onChange={setOverride} testId="sync-rule-override" />

      {generalError && <ErrorNotice title={t("sync.add.failed")} error={generalError} testId="sync-rule-error" />}
      {attempted && (regionMissing || nameText !== null) && (
        <p className="field-error" role="alert" data-testid="sync-rule-fix">
          {t("sync.add.fixFields")}
        </p>
      )}
      <div className="sync-actions">
        <button type="submit" className="button button-primary" data-testid="sync-rule-add" disabled={add.isPending}>
          {add.isPending ? t("sync.add.submitting") : t("sync.add.submit")}
        </button>
      </div>
    </form>
  );
}
