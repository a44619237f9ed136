import { act, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";

import { CommandError } from "../../ipc";
import { mockDashboard, type MockBackend } from "../../ipc/mock";
import { renderApp, stubSystemLanguage, stubSystemTheme } from "../../test/renderApp";
import { PROFILE } from "../browse/testing";

beforeEach(() => {
  stubSystemLanguage("en-US");
  stubSystemTheme("light");
});

const DASHBOARD = mockDashboard({
  account: "acme",
  organizations: 3,
  images: 12,
  tags: 40,
  storage: 5_200_000_000,
  downloads: 310_000_000,
  quotas: [
    { key: "repository", used: 12, limit: 1000 },
    { key: "namespace", used: 3, limit: 15 },
  ],
  storageSeries: [
    { date: "2024-05-01", value: 5_000_000_000 },
    { date: "2024-05-02", value: 5_200_000_000 },
  ],
  trafficSeries: [],
  expiringShares: [
    { organization: "team-a", image: "web", account: "partner", deadline: "2024-05-03T10:00:00Z", daysLeft: 0 },
    { organization: "team-b", image: "tools/cli", account: "auditor", deadline: "2024-05-08T10:00:00Z", daysLeft: 5 },
  ],
});

function renderDashboard(dashboard = DASHBOARD) {
  return renderApp({ path: "/dashboard", profile: PROFILE, dashboard });
}

async function findTile(name: string): Promise<HTMLElement> {
  return waitFor(() => {
    const tile = screen.getAllByTestId("dashboard-tile").find((el) => el.dataset["tile"] === name);
    if (!tile) throw new Error(`no tile ${name}`);
    return tile;
  });
}

/** Pushes `names` one after the other through the mock queue, oldest first. */
async function push(backend: MockBackend, names: string[]) {
  for (const name of names) {
    let id = 0;
    act(() => {
      [id = 0] = backend.uploads.addFiles([{ name }]);
    });
    await act(async () => {
      await backend.setUploadTarget(id, { profileId: "p1", organization: "team-a", images: [], compress: true });
      await backend.queueUploads([id]);
    });
    act(() => {
      backend.uploads.begin(id);
      backend.uploads.finish(id);
    });
  }
}

describe("dashboard", () => {
  it("shows the totals as tiles with the organization quota", async () => {
    renderDashboard();

    const organizations = await findTile("organizations");
    expect(within(organizations).getByText("Organizations")).toBeInTheDocument();
    expect(within(organizations).getByTestId("dashboard-quota")).toHaveTextContent("Quota 3 / 15");
    expect(await findTile("images")).toHaveTextContent("12");
    expect(await findTile("tags")).toHaveTextContent("40");
    expect(await findTile("storage")).toHaveTextContent("5.2 GB");
    expect(await findTile("downloads")).toHaveTextContent("310 MB");
    expect(screen.getByTestId("dashboard-account")).toHaveTextContent("acme");
  });

  it("leaves the quota out when SWR did not list it", async () => {
    renderDashboard(mockDashboard({ organizations: 4, quotas: [] }));
    const organizations = await findTile("organizations");
    expect(organizations).toHaveTextContent("4");
    expect(within(organizations).queryByTestId("dashboard-quota")).not.toBeInTheDocument();
  });

  it("shows each series as a table where there is no canvas, and says when one is empty", async () => {
    renderDashboard();

    const storage = await screen.findByTestId("chart-storage");
    expect(storage).toHaveAttribute("data-drawn", "false");
    expect(storage).toHaveTextContent("Storage over time");
    expect(storage).toHaveTextContent("Latest: 5.2 GB");
    const rows = within(within(storage).getByTestId("chart-storage-table")).getAllByRole("row");
    expect(rows.map((row) => row.textContent)).toEqual(["DateValue", "May 1, 20245 GB", "May 2, 20245.2 GB"]);

    expect(screen.getByTestId("chart-traffic-empty")).toHaveTextContent("No data for this period.");
    expect(screen.queryByTestId("chart-traffic-table")).not.toBeInTheDocument();
  });

  it("shows the parts that could not be read as they came", async () => {
    renderDashboard(mockDashboard({ problems: ["quotas: SWR answered 403", "traffic over time: not offered in this region"] }));

    const problems = await screen.findAllByTestId("dashboard-problem");
    expect(problems.map((p) => p.querySelector(".notice-detail")?.textContent)).toEqual([
      "quotas: SWR answered 403",
      "traffic over time: not offered in this region",
    ]);
    expect(problems[0]).toHaveTextContent("Part of the dashboard could not be read");
    // The rest is there all the same.
    expect(await findTile("images")).toHaveTextContent("3");
  });

  it("lists shares ending within the week, each opening its image", async () => {
    const { user, history } = renderDashboard();

    const shares = await screen.findAllByTestId("expiring-share");
    expect(shares.map((s) => s.dataset["image"])).toEqual(["team-a/web", "team-b/tools/cli"]);
    expect(shares[0]).toHaveTextContent("Shared with partner");
    expect(within(shares[0] ?? document.body).getByTestId("expiring-share-days")).toHaveTextContent("Ends today");
    expect(within(shares[1] ?? document.body).getByTestId("expiring-share-days")).toHaveTextContent("5 days left");
    expect(shares[1]).toHaveTextContent("Ends May 8, 2024");

    await user.click(within(shares[0] ?? document.body).getByTestId("expiring-share-link"));
    expect(await screen.findByTestId("image-page")).toHaveAttribute("data-image", "team-a/web");
    expect(history.location.pathname).toBe("/images/team-a/web/overview");
  });

  it("says when no share ends this week", async () => {
    renderDashboard(mockDashboard());
    expect(await screen.findByTestId("expiring-shares-empty")).toHaveTextContent("No share ends this week.");
  });

  it("lists the last five pushes newest first, each linking to its image's tags", async () => {
    const { backend, user, history } = renderDashboard();
    expect(await screen.findByTestId("recent-pushes-empty")).toBeInTheDocument();

    // Files handed to the app bring up Uploads; the Dashboard lists what they pushed after.
    await push(backend, ["one.tar", "two.tar", "three.tar", "four.tar", "five.tar", "six.tar"]);
    await screen.findByTestId("screen-uploads");
    await user.click(screen.getByTestId("nav-dashboard"));

    await waitFor(() => {
      expect(screen.getAllByTestId("recent-push").map((item) => item.dataset["file"])).toEqual([
        "six.tar",
        "five.tar",
        "four.tar",
        "three.tar",
        "two.tar",
      ]);
    });
    const newest = within(screen.getAllByTestId("recent-push")[0] ?? document.body).getByTestId("recent-push-link");
    expect(newest).toHaveTextContent("team-a/six:latest");

    await user.click(newest);
    expect(await screen.findByTestId("image-page")).toHaveAttribute("data-image", "team-a/six");
    expect(history.location.pathname).toBe("/images/team-a/six/tags");
  });

  it("shows a failed read with its request id and reads again on retry or Refresh", async () => {
    const { backend, user } = renderDashboard();
    const read = vi.spyOn(backend, "dashboard").mockRejectedValueOnce(
      new CommandError({ code: "service", message: "SWR answered 503", requestId: "req-9", retryable: true, violation: null, advice: null }),
    );

    const notice = await screen.findByRole("alert");
    expect(notice).toHaveTextContent("The dashboard could not be read.");
    expect(notice).toHaveTextContent("SWR answered 503");
    expect(notice).toHaveTextContent("Request ID: req-9");

    await user.click(within(notice).getByTestId("error-retry"));
    expect(await findTile("images")).toHaveTextContent("12");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();

    await user.click(screen.getByTestId("dashboard-refresh"));
    await waitFor(() => {
      expect(read).toHaveBeenCalledTimes(3);
    });
    expect(read).toHaveBeenLastCalledWith("p1");
  });

  it("says it is loading until the dashboard arrives", async () => {
    const { backend } = renderDashboard();
    let answer: (value: typeof DASHBOARD) => void = () => undefined;
    vi.spyOn(backend, "dashboard").mockReturnValueOnce(
      new Promise((resolve) => {
        answer = resolve;
      }),
    );
    expect(await screen.findByTestId("dashboard-loading")).toHaveTextContent("Loading…");
    act(() => {
      answer(DASHBOARD);
    });
    expect(await findTile("tags")).toHaveTextContent("40");
  });

  it("asks for a profile first", async () => {
    renderApp({ path: "/dashboard" });
    expect(await screen.findByTestId("browse-no-profile")).toHaveTextContent("Add a profile first on the Profiles screen.");
  });
});
