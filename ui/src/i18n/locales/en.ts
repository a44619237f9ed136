// English copy. The source of truth for the set of keys: every other language must have exactly
// these keys (see `Messages`), and `t()` only accepts keys that exist here.

const en = {
  app: {
    name: "SWR Console",
    skipToContent: "Skip to content",
    loading: "Loading…",
  },
  nav: {
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
      invalidInput: "The backend rejected the request as invalid.",
      notFound: "The requested item was not found.",
      io: "A file or network operation failed.",
      internal: "An unexpected error occurred.",
    },
    details: "Details: {{message}}",
    requestId: "Request ID: {{requestId}}",
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
};

export type Messages = typeof en;
export default en;
