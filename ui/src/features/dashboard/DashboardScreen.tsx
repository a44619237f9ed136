import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { InfoIcon, RefreshIcon } from "../../components/icons";
import type { Dashboard } from "../../ipc";
import { formatCount } from "../browse/format";
import { NoProfile } from "../browse/NoProfile";
import { useActiveProfile } from "../profiles/queries";
import { formatBytes } from "../uploads/format";
import { uploadKeys } from "../uploads/queries";
import { ExpiringShares, RecentPushes } from "./DashboardLists";
import { useDashboard } from "./queries";
import { SeriesChart } from "./SeriesChart";
import "../browse/browse.css";
import "./dashboard.css";

/** The account of the active profile at a glance. */
export function DashboardScreen() {
  const { t } = useTranslation();
  const profile = useActiveProfile();
  return (
    <section className="screen screen-wide" data-testid="screen-dashboard" aria-labelledby="dashboard-title">
      <header className="screen-header">
        <h1 id="dashboard-title">{t("dashboard.title")}</h1>
        <p className="screen-description">{t("dashboard.description")}</p>
      </header>
      {profile.isSuccess && profile.data === null && <NoProfile />}
      {profile.error && <ErrorNotice title={t("dashboard.loadFailed")} error={profile.error} onRetry={() => void profile.refetch()} />}
      {profile.data && <Overview key={profile.data.id} profileId={profile.data.id} />}
    </section>
  );
}

function Overview({ profileId }: { profileId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const dashboard = useDashboard(profileId);
  const data = dashboard.data;

  return (
    <>
      <div className="browse-toolbar">
        {data && <p className="muted" data-testid="dashboard-account">{t("dashboard.account", { account: data.account })}</p>}
        <button
          type="button"
          className="button toolbar-end"
          data-testid="dashboard-refresh"
          disabled={dashboard.isFetching}
          onClick={() => {
            void dashboard.refetch();
            void queryClient.invalidateQueries({ queryKey: uploadKeys.view() });
          }}
        >
          <RefreshIcon />
          {dashboard.isFetching ? t("dashboard.refreshing") : t("dashboard.refresh")}
        </button>
      </div>
      {dashboard.isPending && <p className="muted" data-testid="dashboard-loading">{t("app.loading")}</p>}
      {dashboard.error && (
        <ErrorNotice title={t("dashboard.loadFailed")} error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      )}
      {data && (
        <>
          {data.problems.map((problem, at) => (
            <div key={`${String(at)}:${problem}`} className="notice notice-muted" role="status" data-testid="dashboard-problem">
              <InfoIcon />
              <div className="notice-body">
                <p className="notice-title">{t("dashboard.problem")}</p>
                <p className="notice-detail">{problem}</p>
              </div>
            </div>
          ))}
          <Tiles data={data} />
          <div className="dashboard-pair">
            <SeriesChart title={t("dashboard.chart.storage")} points={data.storageSeries} format={formatBytes} testId="chart-storage" />
            <SeriesChart title={t("dashboard.chart.traffic")} points={data.trafficSeries} format={formatBytes} testId="chart-traffic" />
          </div>
          <div className="dashboard-pair">
            <RecentPushes />
            <ExpiringShares shares={data.expiringShares} />
          </div>
        </>
      )}
    </>
  );
}

function Tiles({ data }: { data: Dashboard }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const quota = data.quotas.find((q) => q.key === "namespace");
  const tiles = [
    {
      key: "organizations",
      value: formatCount(data.organizations, language),
      hint: quota
        ? t("dashboard.quota", { used: formatCount(quota.used, language), limit: formatCount(quota.limit, language) })
        : null,
    },
    { key: "images", value: formatCount(data.images, language), hint: null },
    { key: "tags", value: formatCount(data.tags, language), hint: null },
    { key: "storage", value: formatBytes(data.storage, language), hint: null },
    { key: "downloads", value: formatBytes(data.downloads, language), hint: null },
  ] as const;
  return (
    <dl className="dashboard-tiles" aria-label={t("dashboard.totals")}>
      {tiles.map((tile) => (
        <div key={tile.key} className="dashboard-tile" data-testid="dashboard-tile" data-tile={tile.key}>
          <dt className="tile-label">{t(`dashboard.tile.${tile.key}`)}</dt>
          <dd className="tile-value">{tile.value}</dd>
          {tile.hint !== null && <dd className="tile-hint" data-testid="dashboard-quota">{tile.hint}</dd>}
        </div>
      ))}
    </dl>
  );
}
