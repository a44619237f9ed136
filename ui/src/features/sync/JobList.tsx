import { useId } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import type { ImageRef } from "../browse/queries";
import { formatDate } from "../browse/format";
import { useSyncJobs } from "./queries";
import { activeJobIds, newestFirst } from "./rules";
import { statusBadge, statusWords, useTargetText } from "./words";

/** The image's sync jobs, newest first, read again every two seconds while one is going. */
export function JobList({ imageRef, watchUntil }: { imageRef: ImageRef; watchUntil: number }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const targetText = useTargetText();
  const jobs = useSyncJobs(imageRef, watchUntil);
  const list = newestFirst(jobs.data ?? []);
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
        <div className="table-frame">
          <table className="table sync-table" aria-label={t("sync.jobs.label", { image })}>
            <thead>
              <tr>
                <th scope="col">{t("sync.jobs.columns.tag")}</th>
                <th scope="col">{t("sync.jobs.columns.target")}</th>
                <th scope="col">{t("sync.jobs.columns.status")}</th>
                <th scope="col">{t("sync.jobs.columns.override")}</th>
                <th scope="col">{t("sync.jobs.columns.created")}</th>
                <th scope="col">{t("sync.jobs.columns.updated")}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((job) => (
                <tr
                  key={job.id}
                  data-testid="sync-job"
                  data-tag={job.tag}
                  data-status={job.status}
                  data-region={job.remoteRegionId}
                  data-namespace={job.remoteNamespace}
                >
                  <td className="sync-code">{job.tag}</td>
                  <td>{targetText({ region: job.remoteRegionId, namespace: job.remoteNamespace })}</td>
                  <td>
                    <span className={statusBadge(job.status)} data-testid="sync-job-status">
                      {statusWords(t, job.status)}
                    </span>
                  </td>
                  <td>{job.override ? t("sync.jobs.yes") : t("sync.jobs.no")}</td>
                  <td>{formatDate(job.createdAt, i18n.language)}</td>
                  <td>{formatDate(job.updatedAt, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
