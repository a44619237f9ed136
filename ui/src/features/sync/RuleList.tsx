import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { Modal } from "../../components/Modal";
import type { SyncRule } from "../../ipc";
import { formatDate } from "../browse/format";
import type { ImageRef } from "../browse/queries";
import { useDeleteSyncRule } from "./queries";
import { ruleTarget } from "./rules";
import { useRegionName, useTargetText } from "./words";

/** The image's rules: where its tags go, whether by themselves, and what happens to tags there. */
export function RuleList({
  imageRef,
  rules,
  onRemove,
}: {
  imageRef: ImageRef;
  rules: readonly SyncRule[];
  onRemove: (rule: SyncRule) => void;
}) {
  const { t, i18n } = useTranslation();
  const regionName = useRegionName();
  const targetText = useTargetText();
  const image = `${imageRef.organization}/${imageRef.image}`;
  return (
    <div className="table-frame">
      <table className="table sync-table" aria-label={t("sync.rules.label", { image })}>
        <thead>
          <tr>
            <th scope="col">{t("sync.rules.columns.region")}</th>
            <th scope="col">{t("sync.rules.columns.namespace")}</th>
            <th scope="col">{t("sync.rules.columns.mode")}</th>
            <th scope="col">{t("sync.rules.columns.override")}</th>
            <th scope="col">{t("sync.rules.columns.created")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("sync.rules.columns.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rules.map((rule) => (
            <tr
              key={`${rule.remoteRegionId}/${rule.remoteNamespace}`}
              data-testid="sync-rule"
              data-region={rule.remoteRegionId}
              data-namespace={rule.remoteNamespace}
              data-auto={String(rule.syncAuto)}
              data-override={String(rule.override)}
            >
              <td>{regionName(rule.remoteRegionId)}</td>
              <td className="sync-code">{rule.remoteNamespace}</td>
              <td data-testid="sync-rule-mode">
                <span className={rule.syncAuto ? "badge badge-info" : "badge"}>
                  {rule.syncAuto ? t("sync.rules.auto") : t("sync.rules.manual")}
                </span>
              </td>
              <td data-testid="sync-rule-existing">{rule.override ? t("sync.rules.overrides") : t("sync.rules.keeps")}</td>
              <td>{formatDate(rule.createdAt, i18n.language)}</td>
              <td className="cell-actions">
                <button
                  type="button"
                  className="button button-small button-danger"
                  data-testid="sync-rule-remove"
                  aria-label={t("sync.rules.removeLabel", { target: targetText(ruleTarget(rule)) })}
                  onClick={() => {
                    onRemove(rule);
                  }}
                >
                  {t("sync.rules.remove")}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Asks before a rule goes, saying what stops and that nothing in the other region is deleted. */
export function RemoveRuleDialog({ imageRef, rule, onClose }: { imageRef: ImageRef; rule: SyncRule; onClose: () => void }) {
  const { t } = useTranslation();
  const regionName = useRegionName();
  const targetText = useTargetText();
  const remove = useDeleteSyncRule(imageRef);
  const image = `${imageRef.organization}/${imageRef.image}`;
  const target = targetText(ruleTarget(rule));
  return (
    <Modal
      open
      onClose={onClose}
      title={t("sync.remove.title", { target })}
      closeLabel={t("sync.remove.cancel")}
      testId="sync-rule-remove-confirm"
      footer={
        <>
          <button type="button" className="button" data-testid="sync-rule-remove-cancel" onClick={onClose}>
            {t("sync.remove.cancel")}
          </button>
          <button
            type="button"
            className="button button-primary button-destructive"
            data-testid="sync-rule-remove-ok"
            disabled={remove.isPending}
            onClick={() => {
              remove.mutate({ region: rule.remoteRegionId, namespace: rule.remoteNamespace }, { onSuccess: onClose });
            }}
          >
            {remove.isPending ? t("sync.remove.removing") : t("sync.remove.confirm")}
          </button>
        </>
      }
    >
      <p>{rule.syncAuto ? t("sync.remove.bodyAuto", { image, target }) : t("sync.remove.body", { image, target })}</p>
      <p>{t("sync.remove.kept", { region: regionName(rule.remoteRegionId) })}</p>
      {remove.error && <ErrorNotice title={t("sync.remove.failed")} error={remove.error} testId="sync-rule-remove-error" />}
    </Modal>
  );
}
