import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import type { TagRow } from "../../ipc";
import { formatBytes } from "../uploads/format";
import { digestHex, formatDate } from "./format";
import type { RowContent } from "./VirtualRows";

export function TagHeader() {
  const { t } = useTranslation();
  return (
    <>
      <div role="columnheader" className="cell-check">
        <span className="visually-hidden">{t("tags.column.select")}</span>
      </div>
      <div role="columnheader">{t("tags.column.tag")}</div>
      <div role="columnheader">{t("tags.column.digest")}</div>
      <div role="columnheader" className="cell-number">{t("tags.column.size")}</div>
      <div role="columnheader">{t("tags.column.pushed")}</div>
      <div role="columnheader">
        <span className="visually-hidden">{t("tags.column.actions")}</span>
      </div>
    </>
  );
}

/** The cells of one tag; a tag sharing its image with others says so and names them on hover. */
export function tagRow(props: {
  row: TagRow;
  at: number;
  selected: boolean;
  t: TFunction;
  language: string;
  onSelect: (tag: string, at: number, shift: boolean) => void;
  onInspect: () => void;
  onCopyDigest: () => Promise<void>;
}): RowContent {
  const { row, at, selected, t, language } = props;
  return {
    attributes: { "data-testid": "tag-row", "data-tag": row.tag, "aria-selected": selected },
    cells: (
      <>
        <div role="gridcell" className="cell-check">
          <input
            type="checkbox"
            data-testid="tag-select"
            aria-label={t("tags.selectTag", { tag: row.tag })}
            checked={selected}
            onChange={(event) => {
              // The change comes from a click (or Space, which browsers turn into one).
              props.onSelect(row.tag, at, (event.nativeEvent as MouseEvent).shiftKey);
            }}
          />
        </div>
        <div role="gridcell" className="cell-name">
          <span className="tag-name">{row.tag}</span>
          {row.isIndex && <span className="badge badge-info">{t("tags.multiArch")}</span>}
          {row.siblings.length > 0 && (
            <span
              className="badge chip"
              data-testid="tag-siblings"
              title={t("tags.sameImageTitle", { tags: row.siblings.join(", ") })}
            >
              {t("tags.sameImage", { count: row.siblings.length })}
            </span>
          )}
        </div>
        <div role="gridcell">
          <DigestButton digest={row.digest} tag={row.tag} onCopy={props.onCopyDigest} />
        </div>
        <div role="gridcell" className="cell-number">{formatBytes(row.size, language)}</div>
        <div role="gridcell">{formatDate(row.pushed, language)}</div>
        <div role="gridcell" className="cell-actions">
          <button
            type="button"
            className="button button-small"
            data-testid="tag-inspect"
            aria-label={t("tags.inspectTag", { tag: row.tag })}
            onClick={props.onInspect}
          >
            {t("tags.inspect")}
          </button>
        </div>
      </>
    ),
  };
}

function DigestButton({ digest, tag, onCopy }: { digest: string; tag: string; onCopy: () => Promise<void> }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="digest-button"
      data-testid="tag-digest"
      title={digest}
      aria-label={t("tags.copyDigest", { tag })}
      onClick={() => {
        void onCopy().then(() => {
          setCopied(true);
          setTimeout(() => {
            setCopied(false);
          }, 2000);
        });
      }}
    >
      <code>{digestHex(digest)}</code>
      {copied && <span className="digest-copied">{t("tags.digestCopied")}</span>}
    </button>
  );
}
