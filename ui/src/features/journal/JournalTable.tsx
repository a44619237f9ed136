import type { TFunction } from "i18next";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";

import { DataTable, type DataColumn } from "../../components/DataTable";
import { IconButton } from "../../components/IconButton";
import { CopyIcon } from "../../components/icons";
import { useIpc, type JournalEntry } from "../../ipc";
import { describeValue, formatTime, truncate, utcTime } from "./format";

/** Values longer than this are cut in the table; the whole text shows on hover and focus. */
const VALUE_LENGTH = 60;

/** The entries as a table, in the order the backend sent them (newest first). */
export function JournalTable({ entries, busy, language }: { entries: JournalEntry[]; busy: boolean; language: string }) {
  const { t } = useTranslation();
  const client = useIpc();
  const [copied, setCopied] = useState<string | null>(null);
  const [copyFailed, setCopyFailed] = useState(false);

  const copy = useCallback(
    (requestId: string) => {
      client.copyText(requestId).then(
        () => {
          setCopyFailed(false);
          setCopied(requestId);
          setTimeout(() => {
            setCopied((now) => (now === requestId ? null : now));
          }, 2000);
        },
        () => {
          setCopyFailed(true);
        },
      );
    },
    [client],
  );

  const columns = useMemo(() => journalColumns(t, language, { copied, onCopy: copy }), [t, language, copied, copy]);
  // Entries carry no id; their place in the page and their time tell them apart.
  const rows = useMemo(() => entries.map((entry, at) => ({ ...entry, key: `${String(at)}:${entry.time}` })), [entries]);

  return (
    <>
      {copyFailed && (
        <p className="field-hint field-error" role="alert">
          {t("journal.copyFailed")}
        </p>
      )}
      <DataTable
        columns={columns}
        rows={rows}
        getRowId={(entry) => entry.key}
        label={t("journal.title")}
        className="journal-table"
        testId="journal-table"
        widthsKey="journal"
        busy={busy}
        rowAttributes={(entry) => ({
          "data-testid": "journal-row",
          "data-operation": entry.operation,
          "data-outcome": entry.outcome,
          "data-target": entry.target,
        })}
      />
    </>
  );
}

type Row = JournalEntry & { key: string };

/** The journal's columns, in the order the entries were sent (newest first); the backend pages and filters them. */
function journalColumns(
  t: TFunction,
  language: string,
  copying: { copied: string | null; onCopy: (requestId: string) => void },
): DataColumn<Row>[] {
  return [
    {
      id: "time",
      header: t("journal.column.time"),
      size: 130,
      meta: { className: "cell-wrap" },
      cell: ({ row }) => (
        <time dateTime={row.original.time} title={utcTime(row.original.time)} data-testid="journal-row-time">
          {formatTime(row.original.time, language)}
        </time>
      ),
    },
    {
      id: "operation",
      header: t("journal.column.operation"),
      size: 120,
      minSize: 90,
      meta: { grow: 0.8, className: "cell-wrap" },
      cell: ({ row }) => <span data-testid="journal-row-operation">{t(`journal.operation.${row.original.operation}`)}</span>,
    },
    {
      id: "target",
      header: t("journal.column.target"),
      size: 160,
      minSize: 100,
      meta: { grow: 1, className: "cell-wrap journal-target" },
      cell: ({ row }) => <span data-testid="journal-row-target">{row.original.target}</span>,
    },
    {
      id: "change",
      header: t("journal.column.change"),
      size: 200,
      minSize: 140,
      meta: { grow: 2, className: "cell-wrap" },
      cell: ({ row }) => (
        <span data-testid="journal-row-change">
          <Value raw={row.original.before} label={t("journal.before")} />
          <span className="journal-arrow" aria-hidden="true">
            →
          </span>
          <Value raw={row.original.after} label={t("journal.after")} />
        </span>
      ),
    },
    {
      id: "outcome",
      header: t("journal.column.outcome"),
      size: 120,
      minSize: 90,
      meta: { grow: 0.8, className: "cell-wrap" },
      cell: ({ row }) => (
        <>
          <span className={row.original.outcome === "failed" ? "badge badge-danger" : "badge badge-success"} data-testid="journal-row-outcome">
            {t(`journal.outcome.${row.original.outcome}`)}
          </span>
          {row.original.outcome === "failed" && row.original.error !== null && (
            <p className="journal-error" data-testid="journal-row-error">
              {row.original.error}
            </p>
          )}
        </>
      ),
    },
    { id: "profile", header: t("journal.column.profile"), size: 100, minSize: 70, meta: { grow: 0.5, className: "cell-wrap" }, cell: ({ row }) => row.original.profile },
    { id: "region", header: t("journal.column.region"), size: 110, minSize: 80, meta: { grow: 0.5, className: "cell-wrap" }, cell: ({ row }) => row.original.region },
    { id: "source", header: t("journal.column.source"), size: 70, meta: { className: "cell-wrap" }, cell: ({ row }) => t(`journal.source.${row.original.source}`) },
    {
      id: "requestId",
      header: t("journal.column.requestId"),
      size: 150,
      minSize: 120,
      meta: { grow: 1, className: "cell-wrap" },
      cell: ({ row }) => {
        const { requestId } = row.original;
        return (
          requestId !== null && (
            <span className="journal-request">
              <code data-testid="journal-row-request-id">{requestId}</code>
              <CopyButton requestId={requestId} copied={copying.copied === requestId} onCopy={copying.onCopy} />
            </span>
          )
        );
      },
    },
  ];
}

function CopyButton({ requestId, copied, onCopy }: { requestId: string; copied: boolean; onCopy: (id: string) => void }) {
  const { t } = useTranslation();
  const label = t("journal.copyRequestId", { requestId });
  return (
    <>
      <IconButton
        testId="journal-copy-request-id"
        label={label}
        onClick={() => {
          onCopy(requestId);
        }}
      >
        <CopyIcon />
      </IconButton>
      {copied && (
        <span className="digest-copied" role="status" data-testid="journal-copied">
          {t("journal.copied")}
        </span>
      )}
    </>
  );
}

/** One recorded value, readable; a long one is cut and shown whole on hover or focus. */
function Value({ raw, label }: { raw: string | null; label: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (raw === null) {
    return (
      <span className="journal-value muted" aria-label={`${label}: ${t("journal.nothing")}`}>
        {t("journal.nothing")}
      </span>
    );
  }
  const full = describeValue(raw);
  const short = truncate(full, VALUE_LENGTH);
  if (short === full) {
    return (
      <span className="journal-value" title={label}>
        {full}
      </span>
    );
  }
  return (
    <span
      className="journal-value journal-value-long"
      tabIndex={0}
      title={full}
      data-testid="journal-value-long"
      data-expanded={open}
      onFocus={() => {
        setOpen(true);
      }}
      onBlur={() => {
        setOpen(false);
      }}
    >
      {open ? full : short}
    </span>
  );
}
