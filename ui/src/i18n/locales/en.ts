// English copy. The source of truth for the set of keys: every other language must have exactly
// these keys (see `Messages`), and `t()` only accepts keys that exist here.

import browseEn from "./browse.en";
import profilesEn from "./profiles.en";
import uploadsEn from "./uploads.en";
import dashboardEn from "./dashboard.en";
import attributesEn from "./attributes.en";
import journalEn from "./journal.en";
import permissionsEn from "./permissions.en";
import retentionEn from "./retention.en";
import sharingEn from "./sharing.en";
import syncEn from "./sync.en";
import triggersEn from "./triggers.en";

const en = {
  app: {
    name: "SWR Console",
    skipToContent: "Skip to content",
    loading: "Loading…",
  },
  toasts: {
    label: "Notifications",
    close: "Dismiss",
  },
  table: {
    selectAll: "Select every row",
    resize: "Drag to resize the column; double-click for its first width",
  },
  startup: {
    unreadable: {
      profiles: "The saved profiles could not be read",
      uploads: "The upload queue could not be read",
    },
    kept: {
      profiles_one: "{{count}} profile was kept; {{lost}} could not be read and must be added again.",
      profiles_other: "{{count}} profiles were kept; {{lost}} could not be read and must be added again.",
      uploads_one: "{{count}} upload was kept; {{lost}} could not be read: add those files again.",
      uploads_other: "{{count}} uploads were kept; {{lost}} could not be read: add those files again.",
    },
    movedTo: "The unreadable file was moved to {{path}}.",
    notMoved: "The unreadable file could not be moved and stays at {{path}}; nothing is saved over it.",
    dismiss: "Dismiss",
  },
  quit: {
    title: "An upload is being pushed",
    body: "Quitting now stops it. It picks up where it stopped, without sending the layers SWR already has, the next time SWR Console starts.",
    stay: "Keep pushing",
    confirm: "Quit anyway",
  },
  nav: {
    dashboard: "Dashboard",
    uploads: "Uploads",
    images: "Images",
    organizations: "Organizations",
    permissions: "Permissions",
    journal: "Journal",
    profiles: "Profiles",
    label: "Main navigation",
    settings: "Settings",
    about: "About",
  },
  header: {
    label: "Active profile",
    profile: "Profile",
    region: "Region",
    noProfile: "No profile",
    profileUnavailable: "Profile unavailable",
    sessionOnly: "This run only",
    sessionOnlyTitle: "Credentials from the environment (SWR_AK, SWR_SK): used until the app closes, never saved",
  },
  settings: {
    title: "Settings",
    description: "Preferences for SWR Console on this computer.",
    appearance: "Appearance",
    language: {
      label: "Language",
      system: "System",
      en: "English",
      "zh-CN": "简体中文",
      followingSystem: "Following the system: {{language}}",
    },
    theme: {
      label: "Theme",
      system: "System",
      light: "Light",
      dark: "Dark",
      followingSystem: "Following the system: {{theme}}",
    },
    density: {
      label: "Density",
      comfortable: "Comfortable",
      compact: "Compact",
      hint: "Compact rows fit more of a long list of tags or images on screen.",
    },
    saveFailed: "Your change could not be saved.",
    loadFailed: "Saved settings could not be read; defaults are shown.",
  },
  about: {
    title: "About SWR Console",
    description: "A desktop console for Huawei Cloud SoftWare Repository for Container (SWR).",
    version: "Version",
    tauri: "Tauri",
    webview: "Webview",
    platform: "Platform",
    platformValue: "{{os}} · {{arch}}",
    close: "Close",
    loadFailed: "Application details could not be read.",
    licenses: {
      title: "Third-party licenses",
      summary: "SWR Console is built on {{count}} open-source components.",
      filter: "Filter components",
      component: "Component",
      version: "Version",
      license: "License",
      source: "Source",
      npm: "npm",
      cargo: "Rust crate",
      noMatch: "No component matches “{{query}}”.",
      loadFailed: "The license list could not be loaded.",
    },
  },
  errors: {
    code: {
      keyringUnavailable: "There is no system keyring to keep the secret key in.",
      secretKeyMissing: "The secret key of this profile is not stored.",
      invalidInput: "The backend rejected the request as invalid.",
      notFound: "The requested item was not found.",
      io: "A file or network operation failed.",
      internal: "An unexpected error occurred.",
      service: "SWR or the network refused the request.",
    },
    details: "Details: {{message}}",
    requestId: "Request ID: {{requestId}}",
    retry: "Try again",
  },
  screenError: {
    title: "This screen stopped working",
    description: "Something went wrong while showing this screen.",
    retry: "Try again",
  },
  notFound: {
    title: "Page not found",
    description: "This page does not exist in SWR Console.",
    goToSettings: "Go to Settings",
  },
  ...uploadsEn,
  ...profilesEn,
  ...browseEn,
  ...dashboardEn,
  ...attributesEn,
  ...journalEn,
  ...permissionsEn,
  ...sharingEn,
  ...retentionEn,
  ...triggersEn,
  ...syncEn,
};

export type Messages = typeof en;
export default en;
