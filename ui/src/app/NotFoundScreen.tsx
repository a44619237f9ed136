import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";

export function NotFoundScreen() {
  const { t } = useTranslation();
  return (
    <section className="screen" data-testid="screen-not-found" aria-labelledby="not-found-title">
      <header className="screen-header">
        <h1 id="not-found-title">{t("notFound.title")}</h1>
        <p className="screen-description">{t("notFound.description")}</p>
      </header>
      <Link to="/settings" className="button">
        {t("notFound.goToSettings")}
      </Link>
    </section>
  );
}
