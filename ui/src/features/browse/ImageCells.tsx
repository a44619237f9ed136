import { useTranslation } from "react-i18next";

import type { ImageRow } from "../../ipc";
import { formatBytes } from "../uploads/format";
import { categoryLabel } from "./categories";
import { formatCount, formatDate } from "./format";

/** The column headers of an image grid (`images-grid` sets their widths). */
export function ImageColumns() {
  const { t } = useTranslation();
  return (
    <>
      <div role="columnheader">{t("images.column.image")}</div>
      <div role="columnheader">{t("images.column.category")}</div>
      <div role="columnheader">{t("images.column.visibility")}</div>
      <div role="columnheader" className="cell-number">{t("images.column.tags")}</div>
      <div role="columnheader" className="cell-number">{t("images.column.size")}</div>
      <div role="columnheader">{t("images.column.updated")}</div>
    </>
  );
}

/** One image's cells under `ImageColumns`, for the index and for the images shared with the account. */
export function ImageCells({ row }: { row: ImageRow }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <>
      <div role="gridcell" className="cell-name">
        <span className="muted">{row.organization}/</span>
        {row.name}
      </div>
      <div role="gridcell">{categoryLabel(t, row.category)}</div>
      <div role="gridcell">
        <span className={row.isPublic ? "badge badge-info" : "badge"}>{row.isPublic ? t("images.public") : t("images.private")}</span>
      </div>
      <div role="gridcell" className="cell-number">{formatCount(row.tagCount, language)}</div>
      <div role="gridcell" className="cell-number">{formatBytes(row.size, language)}</div>
      <div role="gridcell">{formatDate(row.updated, language)}</div>
    </>
  );
}
