// Sizes and durations as people read them: decimal units like docker prints, numbers in the
// interface language.

import type { TFunction } from "i18next";
import { numberFormat } from "../../i18n/formatters";

const UNITS = ["B", "kB", "MB", "GB", "TB"] as const;

export function formatBytes(bytes: number, language: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  const number = numberFormat(language, { maximumFractionDigits: digits }).format(value);
  return `${number} ${UNITS[unit] ?? "B"}`;
}

export function formatDuration(seconds: number, t: TFunction): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return t("uploads.duration.seconds", { s });
  if (s < 3600) return t("uploads.duration.minutes", { m: Math.floor(s / 60), s: s % 60 });
  return t("uploads.duration.hours", { h: Math.floor(s / 3600), m: Math.floor((s % 3600) / 60) });
}

export function formatPercent(share: number, language: string): string {
  return numberFormat(language, { style: "percent", maximumFractionDigits: 0 }).format(share);
}

/** `registry/org/name:tag@sha256:…` → the part a `docker pull` takes. */
export function withoutDigest(reference: string): string {
  const at = reference.indexOf("@");
  return at < 0 ? reference : reference.slice(0, at);
}

/** A digest shortened for display: `sha256:0123456789ab`. */
export function shortDigest(digest: string): string {
  const [algorithm, hex] = digest.includes(":") ? digest.split(":", 2) : ["", digest];
  return algorithm === "" || hex === undefined ? digest.slice(0, 19) : `${algorithm}:${hex.slice(0, 12)}`;
}
