import { useSyncExternalStore } from "react";

import type { ThemePreference } from "../ipc";

export type Theme = "light" | "dark";

const DARK_QUERY = "(prefers-color-scheme: dark)";

export function resolveTheme(preference: ThemePreference, systemTheme: Theme): Theme {
  return preference === "system" ? systemTheme : preference;
}

function darkQuery(): MediaQueryList | null {
  return typeof window.matchMedia === "function" ? window.matchMedia(DARK_QUERY) : null;
}

function subscribe(onChange: () => void): () => void {
  const query = darkQuery();
  if (query === null) return () => undefined;
  query.addEventListener("change", onChange);
  return () => {
    query.removeEventListener("change", onChange);
  };
}

function currentTheme(): Theme {
  return darkQuery()?.matches === true ? "dark" : "light";
}

/** The OS colour scheme, updated live when the user flips it in the OS. */
export function useSystemTheme(): Theme {
  return useSyncExternalStore(subscribe, currentTheme, () => "light");
}

/** Applies a theme to the document; the stylesheets key every colour off `data-theme`. */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset["theme"] = theme;
}

function subscribeApplied(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  return () => {
    observer.disconnect();
  };
}

/** The theme the document shows now, for code that paints with token colours itself (charts). */
export function useAppliedTheme(): Theme {
  return useSyncExternalStore(
    subscribeApplied,
    () => (document.documentElement.dataset["theme"] === "dark" ? "dark" : "light"),
    () => "light",
  );
}
