import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useEffect, useState } from "react";

import type { DataColumn } from "../../components/DataTable";
import { fillIn, HOLE } from "../../i18n/formatters";
import type { TagRow, TagSort } from "../../ipc";
import { formatBytes } from "../uploads/format";
import { digestHex, formatDate } from "./format";
import { IN_VIEW_MS, platformName, type PlatformsOf } from "./platforms";

/** What a tag's row offers besides selecting it. */
export interface TagActions {
  inspect: (tag: string) => void;
  copyDigest: (digest: string) => Promise<void>;
  /** The query of a digest's platforms, for the OS/arch column. */
  platformsOf: PlatformsOf;
}

/**
 * The columns of the tags list. The ids of the sortable ones are the backend's sort keys: the tag
 * column sorts by version (a plain name order is in the sort menu), and the list's order is the
 * backend's. What each row says is translated here once, not in every row drawn.
 */
export function tagColumns(t: TFunction, language: string, actions: TagActions): DataColumn<TagRow>[] {
  const inspect = t("tags.inspect");
  const inspectLabel = fillIn(t("tags.inspectTag", { tag: HOLE }));
  const digest = { label: fillIn(t("tags.copyDigest", { tag: HOLE })), copied: t("tags.digestCopied") };
  const unreadable = fillIn(t("tags.platformsUnreadable", { problem: HOLE }));
  const sortable = (id: TagSort, value: (row: TagRow) => string | number) => ({ id, accessorFn: value, sortDescFirst: true });
  return [
    {
      ...sortable("version", (row) => row.tag),
      header: t("tags.column.tag"),
      size: 180,
      minSize: 120,
      meta: { grow: 3, className: "cell-name" },
      cell: ({ row }) => <TagName row={row.original} t={t} />,
    },
    {
      id: "digest",
      header: t("tags.column.digest"),
      size: 130,
      cell: ({ row }) => (
        <DigestButton
          digest={row.original.digest}
          label={digest.label(row.original.tag)}
          copiedText={digest.copied}
          onCopy={actions.copyDigest}
        />
      ),
    },
    {
      id: "platforms",
      header: t("tags.column.platforms"),
      size: 110,
      minSize: 90,
      // Keyed by digest: a long list refills its row elements as it scrolls, and a row that now
      // shows another digest waits in view again before it asks.
      cell: ({ row }) => (
        <Platforms key={row.original.digest} digest={row.original.digest} platformsOf={actions.platformsOf} unreadable={unreadable} />
      ),
    },
    {
      ...sortable("size", (row) => row.size),
      header: t("tags.column.size"),
      size: 80,
      meta: { numeric: true },
      cell: ({ row }) => formatBytes(row.original.size, language),
    },
    {
      ...sortable("pushed", (row) => row.pushed),
      header: t("tags.column.pushed"),
      // A growing column is never narrower than its least width: a date and time in full
      // ("Dec 7, 2026, 12:46:05 PM").
      size: 190,
      minSize: 190,
      meta: { grow: 1.2 },
      cell: ({ row }) => formatDate(row.original.pushed, language),
    },
    {
      id: "actions",
      header: t("tags.column.actions"),
      size: 84,
      enableResizing: false,
      meta: { className: "cell-actions", label: t("tags.column.actions") },
      cell: ({ row }) => (
        <button
          type="button"
          className="button button-small"
          data-testid="tag-inspect"
          aria-label={inspectLabel(row.original.tag)}
          onClick={() => {
            actions.inspect(row.original.tag);
          }}
        >
          {inspect}
        </button>
      ),
    },
  ];
}

/** A tag's name; a tag sharing its image with others says so and names them on hover. */
function TagName({ row, t }: { row: TagRow; t: TFunction }) {
  return (
    <>
      <span className="tag-name">{row.tag}</span>
      {row.isIndex && <span className="badge badge-info">{t("tags.multiArch")}</span>}
      {row.siblings.length > 0 && (
        <span className="badge chip" data-testid="tag-siblings" title={t("tags.sameImageTitle", { tags: row.siblings.join(", ") })}>
          {t("tags.sameImage", { count: row.siblings.length })}
        </span>
      )}
    </>
  );
}

interface PlatformsProps {
  digest: string;
  platformsOf: PlatformsOf;
  unreadable: (problem: string) => string;
}

/**
 * The platforms of a tag's image: known ones at once, others asked for once the row has stayed in
 * view for a moment (a row a scroll passes by asks nothing). An ellipsis until then, a dash that
 * says why on hover when they cannot be read.
 */
function Platforms(props: PlatformsProps) {
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(() => queryClient.getQueryData(props.platformsOf(props.digest).queryKey) !== undefined);
  useEffect(() => {
    if (asking) return;
    const timer = setTimeout(() => {
      setAsking(true);
    }, IN_VIEW_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [asking]);
  return asking ? <AskedPlatforms {...props} /> : <Waiting />;
}

function Waiting() {
  return (
    <span className="muted" data-testid="tag-platforms" aria-busy="true">
      …
    </span>
  );
}

function AskedPlatforms({ digest, platformsOf, unreadable }: PlatformsProps) {
  const { data, error } = useQuery(platformsOf(digest));
  const problem = data?.problem ?? error?.message ?? null;
  if (problem !== null) {
    return (
      <span className="muted" data-testid="tag-platforms" title={unreadable(problem)} aria-busy="false">
        —
      </span>
    );
  }
  if (data === undefined) return <Waiting />;
  const names = data.platforms.map(platformName).join(", ");
  return (
    <span data-testid="tag-platforms" title={names} aria-busy="false">
      {names}
    </span>
  );
}

export const tagId = (row: TagRow) => row.tag;

export function tagRowAttributes(row: TagRow) {
  return { "data-testid": "tag-row", "data-tag": row.tag };
}

interface DigestButtonProps {
  digest: string;
  label: string;
  copiedText: string;
  onCopy: (digest: string) => Promise<void>;
}

function DigestButton({ digest, label, copiedText, onCopy }: DigestButtonProps) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="digest-button"
      data-testid="tag-digest"
      title={digest}
      aria-label={label}
      onClick={() => {
        void onCopy(digest).then(() => {
          setCopied(true);
          setTimeout(() => {
            setCopied(false);
          }, 2000);
        });
      }}
    >
      <code>{digestHex(digest)}</code>
      {copied && <span className="digest-copied">{copiedText}</span>}
    </button>
  );
}
