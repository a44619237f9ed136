// The Tauri-backed client against a mocked IPC layer: commands reach the backend by their Rust
// names and every failure surfaces as a `CommandError`.

import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";

import { commands } from "./bindings";
import { CommandError, tauriClient, type IpcError, type Settings } from "./index";

const refused: IpcError = {
  code: "invalidInput",
  message: "unknown theme",
  requestId: "req-42",
  retryable: false,
  violation: null, advice: null,
};

afterEach(() => {
  clearMocks();
});

describe("tauriClient", () => {
  it("sends the new settings and returns what the backend saved", async () => {
    const received: unknown[] = [];
    mockIPC((command, payload) => {
      received.push([command, payload]);
      return command === "update_settings" ? { language: "zh-CN", theme: "dark", density: "compact" } : null;
    });

    const next: Settings = { language: "zh-CN", theme: "dark", density: "compact" };
    await expect(tauriClient.updateSettings(next)).resolves.toEqual(next);
    expect(received).toEqual([["update_settings", { settings: next }]]);
  });

  it("turns an error result into a CommandError carrying the backend's details", async () => {
    mockIPC(() => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- Tauri rejects with the serialized error value
      throw refused;
    });

    const failure = await tauriClient
      .updateSettings({ language: "en", theme: "light", density: "comfortable" })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CommandError);
    expect((failure as CommandError).error).toEqual(refused);
  });

  it("reports a rejection of a command without an error type as an internal error", async () => {
    mockIPC(() => {
      throw new Error("command app_info not found");
    });

    const failure = await tauriClient.appInfo().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CommandError);
    expect((failure as CommandError).code).toBe("internal");
    expect((failure as CommandError).message).toBe("command app_info not found");
  });

  it("sends the browsing commands by their Rust names with camel-case arguments", async () => {
    const received: unknown[] = [];
    mockIPC((command, payload) => {
      received.push([command, payload]);
      return command === "query_tags"
        ? { total: 0, matching: 0, offset: 0, rows: [], filterProblem: null }
        : { deleted: ["v1"], failed: [] };
    });

    const query = { filter: ">=1.2 <2", sort: "version" as const, descending: true };
    await tauriClient.queryTags("p1", "team-a", "tools/cli", query, 200, 200);
    await expect(tauriClient.deleteTags("p1", "team-a", "web", ["v1"])).resolves.toEqual({ deleted: ["v1"], failed: [] });
    expect(received).toEqual([
      ["query_tags", { profileId: "p1", organization: "team-a", image: "tools/cli", query, offset: 200, limit: 200 }],
      ["delete_tags", { profileId: "p1", organization: "team-a", image: "web", tags: ["v1"] }],
    ]);
  });

  it("returns no profile when the backend has none", async () => {
    mockIPC((command) => (command === "active_profile" ? null : undefined));

    await expect(tauriClient.activeProfile()).resolves.toBeNull();
  });

  it("offers every generated command, and one that answers nothing resolves without a value", async () => {
    expect(Object.keys(commands).filter((name) => typeof (tauriClient as unknown as Record<string, unknown>)[name] !== "function")).toEqual([]);
    const received: unknown[] = [];
    mockIPC((command, payload) => {
      received.push([command, payload]);
      return null;
    });

    await expect(tauriClient.deleteProfile("p1")).resolves.toBeNull();
    expect(received).toEqual([["delete_profile", { id: "p1" }]]);
  });
});
