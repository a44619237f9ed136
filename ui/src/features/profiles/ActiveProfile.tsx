import { useTranslation } from "react-i18next";

import { Select } from "../../components/Select";
import { ProfileIcon, RegionIcon } from "../../components/icons";
import { useIpc } from "../../ipc";
import { useActiveProfile, useProfileMutation, useProfiles } from "./queries";

/** Switches the active profile from the header when there is more than one. */
function ProfilePicker({ activeId }: { activeId: string }) {
  const { t } = useTranslation();
  const client = useIpc();
  const profiles = useProfiles();
  const use = useProfileMutation((id: string) => client.setActiveProfile(id));
  const list = profiles.data?.profiles ?? [];
  if (list.length < 2) return null;
  return (
    <Select
      className="profile-picker"
      aria-label={t("profiles.picker")}
      testId="header-profile-picker"
      value={activeId}
      disabled={use.isPending}
      onChange={(id) => {
        use.mutate(id);
      }}
      choices={list.map(({ profile }) => ({ value: profile.id, label: profile.name }))}
    />
  );
}

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
      {profile.sessionOnly && (
        <span className="badge badge-warning" data-testid="header-session-only" title={t("header.sessionOnlyTitle")}>
          {t("header.sessionOnly")}
        </span>
      )}
      <ProfilePicker activeId={profile.id} />
      <span className="profile-separator" aria-hidden="true" />
      <RegionIcon />
      <span className="profile-label">{t("header.region")}</span>
      <span className="profile-region" data-testid="header-region">
        {profile.region}
      </span>
    </div>
  );
}
