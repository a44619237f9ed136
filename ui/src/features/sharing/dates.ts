// The days a share lasts through, as the forms pick and show them. Whether a deadline is allowed
// is SWR's rule, asked of the backend (`check_share_until`).

import { dateFormat } from "../../i18n/formatters";

/** Today as a `YYYY-MM-DD` day in UTC, the time zone share deadlines are kept in. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** `day` moved by `days` whole days. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function isForever(deadline: string): boolean {
  return deadline.trim().toLowerCase() === "forever";
}

/** The UTC day a deadline falls on, or "" for `forever` and times that do not parse. */
export function deadlineDay(deadline: string): string {
  if (isForever(deadline)) return "";
  const date = new Date(deadline);
  return Number.isNaN(date.getTime()) ? "" : date.toISOString().slice(0, 10);
}

/** A deadline in the interface language, in UTC (the day a share was given lasts through it in UTC). */
export function formatDeadline(deadline: string, language: string): string {
  const date = new Date(deadline);
  if (Number.isNaN(date.getTime())) return deadline;
  return dateFormat(language, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "UTC",
  }).format(date);
}
