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
