import { useEffect, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { Select } from "../../components/Select";
import { AlertIcon, RefreshIcon, SearchIcon } from "../../components/icons";
import type { ExportFormat, JournalPage, JournalQuery, Operation, Outcome } from "../../ipc";
import { JournalTable } from "./JournalTable";
import { useExportJournal, useJournal } from "./queries";
import "../browse/browse.css";
import "./journal.css";

export const OPERATIONS: readonly Operation[] = [
  "organizationCreate",
  "organizationDelete",
  "imageAttributes",
  "permissionGrant",
  "permissionChange",
  "permissionRevoke",
  "shareAdd",
  "shareChange",
  "shareRemove",
  "tagDelete",
  "tagCopy",
  "push",
  "retentionSet",
  "retentionDelete",
  "triggerCreate",
  "triggerChange",
  "triggerDelete",
  "syncRuleCreate",
  "syncRuleDelete",
  "syncRun",
  "other",
];

const OUTCOMES: readonly Outcome[] = ["done", "failed"];

/** At most this many entries are listed; the count says how many more matched. */
export const SHOWN_LIMIT = 1000;

/** How long typing pauses before the search is sent. */
const SEARCH_DELAY_MS = 200;

interface Filters {
  text: string;
  operation: Operation | null;
  outcome: Outcome | null;
  since: string;
}

function toQuery(filters: Filters, text: string): JournalQuery {
  const words = text.trim();
  return {
    since: filters.since === "" ? null : filters.since,
    text: words === "" ? null : words,
    operations: filters.operation ? [filters.operation] : [],
    outcome: filters.outcome,
    profile: null,
    limit: SHOWN_LIMIT,
  };
}

function useSettled<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => {
      setSettled(value);
    }, delayMs);
    return () => {
      clearTimeout(timer);
    };
  }, [value, delayMs]);
  return settled;
}

/** Every change the app or swrctl made to SWR, filtered by the backend and newest first. */
export function JournalScreen() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [filters, setFilters] = useState<Filters>({ text: "", operation: null, outcome: null, since: "" });
  const text = useSettled(filters.text, SEARCH_DELAY_MS);
  const query = useMemo(() => toQuery(filters, text), [filters, text]);
  const journal = useJournal(query);
  const page = journal.data;
  const set = (change: Partial<Filters>) => {
    setFilters((now) => ({ ...now, ...change }));
  };

  return (
    <section className="screen screen-wide" data-testid="screen-journal" aria-labelledby={`${id}-title`}>
      <header className="screen-header">
        <h1 id={`${id}-title`}>{t("journal.title")}</h1>
        <p className="screen-description">{t("journal.description")}</p>
      </header>

      <div className="browse-toolbar" role="toolbar" aria-label={t("journal.filters")}>
        <label className="search-field">
          <SearchIcon />
          <span className="visually-hidden">{t("journal.search")}</span>
          <input
            type="search"
            className="input"
            data-testid="journal-search"
            placeholder={t("journal.searchPlaceholder")}
            value={filters.text}
            onChange={(e) => {
              set({ text: e.target.value });
            }}
          />
        </label>
        <span className="toolbar-field">
          <Select
            testId="journal-operation"
            aria-label={t("journal.operationFilter")}
            value={filters.operation ?? ""}
            onChange={(operation) => {
              set({ operation: operation === "" ? null : operation });
            }}
            choices={[
              { value: "", label: t("journal.allOperations") },
              ...OPERATIONS.map((operation) => ({ value: operation, label: t(`journal.operation.${operation}`) })),
            ]}
          />
        </span>
        <span className="toolbar-field">
          <Select
            testId="journal-outcome"
            aria-label={t("journal.outcomeFilter")}
            value={filters.outcome ?? ""}
            onChange={(outcome) => {
              set({ outcome: outcome === "" ? null : outcome });
            }}
            choices={[
              { value: "", label: t("journal.outcomeChoice.all") },
              ...OUTCOMES.map((outcome) => ({ value: outcome, label: t(`journal.outcomeChoice.${outcome}`) })),
            ]}
          />
        </span>
        <span className="toolbar-field">
          <label htmlFor={`${id}-since`} className="toolbar-label">
            {t("journal.since")}
          </label>
          <input
            id={`${id}-since`}
            type="date"
            className="input"
            data-testid="journal-since"
            value={filters.since}
            onChange={(e) => {
              set({ since: e.target.value });
            }}
          />
        </span>
        <button
          type="button"
          className="button toolbar-end"
          data-testid="journal-refresh"
          disabled={journal.isFetching}
          onClick={() => {
            void journal.refetch();
          }}
        >
          <RefreshIcon />
          {journal.isFetching ? t("journal.refreshing") : t("journal.refresh")}
        </button>
      </div>

      <div className="list-status journal-status">
        {page && (
          <span className="list-count" data-testid="journal-count" aria-live="polite">
            {t("journal.count", { count: page.total, matched: page.matched })}
          </span>
        )}
        <ExportButtons query={query} />
      </div>

      {page && page.unreadable > 0 && (
        <div className="notice notice-warning" role="status" data-testid="journal-unreadable">
          <AlertIcon />
          <div className="notice-body">
            <p>{t("journal.unreadable", { count: page.unreadable })}</p>
          </div>
        </div>
      )}

      {journal.isPending && (
        <p className="muted" data-testid="journal-loading">
          {t("app.loading")}
        </p>
      )}
      {journal.error && (
        <ErrorNotice
          title={t("journal.loadFailed")}
          error={journal.error}
          testId="journal-error"
          onRetry={() => void journal.refetch()}
        />
      )}
      {page && <Listing page={page} busy={journal.isPlaceholderData} language={i18n.language} />}
    </section>
  );
}

