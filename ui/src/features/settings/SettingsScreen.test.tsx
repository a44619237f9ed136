import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";

import { renderApp, stubSystemLanguage, stubSystemTheme } from "../../test/renderApp";

/** A radio button inside the settings group labelled `group` (both groups have a "System"). */
async function option(group: string, name: string) {
  return within(await screen.findByRole("group", { name: group })).getByRole("radio", { name });
}

describe("settings: language", () => {
  beforeEach(() => {
    stubSystemTheme("light");
  });

  it("switches the visible text to Chinese and back, saving each choice", async () => {
    stubSystemLanguage("en-US");
    const { backend, user } = renderApp();
    const save = vi.spyOn(backend, "updateSettings");

    await user.click(await screen.findByRole("radio", { name: "简体中文" }));

    expect(await screen.findByRole("heading", { level: 1, name: "设置" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "设置" })).toBeInTheDocument();
    expect(screen.getByText("未选择连接配置")).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("zh-CN");
    expect(save).toHaveBeenLastCalledWith({ language: "zh-CN", theme: "system", density: "comfortable" });

    await user.click(screen.getByRole("radio", { name: "English" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Settings" })).toBeInTheDocument();
    expect(screen.getByText("No profile")).toBeInTheDocument();
    expect(save).toHaveBeenLastCalledWith({ language: "en", theme: "system", density: "comfortable" });
    expect(backend.storedSettings.language).toBe("en");
  });

  it("follows the OS language when the preference is system", async () => {
    stubSystemLanguage("zh-TW");
    renderApp({ settings: { language: "system", theme: "system", density: "comfortable" } });

    expect(await screen.findByRole("heading", { level: 1, name: "设置" })).toBeInTheDocument();
    expect(await option("语言", "跟随系统")).toBeChecked();
    expect(screen.getByText("当前跟随系统：简体中文")).toBeInTheDocument();
  });

  it("uses English for an OS language the app does not ship", async () => {
    stubSystemLanguage("de-DE");
    renderApp({ settings: { language: "system", theme: "system", density: "comfortable" } });

    expect(await screen.findByRole("heading", { level: 1, name: "Settings" })).toBeInTheDocument();
  });

  it("keeps the saved language over the OS language", async () => {
    stubSystemLanguage("zh-CN");
    renderApp({ settings: { language: "en", theme: "system", density: "comfortable" } });

    expect(await screen.findByRole("heading", { level: 1, name: "Settings" })).toBeInTheDocument();
    expect(screen.getByRole("radio", { name: "English" })).toBeChecked();
  });

  it("reverts and explains when the backend refuses the change", async () => {
    stubSystemLanguage("en-US");
    const { user } = renderApp({
      updateSettingsError: {
        code: "io",
        message: "settings file is read-only",
        requestId: null,
        retryable: false,
        violation: null, advice: null,
      },
    });

    await user.click(await screen.findByRole("radio", { name: "简体中文" }));

    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("Your change could not be saved.")).toBeInTheDocument();
    expect(within(alert).getByText("Details: settings file is read-only")).toBeInTheDocument();
    expect(await option("Language", "System")).toBeChecked();
    expect(screen.getByRole("heading", { level: 1, name: "Settings" })).toBeInTheDocument();
  });
});

describe("settings: theme", () => {
  beforeEach(() => {
    stubSystemLanguage("en-US");
  });

  it("follows the OS colour scheme by default", async () => {
    stubSystemTheme("dark");
    renderApp();

    expect(await screen.findByText("Following the system: Dark")).toBeInTheDocument();
    expect(document.documentElement.dataset["theme"]).toBe("dark");
  });

  it("applies a manual override and saves it", async () => {
    stubSystemTheme("dark");
    const { backend, user } = renderApp();
    const save = vi.spyOn(backend, "updateSettings");

    await user.click(await screen.findByRole("radio", { name: "Light" }));

    expect(document.documentElement.dataset["theme"]).toBe("light");
    expect(save).toHaveBeenLastCalledWith({ language: "system", theme: "light", density: "comfortable" });

    await user.click(screen.getByRole("radio", { name: "Dark" }));
    expect(document.documentElement.dataset["theme"]).toBe("dark");

    await user.click(await option("Theme", "System"));
    expect(document.documentElement.dataset["theme"]).toBe("dark");
    expect(backend.storedSettings.theme).toBe("system");
  });

  it("starts with the saved theme", async () => {
    stubSystemTheme("light");
    renderApp({ settings: { language: "system", theme: "dark", density: "comfortable" } });

    expect(await screen.findByRole("radio", { name: "Dark" })).toBeChecked();
    expect(document.documentElement.dataset["theme"]).toBe("dark");
  });
});

describe("settings: density", () => {
  it("saves a compact density and marks the document, which the stylesheets and lists follow", async () => {
    stubSystemLanguage("en-US");
    stubSystemTheme("light");
    const { backend, user } = renderApp();
    expect(await option("Density", "Comfortable")).toBeChecked();
    expect(document.documentElement.dataset["density"]).toBe("comfortable");

    await user.click(await option("Density", "Compact"));

    await waitFor(() => {
      expect(document.documentElement.dataset["density"]).toBe("compact");
    });
    expect(backend.storedSettings.density).toBe("compact");
  });
});
