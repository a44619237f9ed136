import type { TFunction } from "i18next";
import { useId, useMemo } from "react";
import { useTranslation } from "react-i18next";

import { DataTable, type DataColumn } from "../../components/DataTable";
import { ErrorNotice } from "../../components/ErrorNotice";
import type { SyncJob } from "../../ipc";
import type { ImageRef } from "../browse/queries";
import { formatDate } from "../browse/format";
import { useSyncJobs } from "./queries";
import { activeJobIds, newestFirst } from "./rules";
import { statusBadge, statusWords, useTargetText } from "./words";

const NEWEST_FIRST = [{ id: "created", desc: true }];

function jobColumns(t: TFunction, language: string, targetText: ReturnType<typeof useTargetText>): DataColumn<SyncJob>[] {
  return [
    { id: "tag", accessorFn: (job) => job.tag, header: t("sync.jobs.columns.tag"), size: 120, meta: { grow: 1, className: "sync-code" } },
    {
      id: "target",
      accessorFn: (job) => targetText({ region: job.remoteRegionId, namespace: job.remoteNamespace }),
      header: t("sync.jobs.columns.target"),
      size: 180,
      meta: { grow: 2 },
    },
    {
      id: "status",
      accessorFn: (job) => job.status,
      header: t("sync.jobs.columns.status"),
      size: 110,
      cell: ({ row }) => (
        <span className={statusBadge(row.original.status)} data-testid="sync-job-status">
          {statusWords(t, row.original.status)}
        </span>
      ),
    },
    {
      id: "override",
      enableSorting: false,
      header: t("sync.jobs.columns.override"),
      size: 90,
      cell: ({ row }) => (row.original.override ? t("sync.jobs.yes") : t("sync.jobs.no")),
    },
    {
      id: "created",
      accessorFn: (job) => job.createdAt,
      sortDescFirst: true,
      header: t("sync.jobs.columns.created"),
      size: 150,
      cell: ({ row }) => formatDate(row.original.createdAt, language),
    },
    {
      id: "updated",
      accessorFn: (job) => job.updatedAt,
      sortDescFirst: true,
      header: t("sync.jobs.columns.updated"),
      size: 150,
      cell: ({ row }) => formatDate(row.original.updatedAt, language),
    },
  ];
}

/** The image's sync jobs, newest first, read again every two seconds while one is going. */
export function JobList({ imageRef, watchUntil }: { imageRef: ImageRef; watchUntil: number }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const targetText = useTargetText();
  const jobs = useSyncJobs(imageRef, watchUntil);
  const list = useMemo(() => newestFirst(jobs.data ?? []), [jobs.data]);
  const language = i18n.language;
  const columns = useMemo(() => jobColumns(t, language, targetText), [t, language, targetText]);
  const going = activeJobIds(list).size > 0;
  const image = `${imageRef.organization}/${imageRef.image}`;

  return (
    <section className="panel sync-jobs" data-testid="sync-jobs" aria-labelledby={`${id}-title`}>
      <header className="sync-section-header">
        <h2 id={`${id}-title`} className="panel-title">
          {t("sync.jobs.title")}
        </h2>
        {going && (
          <span className="badge badge-info" data-testid="sync-jobs-live">
            {t("sync.jobs.live")}
          </span>
        )}
        <button
          type="button"
          className="button button-small sync-section-action"
          data-testid="sync-jobs-refresh"
          onClick={() => void jobs.refetch()}
        >
          {t("sync.jobs.refresh")}
        </button>
      </header>
      {jobs.error && <ErrorNotice title={t("sync.jobs.loadFailed")} error={jobs.error} testId="sync-jobs-error" onRetry={() => void jobs.refetch()} />}
      {jobs.isPending && <p className="muted">{t("app.loading")}</p>}
      {jobs.data && list.length === 0 && (
        <p className="list-empty" data-testid="sync-jobs-empty">
          {t("sync.jobs.empty")}
        </p>
      )}
      {list.length > 0 && (
        <DataTable
          columns={columns}
          rows={list}
          getRowId={(job) => String(job.id)}
          label={t("sync.jobs.label", { image })}
          testId="sync-jobs-list"
          widthsKey="sync-jobs"
          initialSorting={NEWEST_FIRST}
          rowAttributes={(job) => ({
            "data-testid": "sync-job",
            "data-tag": job.tag,
            "data-status": job.status,
            "data-region": job.remoteRegionId,
            "data-namespace": job.remoteNamespace,
          })}
        />
      )}
    </section>
  );
}
