import { screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";

import { mockImageRow } from "../../ipc/mock";
import { stubSystemLanguage, stubSystemTheme } from "../../test/renderApp";
import { renderBrowse, stubViewport } from "./testing";

beforeEach(() => {
  stubSystemLanguage("en-US");
  stubSystemTheme("light");
  stubViewport();
});

const OPTIONS = { images: [mockImageRow("team-a", "web"), mockImageRow("team-b", "tools/cli")] };

describe("command palette", () => {
  it("opens with Ctrl+K, asks the backend for images and jumps to one with the keyboard", async () => {
    const { backend, user, history } = renderBrowse("/settings", OPTIONS);
    const language = await screen.findByRole("radio", { name: "English" });
    language.focus();

    await user.keyboard("{Control>}k{/Control}");
    const input = await screen.findByTestId("palette-input");
    expect(screen.getByTestId("palette")).toBeInTheDocument();
    await user.type(input, "cli");

    await waitFor(() => {
      expect(backend.browse.calls.queryImages.at(-1)).toMatchObject({ query: { text: "cli" }, offset: 0, limit: 20 });
    });
    // The mock answers every text with all images: which match is the backend's business.
    await waitFor(() => {
      expect(screen.getAllByTestId("palette-item").map((i) => i.dataset["target"])).toEqual(["team-a/web", "team-b/tools/cli"]);
    });
    await user.keyboard("{ArrowDown}{Enter}");

    expect(await screen.findByTestId("image-page")).toHaveAttribute("data-image", "team-b/tools/cli");
    expect(history.location.pathname).toBe("/images/team-b/tools%2Fcli/overview");
    expect(screen.queryByTestId("palette")).not.toBeInTheDocument();
  });

  it("lists the screens, closes on Escape and gives focus back", async () => {
    const { user } = renderBrowse("/settings", OPTIONS);
    const language = await screen.findByRole("radio", { name: "English" });
    language.focus();

    await user.keyboard("{Control>}k{/Control}");
    await user.type(await screen.findByTestId("palette-input"), "organ");
    const items = screen.getAllByTestId("palette-item").filter((i) => i.dataset["kind"] === "screen");
    expect(items.map((i) => i.textContent)).toEqual(["ScreenOrganizations"]);

    await user.keyboard("{Escape}");
    await waitFor(() => {
      expect(screen.queryByTestId("palette")).not.toBeInTheDocument();
    });
    expect(language).toHaveFocus();
  });
});
