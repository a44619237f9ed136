import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";

import { stubSystemLanguage, stubSystemTheme } from "../../test/renderApp";
import { renderBrowse, stubViewport } from "../browse/testing";
import { DIGEST_A, DIGEST_C, findByData, gap, IMAGE, job, JOBS, options, PATH, row } from "./testing";

beforeEach(() => {
  stubSystemLanguage("en-US");
  stubSystemTheme("light");
  stubViewport();
});

function jobs(): string[] {
  return screen.queryAllByTestId("sync-job").map((el) => `${el.dataset["tag"] ?? ""} ${el.dataset["status"] ?? ""}`);
}

describe("sync jobs", () => {
  it("lists the jobs newest first, with their target, status in words and times", async () => {
    const opts = options();
    opts.syncJobs[IMAGE] = [
      ...JOBS,
      job(4, "v1.1", "timeout", { createdAt: "2026-11-01T12:00:00Z" }),
      job(5, "latest", "existed", { createdAt: "2026-11-03T12:00:00Z" }),
    ];
    renderBrowse(PATH, opts);
    const failed = await findByData("sync-job", { tag: "v2.0" });
    // Two jobs of the same second: the later id first.
    expect(jobs()).toEqual(["latest existed", "v2.0 failed", "v1.0 success", "v1.1 timeout"]);
    expect(failed).toHaveAttribute("data-region", "ap-southeast-1");
    expect(failed).toHaveTextContent("CN-Hong Kong (ap-southeast-1) / mirror");
    expect(within(failed).getByTestId("sync-job-status")).toHaveTextContent("Failed");
    expect(failed).toHaveTextContent("Nov 3, 2026");
    expect(within(await findByData("sync-job", { tag: "v1.0" })).getByTestId("sync-job-status")).toHaveTextContent("Succeeded");
    expect(within(await findByData("sync-job", { tag: "v1.1" })).getByTestId("sync-job-status")).toHaveTextContent("Timed out");
    expect(within(await findByData("sync-job", { tag: "latest" })).getByTestId("sync-job-status")).toHaveTextContent("Already there");
    // Nothing is going, so nothing is read again by itself.
    expect(screen.queryByTestId("sync-jobs-live")).not.toBeInTheDocument();
  });

  it("says when there are no jobs", async () => {
    renderBrowse(PATH, { ...options(), syncJobs: {} });
    expect(await screen.findByTestId("sync-jobs-empty")).toHaveTextContent("No sync jobs yet.");
  });

  it("reads the jobs again every two seconds while one runs, then the gap view once it is done", { timeout: 15_000 }, async () => {
    const opts = options();
    opts.syncJobs[IMAGE] = [job(3, "v1.1", "running", { createdAt: "2026-11-04T12:00:00Z" }), ...JOBS];
    const { backend } = renderBrowse(PATH, opts);
    const readJobs = vi.spyOn(backend, "syncJobs");
    const readGaps = vi.spyOn(backend, "syncGaps");
    await findByData("sync-job", { tag: "v1.1", status: "running" });
    expect(screen.getByTestId("sync-jobs-live")).toHaveTextContent("Refreshing every 2 seconds while a job is going.");
    await findByData("sync-gap", { region: "cn-east-3", missing: "1" });

    opts.syncJobs[IMAGE] = [job(3, "v1.1", "success", { createdAt: "2026-11-04T12:00:00Z" }), ...JOBS];
    opts.syncGaps[IMAGE] = [
      gap("cn-east-3", "team-a", [row("latest", DIGEST_A, DIGEST_A), row("v1.1", DIGEST_C, DIGEST_C)]),
    ];
    await waitFor(
      () => {
        expect(jobs()[0]).toBe("v1.1 success");
      },
      { timeout: 4000 },
    );
    expect(readJobs).toHaveBeenCalled();
    expect(screen.queryByTestId("sync-jobs-live")).not.toBeInTheDocument();
    await waitFor(() => {
      expect(readGaps).toHaveBeenCalled();
    });
    await findByData("sync-gap", { region: "cn-east-3", missing: "0", same: "2" });

    // With nothing going, the polling stops.
    const calls = readJobs.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(readJobs).toHaveBeenCalledTimes(calls);
  });
});
