import { useDeferredValue, useId, useState } from "react";
import { useTranslation } from "react-i18next";

import { AppMark } from "../../components/icons";
import { ErrorNotice } from "../../components/ErrorNotice";
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
  const entries = licenses.data ?? [];
  const shown = query === "" ? entries : entries.filter((entry) => matches(entry, query));

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
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("about.licenses.component")}</th>
                  <th scope="col">{t("about.licenses.version")}</th>
                  <th scope="col">{t("about.licenses.license")}</th>
                  <th scope="col">{t("about.licenses.source")}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((entry) => (
                  <tr key={`${entry.ecosystem}:${entry.name}@${entry.version}`} data-testid="about-license-row">
                    <td>{entry.name}</td>
                    <td className="mono">{entry.version}</td>
                    <td className="wrap">{entry.license}</td>
                    <td>{t(`about.licenses.${entry.ecosystem}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {shown.length === 0 && query !== "" && (
            <p className="muted">{t("about.licenses.noMatch", { query: filter.trim() })}</p>
          )}
        </>
      )}
    </section>
  );
}
