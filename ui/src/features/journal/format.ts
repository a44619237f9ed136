// How journal values and times read on screen. Values are recorded as JSON where the change had
// structure (`{"isPublic":false}`) and as plain text otherwise; anything that does not parse is
// shown as it was recorded.

import { dateFormat } from "../../i18n/formatters";

/** A recorded value as a person reads it: `{"isPublic":false}` → `isPublic: false`. */
export function describeValue(raw: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return raw;
  }
  if (Array.isArray(parsed)) return parsed.map(scalar).join(", ");
  if (typeof parsed === "object" && parsed !== null) {
    return Object.entries(parsed).map(([key, value]) => `${key}: ${scalar(value)}`).join(", ");
  }
  return scalar(parsed);
}

function scalar(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === undefined) return "";
  return JSON.stringify(value);
}

/** `text` cut to at most `max` characters, ending in an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/** The entry's time in the interface language and the local time zone. */
export function formatTime(time: string, language: string): string {
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return time;
  return dateFormat(language, { dateStyle: "medium", timeStyle: "medium" }).format(date);
}

/** The entry's time as an ISO 8601 UTC instant. */
export function utcTime(time: string): string {
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? time : date.toISOString();
}
