import { useState } from "react";
import { useTranslation } from "react-i18next";

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

  const copy = (requestId: string) => {
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
  };

  return (
    <>
      {copyFailed && (
        <p className="field-hint field-error" role="alert">
          {t("journal.copyFailed")}
        </p>
      )}
      <div className="table-frame">
        <table className="table journal-table" data-testid="journal-table" aria-busy={busy}>
          <thead>
            <tr>
              <th scope="col">{t("journal.column.time")}</th>
              <th scope="col">{t("journal.column.operation")}</th>
              <th scope="col">{t("journal.column.target")}</th>
              <th scope="col">{t("journal.column.change")}</th>
              <th scope="col">{t("journal.column.outcome")}</th>
              <th scope="col">{t("journal.column.profile")}</th>
              <th scope="col">{t("journal.column.region")}</th>
              <th scope="col">{t("journal.column.source")}</th>
              <th scope="col">{t("journal.column.requestId")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry, at) => (
              <tr
                key={`${String(at)}:${entry.time}`}
                data-testid="journal-row"
                data-operation={entry.operation}
                data-outcome={entry.outcome}
                data-target={entry.target}
              >
                <td>
                  <time dateTime={entry.time} title={utcTime(entry.time)} data-testid="journal-row-time">
                    {formatTime(entry.time, language)}
                  </time>
                </td>
                <td data-testid="journal-row-operation">{t(`journal.operation.${entry.operation}`)}</td>
                <td className="wrap journal-target" data-testid="journal-row-target">
                  {entry.target}
                </td>
                <td className="wrap journal-change" data-testid="journal-row-change">
                  <Value raw={entry.before} label={t("journal.before")} />
                  <span className="journal-arrow" aria-hidden="true">
                    →
                  </span>
                  <Value raw={entry.after} label={t("journal.after")} />
                </td>
                <td className="wrap journal-outcome">
                  <span
                    className={entry.outcome === "failed" ? "badge badge-danger" : "badge badge-success"}
                    data-testid="journal-row-outcome"
                  >
                    {t(`journal.outcome.${entry.outcome}`)}
                  </span>
                  {entry.outcome === "failed" && entry.error !== null && (
                    <p className="journal-error" data-testid="journal-row-error">
                      {entry.error}
                    </p>
                  )}
                </td>
                <td>{entry.profile}</td>
                <td>{entry.region}</td>
                <td>{t(`journal.source.${entry.source}`)}</td>
                <td>
                  {entry.requestId !== null && (
                    <span className="journal-request">
                      <code data-testid="journal-row-request-id">{entry.requestId}</code>
                      <CopyButton
                        requestId={entry.requestId}
                        copied={copied === entry.requestId}
                        onCopy={copy}
                      />
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
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
