import type { TFunction } from "i18next";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";

import { DataTable, type DataColumn } from "../../components/DataTable";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Modal } from "../../components/Modal";
import type { SyncRule } from "../../ipc";
import { formatDate } from "../browse/format";
import type { ImageRef } from "../browse/queries";
import { useDeleteSyncRule } from "./queries";
import { ruleTarget } from "./rules";
import { useRegionName, useTargetText } from "./words";

const OLDEST_FIRST = [{ id: "created", desc: false }];

function ruleColumns(
  t: TFunction,
  language: string,
  names: { region: (id: string) => string; target: (rule: SyncRule) => string },
  onRemove: (rule: SyncRule) => void,
): DataColumn<SyncRule>[] {
  return [
    { id: "region", accessorFn: (rule) => names.region(rule.remoteRegionId), header: t("sync.rules.columns.region"), size: 160, meta: { grow: 1 } },
    {
      id: "namespace",
      accessorFn: (rule) => rule.remoteNamespace,
      header: t("sync.rules.columns.namespace"),
      size: 140,
      meta: { grow: 1, className: "sync-code" },
    },
    {
      id: "mode",
      accessorFn: (rule) => rule.syncAuto,
      header: t("sync.rules.columns.mode"),
      size: 110,
      cell: ({ row }) => (
        <span className={row.original.syncAuto ? "badge badge-info" : "badge"} data-testid="sync-rule-mode">
          {row.original.syncAuto ? t("sync.rules.auto") : t("sync.rules.manual")}
        </span>
      ),
    },
    {
      id: "override",
      enableSorting: false,
      header: t("sync.rules.columns.override"),
      size: 150,
      meta: { grow: 1 },
      cell: ({ row }) => <span data-testid="sync-rule-existing">{row.original.override ? t("sync.rules.overrides") : t("sync.rules.keeps")}</span>,
    },
    {
      id: "created",
      accessorFn: (rule) => rule.createdAt,
      header: t("sync.rules.columns.created"),
      size: 150,
      cell: ({ row }) => formatDate(row.original.createdAt, language),
    },
    {
      id: "actions",
      enableSorting: false,
      enableResizing: false,
      header: t("sync.rules.columns.actions"),
      size: 100,
      meta: { className: "cell-actions", label: t("sync.rules.columns.actions") },
      cell: ({ row }) => (
        <button
          type="button"
          className="button button-small button-danger"
          data-testid="sync-rule-remove"
          aria-label={t("sync.rules.removeLabel", { target: names.target(row.original) })}
          onClick={() => {
            onRemove(row.original);
          }}
        >
          {t("sync.rules.remove")}
        </button>
      ),
    },
  ];
}

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
  const language = i18n.language;
  const columns = useMemo(
    () => ruleColumns(t, language, { region: regionName, target: (rule) => targetText(ruleTarget(rule)) }, onRemove),
    [t, language, regionName, targetText, onRemove],
  );
  return (
    <DataTable
      columns={columns}
      rows={rules}
      getRowId={(rule) => `${rule.remoteRegionId}/${rule.remoteNamespace}`}
      label={t("sync.rules.label", { image })}
      testId="sync-rules-list"
      widthsKey="sync-rules"
      initialSorting={OLDEST_FIRST}
      rowAttributes={(rule) => ({
        "data-testid": "sync-rule",
        "data-region": rule.remoteRegionId,
        "data-namespace": rule.remoteNamespace,
        "data-auto": String(rule.syncAuto),
        "data-override": String(rule.override),
      })}
    />
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
