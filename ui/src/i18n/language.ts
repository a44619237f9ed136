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

/**
 * Under `LANG=C` WebKitGTK reports the POSIX locale itself, `C`, as `navigator.language`. That is
 * no BCP 47 tag: `Intl` throws on it, and so does every library that formats numbers or dates
 * with the browser's language (uPlot does at import). Such a tag is replaced once, at start,
 * by `en-US`, the language the app falls back to anyway.
 */
export function repairNavigatorLanguage(): void {
  try {
    Intl.getCanonicalLocales(navigator.language);
  } catch {
    Object.defineProperty(navigator, "language", { value: "en-US", configurable: true });
  }
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
