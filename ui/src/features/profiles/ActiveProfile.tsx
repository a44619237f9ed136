import { useTranslation } from "react-i18next";

import { ProfileIcon, RegionIcon } from "../../components/icons";
import { useActiveProfile } from "./queries";

/** The header's account block: which profile the console acts as, and in which region. */
export function ActiveProfile() {
  const { t } = useTranslation();
  const { data: profile, isPending, isError } = useActiveProfile();

  if (isPending) {
    return (
      <div className="profile" data-testid="header-profile" data-state="loading" aria-busy="true">
        <ProfileIcon />
        <span className="profile-muted">{t("app.loading")}</span>
      </div>
    );
  }

  if (isError || profile === null) {
    return (
      <div className="profile" data-testid="header-profile" data-state={isError ? "error" : "none"}>
        <ProfileIcon />
        <span className="profile-label">{t("header.profile")}</span>
        <span className="profile-muted" data-testid="header-profile-name">
          {isError ? t("header.profileUnavailable") : t("header.noProfile")}
        </span>
      </div>
    );
  }

  return (
    <div className="profile" data-testid="header-profile" data-state="active">
      <ProfileIcon />
      <span className="profile-label">{t("header.profile")}</span>
      <span className="profile-name" data-testid="header-profile-name">
        {profile.name}
      </span>
      <span className="profile-separator" aria-hidden="true" />
      <RegionIcon />
      <span className="profile-label">{t("header.region")}</span>
      <span className="profile-region" data-testid="header-region">
        {profile.region}
      </span>
    </div>
  );
}
