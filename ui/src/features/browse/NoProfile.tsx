import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";

import { InfoIcon } from "../../components/icons";

/** What a screen that needs a profile shows without one: the same advice as Uploads. */
export function NoProfile() {
  const { t } = useTranslation();
  return (
    <div className="notice notice-info" role="status" data-testid="browse-no-profile">
      <InfoIcon />
      <div className="notice-body">
        <p className="notice-title">{t("images.noProfileTitle")}</p>
        <p>{t("uploads.target.noProfiles")}</p>
        <Link to="/profiles" className="button button-small notice-action">
          {t("images.goToProfiles")}
        </Link>
      </div>
    </div>
  );
}
