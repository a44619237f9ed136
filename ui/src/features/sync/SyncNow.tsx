import { useId, useState, type Ref, type SyntheticEvent } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { Select } from "../../components/Select";
import { localized } from "../../components/errorText";
import { InfoIcon } from "../../components/icons";
import type { SyncRule } from "../../ipc";
import { FieldViolation, violationOn } from "../attributes/violation";
import type { ImageRef } from "../browse/queries";
import { isAnswered, useValueCheck } from "../rules/queries";
import { OverrideChoice } from "./OverrideChoice";
import { useSyncGaps, useSyncRegions, useSyncTags } from "./queries";
import { gapOf, parseTarget, ruleTarget, tagsToSync, targetValue, type Target } from "./rules";
import { TagPicker } from "./TagPicker";
import { useRegionName, useTargetText } from "./words";

/** The target select's choice that asks for a region and organization of the user's own. */
export const OTHER_TARGET = "other";

/** What the user has chosen so far; the gap view can fill it in too. */
export interface SyncDraft {
  tags: ReadonlySet<string>;
  /** A rule's target as `region/namespace`, {@link OTHER_TARGET}, or null for the first rule's. */
  target: string | null;
  otherRegion: string | null;
  otherNamespace: string;
  override: boolean;
}

export const EMPTY_DRAFT: SyncDraft = { tags: new Set(), target: null, otherRegion: null, otherNamespace: "", override: false };

