import { focusManager } from "@tanstack/react-query";
import { act, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { CommandError, type JournalEntry, type JournalQuery } from "../../ipc";
import { choicesOf, choose } from "../../test/choose";
import { renderApp, stubSystemLanguage, stubSystemTheme } from "../../test/renderApp";

beforeEach(() => {
  stubSystemLanguage("en-US");
  stubSystemTheme("light");
});

afterEach(() => {
  focusManager.setFocused(undefined);
});

function entry(change: Partial<JournalEntry>): JournalEntry {
  return {
    time: "2026-03-02T12:00:00.000Z",
    source: "app",
    profile: "production",
    region: "cn-north-4",
    operation: "other",
    target: "team-a",
    before: null,
    after: null,
    outcome: "done",
    error: null,
    requestId: null,
    ...change,
  };
}

const JOURNAL: JournalEntry[] = [
  entry({
    time: "2026-03-02T12:30:00.000Z",
    source: "swrctl",
    operation: "permissionGrant",
    target: "team-a/web dev-1",
    after: '{"level":"write"}',
    outcome: "failed",
    error: "SWR answered 403: no manage permission",
    requestId: "req-77",
  }),
  entry({
    time: "2026-03-01T12:00:00.000Z",
    operation: "imageAttributes",
    target: "team-a/web",
    before: '{"isPublic":false}',
    after: '{"isPublic":true}',
    requestId: "req-12",
  }),
  entry({ time: "2026-02-27T12:00:00.000Z", operation: "tagDelete", target: "team-b/tools/cli:v1", profile: "staging", region: "ap-southeast-1" }),
];

const ALL: JournalQuery = { since: null, text: null, operations: [], outcome: null, profile: null, limit: 1000 };

function renderJournal(journal: JournalEntry[] = JOURNAL) {
  return renderApp({ path: "/journal", journal });
}

function row(target: string): HTMLElement {
  const found = screen.getAllByTestId("journal-row").find((r) => r.dataset["target"] === target);
  if (!found) throw new Error(`no row for ${target}`);
  return found;
}

describe("journal", () => {
  it("lists the changes newest first with readable operations and values", async () => {
    renderJournal();

    const rows = await screen.findAllByTestId("journal-row");
    expect(rows.map((r) => r.dataset["operation"])).toEqual(["permissionGrant", "imageAttributes", "tagDelete"]);
    expect(rows.map((r) => within(r).getByTestId("journal-row-operation").textContent)).toEqual([
      "Grant permission",
      "Change image attributes",
      "Delete tag",
    ]);
    expect(screen.getByTestId("journal-count")).toHaveTextContent("3 of 3 changes");

    const attributes = row("team-a/web");
    expect(within(attributes).getByTestId("journal-row-change")).toHaveTextContent("isPublic: false→isPublic: true");
    expect(within(attributes).getByTestId("journal-row-outcome")).toHaveTextContent("Done");
    expect(attributes).toHaveTextContent("App");
    const time = within(attributes).getByTestId("journal-row-time");
    expect(time).toHaveAttribute("title", "2026-03-01T12:00:00.000Z");
    expect(time).toHaveTextContent("2026");

    const deletion = row("team-b/tools/cli:v1");
    expect(deletion).toHaveTextContent("staging");
    expect(deletion).toHaveTextContent("ap-southeast-1");
    expect(within(deletion).getByTestId("journal-row-change")).toHaveTextContent("—→—");
    expect(within(deletion).queryByTestId("journal-copy-request-id")).not.toBeInTheDocument();
  });

  it("shows why a change failed and copies its request id", async () => {
    const { backend, user } = renderJournal();

    const failed = await waitFor(() => row("team-a/web dev-1"));
    expect(failed).toHaveAttribute("data-outcome", "failed");
    expect(within(failed).getByTestId("journal-row-outcome")).toHaveTextContent("Failed");
    expect(within(failed).getByTestId("journal-row-error")).toHaveTextContent("SWR answered 403: no manage permission");
    expect(within(failed).getByTestId("journal-row-request-id")).toHaveTextContent("req-77");
    expect(failed).toHaveTextContent("swrctl");
    expect(within(failed).getByTestId("journal-row-change")).toHaveTextContent("—→level: write");

    await user.click(within(failed).getByRole("button", { name: "Copy request ID req-77" }));
    expect(backend.clipboard).toBe("req-77");
    expect(await within(failed).findByTestId("journal-copied")).toHaveTextContent("Copied");
  });

  it("sends each filter to the backend", async () => {
    const { backend, user } = renderJournal();
    await screen.findAllByTestId("journal-row");
    expect(backend.access.journalQueries[0]).toEqual(ALL);
    const last = () => backend.access.journalQueries.at(-1);

    await choose(user, screen.getByTestId("journal-operation"), "Revoke permission");
    await waitFor(() => {
      expect(last()).toEqual({ ...ALL, operations: ["permissionRevoke"] });
    });

    await choose(user, screen.getByTestId("journal-outcome"), "Failed");
    await waitFor(() => {
      expect(last()).toEqual({ ...ALL, operations: ["permissionRevoke"], outcome: "failed" });
    });

    await user.type(screen.getByTestId("journal-since"), "2026-03-01");
    await waitFor(() => {
      expect(last()).toEqual({ ...ALL, operations: ["permissionRevoke"], outcome: "failed", since: "2026-03-01" });
    });

    await choose(user, screen.getByTestId("journal-operation"), "All operations");
    await choose(user, screen.getByTestId("journal-outcome"), "All outcomes");
    await user.clear(screen.getByTestId("journal-since"));
    await user.type(screen.getByTestId("journal-search"), "  team-a ");
    await waitFor(() => {
      expect(last()).toEqual({ ...ALL, text: "team-a" });
    });
    // The search waits for typing to pause instead of asking once per key.
    expect(backend.access.journalQueries.filter((q) => q.text !== null).map((q) => q.text)).toEqual(["team-a"]);
  });

  it("offers every operation by name", async () => {
    const { user } = renderJournal();
    const select = await screen.findByTestId("journal-operation");
    expect(await choicesOf(user, select)).toEqual([
      "All operations",
      "Create organization",
      "Delete organization",
      "Change image attributes",
      "Grant permission",
      "Change permission",
      "Revoke permission",
      "Share image",
      "Change share",
      "Stop sharing",
      "Delete tag",
      "Copy tag",
      "Push image",
      "Set retention policy",
      "Remove retention policy",
      "Create trigger",
      "Enable or disable trigger",
      "Delete trigger",
      "Add sync rule",
      "Remove sync rule",
      "Sync tags to a region",
      "Other change",
    ]);
  });

  it("exports what the filters select and reports where it was saved", async () => {
    const { backend, user } = renderJournal();
    await screen.findAllByTestId("journal-row");
    const exportJournal = vi.spyOn(backend, "exportJournal");

    await choose(user, screen.getByTestId("journal-outcome"), "Failed");
    await user.click(screen.getByTestId("journal-export-csv"));
    expect(await screen.findByTestId("journal-exported")).toHaveTextContent("Saved to /home/user/swr-journal.csv");
    expect(exportJournal).toHaveBeenLastCalledWith({ ...ALL, outcome: "failed", limit: null }, "csv");

    await user.click(screen.getByTestId("journal-export-json"));
    await waitFor(() => {
      expect(screen.getByTestId("journal-exported")).toHaveTextContent("Saved to /home/user/swr-journal.json");
    });
    expect(backend.access.exports).toEqual(["csv", "json"]);
  });

  it("says nothing when the save dialog is cancelled, and explains a failed export", async () => {
    const { backend, user } = renderJournal();
    await screen.findAllByTestId("journal-row");
    const exportJournal = vi.spyOn(backend, "exportJournal").mockResolvedValueOnce(null);

    await user.click(screen.getByTestId("journal-export-csv"));
    await waitFor(() => {
      expect(exportJournal).toHaveBeenCalledTimes(1);
    });
    await waitFor(() => {
      expect(screen.getByTestId("journal-export-csv")).toBeEnabled();
    });
    expect(screen.queryByTestId("journal-exported")).not.toBeInTheDocument();

    exportJournal.mockRejectedValueOnce(
      new CommandError({ code: "io", message: "disk full", requestId: null, retryable: false, violation: null, advice: null }),
    );
    await user.click(screen.getByTestId("journal-export-json"));
    const notice = await screen.findByTestId("journal-export-error");
    expect(notice).toHaveTextContent("The journal could not be exported.");
    expect(notice).toHaveTextContent("disk full");
  });

  it("cuts long values and shows them whole on focus and hover", async () => {
    const description = "A web server image. ".repeat(10).trim();
    renderJournal([
      entry({ operation: "imageAttributes", target: "team-a/web", before: JSON.stringify({ description }), after: '{"description":""}' }),
    ]);

    const value = await screen.findByTestId("journal-value-long");
    expect(value).toHaveAttribute("title", `description: ${description}`);
    expect(value.textContent).toHaveLength(60);
    expect(value.textContent.endsWith("…")).toBe(true);

    act(() => {
      value.focus();
    });
    await waitFor(() => {
      expect(value).toHaveTextContent(`description: ${description}`);
    });
    act(() => {
      value.blur();
    });
    expect(value.textContent).toHaveLength(60);
  });

  it("tells an empty journal from filters that match nothing", async () => {
    const { backend, user } = renderJournal([]);
    expect(await screen.findByTestId("journal-empty")).toHaveTextContent("No changes recorded yet.");
    expect(screen.getByTestId("journal-count")).toHaveTextContent("0 of 0 changes");

    vi.spyOn(backend, "queryJournal").mockResolvedValue({ entries: [], matched: 0, total: 12, unreadable: 0 });
    await choose(user, screen.getByTestId("journal-outcome"), "Failed");
    await waitFor(() => {
      expect(screen.getByTestId("journal-empty")).toHaveTextContent("No change matches these filters.");
    });
    expect(screen.getByTestId("journal-count")).toHaveTextContent("0 of 12 changes");
  });

  it("notes skipped lines and entries beyond the shown limit", async () => {
    const { backend, user } = renderJournal();
    await screen.findAllByTestId("journal-row");
    expect(screen.queryByTestId("journal-unreadable")).not.toBeInTheDocument();
    expect(screen.queryByTestId("journal-limited")).not.toBeInTheDocument();

    vi.spyOn(backend, "queryJournal").mockResolvedValue({ entries: JOURNAL, matched: 1500, total: 2048, unreadable: 2 });
    await user.click(screen.getByTestId("journal-refresh"));
    await waitFor(() => {
      expect(screen.getByTestId("journal-count")).toHaveTextContent("1,500 of 2,048 changes");
    });
    expect(screen.getByTestId("journal-unreadable")).toHaveTextContent("2 lines of the journal file could not be read and were skipped.");
    expect(screen.getByTestId("journal-limited")).toHaveTextContent("Showing the newest 3.");
  });

  it("reads again on Refresh and when the window regains focus, since swrctl writes too", async () => {
    const { backend, user } = renderJournal();
    await screen.findAllByTestId("journal-row");
    const read = vi.spyOn(backend, "queryJournal");

    vi.mocked(read).mockResolvedValueOnce({ entries: [entry({ operation: "push", target: "team-a/new:1" }), ...JOURNAL], matched: 4, total: 4, unreadable: 0 });
    await user.click(screen.getByTestId("journal-refresh"));
    expect(await waitFor(() => row("team-a/new:1"))).toHaveTextContent("Push image");
    expect(screen.getByTestId("journal-count")).toHaveTextContent("4 of 4 changes");

    act(() => {
      window.dispatchEvent(new Event("focus"));
    });
    await waitFor(() => {
      expect(read).toHaveBeenCalledTimes(2);
    });
    expect(read).toHaveBeenLastCalledWith(ALL);

    act(() => {
      focusManager.setFocused(false);
      focusManager.setFocused(true);
    });
    await waitFor(() => {
      expect(read.mock.calls.length).toBeGreaterThan(2);
    });
  });

  it("shows a failed read with its request id and reads again on retry", async () => {
    const { backend, user } = renderApp({ path: "/settings", journal: JOURNAL });
    vi.spyOn(backend, "queryJournal").mockRejectedValueOnce(
      new CommandError({ code: "io", message: "permission denied: journal.jsonl", requestId: "req-3", retryable: true, violation: null, advice: null }),
    );
    await user.click(await screen.findByTestId("nav-journal"));

    const notice = await screen.findByTestId("journal-error");
    expect(notice).toHaveTextContent("The journal could not be read.");
    expect(notice).toHaveTextContent("permission denied: journal.jsonl");
    expect(notice).toHaveTextContent("Request ID: req-3");

    await user.click(within(notice).getByTestId("error-retry"));
    expect(await screen.findAllByTestId("journal-row")).toHaveLength(3);
    expect(screen.queryByTestId("journal-error")).not.toBeInTheDocument();
  });

  it("says it is loading until the journal arrives", async () => {
    const { backend, user } = renderApp({ path: "/settings" });
    let answer: () => void = () => undefined;
    vi.spyOn(backend, "queryJournal").mockReturnValueOnce(
      new Promise((resolve) => {
        answer = () => {
          resolve({ entries: JOURNAL, matched: 3, total: 3, unreadable: 0 });
        };
      }),
    );
    await user.click(await screen.findByTestId("nav-journal"));
    expect(await screen.findByTestId("journal-loading")).toHaveTextContent("Loading…");
    act(() => {
      answer();
    });
    expect(await screen.findAllByTestId("journal-row")).toHaveLength(3);
  });
});

describe("journal in Chinese", () => {
  // Data from the journal itself, and names that stay as they are.
  const DATA = /SWR Console|SWR|swrctl|CSV|JSON|UTC|ID|production|staging|cn-north-4|ap-southeast-1|team-[ab]|web|dev-1|tools\/cli:v1|level|write|isPublic|false|true|req-\d+/g;

  it("speaks Simplified Chinese", async () => {
    stubSystemLanguage("zh-CN");
    renderJournal();

    expect(await screen.findByRole("heading", { level: 1, name: "操作日志" })).toBeInTheDocument();
    await screen.findAllByTestId("journal-row");
    expect(screen.getByTestId("journal-count")).toHaveTextContent("3 / 3 项更改");
    expect(within(row("team-a/web")).getByTestId("journal-row-operation")).toHaveTextContent("修改镜像属性");
    expect(within(row("team-a/web dev-1")).getByTestId("journal-row-outcome")).toHaveTextContent("失败");
    expect(screen.getByTestId("journal-export-csv")).toHaveTextContent("导出 CSV");

    const copy = screen.getByTestId("screen-journal").cloneNode(true) as HTMLElement;
    // A failed change's error is SWR's message, shown as it came.
    for (const el of copy.querySelectorAll("[data-testid=journal-row-error]")) el.remove();
    const texts: string[] = [];
    const walker = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) texts.push(node.textContent ?? "");
    for (const el of copy.querySelectorAll("*")) {
      for (const name of ["aria-label", "title", "placeholder"]) {
        const value = el.getAttribute(name);
        if (value !== null) texts.push(value);
      }
    }
    expect(texts.join("")).toContain("授予权限");
    expect(texts.map((text) => text.replace(DATA, "")).filter((text) => /[A-Za-z]{2,}/.test(text))).toEqual([]);
  });
});
