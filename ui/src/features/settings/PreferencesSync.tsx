import { useLayoutEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { resolveLanguage, useSystemLanguageTag } from "../../i18n/language";
import { applyTheme, resolveTheme, useSystemTheme } from "../../theme/theme";
import { DEFAULT_SETTINGS, useSettings } from "./queries";

/**
 * Keeps the document's language, theme and density in step with the saved preferences and the OS. The app
 * is rendered only once the saved settings are known, so it never flashes the wrong language.
 */
export function PreferencesSync({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const settingsQuery = useSettings();
  const settings = settingsQuery.data ?? DEFAULT_SETTINGS;
  const language = resolveLanguage(settings.language, useSystemLanguageTag());
  const theme = resolveTheme(settings.theme, useSystemTheme());

  useLayoutEffect(() => {
    document.documentElement.lang = language;
    if (i18n.language !== language) void i18n.changeLanguage(language);
  }, [i18n, language]);

  useLayoutEffect(() => {
    applyTheme(theme);
  }, [theme]);

  // The stylesheets key row heights and cell padding off `data-density`.
  useLayoutEffect(() => {
    document.documentElement.dataset["density"] = settings.density;
  }, [settings.density]);

  if (settingsQuery.isPending) return null;
  return children;
}
