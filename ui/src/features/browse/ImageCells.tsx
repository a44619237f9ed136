import type { TFunction } from "i18next";

import type { DataColumn } from "../../components/DataTable";
import type { ImageRow, ImageSort } from "../../ipc";
import { formatBytes } from "../uploads/format";
import { categoryLabel } from "./categories";
import { formatCount, formatDate } from "./format";

/**
 * The columns of an image list, for the index and for the images shared with the account. The
 * ids of the sortable ones are the backend's sort keys; the index sorts by them, the short
 * shared list does not.
 */
export function imageColumns(t: TFunction, language: string): DataColumn<ImageRow>[] {
  // Translated once here, not in each row drawn (a fast scroll draws dozens a frame).
  const visibility = { public: t("images.public"), private: t("images.private") };
  const categories = new Map<string, string>();
  const category = (name: string) => {
    let label = categories.get(name);
    if (label === undefined) {
      label = categoryLabel(t, name);
      categories.set(name, label);
    }
    return label;
  };
  // Sorting needs a value to sort by; the backend compares them, the table only names the column.
  const sortable = (id: ImageSort, value: (row: ImageRow) => string | number) => ({
    id,
    accessorFn: value,
    sortDescFirst: id !== "name",
  });
  return [
    {
      ...sortable("name", imageId),
      header: t("images.column.image"),
      size: 220,
      minSize: 140,
      meta: { grow: 3, className: "cell-name" },
      cell: ({ row }) => (
        <>
          <span className="muted">{row.original.organization}/</span>
          {row.original.name}
        </>
      ),
    },
    {
      id: "category",
      enableSorting: false,
      header: t("images.column.category"),
      size: 110,
      minSize: 80,
      meta: { grow: 1.2 },
      cell: ({ row }) => category(row.original.category),
    },
    {
      id: "visibility",
      enableSorting: false,
      header: t("images.column.visibility"),
      size: 80,
      cell: ({ row }) => (
        <span className={row.original.isPublic ? "badge badge-info" : "badge"}>
          {row.original.isPublic ? visibility.public : visibility.private}
        </span>
      ),
    },
    {
      ...sortable("tagCount", (row) => row.tagCount),
      header: t("images.column.tags"),
      size: 72,
      meta: { numeric: true },
      cell: ({ row }) => formatCount(row.original.tagCount, language),
    },
    {
      id: "size",
      enableSorting: false,
      header: t("images.column.size"),
      size: 88,
      meta: { numeric: true },
      cell: ({ row }) => formatBytes(row.original.size, language),
    },
    {
      ...sortable("updated", (row) => row.updated),
      header: t("images.column.updated"),
      size: 140,
      minSize: 120,
      meta: { grow: 1.2 },
      cell: ({ row }) => formatDate(row.original.updated, language),
    },
  ];
}

export const imageId = (row: ImageRow) => `${row.organization}/${row.name}`;

/** What a row of images carries for tests and for the description on hover. */
export function imageRowAttributes(row: ImageRow) {
  return { "data-testid": "image-row", "data-image": imageId(row), title: row.description || undefined };
}
