import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";

import { CommandError } from "../../ipc";
import { mockImageRow, mockTagRow } from "../../ipc/mock";
import { choose } from "../../test/choose";
import { renderApp, stubSystemLanguage, stubSystemTheme } from "../../test/renderApp";
import { findImageRow, manyImages, renderBrowse, stubViewport } from "./testing";

beforeEach(() => {
  stubSystemLanguage("en-US");
  stubSystemTheme("light");
  stubViewport();
});

const IMAGES = [
  mockImageRow("team-a", "web", { isPublic: true, tagCount: 3, size: 52_000_000 }),
  mockImageRow("team-a", "api", { category: "database" }),
  mockImageRow("team-b", "tools/cli"),
];

describe("images list", () => {
  it("shows the rows the backend serves and the count", async () => {
    renderBrowse("/images", { images: IMAGES });

    const web = await findImageRow("team-a/web");
    expect(web).toHaveTextContent("Application server");
    expect(web).toHaveTextContent("Public");
    expect(web).toHaveTextContent("52 MB");
    expect(await findImageRow("team-a/api")).toHaveTextContent("Database");
    expect(await findImageRow("team-b/tools/cli")).toHaveTextContent("Private");
    expect(screen.getByTestId("images-count")).toHaveTextContent("3 of 3 images");
  });

  it("asks the backend for windows with the query the toolbar sets", async () => {
    const { backend, user } = renderBrowse("/images", { images: IMAGES });
    await findImageRow("team-a/web");
    expect(backend.browse.calls.queryImages[0]).toEqual({
      query: { text: "", organization: null, category: null, visibility: "all", sort: "name", descending: false },
      offset: 0,
      limit: 200,
    });

    // Image names, not words: no spell check marks them, no form history offers itself.
    expect(screen.getByTestId("images-search")).toHaveAttribute("spellcheck", "false");
    expect(screen.getByTestId("images-search")).toHaveAttribute("autocomplete", "off");
    await user.type(screen.getByTestId("images-search"), "web");
    await choose(user, screen.getByTestId("images-organization"), "team-a");
    await choose(user, screen.getByTestId("images-category"), "database");
    await choose(user, screen.getByTestId("images-visibility"), "private");
    await choose(user, screen.getByTestId("images-sort"), "updated");
    await user.click(screen.getByTestId("images-direction"));

    await waitFor(() => {
      expect(backend.browse.lastImageQuery).toEqual({
        text: "web",
        organization: "team-a",
        category: "database",
        visibility: "private",
        sort: "updated",
        descending: true,
      });
    });
    // Each keystroke is a query of its own: the backend filters.
    const texts = backend.browse.calls.queryImages.map((c) => c.query.text);
    expect(texts).toContain("w");
    expect(texts).toContain("we");
  });

  it("sorts by a column's header, the header saying which way, and keeps the toolbar in step", async () => {
    const { backend, user } = renderBrowse("/images", { images: IMAGES });
    await findImageRow("team-a/web");
    const header = (id: string) => screen.getByTestId(`sort-${id}`).closest("[role=columnheader]");
    expect(header("name")).toHaveAttribute("aria-sort", "ascending");
    expect(header("updated")).toHaveAttribute("aria-sort", "none");

    // Newest first is the first order a date column offers; a second click reverses it.
    await user.click(screen.getByTestId("sort-updated"));
    await waitFor(() => {
      expect(backend.browse.lastImageQuery).toMatchObject({ sort: "updated", descending: true });
    });
    expect(header("updated")).toHaveAttribute("aria-sort", "descending");
    expect(header("name")).toHaveAttribute("aria-sort", "none");
    expect(screen.getByTestId("images-sort")).toHaveAttribute("data-value", "updated");

    await user.click(screen.getByTestId("sort-updated"));
    await waitFor(() => {
      expect(backend.browse.lastImageQuery).toMatchObject({ sort: "updated", descending: false });
    });
    expect(header("updated")).toHaveAttribute("aria-sort", "ascending");
    // Columns the backend cannot sort by have no sort button.
    expect(screen.queryByTestId("sort-category")).toBeNull();
  });

  it("widens a column with Alt+Arrow on its header and keeps the width when the list opens again", async () => {
    const first = renderBrowse("/images", { images: IMAGES });
    await findImageRow("team-a/web");
    const columns = () => screen.getByTestId("images-list").style.getPropertyValue("--table-columns");
    expect(columns()).toBe("minmax(140px, 3fr) minmax(80px, 1.2fr) 80px 72px 88px minmax(120px, 1.2fr)");

    screen.getByTestId("sort-tagCount").focus();
    await first.user.keyboard("{Alt>}{ArrowRight}{ArrowRight}{/Alt}");
    await waitFor(() => {
      expect(columns()).toBe("minmax(140px, 3fr) minmax(80px, 1.2fr) 80px 104px 88px minmax(120px, 1.2fr)");
    });
    // The keys resized; they did not sort.
    expect(first.backend.browse.lastImageQuery).toMatchObject({ sort: "name" });

    first.unmount();
    renderBrowse("/images", { images: IMAGES });
    await findImageRow("team-a/web");
    expect(columns()).toContain(" 104px ");
  });

  it("narrows a column that does not sort with Alt+Arrow, its header reached with Tab", async () => {
    const { user } = renderBrowse("/images", { images: IMAGES });
    await findImageRow("team-a/web");
    const columns = () => screen.getByTestId("images-list").style.getPropertyValue("--table-columns");
    const column = (id: string) => screen.getByTestId("images-list").querySelector(`[role=columnheader][data-column="${id}"]`);

    screen.getByTestId("sort-name").focus();
    await user.tab();
    expect(column("category")).toHaveFocus();
    await user.tab();
    expect(column("visibility")).toHaveFocus();
    await user.keyboard("{Alt>}{ArrowLeft}{/Alt}");
    await waitFor(() => {
      expect(columns()).toBe("minmax(140px, 3fr) minmax(80px, 1.2fr) 64px 72px 88px minmax(120px, 1.2fr)");
    });
    await user.tab();
    expect(screen.getByTestId("sort-tagCount")).toHaveFocus();
  });

  it("renders only the rows in view of a hundred thousand and asks the window of where it scrolls", async () => {
    const { backend } = renderBrowse("/images", { images: manyImages(100_000) });
    await findImageRow("team-a/app-00000");

    expect(screen.getByTestId("images-count")).toHaveTextContent("100,000 of 100,000 images");
    expect(screen.getAllByTestId("image-row").length).toBeLessThan(60);
    expect(backend.browse.calls.queryImages.every((c) => c.limit === 200)).toBe(true);

    const scroller = screen.getByTestId("images-list").querySelector(".vgrid-scroll");
    if (!(scroller instanceof HTMLElement)) throw new Error("no scroll box");
    act(() => {
      scroller.scrollTop = 36 * 50_000;
      fireEvent.scroll(scroller);
    });

    expect(await findImageRow("team-a/app-50000")).toBeInTheDocument();
    expect(backend.browse.calls.queryImages.map((c) => c.offset)).toContain(50_000);
    expect(screen.getAllByTestId("image-row").length).toBeLessThan(60);
  });

  it("opens an image on click and on Enter, with arrow keys moving between rows", async () => {
    const { user, history } = renderBrowse("/images", { images: IMAGES });
    await user.click(await findImageRow("team-a/api"));
    expect(await screen.findByTestId("image-page")).toHaveAttribute("data-image", "team-a/api");
    expect(history.location.pathname).toBe("/images/team-a/api/overview");

    await user.click(screen.getByRole("link", { name: "Back to Images" }));
    const first = await findImageRow("team-a/web");
    first.focus();
    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(await findImageRow("team-b/tools/cli")).toHaveFocus();
    await user.keyboard("{ArrowUp}{Enter}");
    expect(await screen.findByTestId("image-page")).toHaveAttribute("data-image", "team-a/api");
  });

  it("rebuilds the index with Refresh", async () => {
    const { backend, user } = renderBrowse("/images", { images: IMAGES });
    await findImageRow("team-a/web");
    await user.click(screen.getByTestId("images-refresh"));
    await waitFor(() => {
      expect(backend.browse.calls.loadImageIndex.map((c) => c.refresh)).toEqual([false, true]);
    });
  });

  it("starts filtered to the organization named in the link", async () => {
    const { backend } = renderBrowse("/images?organization=team-b", { images: IMAGES });
    await findImageRow("team-a/web");
    expect(screen.getByTestId("images-organization")).toHaveAttribute("data-value", "team-b");
    expect(backend.browse.lastImageQuery?.organization).toBe("team-b");
  });

  it("shows a failed read with its request id and reads again on retry", async () => {
    const { backend, user } = renderBrowse("/images", { images: IMAGES });
    vi.spyOn(backend, "queryImages").mockRejectedValueOnce(
      new CommandError({ code: "service", message: "SWR answered 503", requestId: "req-7", retryable: true, violation: null, advice: null }),
    );
    const notice = await screen.findByRole("alert");
    expect(notice).toHaveTextContent("The image list could not be read.");
    expect(notice).toHaveTextContent("SWR answered 503");
    expect(notice).toHaveTextContent("Request ID: req-7");

    await user.click(screen.getAllByTestId("error-retry")[0] ?? notice);
    expect(await findImageRow("team-a/web")).toBeInTheDocument();
  });

  it("says an empty index is empty", async () => {
    renderBrowse("/images", { images: [] });
    expect(await screen.findByTestId("images-empty")).toHaveTextContent("There are no images");
  });

  it("asks for a profile first", async () => {
    renderApp({ path: "/images" });
    expect(await screen.findByTestId("browse-no-profile")).toHaveTextContent("Add a profile first on the Profiles screen.");
  });
});

