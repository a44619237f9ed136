import { useEffect } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { Modal } from "../../components/Modal";
import type { ItemResult, PlanItem, Wanted } from "../../ipc";
import { levelLabel, scopeLabel } from "./levels";
import { useApplyPermissions, usePlanPermissions } from "./queries";

/**
 * Every permission change goes through here: the wanted levels are planned against what SWR
 * holds now and shown as a diff; only Apply sends anything, one request per item, and the same
 * dialog then says what became of each item.
 */
export function PermissionDiff({
  profileId,
  wanted,
  onClose,
}: {
  profileId: string;
  wanted: Wanted[] | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const plan = usePlanPermissions(profileId);
  const apply = useApplyPermissions(profileId);
  const { mutate: planWanted, reset: resetPlan } = plan;
  const { reset: resetApply } = apply;

  useEffect(() => {
    resetApply();
    if (wanted === null) {
      resetPlan();
      return;
    }
    planWanted(wanted);
  }, [wanted, planWanted, resetPlan, resetApply]);

  const items = plan.data?.items ?? [];
  const changes = items.filter((i) => i.action !== "unchanged").length;
  const outcome = apply.data;
  const close = () => {
    onClose();
  };

  return (
    <Modal
      open={wanted !== null}
      onClose={close}
      title={t("permissions.diff.title")}
      closeLabel={t("permissions.diff.close")}
      testId="permission-diff"
      footer={
        <>
          {outcome === undefined && (
            <button
              type="button"
              className="button button-primary"
              data-testid="permission-diff-apply"
              disabled={plan.data === undefined || changes === 0 || apply.isPending}
              onClick={() => {
                if (plan.data) apply.mutate(plan.data);
              }}
            >
              {apply.isPending ? t("permissions.diff.applying") : t("permissions.diff.apply", { count: changes })}
            </button>
          )}
          <button type="button" className="button" data-testid="permission-diff-close" onClick={close}>
            {outcome === undefined ? t("permissions.diff.cancel") : t("permissions.diff.close")}
          </button>
        </>
      }
    >
      {plan.isPending && <p className="muted">{t("permissions.diff.planning")}</p>}
      {plan.error && <ErrorNotice title={t("permissions.diff.planFailed")} error={plan.error} />}
      {apply.error && <ErrorNotice title={t("permissions.diff.applyFailed")} error={apply.error} />}
      {plan.data && outcome === undefined && (
        <>
          <p>{changes === 0 ? t("permissions.diff.nothing") : t("permissions.diff.intro", { count: changes })}</p>
          <ul className="permission-diff-list">
            {items.map((item) => (
              <DiffItem key={`${scopeLabel(item.scope)}|${item.userId}`} item={item} />
            ))}
          </ul>
        </>
      )}
      {outcome && (
        <>
          <p data-testid="permission-result-summary" className={outcome.failed > 0 ? "notice notice-error" : undefined}>
            {outcome.failed > 0
              ? t("permissions.result.partial", { done: outcome.done, failed: outcome.failed })
              : t("permissions.result.summary", { done: outcome.done })}
          </p>
          <ul className="permission-diff-list">
            {outcome.results.map((result) => (
              <ResultItem key={`${scopeLabel(result.item.scope)}|${result.item.userId}`} result={result} />
            ))}
          </ul>
        </>
      )}
    </Modal>
  );
}

function DiffItem({ item }: { item: PlanItem }) {
  const { t } = useTranslation();
  return (
    <li
      data-testid="permission-diff-item"
      data-action={item.action}
      data-user={item.userName}
      data-scope={scopeLabel(item.scope)}
    >
      <span className={`badge permission-action-${item.action}`}>{t(`permissions.action.${item.action}`)}</span>{" "}
      <strong>{item.userName}</strong> {t("permissions.diff.on", { scope: scopeLabel(item.scope) })}:{" "}
      {levelLabel(t, item.before)} → {levelLabel(t, item.after)}
    </li>
  );
}

function ResultItem({ result }: { result: ItemResult }) {
  const { t } = useTranslation();
  const { item, status } = result;
  return (
    <li data-testid="permission-result" data-status={status.status} data-user={item.userName} data-scope={scopeLabel(item.scope)}>
      <span className={status.status === "failed" ? "badge badge-danger" : "badge"}>{t(`permissions.result.${status.status}`)}</span>{" "}
      <strong>{item.userName}</strong> {t("permissions.diff.on", { scope: scopeLabel(item.scope) })}:{" "}
      {levelLabel(t, item.before)} → {levelLabel(t, item.after)}
      {status.status === "failed" && (
        <span className="permission-result-error">
          {" "}
          {status.message}
          {status.requestId !== null && ` (${t("errors.requestId", { requestId: status.requestId })})`}
        </span>
      )}
    </li>
  );
}
