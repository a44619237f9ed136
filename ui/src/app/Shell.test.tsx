import { createMemoryHistory } from "@tanstack/react-router";
import { render, screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";

import { createMockBackend, type MockBackend } from "../ipc/mock";
import { renderApp, stubSystemLanguage } from "../test/renderApp";
import { App } from "./App";

const PROFILE = { id: "p1", name: "production", region: "cn-north-4" };

/** Starts the app at `/` on a backend whose upload list `prepare` filled beforehand. */
async function openAtRoot(prepare: (backend: MockBackend) => Promise<void>) {
  const backend = createMockBackend({ profile: PROFILE });
  await prepare(backend);
  const history = createMemoryHistory({ initialEntries: ["/"] });
  render(<App client={backend} history={history} />);
  return { backend, history };
}

/** Adds `name`, aims it at team-a and queues it. */
async function queue(backend: MockBackend, name: string): Promise<number> {
  const [id = 0] = backend.uploads.addFiles([{ name }]);
  await backend.setUploadTarget(id, { profileId: "p1", organization: "team-a", images: [], compress: true });
  await backend.queueUploads([id]);
  return id;
}

describe("app shell", () => {
  beforeEach(() => {
    stubSystemLanguage("en-US");
  });

  it("shows the sidebar with only working sections and the header without a profile", async () => {
    renderApp();

    const nav = await screen.findByRole("navigation", { name: "Main navigation" });
    const links = within(nav).getAllByRole("link");
    expect(links.map((link) => link.textContent)).toEqual(["Dashboard", "Uploads", "Images", "Organizations", "Permissions", "Journal", "Profiles", "Settings"]);
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

  it("lands on the Dashboard when opened at the root with nothing to upload", async () => {
    const { history } = renderApp({ path: "/", profile: PROFILE });

    expect(await screen.findByTestId("screen-dashboard")).toBeInTheDocument();
    expect(history.location.pathname).toBe("/dashboard");
  });

  it("opens on the credential wizard on a first start, with no profile yet", async () => {
    const { history } = renderApp({ path: "/" });

    const wizard = await screen.findByTestId("screen-profiles");
    expect(history.location.pathname).toBe("/profiles");
    expect(await within(wizard).findByTestId("wizard")).toHaveAttribute("data-step", "region");
  });

  it("lands on Uploads while an item waits in the queue", async () => {
    const { history } = await openAtRoot(async (backend) => {
      await queue(backend, "web.tar");
    });

    expect(await screen.findByTestId("screen-uploads")).toBeInTheDocument();
    expect(history.location.pathname).toBe("/uploads");
  });

  it("lands on Uploads while a failed item waits for a retry", async () => {
    await openAtRoot(async (backend) => {
      const id = await queue(backend, "web.tar");
      backend.uploads.begin(id);
      backend.uploads.fail(id, "network", "connection reset");
    });

    expect(await screen.findByTestId("screen-uploads")).toBeInTheDocument();
  });

  it("lands on the Dashboard when every item is pushed or cancelled", async () => {
    const { history } = await openAtRoot(async (backend) => {
      const pushed = await queue(backend, "web.tar");
      backend.uploads.begin(pushed);
      backend.uploads.finish(pushed);
      await backend.cancelUpload(await queue(backend, "api.tar"));
    });

    expect(await screen.findByTestId("screen-dashboard")).toBeInTheDocument();
    expect(history.location.pathname).toBe("/dashboard");
  });

  it("says which configuration file could not be read, what was kept and where the original went", async () => {
    const { user } = renderApp({
      profile: PROFILE,
      startupNotices: [
        {
          file: "uploads",
          path: "/home/u/.config/swr-console/uploads.json",
          movedTo: "/home/u/.config/swr-console/uploads.json.unreadable-1764800000",
          reason: "not valid: EOF while parsing a list at line 1 column 11",
          kept: 2,
          lost: 1,
        },
      ],
    });

    const notice = await screen.findByTestId("startup-notice");
    expect(notice).toHaveTextContent("The upload queue could not be read");
    expect(notice).toHaveTextContent("2 uploads were kept; 1 could not be read");
    expect(notice).toHaveTextContent("uploads.json.unreadable-1764800000");
    await user.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByTestId("startup-notices")).not.toBeInTheDocument();
  });

  it("asks before the window closes mid-push, and quits only when told to", async () => {
    const { backend, user } = renderApp({ profile: PROFILE });
    await screen.findByTestId("header");

    backend.closeWhilePushing(7);
    const dialog = await screen.findByTestId("quit-dialog");
    expect(dialog).toHaveTextContent("An upload is being pushed");
    await user.click(within(dialog).getByTestId("quit-stay"));
    expect(screen.queryByTestId("quit-dialog")).not.toBeInTheDocument();
    expect(backend.quitRequested).toBe(false);

    backend.closeWhilePushing(7);
    await user.click(within(await screen.findByTestId("quit-dialog")).getByRole("button", { name: "Quit anyway" }));
    expect(backend.quitRequested).toBe(true);
  });

  it("marks a profile from the environment as one for this run only", async () => {
    renderApp({ profile: { ...PROFILE, name: "Environment", sessionOnly: true } });

    const badge = await screen.findByTestId("header-session-only");
    expect(badge).toHaveTextContent("This run only");
    expect(badge).toHaveAttribute("title", expect.stringContaining("never saved"));
  });
});
