import { useTranslation } from "react-i18next";

import { ChoiceGroup, type Choice } from "../../components/ChoiceGroup";
import { ErrorNotice } from "../../components/ErrorNotice";
import type { Density, LanguagePreference, ThemePreference } from "../../ipc";
import { languageFromTag, useSystemLanguageTag } from "../../i18n/language";
import { useSystemTheme } from "../../theme/theme";
import { DEFAULT_SETTINGS, useSettings, useUpdateSettings } from "./queries";

export function SettingsScreen() {
  const { t } = useTranslation();
  const settingsQuery = useSettings();
  const update = useUpdateSettings();
  const settings = settingsQuery.data ?? DEFAULT_SETTINGS;
  const systemLanguage = languageFromTag(useSystemLanguageTag());
  const systemTheme = useSystemTheme();

  const languageChoices: Choice<LanguagePreference>[] = [
    { value: "system", label: t("settings.language.system") },
    { value: "en", label: t("settings.language.en") },
    { value: "zh-CN", label: t("settings.language.zh-CN") },
  ];
  const themeChoices: Choice<ThemePreference>[] = [
    { value: "system", label: t("settings.theme.system") },
    { value: "light", label: t("settings.theme.light") },
    { value: "dark", label: t("settings.theme.dark") },
  ];
  const densityChoices: Choice<Density>[] = [
    { value: "comfortable", label: t("settings.density.comfortable") },
    { value: "compact", label: t("settings.density.compact") },
  ];

  return (
    <section className="screen" data-testid="screen-settings" aria-labelledby="settings-title">
      <header className="screen-header">
        <h1 id="settings-title">{t("settings.title")}</h1>
        <p className="screen-description">{t("settings.description")}</p>
      </header>

      {settingsQuery.error && (
        <ErrorNotice title={t("settings.loadFailed")} error={settingsQuery.error} testId="settings-load-error" />
      )}
      {update.error && (
        <ErrorNotice title={t("settings.saveFailed")} error={update.error} testId="settings-save-error" />
      )}

      <div className="panel">
        <h2 className="panel-title">{t("settings.appearance")}</h2>
        <ChoiceGroup
          legend={t("settings.language.label")}
          testId="settings-language"
          value={settings.language}
          choices={languageChoices}
          hint={
            settings.language === "system"
              ? t("settings.language.followingSystem", { language: t(`settings.language.${systemLanguage}`) })
              : undefined
          }
          onChange={(language) => {
            update.mutate({ ...settings, language });
          }}
        />
        <ChoiceGroup
          legend={t("settings.theme.label")}
          testId="settings-theme"
          value={settings.theme}
          choices={themeChoices}
          hint={
            settings.theme === "system"
              ? t("settings.theme.followingSystem", { theme: t(`settings.theme.${systemTheme}`) })
              : undefined
          }
          onChange={(theme) => {
            update.mutate({ ...settings, theme });
          }}
        />
        <ChoiceGroup
          legend={t("settings.density.label")}
          testId="settings-density"
          value={settings.density}
          choices={densityChoices}
          hint={t("settings.density.hint")}
          onChange={(density) => {
            update.mutate({ ...settings, density });
          }}
        />
      </div>
    </section>
  );
}
