// An in-memory backend with the same contract as the Tauri commands. Used by the component tests
// and when the UI is opened in a plain browser (`npm run dev` without Tauri).

import type { AppInfo, IpcClient, IpcError, ProfileSummary, Settings } from "./index";
import { CommandError } from "./index";

export interface MockBackendOptions {
  settings?: Settings;
  profile?: ProfileSummary | null;
  appInfo?: Partial<AppInfo>;
  /** When set, `updateSettings` rejects with this error and keeps the stored settings. */
  updateSettingsError?: IpcError;
}

export interface MockBackend extends IpcClient {
  /** The settings the backend currently holds. */
  readonly storedSettings: Settings;
}

export const MOCK_APP_INFO: AppInfo = {
  name: "SWR Console",
  version: "0.1.0",
  tauriVersion: "2.0.0",
  webview: "mock",
  os: "linux",
  arch: "x86_64",
};

export function createMockBackend(options: MockBackendOptions = {}): MockBackend {
  let settings: Settings = options.settings ?? { language: "system", theme: "system" };
  const profile = options.profile ?? null;
  const appInfo: AppInfo = { ...MOCK_APP_INFO, ...options.appInfo };

  return {
    get storedSettings() {
      return settings;
    },
    appInfo: () => Promise.resolve({ ...appInfo }),
    getSettings: () => Promise.resolve({ ...settings }),
    updateSettings: (next) => {
      if (options.updateSettingsError) {
        return Promise.reject(new CommandError(options.updateSettingsError));
      }
      settings = { ...next };
      return Promise.resolve({ ...settings });
    },
    activeProfile: () => Promise.resolve(profile === null ? null : { ...profile }),
  };
}
