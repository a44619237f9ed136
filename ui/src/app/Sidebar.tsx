import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";

import {
  AppMark,
  DashboardIcon,
  ImagesIcon,
  InfoIcon,
  JournalIcon,
  KeyIcon,
  OrganizationIcon,
  ProfileIcon,
  SettingsIcon,
  UploadIcon,
} from "../components/icons";

export function Sidebar({ onOpenAbout }: { onOpenAbout: () => void }) {
  const { t } = useTranslation();
  return (
    <aside className="sidebar" data-testid="sidebar">
      <div className="sidebar-brand">
        <AppMark />
        <span className="sidebar-brand-name">{t("app.name")}</span>
      </div>
      <nav className="sidebar-nav" aria-label={t("nav.label")}>
        <ul>
          <li>
            <Link to="/dashboard" className="nav-item" data-testid="nav-dashboard">
              <DashboardIcon />
              <span>{t("nav.dashboard")}</span>
            </Link>
          </li>
          <li>
            <Link to="/uploads" className="nav-item" data-testid="nav-uploads">
              <UploadIcon />
              <span>{t("nav.uploads")}</span>
            </Link>
          </li>
          <li>
            <Link to="/images" search={{}} className="nav-item" data-testid="nav-images">
              <ImagesIcon />
              <span>{t("nav.images")}</span>
            </Link>
          </li>
          <li>
            <Link to="/organizations" className="nav-item" data-testid="nav-organizations">
              <OrganizationIcon />
              <span>{t("nav.organizations")}</span>
            </Link>
          </li>
          <li>
            <Link to="/permissions" search={{}} className="nav-item" data-testid="nav-permissions">
              <KeyIcon />
              <span>{t("nav.permissions")}</span>
            </Link>
          </li>
          <li>
            <Link to="/journal" className="nav-item" data-testid="nav-journal">
              <JournalIcon />
              <span>{t("nav.journal")}</span>
            </Link>
          </li>
          <li>
            <Link to="/profiles" className="nav-item" data-testid="nav-profiles">
              <ProfileIcon />
              <span>{t("nav.profiles")}</span>
            </Link>
          </li>
          <li>
            <Link to="/settings" className="nav-item" data-testid="nav-settings">
              <SettingsIcon />
              <span>{t("nav.settings")}</span>
            </Link>
          </li>
        </ul>
      </nav>
      <div className="sidebar-footer">
        <button
          type="button"
          className="nav-item"
          aria-haspopup="dialog"
          data-testid="nav-about"
          onClick={onOpenAbout}
        >
          <InfoIcon />
          <span>{t("nav.about")}</span>
        </button>
      </div>
    </aside>
  );
}
