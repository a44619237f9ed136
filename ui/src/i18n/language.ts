import { useSyncExternalStore } from "react";

import type { LanguagePreference } from "../ipc";

export const APP_LANGUAGES = ["en", "zh-CN"] as const;
export type AppLanguage = (typeof APP_LANGUAGES)[number];

/** Maps an OS/browser language tag to the closest language the app ships. */
export function languageFromTag(tag: string): AppLanguage {
  return tag.toLowerCase().startsWith("zh") ? "zh-CN" : "en";
}

export function resolveLanguage(preference: LanguagePreference, systemTag: string): AppLanguage {
  return preference === "system" ? languageFromTag(systemTag) : preference;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener("languagechange", onChange);
  return () => {
    window.removeEventListener("languagechange", onChange);
  };
}

function currentTag(): string {
  return navigator.language;
}

/** The OS language tag, updated when the system language changes while the app runs. */
export function useSystemLanguageTag(): string {
  return useSyncExternalStore(subscribe, currentTag, () => "en");
}