/** Copies chosen tags to a rule's target, or to any region and organization, now. */
export function SyncNow({
  imageRef,
  rules,
  draft,
  onDraft,
  onStarted,
  ref,
}: {
  imageRef: ImageRef;
  rules: readonly SyncRule[];
  draft: SyncDraft;
  onDraft: (change: (draft: SyncDraft) => SyncDraft) => void;
  onStarted: () => void;
  ref?: Ref<HTMLElement>;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const regions = useSyncRegions(imageRef.profileId);
  const regionName = useRegionName();
  const targetText = useTargetText();
  const gaps = useSyncGaps(imageRef);
  const sync = useSyncTags(imageRef);
  const [started, setStarted] = useState<{ count: number; target: Target } | null>(null);

  const ruleValues = rules.map((rule) => targetValue(ruleTarget(rule)));
  const first = ruleValues[0] ?? OTHER_TARGET;
  const choice = draft.target !== null && (draft.target === OTHER_TARGET || ruleValues.includes(draft.target)) ? draft.target : first;
  const other = choice === OTHER_TARGET;
  const regionChoices = regions.data ?? [];
  const otherRegion =
    draft.otherRegion !== null && regionChoices.includes(draft.otherRegion) ? draft.otherRegion : (regionChoices[0] ?? "");
  const otherName = draft.otherNamespace.trim();
  // A target of the user's own is one once the backend has said its name breaks none of SWR's rules.
  const nameCheck = useValueCheck("organization", otherName, other);
  const nameProblem = other ? (nameCheck.data ?? null) : null;
  const nameAccepted = other && isAnswered(nameCheck) && nameCheck.data === null;
  const otherTarget = otherRegion !== "" && nameAccepted ? { region: otherRegion, namespace: otherName } : null;
  const target: Target | null = other ? otherTarget : parseTarget(choice);
  const gap = target ? gapOf(gaps.data ?? [], target) : undefined;
  const gapTags = gap?.problem === null ? tagsToSync(gap) : null;
  const tags = [...draft.tags];
  const ready = tags.length > 0 && target !== null && !sync.isPending;

  const violation = violationOn(sync.error, other ? ["tag", "region", "namespace"] : ["tag"]);
  const generalError = sync.error && violation === null ? sync.error : null;

  const edit = (change: (draft: SyncDraft) => SyncDraft) => {
    sync.reset();
    setStarted(null);
    onDraft(change);
  };

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (!ready) return;
    sync.mutate(
      { tags, region: target.region, namespace: target.namespace, overwrite: draft.override },
      {
        onSuccess: () => {
          setStarted({ count: tags.length, target });
          onDraft((now) => ({ ...now, tags: new Set() }));
          onStarted();
        },
      },
    );
  };

  return (
    <section ref={ref} tabIndex={-1} className="panel sync-now" data-testid="sync-now" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {t("sync.now.title")}
      </h2>
      <p className="muted">{t("sync.now.intro")}</p>
      <form className="sync-now-form" noValidate onSubmit={submit}>
        <div className="stacked-field">
          <label htmlFor={`${id}-target`}>{t("sync.now.target")}</label>
          <Select
            id={`${id}-target`}
            className="sync-input"
            testId="sync-target"
            value={choice}
            onChange={(value) => {
              edit((now) => ({ ...now, target: value }));
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
                value={otherRegion}
                disabled={regionChoices.length === 0}
                onChange={(value) => {
                  edit((now) => ({ ...now, otherRegion: value }));
                }}
                placeholder={regions.isPending ? t("sync.add.regionsLoading") : undefined}
                choices={regionChoices.map((region) => ({ value: region, label: regionName(region) }))}
              />
              {regions.data?.length === 0 && <p className="field-hint">{t("sync.add.noRegions")}</p>}
              {violation?.field === "region" && sync.error && (
                <FieldViolation error={sync.error} id={`${id}-region-error`} testId="sync-run-error" />
              )}
            </div>
            <div className="stacked-field">
              <label htmlFor={`${id}-namespace`}>{t("sync.now.targetNamespace")}</label>
              <input
                id={`${id}-namespace`}
                className="input sync-input"
                data-testid="sync-target-namespace"
                autoComplete="off"
                spellCheck={false}
                value={draft.otherNamespace}
                aria-invalid={(otherName !== "" && nameProblem !== null) || violation?.field === "namespace" ? true : undefined}
                aria-describedby={`${id}-namespace-hint`}
                onChange={(event) => {
                  const value = event.target.value;
                  edit((now) => ({ ...now, otherNamespace: value }));
                }}
              />
              <p id={`${id}-namespace-hint`} className="field-hint">
                {t("sync.now.targetNamespaceHint")}
              </p>
              {otherName !== "" && nameProblem !== null && (
                <p className="field-error" data-testid="sync-target-problem" data-rule={nameProblem.rule}>
                  {localized(nameProblem.message, i18n.language)}
                </p>
              )}
              {violation?.field === "namespace" && sync.error && (
                <FieldViolation error={sync.error} id={`${id}-namespace-error`} testId="sync-run-error" />
              )}
            </div>
          </div>
        )}
        {regions.error && other && (
          <ErrorNotice title={t("sync.add.regionsFailed")} error={regions.error} onRetry={() => void regions.refetch()} />
        )}

        <TagPicker
          imageRef={imageRef}
          selected={draft.tags}
          onSelect={(next) => {
            edit((now) => ({ ...now, tags: next }));
          }}
          gapTags={gapTags}
        />
        {violation?.field === "tag" && sync.error && <FieldViolation error={sync.error} id={`${id}-tag-error`} testId="sync-run-error" />}

        <OverrideChoice
          checked={draft.override}
          onChange={(checked) => {
            edit((now) => ({ ...now, override: checked }));
          }}
          testId="sync-override"
        />

        {tags.length > 0 && target !== null && (
          <p className="sync-summary" data-testid="sync-summary">
            {t("sync.now.summary", { count: tags.length, target: targetText(target) })}{" "}
            {draft.override ? t("sync.now.summaryOverride") : t("sync.now.summaryKeep")}
          </p>
        )}
        {tags.length === 0 && (
          <p className="field-hint" data-testid="sync-run-hint">
            {t("sync.now.chooseTags")}
          </p>
        )}
        {generalError && <ErrorNotice title={t("sync.now.failed")} error={generalError} testId="sync-run-error" />}
        {started && (
          <div className="notice notice-info" role="status" data-testid="sync-run-started">
            <InfoIcon />
            <div className="notice-body">
              <p>{t("sync.now.started", { count: started.count, target: targetText(started.target) })}</p>
            </div>
          </div>
        )}
        <div className="sync-actions">
          <button type="submit" className="button button-primary" data-testid="sync-run" disabled={!ready}>
            {sync.isPending ? t("sync.now.running") : t("sync.now.run")}
          </button>
        </div>
      </form>
    </section>
  );
}
