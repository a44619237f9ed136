import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";

import { renderApp, stubSystemLanguage } from "../test/renderApp";

describe("app shell", () => {
  beforeEach(() => {
    stubSystemLanguage("en-US");
  });

  it("shows the sidebar with only working sections and the header without a profile", async () => {
    renderApp();

    const nav = await screen.findByRole("navigation", { name: "Main navigation" });
    const links = within(nav).getAllByRole("link");
    expect(links.map((link) => link.textContent)).toEqual(["Uploads", "Images", "Organizations", "Profiles", "Settings"]);
    expect(within(nav).getByRole("link", { name: "Settings" })).toHaveAttribute("aria-current", "page");
    expect(screen.getByRole("button", { name: "About" })).toBeInTheDocument();

    const header = screen.getByTestId("header");
    expect(await within(header).findByText("No profile")).toBeInTheDocument();
    expect(within(header).queryByTestId("header-region")).not.toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 1, name: "Settings" })).toBeInTheDocument();
  });

  it("shows the active profile and its region when the backend has one", async () => {
    renderApp({ profile: { id: "p1", name: "production", region: "cn-north-4" } });

    const header = await screen.findByTestId("header");
    expect(await within(header).findByText("production")).toBeInTheDocument();
    expect(within(header).getByTestId("header-region")).toHaveTextContent("cn-north-4");
    expect(within(header).queryByText("No profile")).not.toBeInTheDocument();
  });

  it("lands on Uploads when opened at the root", async () => {
    renderApp({ path: "/" });

    expect(await screen.findByTestId("screen-uploads")).toBeInTheDocument();
  });
});