function Listing({ page, busy, language }: { page: JournalPage; busy: boolean; language: string }) {
  const { t } = useTranslation();
  if (page.entries.length === 0) {
    return (
      <p className="list-empty" data-testid="journal-empty">
        {page.total === 0 ? t("journal.empty") : t("journal.noMatch")}
      </p>
    );
  }
  return (
    <>
      <JournalTable entries={page.entries} busy={busy} language={language} />
      {page.matched > page.entries.length && (
        <p className="field-hint" data-testid="journal-limited">
          {t("journal.limited", { shown: page.entries.length })}
        </p>
      )}
    </>
  );
}

/** CSV and JSON export of everything the filters select (the on-screen limit does not apply). */
function ExportButtons({ query }: { query: JournalQuery }) {
  const { t } = useTranslation();
  const exporting = useExportJournal();
  const run = (format: ExportFormat) => {
    exporting.mutate({ query: { ...query, limit: null }, format });
  };
  const saved = exporting.isSuccess ? exporting.data : null;

  return (
    <>
      <span className="journal-export" role="group" aria-label={t("journal.export")}>
        <button
          type="button"
          className="button"
          data-testid="journal-export-csv"
          disabled={exporting.isPending}
          onClick={() => {
            run("csv");
          }}
        >
          {t("journal.exportCsv")}
        </button>
        <button
          type="button"
          className="button"
          data-testid="journal-export-json"
          disabled={exporting.isPending}
          onClick={() => {
            run("json");
          }}
        >
          {t("journal.exportJson")}
        </button>
      </span>
      <span className="journal-export-status" role="status">
        {exporting.isPending && <span className="muted">{t("journal.exporting")}</span>}
        {saved !== null && (
          <span className="status-success" data-testid="journal-exported">
            {t("journal.exported", { path: saved })}
          </span>
        )}
      </span>
      {exporting.error && (
        <div className="journal-export-error">
          <ErrorNotice title={t("journal.exportFailed")} error={exporting.error} testId="journal-export-error" />
        </div>
      )}
    </>
  );
}
