// Copy of the archive checks by their stable ids. The backend sends English text with each
// finding and hint; the UI shows its own title and advice for the ids it knows, keeps the
// backend's message as the detail (it names entries, offsets and digests) and falls back to the
// backend's text for ids added after this build.

import { useTranslation } from "react-i18next";

import en from "../../i18n/locales/en";

type Checks = typeof en.uploads.checks;
type Group = keyof Checks;

/** A rule or hint id with copy, e.g. `tar.truncated` or `hint.latest_tag`. */
export type CheckId = { [G in Group]: `${G}.${keyof Checks[G] & string}` }[Group];

const groups: Readonly<Record<string, object>> = en.uploads.checks;

export function isCheckId(id: string): id is CheckId {
  const dot = id.indexOf(".");
  if (dot <= 0) return false;
  const group = Object.hasOwn(groups, id.slice(0, dot)) ? groups[id.slice(0, dot)] : undefined;
  return group !== undefined && Object.hasOwn(group, id.slice(dot + 1));
}

/** Every id with copy, for the test that keeps them in step with the Rust crate. */
export function checkIds(): string[] {
  return Object.entries(groups).flatMap(([group, names]) => Object.keys(names).map((name) => `${group}.${name}`));
}

export interface CheckText {
  /** Localized title; null for an id without copy, which then shows the backend's message. */
  title: string | null;
  /** The backend's specific message. */
  message: string;
  advice: string;
}

/** Title and advice of a finding or hint in the current language. */
export function useCheckText(): (id: string, backend: { message: string; advice: string }) => CheckText {
  const { t } = useTranslation();
  return (id, { message, advice }) =>
    isCheckId(id)
      ? { title: t(`uploads.checks.${id}.title`), message, advice: t(`uploads.checks.${id}.advice`) }
      : { title: null, message, advice };
}
