import { useDeferredValue, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";

import { DataTable, type DataColumn, type SortingState } from "../../components/DataTable";
import { ErrorNotice } from "../../components/ErrorNotice";
import { AppMark } from "../../components/icons";
import { useAppInfo, useLicenses, type LicenseEntry } from "./queries";

export function AboutContent() {
  const { t } = useTranslation();
  const appInfo = useAppInfo();

  return (
    <>
      <div className="about-hero">
        <AppMark />
        <div>
          <p className="about-name" data-testid="about-name">
            {t("app.name")}
          </p>
          <p className="about-description">{t("about.description")}</p>
        </div>
      </div>

      {appInfo.error && <ErrorNotice title={t("about.loadFailed")} error={appInfo.error} />}
      {appInfo.isPending && <p className="muted">{t("app.loading")}</p>}
      {appInfo.data && (
        <dl className="facts" data-testid="about-facts">
          <dt>{t("about.version")}</dt>
          <dd data-testid="about-version">{appInfo.data.version}</dd>
          <dt>{t("about.tauri")}</dt>
          <dd data-testid="about-tauri">{appInfo.data.tauriVersion}</dd>
          <dt>{t("about.webview")}</dt>
          <dd data-testid="about-webview">{appInfo.data.webview}</dd>
          <dt>{t("about.platform")}</dt>
          <dd data-testid="about-platform">
            {t("about.platformValue", { os: appInfo.data.os, arch: appInfo.data.arch })}
          </dd>
        </dl>
      )}

      <Licenses />
    </>
  );
}

const BY_NAME: SortingState = [{ id: "name", desc: false }];

function matches(entry: LicenseEntry, query: string): boolean {
  return (
    entry.name.toLowerCase().includes(query) || entry.license.toLowerCase().includes(query)
  );
}

function Licenses() {
  const { t } = useTranslation();
  const headingId = useId();
  const licenses = useLicenses();
  const [filter, setFilter] = useState("");
  const query = useDeferredValue(filter.trim().toLowerCase());
  const entries = useMemo(() => licenses.data ?? [], [licenses.data]);
  const shown = useMemo(() => (query === "" ? entries : entries.filter((entry) => matches(entry, query))), [entries, query]);
  const columns = useMemo(
    (): DataColumn<LicenseEntry>[] => [
      { id: "name", accessorFn: (entry) => entry.name, header: t("about.licenses.component"), size: 200, meta: { grow: 2 } },
      { id: "version", accessorFn: (entry) => entry.version, header: t("about.licenses.version"), size: 110, meta: { className: "mono" } },
      { id: "license", accessorFn: (entry) => entry.license, header: t("about.licenses.license"), size: 180, meta: { grow: 1 } },
      {
        id: "source",
        accessorFn: (entry) => entry.ecosystem,
        header: t("about.licenses.source"),
        size: 90,
        cell: ({ row }) => t(`about.licenses.${row.original.ecosystem}`),
      },
    ],
    [t],
  );

  return (
    <section
      className="licenses"
      aria-labelledby={headingId}
      data-testid="about-licenses"
      data-state={licenses.status === "success" ? "ready" : licenses.status === "error" ? "error" : "loading"}
    >
      <div className="licenses-header">
        <h3 id={headingId}>{t("about.licenses.title")}</h3>
        <input
          type="search"
          className="input"
          placeholder={t("about.licenses.filter")}
          aria-label={t("about.licenses.filter")}
          value={filter}
          onChange={(event) => {
            setFilter(event.target.value);
          }}
          data-testid="about-licenses-filter"
        />
      </div>
      {licenses.isPending ? (
        <p className="muted">{t("app.loading")}</p>
      ) : licenses.isError ? (
        <p className="muted">{t("about.licenses.loadFailed")}</p>
      ) : (
        <>
          <p className="muted">{t("about.licenses.summary", { count: entries.length })}</p>
          <DataTable
            columns={columns}
            rows={shown}
            getRowId={(entry) => `${entry.ecosystem}:${entry.name}@${entry.version}`}
            label={t("about.licenses.title")}
            className="licenses-table"
            testId="about-licenses-table"
            widthsKey="about-licenses"
            tall
            initialSorting={BY_NAME}
            rowAttributes={() => ({ "data-testid": "about-license-row" })}
          />
          {shown.length === 0 && query !== "" && (
            <p className="muted">{t("about.licenses.noMatch", { query: filter.trim() })}</p>
          )}
        </>
      )}
    </section>
  );
}