describe("images shared with me", () => {
  const SHARED = [mockImageRow("partner", "base/runtime", { tagCount: 4 }), mockImageRow("vendor", "agent", { isPublic: true })];
  const TAGS = { "partner/base/runtime": [mockTagRow("1.0")] };

  it("lists the shared images without the filters and opens one's page with its pull commands", async () => {
    const { backend, user, history } = renderBrowse("/images", { images: IMAGES, sharedWithMe: SHARED, tags: TAGS });
    const asked = vi.spyOn(backend, "sharedWithMe");
    await findImageRow("team-a/web");
    expect(screen.getByRole("radio", { name: "My images" })).toBeChecked();

    await user.click(screen.getByTestId("images-scope-shared"));
    const rows = await screen.findAllByTestId("shared-image-row");
    expect(rows.map((row) => row.dataset["image"])).toEqual(["partner/base/runtime", "vendor/agent"]);
    expect(rows[1]).toHaveTextContent("Public");
    expect(screen.getByRole("radio", { name: "Shared with me" })).toBeChecked();
    expect(screen.getByTestId("images-count")).toHaveTextContent("2 images shared with this account");
    expect(screen.queryByTestId("images-search")).not.toBeInTheDocument();
    expect(screen.queryByTestId("images-organization")).not.toBeInTheDocument();
    expect(screen.queryByTestId("image-row")).not.toBeInTheDocument();
    expect(history.location.search).toContain("scope=shared");
    expect(asked).toHaveBeenCalledWith("p1");

    await user.click(rows[0] ?? document.body);
    expect(await screen.findByTestId("image-page")).toHaveAttribute("data-image", "partner/base/runtime");
    expect(history.location.pathname).toBe("/images/partner/base%2Fruntime/overview");
    expect((await screen.findAllByTestId("pull-command"))[0]).toHaveTextContent("docker pull");
  });

  it("opens a shared image with Enter and goes back to my images", async () => {
    const { user } = renderBrowse("/images?scope=shared", { images: IMAGES, sharedWithMe: SHARED });
    const rows = await screen.findAllByTestId("shared-image-row");
    rows[1]?.focus();
    await user.keyboard("{Enter}");
    expect(await screen.findByTestId("image-page")).toHaveAttribute("data-image", "vendor/agent");

    await user.click(screen.getByRole("link", { name: "Back to Images" }));
    expect(await findImageRow("team-a/web")).toBeInTheDocument();
  });

  it("says when no account shares an image, and shows a failed read with retry", async () => {
    const { backend, user } = renderBrowse("/images?scope=shared", { images: IMAGES, sharedWithMe: [] });
    vi.spyOn(backend, "sharedWithMe").mockRejectedValueOnce(
      new CommandError({ code: "service", message: "SWR answered 500", requestId: "req-3", retryable: true, violation: null, advice: null }),
    );
    const notice = await screen.findByRole("alert");
    expect(notice).toHaveTextContent("The images shared with this account could not be read.");
    expect(notice).toHaveTextContent("Request ID: req-3");

    await user.click(screen.getByTestId("error-retry"));
    expect(await screen.findByTestId("shared-empty")).toHaveTextContent("No other account shares an image with this one.");
  });
});
