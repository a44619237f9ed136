import { Link, useParams } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { ArrowLeftIcon } from "../../components/icons";
import { NoProfile } from "../browse/NoProfile";
import { useActiveProfile } from "../profiles/queries";
import { ScopeUsers } from "./ScopeUsers";
import "./permissions.css";

/** The users of one organization and their levels. */
export function OrganizationUsersScreen() {
  const { t } = useTranslation();
  const { org } = useParams({ from: "/organizations/$org/users" });
  const profile = useActiveProfile();
  return (
    <section className="screen" data-testid="organization-users-screen" data-organization={org} aria-labelledby="org-users-title">
      <Link to="/organizations" className="back-link">
        <ArrowLeftIcon />
        {t("permissions.backToOrganizations")}
      </Link>
      <header className="screen-header">
        <h1 id="org-users-title">{t("permissions.usersOf", { organization: org })}</h1>
        <p className="screen-description">{t("permissions.usersDescription")}</p>
      </header>
      {profile.isSuccess && profile.data === null && <NoProfile />}
      {profile.error && <ErrorNotice title={t("permissions.loadFailed")} error={profile.error} />}
      {profile.data && <ScopeUsers profileId={profile.data.id} scope={{ organization: org, image: null }} />}
    </section>
  );
}
