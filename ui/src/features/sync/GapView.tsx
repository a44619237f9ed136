import type { TFunction } from "i18next";
import { useId, useMemo } from "react";
import { useTranslation } from "react-i18next";

import { DataTable, type DataColumn } from "../../components/DataTable";
import { ErrorNotice } from "../../components/ErrorNotice";
import { AlertIcon } from "../../components/icons";
import type { GapRow, RegionGap } from "../../ipc";
import { digestHex, formatCount } from "../browse/format";
import type { ImageRef } from "../browse/queries";
import { useSyncGaps } from "./queries";
import { tagsToSync, type Target } from "./rules";
import { useRegionName, useTargetText } from "./words";

/** Rows shown per target; the counts above them always cover every tag. */
export const GAP_ROWS_SHOWN = 200;

/** For each rule, which tags the target region lacks or holds with another digest. */
export function GapView({
  imageRef,
  hasRules,
  onChoose,
}: {
  imageRef: ImageRef;
  hasRules: boolean;
  onChoose: (target: Target, tags: string[]) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const gaps = useSyncGaps(imageRef);
  const list = gaps.data ?? [];

  return (
    <section className="panel sync-gaps" data-testid="sync-gaps" aria-labelledby={`${id}-title`} aria-busy={gaps.isFetching}>
      <header className="sync-section-header">
        <h2 id={`${id}-title`} className="panel-title">
          {t("sync.gaps.title")}
        </h2>
        <button
          type="button"
          className="button button-small sync-section-action"
          data-testid="sync-gap-refresh"
          disabled={gaps.isFetching}
          onClick={() => void gaps.refetch()}
        >
          {gaps.isFetching ? t("sync.gaps.refreshing") : t("sync.gaps.refresh")}
        </button>
      </header>
      <p className="muted">{t("sync.gaps.intro")}</p>
      {gaps.error && <ErrorNotice title={t("sync.gaps.loadFailed")} error={gaps.error} testId="sync-gaps-error" onRetry={() => void gaps.refetch()} />}
      {gaps.isPending && <p className="muted">{t("sync.gaps.refreshing")}</p>}
      {gaps.data && list.length === 0 && (
        <p className="list-empty" data-testid="sync-gaps-empty">
          {hasRules ? t("sync.gaps.noTags") : t("sync.gaps.noRules")}
        </p>
      )}
      {list.map((gap) => (
        <GapCard key={`${gap.region}/${gap.namespace}`} imageRef={imageRef} gap={gap} onChoose={onChoose} />
      ))}
    </section>
  );
}

function GapCard({
  imageRef,
  gap,
  onChoose,
}: {
  imageRef: ImageRef;
  gap: RegionGap;
  onChoose: (target: Target, tags: string[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const regionName = useRegionName();
  const targetText = useTargetText();
  const number = (value: number) => formatCount(value, i18n.language);
  const target = { region: gap.region, namespace: gap.namespace };
  const named = targetText(target);
  const rows = useMemo(() => gap.rows.filter((row) => row.state !== "same"), [gap.rows]);
  const shown = useMemo(() => rows.slice(0, GAP_ROWS_SHOWN), [rows]);
  const columns = useMemo(() => gapColumns(t), [t]);
  const tags = tagsToSync(gap);

  return (
    <article
      className="sync-gap"
      data-testid="sync-gap"
      data-region={gap.region}
      data-namespace={gap.namespace}
      data-missing={gap.missing}
      data-differs={gap.differs}
      data-same={gap.same}
      data-problem={gap.problem !== null ? "true" : undefined}
    >
      <header className="sync-gap-header">
        <h3 className="sync-gap-title">{named}</h3>
        {gap.problem === null && (
          <p className="sync-gap-summary" data-testid="sync-gap-summary">
            {t("sync.gaps.summary", { missing: number(gap.missing), differs: number(gap.differs), same: number(gap.same) })}
          </p>
        )}
        {tags.length > 0 && (
          <button
            type="button"
            className="button button-small sync-section-action"
            data-testid="sync-gap-choose"
            onClick={() => {
              onChoose(target, tags);
            }}
          >
            {t("sync.gaps.choose")}
          </button>
        )}
      </header>
      {gap.problem !== null && (
        <div className="notice notice-warning" role="alert" data-testid="sync-gap-problem">
          <AlertIcon />
          <div className="notice-body">
            <p>{t("sync.gaps.problem", { region: regionName(gap.region), problem: gap.problem })}</p>
          </div>
        </div>
      )}
      {gap.problem === null && rows.length === 0 && (
        <p className="muted" data-testid="sync-gap-same">
          {gap.same > 0 ? t("sync.gaps.allSame") : t("sync.gaps.noTags")}
        </p>
      )}
      {shown.length > 0 && (
        <DataTable
          columns={columns}
          rows={shown}
          getRowId={(row) => row.tag}
          label={t("sync.gaps.label", { image: `${imageRef.organization}/${imageRef.image}`, target: named })}
          testId="sync-gap-list"
          widthsKey="sync-gaps"
          rowAttributes={(row) => ({ "data-testid": "sync-gap-row", "data-tag": row.tag, "data-state": row.state })}
        />
      )}
      {rows.length > shown.length && (
        <p className="list-count">{t("sync.gaps.more", { shown: number(shown.length), count: number(rows.length) })}</p>
      )}
    </article>
  );
}

function Digest({ digest }: { digest: string }) {
  return (
    <code className="sync-code" title={digest}>
      {digestHex(digest)}
    </code>
  );
}

/** A tag that differs in the other region: missing there, or another image under the same tag. */
function gapColumns(t: TFunction): DataColumn<GapRow>[] {
  return [
    { id: "tag", accessorFn: (row) => row.tag, header: t("sync.gaps.columns.tag"), size: 140, meta: { grow: 1, className: "sync-code" } },
    {
      id: "state",
      accessorFn: (row) => row.state,
      header: t("sync.gaps.columns.state"),
      size: 120,
      cell: ({ row }) => (
        <span className={row.original.state === "missing" ? "badge badge-warning" : "badge badge-danger"}>
          {t(`sync.gaps.state.${row.original.state}`)}
        </span>
      ),
    },
    { id: "digest", enableSorting: false, header: t("sync.gaps.columns.digest"), size: 130, cell: ({ row }) => <Digest digest={row.original.digest} /> },
    {
      id: "remoteDigest",
      enableSorting: false,
      header: t("sync.gaps.columns.remoteDigest"),
      size: 130,
      cell: ({ row }) =>
        row.original.remoteDigest === null ? <span className="muted">{t("sync.gaps.absent")}</span> : <Digest digest={row.original.remoteDigest} />,
    },
  ];
}
