// The sharing rules checked as the user types; the backend checks them again and is the authority.

import { dateFormat } from "../../i18n/formatters";

/** Longest account name a share accepts. */
export const ACCOUNT_MAX = 64;
/** Longest share description, in characters. */
export const SHARE_DESCRIPTION_MAX = 1_000;

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

export function characterCount(text: string): number {
  return Array.from(text).length;
}

export type AccountProblem = { kind: "spaces" } | { kind: "length"; over: number } | { kind: "taken" };

/** What is wrong with an account name (trimmed, as the backend trims it), or null. */
export function accountProblem(account: string, sharedWith: readonly string[]): AccountProblem | null {
  if (/\s/.test(account)) return { kind: "spaces" };
  const over = characterCount(account) - ACCOUNT_MAX;
  if (over > 0) return { kind: "length", over };
  if (sharedWith.includes(account)) return { kind: "taken" };
  return null;
}

export type DayProblem = "missing" | "past";

/** A share's last day must come after today (UTC). */
export function dayProblem(day: string, today: string = todayUtc()): DayProblem | null {
  if (day === "") return "missing";
  return day <= today ? "past" : null;
}
