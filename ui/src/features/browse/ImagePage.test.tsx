import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";

import { mockImageRow, mockTagRow } from "../../ipc/mock";
import { stubSystemLanguage, stubSystemTheme } from "../../test/renderApp";
import { REGISTRY, renderBrowse, stubViewport } from "./testing";

beforeEach(() => {
  stubSystemLanguage("en-US");
  stubSystemTheme("light");
  stubViewport();
});

const DIGEST = "sha256:" + "1".repeat(64);
const OPTIONS = {
  images: [
    mockImageRow("team-a", "web", { isPublic: true, tagCount: 2, downloads: 1234, description: "Front end" }),
    mockImageRow("team-b", "tools/cli"),
  ],
  tags: {
    "team-a/web": [mockTagRow("latest", { digest: DIGEST }), mockTagRow("1.0", { digest: DIGEST })],
    "team-b/tools/cli": [mockTagRow("0.3")],
  },
};

describe("image page", () => {
  it("shows the attributes and the pull commands of the default tag, each copied on request", async () => {
    const { backend, user } = renderBrowse("/images/team-a/web/overview", OPTIONS);

    const overview = await screen.findByTestId("image-overview");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("team-a/web");
    expect(screen.getByTestId("image-visibility")).toHaveTextContent("Public");
    expect(overview).toHaveTextContent("Front end");
    expect(overview).toHaveTextContent("1,234");
    expect(overview).toHaveTextContent("anyone can pull it");
    expect(overview).toHaveTextContent(REGISTRY);
    expect(overview).toHaveTextContent("Pull latest");

    const commands = screen.getAllByTestId("pull-command");
    expect(commands.map((c) => c.dataset["tool"])).toEqual(["docker", "containerd", "nerdctl", "podman", "kubernetes"]);
    expect(commands[0]).toHaveTextContent(`docker pull ${REGISTRY}/team-a/web:latest`);

    const copyPodman = screen.getAllByTestId("pull-copy").find((b) => b.dataset["tool"] === "podman");
    if (!copyPodman) throw new Error("no podman copy button");
    await user.click(copyPodman);
    await waitFor(() => {
      expect(backend.clipboard).toBe(`podman pull ${REGISTRY}/team-a/web:latest`);
    });
    expect(copyPodman).toHaveTextContent("Copied");

    await user.click(screen.getByRole("radio", { name: "By digest" }));
    expect(screen.getAllByTestId("pull-command")[4]).toHaveTextContent(`image: ${REGISTRY}/team-a/web@${DIGEST}`);
  });

  it("keeps an image name with a slash in one path segment", async () => {
    const { backend, history } = renderBrowse("/images/team-b/tools%2Fcli/overview", OPTIONS);
    expect(await screen.findByTestId("image-page")).toHaveAttribute("data-image", "team-b/tools/cli");
    expect(await screen.findByTestId("image-overview")).toHaveTextContent("Pull 0.3");
    expect(history.location.pathname).toBe("/images/team-b/tools%2Fcli/overview");
    expect(backend.browse.calls.inspectTag).toEqual([]);
  });

  it("opens the first tab for a tab it does not have", async () => {
    const { history } = renderBrowse("/images/team-a/web/no-such-tab", OPTIONS);
    expect(await screen.findByTestId("image-overview")).toBeInTheDocument();
    expect(history.location.pathname).toBe("/images/team-a/web/overview");
  });

  it("moves between tabs with the arrow keys", async () => {
    const { user, history } = renderBrowse("/images/team-a/web", OPTIONS);
    const overviewTab = await screen.findByTestId("tab-overview");
    await waitFor(() => {
      expect(history.location.pathname).toBe("/images/team-a/web/overview");
    });
    expect(screen.getByRole("tablist")).toBeInTheDocument();
    expect(overviewTab).toHaveAttribute("aria-selected", "true");
    overviewTab.focus();

    await user.keyboard("{ArrowRight}");
    await waitFor(() => {
      expect(history.location.pathname).toBe("/images/team-a/web/tags");
    });
    expect(screen.getByTestId("tab-tags")).toHaveAttribute("aria-selected", "true");
    expect(screen.getByTestId("tab-tags")).toHaveFocus();
    expect(within(screen.getByRole("tabpanel")).getByTestId("tags-filter")).toBeInTheDocument();
  });
});
