import type { ErrorComponentProps } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../components/ErrorNotice";
import { toCommandError } from "../ipc";

/** Shown in place of a screen that threw while rendering or loading; the shell stays usable. */
export function ScreenError({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  return (
    <section className="screen" data-testid="screen-error" aria-labelledby="screen-error-title">
      <header className="screen-header">
        <h1 id="screen-error-title">{t("screenError.title")}</h1>
      </header>
      <ErrorNotice title={t("screenError.description")} error={toCommandError(error)} />
      <button type="button" className="button" onClick={reset}>
        {t("screenError.retry")}
      </button>
    </section>
  );
}
