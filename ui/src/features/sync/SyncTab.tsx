import { useCallback, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { InfoIcon } from "../../components/icons";
import type { SyncRule } from "../../ipc";
import type { ImageRef } from "../browse/queries";
import { GapView } from "./GapView";
import { JobList } from "./JobList";
import { useSyncRules } from "./queries";
import { RemoveRuleDialog, RuleList } from "./RuleList";
import { RuleForm } from "./RuleForm";
import type { Target } from "./rules";
import { chooseFromGap, SyncNow, useSyncForm } from "./SyncNow";
import { useTargetText } from "./words";
import "../browse/browse.css";
import "./sync.css";

/** How long the job list keeps polling after a manual sync, before SWR lists its jobs. */
const WATCH_AFTER_START_MS = 10_000;

/**
 * Region sync of one image: its rules, the gap between here and each rule's target, a manual
 * sync of chosen tags, and the jobs that copy them.
 */
export function SyncTab({ imageRef }: { imageRef: ImageRef }) {
  const { t } = useTranslation();
  const id = useId();
  const targetText = useTargetText();
  const rules = useSyncRules(imageRef);
  const [removing, setRemoving] = useState<SyncRule | null>(null);
  const [added, setAdded] = useState<Target | null>(null);
  const [watchUntil, setWatchUntil] = useState(0);
  const syncNow = useRef<HTMLElement>(null);
  const name = `${imageRef.organization}/${imageRef.image}`;
  const list = rules.data ?? [];
  const syncForm = useSyncForm(imageRef, list);
  const askToRemove = useCallback((rule: SyncRule) => {
    setAdded(null);
    setRemoving(rule);
  }, []);

  return (
    <div className="sync-tab" data-testid="sync-tab" data-image={name}>
      <p className="muted">{t("sync.intro", { image: name })}</p>

      <section className="panel sync-rules" data-testid="sync-rules" aria-labelledby={`${id}-rules`}>
        <header className="sync-section-header">
          <h2 id={`${id}-rules`} className="panel-title">
            {t("sync.rules.title")}
          </h2>
          {rules.data && (
            <span className="list-count" data-testid="sync-rules-count">
              {t("sync.rules.count", { count: list.length })}
            </span>
          )}
        </header>
        {rules.error && (
          <ErrorNotice title={t("sync.rules.loadFailed")} error={rules.error} testId="sync-rules-error" onRetry={() => void rules.refetch()} />
        )}
        {rules.isPending && <p className="muted">{t("app.loading")}</p>}
        {rules.data && list.length === 0 && (
          <p className="list-empty" data-testid="sync-rules-empty">
            {t("sync.rules.empty")}
          </p>
        )}
        {list.length > 0 && (
          <RuleList imageRef={imageRef} rules={list} onRemove={askToRemove} />
        )}
        {added !== null && (
          <div className="notice notice-info" role="status" data-testid="sync-rule-added">
            <InfoIcon />
            <div className="notice-body">
              <p>{t("sync.add.added", { target: targetText(added) })}</p>
            </div>
          </div>
        )}
        <RuleForm imageRef={imageRef} rules={list} onAdded={setAdded} />
      </section>

      <GapView
        imageRef={imageRef}
        hasRules={list.length > 0}
        onChoose={(target, tags) => {
          chooseFromGap(syncForm, target, tags);
          syncNow.current?.focus();
        }}
      />

      <SyncNow
        ref={syncNow}
        imageRef={imageRef}
        rules={list}
        form={syncForm}
        onStarted={() => {
          setWatchUntil(Date.now() + WATCH_AFTER_START_MS);
        }}
      />

      <JobList imageRef={imageRef} watchUntil={watchUntil} />

      {removing !== null && (
        <RemoveRuleDialog
          imageRef={imageRef}
          rule={removing}
          onClose={() => {
            setRemoving(null);
          }}
        />
      )}
    </div>
  );
}
