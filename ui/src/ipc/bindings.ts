// @ts-nocheck
// Placeholder with the shape of the tauri-specta output; `src-tauri` regenerates this file.

export const commands = {
  async appInfo(): Promise<AppInfo> {
    return await TAURI_INVOKE("app_info");
  },
  async getSettings(): Promise<Settings> {
    return await TAURI_INVOKE("get_settings");
  },
  async updateSettings(settings: Settings): Promise<Result<Settings, IpcError>> {
    try {
      return { status: "ok", data: await TAURI_INVOKE("update_settings", { settings }) };
    } catch (e) {
      if (e instanceof Error) throw e;
      else return { status: "error", error: e as any };
    }
  },
  async activeProfile(): Promise<ProfileSummary | null> {
    return await TAURI_INVOKE("active_profile");
  },
};

export type AppInfo = { name: string; version: string; tauriVersion: string; webview: string; os: string; arch: string };
export type Settings = { language: LanguagePreference; theme: ThemePreference };
export type LanguagePreference = "system" | "en" | "zh-CN";
export type ThemePreference = "system" | "light" | "dark";
export type ProfileSummary = { id: string; name: string; region: string };
export type IpcError = { code: ErrorCode; message: string; requestId: string | null; retryable: boolean };
export type ErrorCode = "invalidInput" | "notFound" | "io" | "internal";

import { invoke as TAURI_INVOKE } from "@tauri-apps/api/core";

export type Result<T, E> = { status: "ok"; data: T } | { status: "error"; error: E };
