import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";

import { renderApp, stubSystemLanguage } from "../../test/renderApp";
import { stubViewport } from "../browse/testing";

describe("about dialog", () => {
  beforeEach(() => {
    stubSystemLanguage("en-US");
    stubViewport(280);
  });

  it("shows the app name, version, runtime and bundled licenses", async () => {
    const { user } = renderApp({
      appInfo: { version: "1.2.3", tauriVersion: "2.9.1", webview: "WebKitGTK 2.48" },
    });

    await user.click(await screen.findByRole("button", { name: "About" }));

    const dialog = screen.getByRole("dialog", { name: "About SWR Console" });
    expect(within(dialog).getByText("SWR Console")).toBeInTheDocument();
    expect(await within(dialog).findByTestId("about-version")).toHaveTextContent("1.2.3");
    expect(within(dialog).getByTestId("about-tauri")).toHaveTextContent("2.9.1");
    expect(within(dialog).getByTestId("about-webview")).toHaveTextContent("WebKitGTK 2.48");

    // Hundreds of components, in name order; the filter finds one by name.
    const table = await within(dialog).findByTestId("about-licenses-table");
    expect(within(table).getAllByTestId("about-license-row").length).toBeGreaterThan(0);
    await user.type(within(dialog).getByRole("searchbox", { name: "Filter components" }), "uplot");
    expect(await within(table).findByRole("row", { name: /^uplot 1\.\S+ MIT npm$/ })).toBeInTheDocument();
  });

  it("filters the license list and closes", async () => {
    const { user } = renderApp();

    await user.click(await screen.findByRole("button", { name: "About" }));
    const dialog = screen.getByRole("dialog", { name: "About SWR Console" });
    await within(dialog).findByTestId("about-licenses-table");

    await user.type(within(dialog).getByRole("searchbox", { name: "Filter components" }), "no-such-component");
    expect(await within(dialog).findByText("No component matches “no-such-component”.")).toBeInTheDocument();
    expect(within(dialog).queryAllByTestId("about-license-row")).toHaveLength(0);

    await user.click(within(dialog).getByTestId("about-close"));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });
});
