import { useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useId } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { useIpc, type ExpiringShare, type UploadItemView } from "../../ipc";
import { formatDate, imageOfReference } from "../browse/format";
import { withoutDigest } from "../uploads/format";
import { uploadKeys, useUploadsView } from "../uploads/queries";
import { useBackendEvent } from "../../ipc/useBackendEvent";

const RECENT = 5;

/**
 * The last pushed items of the upload list, newest first. The list keeps no push time, but the
 * queue pushes in list order, so the later an item is in the list the more recent its push.
 */
export function recentPushes(items: readonly UploadItemView[]): { item: UploadItemView; pushed: string[] }[] {
  return items
    .flatMap((item) => (item.state.state === "done" ? [{ item, pushed: item.state.pushed.map(withoutDigest) }] : []))
    .reverse()
    .slice(0, RECENT);
}

/** `registry/org/name:tag` without the registry, as the lists name images. */
function shortReference(reference: string): string {
  return reference.slice(reference.indexOf("/") + 1);
}

export function RecentPushes() {
  const { t } = useTranslation();
  const client = useIpc();
  const queryClient = useQueryClient();
  const view = useUploadsView();
  const titleId = useId();
  useBackendEvent(client.onUploadsChanged, () => {
    void queryClient.invalidateQueries({ queryKey: uploadKeys.view() });
  });
  const recent = recentPushes(view.data?.items ?? []);

  return (
    <section className="dashboard-panel" aria-labelledby={titleId} data-testid="recent-pushes">
      <h2 id={titleId} className="panel-title">{t("dashboard.pushes.title")}</h2>
      {view.error && <ErrorNotice title={t("dashboard.pushes.loadFailed")} error={view.error} onRetry={() => void view.refetch()} />}
      {view.data && recent.length === 0 && (
        <p className="dashboard-empty" data-testid="recent-pushes-empty">{t("dashboard.pushes.empty")}</p>
      )}
      {recent.length > 0 && (
        <ul className="dashboard-list">
          {recent.map(({ item, pushed }) => (
            <li key={item.id} data-testid="recent-push" data-file={item.fileName}>
              {pushed.map((reference) => {
                const image = imageOfReference(reference);
                const name = <code className="tag-name">{shortReference(reference)}</code>;
                return image ? (
                  <Link
                    key={reference}
                    to="/images/$org/$image/$tab"
                    params={{ org: image.organization, image: image.image, tab: "tags" }}
                    className="dashboard-link"
                    data-testid="recent-push-link"
                    title={t("dashboard.pushes.open", { image: `${image.organization}/${image.image}` })}
                  >
                    {name}
                  </Link>
                ) : (
                  <span key={reference}>{name}</span>
                );
              })}
              <span className="muted dashboard-file">{item.fileName}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ExpiringShares({ shares }: { shares: ExpiringShare[] }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  return (
    <section className="dashboard-panel" aria-labelledby={titleId} data-testid="expiring-shares">
      <h2 id={titleId} className="panel-title">{t("dashboard.shares.title")}</h2>
      {shares.length === 0 ? (
        <p className="dashboard-empty" data-testid="expiring-shares-empty">{t("dashboard.shares.empty")}</p>
      ) : (
        <ul className="dashboard-list">
          {shares.map((share) => (
            <li
              key={`${share.organization}/${share.image}\0${share.account}`}
              data-testid="expiring-share"
              data-image={`${share.organization}/${share.image}`}
            >
              <Link
                to="/images/$org/$image/$tab"
                params={{ org: share.organization, image: share.image, tab: "overview" }}
                className="dashboard-link"
                data-testid="expiring-share-link"
              >
                <span className="muted">{share.organization}/</span>
                {share.image}
              </Link>
              <span>{t("dashboard.shares.with", { account: share.account })}</span>
              <span className={share.daysLeft === 0 ? "badge badge-warning" : "badge"} data-testid="expiring-share-days">
                {share.daysLeft === 0 ? t("dashboard.shares.today") : t("dashboard.shares.daysLeft", { count: share.daysLeft })}
              </span>
              <span className="muted dashboard-file">{t("dashboard.shares.ends", { when: formatDate(share.deadline, i18n.language) })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
