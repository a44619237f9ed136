import type { TFunction } from "i18next";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";

import { DataTable, type DataColumn } from "../../components/DataTable";
import { ErrorNotice } from "../../components/ErrorNotice";
import type { Trigger, TriggerHistory } from "../../ipc";
import { formatDate } from "../browse/format";
import type { ImageRef } from "../browse/queries";
import { useSetTriggerEnabled } from "./queries";
import { ConditionWords, modeWords, workloadWords } from "./words";

/** One trigger: what fires it, what it updates, a switch, and its runs. */
export function TriggerCard({
  imageRef,
  trigger,
  onDelete,
}: {
  imageRef: ImageRef;
  trigger: Trigger;
  onDelete: (trigger: Trigger) => void;
}) {
  const { t, i18n } = useTranslation();
  const toggle = useSetTriggerEnabled(imageRef);
  const { name } = trigger;
  // While the switch is on its way, it shows where it is going.
  const enabled = toggle.isPending ? toggle.variables.enabled : trigger.enable;

  return (
    <li className="trigger-card" data-testid="trigger-row" data-trigger={name} data-enabled={String(trigger.enable)}>
      <header className="trigger-card-header">
        <h3 className="trigger-name">{name}</h3>
        {!trigger.enable && (
          <span className="badge badge-warning" data-testid="trigger-disabled-note">
            {t("triggers.disabledNote")}
          </span>
        )}
        <span className="trigger-card-actions">
          <label className="trigger-switch">
            <input
              type="checkbox"
              role="switch"
              data-testid="trigger-enabled"
              checked={enabled}
              disabled={toggle.isPending}
              aria-label={t("triggers.enabledLabel", { name })}
              onChange={(event) => {
                toggle.mutate({ name, enabled: event.target.checked });
              }}
            />
            <span aria-hidden="true">{t("triggers.enabled")}</span>
          </label>
          <button
            type="button"
            className="button button-small button-danger"
            data-testid="trigger-delete"
            aria-label={t("triggers.deleteLabel", { name })}
            onClick={() => {
              onDelete(trigger);
            }}
          >
            {t("triggers.delete")}
          </button>
        </span>
      </header>
      <dl className="trigger-facts">
        <dt>{t("triggers.fields.condition")}</dt>
        <dd data-testid="trigger-row-condition">
          <ConditionWords trigger={trigger} />
        </dd>
        <dt>{t("triggers.fields.mode")}</dt>
        <dd data-testid="trigger-row-mode">{modeWords(t, trigger.trigger_mode)}</dd>
        <dt>{t("triggers.fields.cluster")}</dt>
        <dd data-testid="trigger-row-cluster">
          {trigger.trigger_mode === "cci" || trigger.cluster_name === "" ? (
            <span className="muted">{t("triggers.noCluster")}</span>
          ) : (
            <>
              <span className="trigger-code">{trigger.cluster_name}</span>
              {trigger.cluster_id !== "" && <span className="muted trigger-code">{trigger.cluster_id}</span>}
            </>
          )}
        </dd>
        <dt>{t("triggers.fields.namespace")}</dt>
        <dd data-testid="trigger-row-namespace" className="trigger-code">
          {trigger.cluster_ns}
        </dd>
        <dt>{t("triggers.fields.workload")}</dt>
        <dd data-testid="trigger-row-workload">{workloadWords(t, trigger)}</dd>
        <dt>{t("triggers.fields.container")}</dt>
        <dd data-testid="trigger-row-container">
          {trigger.container === "" ? <span className="muted">{t("triggers.allContainers")}</span> : trigger.container}
        </dd>
      </dl>
      {trigger.created_at !== "" && (
        <p className="field-hint">
          {t("triggers.created", { time: formatDate(trigger.created_at, i18n.language), creator: trigger.creator_name })}
        </p>
      )}
      {toggle.error && (
        <ErrorNotice
          title={toggle.variables.enabled ? t("triggers.enableFailed") : t("triggers.disableFailed")}
          error={toggle.error}
          testId="trigger-toggle-error"
        />
      )}
      <HistoryView name={name} history={trigger.trigger_history} />
    </li>
  );
}

function newestFirst(history: readonly TriggerHistory[]): TriggerHistory[] {
  const time = (run: TriggerHistory) => {
    const at = Date.parse(run.created_at);
    return Number.isNaN(at) ? 0 : at;
  };
  return [...history].sort((a, b) => time(b) - time(a));
}

function resultBadge(result: string): string {
  if (result === "success") return "badge badge-success";
  if (result === "failed") return "badge badge-danger";
  return "badge";
}

type Run = TriggerHistory & { key: string };

const NEWEST_FIRST = [{ id: "time", desc: true }];

function historyColumns(t: TFunction, language: string): DataColumn<Run>[] {
  return [
    { id: "tag", accessorFn: (run) => run.tag, header: t("triggers.history.columns.tag"), size: 120, meta: { grow: 1, className: "trigger-code" } },
    {
      id: "result",
      accessorFn: (run) => run.result,
      header: t("triggers.history.columns.result"),
      size: 100,
      cell: ({ row }) => (
        <span className={resultBadge(row.original.result)}>
          {row.original.result === "success" || row.original.result === "failed"
            ? t(`triggers.history.result.${row.original.result}`)
            : row.original.result}
        </span>
      ),
    },
    {
      id: "detail",
      enableSorting: false,
      header: t("triggers.history.columns.detail"),
      size: 200,
      meta: { grow: 3, className: "cell-wrap" },
      cell: ({ row }) => row.original.detail,
    },
    {
      id: "time",
      accessorFn: (run) => run.created_at,
      sortDescFirst: true,
      header: t("triggers.history.columns.time"),
      size: 150,
      cell: ({ row }) => formatDate(row.original.created_at, language),
    },
  ];
}

/** The trigger's runs, folded away until asked for. */
function HistoryView({ name, history }: { name: string; history: readonly TriggerHistory[] }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const runs = useMemo(() => newestFirst(history).map((run, at) => ({ ...run, key: `${run.created_at}-${run.tag}-${String(at)}` })), [history]);
  const language = i18n.language;
  const columns = useMemo(() => historyColumns(t, language), [t, language]);
  return (
    <details className="trigger-history" data-testid="trigger-history" open={open}>
      <summary
        data-testid="trigger-history-toggle"
        onClick={(event) => {
          // The open state is React's, so a re-render never folds it behind the user's back.
          event.preventDefault();
          setOpen(!open);
        }}
      >
        {t("triggers.history.summary", { count: runs.length })}
      </summary>
      {runs.length === 0 ? (
        <p className="muted">{t("triggers.history.empty")}</p>
      ) : (
        <DataTable
          columns={columns}
          rows={runs}
          getRowId={(run) => run.key}
          label={t("triggers.history.label", { name })}
          testId="trigger-history-list"
          widthsKey="trigger-history"
          initialSorting={NEWEST_FIRST}
          rowAttributes={(run) => ({ "data-testid": "trigger-history-row", "data-tag": run.tag, "data-result": run.result })}
        />
      )}
    </details>
  );
}
