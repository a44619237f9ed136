// Dates and counts of the browsing screens in the interface language. The backend sends times as
// it got them from SWR; one that does not parse is shown as it came.

import { dateFormat, numberFormat } from "../../i18n/formatters";

export function formatDate(value: string | number | null, language: string): string {
  if (value === null || value === "") return "";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return dateFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(date);
}

export function formatCount(value: number, language: string): string {
  return numberFormat(language).format(value);
}

/** `sha256:0123…` → the first 12 hex digits, as `docker images` prints an id. */
export function digestHex(digest: string): string {
  const colon = digest.indexOf(":");
  return digest.slice(colon + 1, colon + 13);
}


/** `registry/org/name:tag` (as an upload reports it) → the organization and image, or null. */
export function imageOfReference(reference: string): { organization: string; image: string } | null {
  const parts = reference.split("/");
  if (parts.length < 3) return null;
  const organization = parts[1] ?? "";
  const path = parts.slice(2).join("/");
  const colon = path.lastIndexOf(":");
  const image = colon < 0 ? path : path.slice(0, colon);
  return organization === "" || image === "" ? null : { organization, image };
}
