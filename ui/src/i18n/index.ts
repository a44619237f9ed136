import i18next, { type i18n } from "i18next";

import en from "./locales/en";
import zhCN from "./locales/zh-CN";
import { APP_LANGUAGES, type AppLanguage } from "./language";

export const resources = {
  en: { translation: en },
  "zh-CN": { translation: zhCN },
} as const;

/**
 * Creates the i18next instance for one app tree. All copy is bundled, so initialisation is
 * synchronous and the first render already has its strings.
 */
export function createI18n(language: AppLanguage): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng: language,
    fallbackLng: "en",
    supportedLngs: APP_LANGUAGES,
    defaultNS: "translation",
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}

export type { AppLanguage } from "./language";
