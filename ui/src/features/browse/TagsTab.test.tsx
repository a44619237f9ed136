import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";

import { CommandError, type DeletionPlan } from "../../ipc";
import { mockDigest, mockImageRow, mockInspection, mockTagRow, mockViolation } from "../../ipc/mock";
import { choose } from "../../test/choose";
import { stubSystemLanguage, stubSystemTheme } from "../../test/renderApp";
import { IN_VIEW_MS } from "./platforms";
import { findTagRow, inRow, renderBrowse, stubViewport } from "./testing";

beforeEach(() => {
  stubSystemLanguage("en-US");
  stubSystemTheme("light");
  stubViewport();
});

const TAGS = ["v1", "v2", "v3", "v4", "v5"].map((tag, at) => mockTagRow(tag, { digest: mockDigest(at + 1) }));
const OPTIONS = {
  images: [mockImageRow("team-a", "web")],
  tags: { "team-a/web": TAGS },
};

const PATH = "/images/team-a/web/tags";

function checkbox(row: HTMLElement): HTMLElement {
  return inRow(row).getByTestId("row-select");
}

describe("tags", () => {
  it("lists tags with a short digest that copies the whole one, the multi-arch badge and same-image chip", async () => {
    const { backend, user } = renderBrowse(PATH, {
      ...OPTIONS,
      tags: {
        "team-a/web": [
          mockTagRow("latest", { digest: mockDigest(7), siblings: ["1.2", "1.2.3"], isIndex: true, size: 31_000_000 }),
        ],
      },
    });
    const row = await findTagRow("latest");
    expect(row).toHaveTextContent("777777777777");
    expect(row).not.toHaveTextContent("7777777777777");
    expect(row).toHaveTextContent("Multi-arch");
    expect(row).toHaveTextContent("31 MB");
    const chip = inRow(row).getByTestId("tag-siblings");
    expect(chip).toHaveTextContent("+2 same image");
    expect(chip).toHaveAttribute("title", "Also tagged: 1.2, 1.2.3");
    expect(screen.getByTestId("tags-count")).toHaveTextContent("1 of 1 tag");

    await user.click(inRow(row).getByTestId("tag-digest"));
    await waitFor(() => {
      expect(backend.clipboard).toBe(mockDigest(7));
    });
  });

  it("shows each tag's OS/arch, asked in one call for the rows in view, and says why one cannot be read", async () => {
    const { backend } = renderBrowse(PATH, {
      ...OPTIONS,
      platforms: {
        [mockDigest(1)]: [
          { os: "linux", architecture: "amd64", variant: null },
          { os: "linux", architecture: "arm64", variant: "v8" },
        ],
        [mockDigest(3)]: { problem: "team-a/web has no manifest" },
      },
    });
    // A cell shows an ellipsis until its row has been in view for a moment and the answer came.
    const platforms = async (tag: string) => {
      const row = await findTagRow(tag);
      return waitFor(() => {
        const cell = inRow(row).getByTestId("tag-platforms");
        expect(cell).toHaveAttribute("aria-busy", "false");
        return cell;
      });
    };
    const arm = await platforms("v1");
    expect(arm).toHaveTextContent("linux/amd64, linux/arm64/v8");
    expect(await platforms("v2")).toHaveTextContent(/^linux\/amd64$/);
    const unreadable = await platforms("v3");
    expect(unreadable).toHaveTextContent("—");
    expect(unreadable).toHaveAttribute("title", "The platforms could not be read: team-a/web has no manifest");
    expect(screen.getByRole("columnheader", { name: /OS\/Arch/ })).toBeInTheDocument();
    expect(backend.browse.calls.tagPlatforms).toHaveLength(1);
    expect(backend.browse.calls.tagPlatforms[0]?.toSorted()).toEqual(TAGS.map((row) => row.digest).toSorted());
  });

  it("asks a row's OS/arch only once it has stayed in view, also where a scroll refills a row already asked", async () => {
    // More tags than a screen holds, each its own image.
    const many = Array.from({ length: 200 }, (_, at) =>
      mockTagRow(`t${String(at).padStart(3, "0")}`, { digest: `sha256:${String(at).padStart(64, "0")}` }),
    );
    const { backend } = renderBrowse(PATH, { ...OPTIONS, tags: { "team-a/web": many } });
    const answered = async (tag: string) => {
      const row = await findTagRow(tag);
      await waitFor(() => {
        expect(inRow(row).getByTestId("tag-platforms")).toHaveAttribute("aria-busy", "false");
      });
    };
    const shownTags = () => screen.getAllByTestId("tag-row").map((row) => row.dataset["tag"] ?? "");
    await answered("t000");
    const firstScreen = shownTags();
    await answered(firstScreen.at(-1) ?? "");
    const asked = () => backend.browse.calls.tagPlatforms.flat();
    expect(asked()).not.toContain(many[150]?.digest);

    // The rows scrolled to reuse the elements of rows that have asked; each waits in view again.
    const scroller = screen.getByTestId("tags-list").querySelector(".vgrid-scroll");
    if (!(scroller instanceof HTMLElement)) throw new Error("no scroll box");
    const rowHeight = Number.parseFloat((await findTagRow("t000")).style.height);
    act(() => {
      scroller.scrollTop = rowHeight * 150;
      fireEvent.scroll(scroller);
    });
    const cell = inRow(await findTagRow("t150")).getByTestId("tag-platforms");
    const shown = performance.now();
    expect(cell).toHaveAttribute("aria-busy", "true");
    await waitFor(() => {
      expect(asked()).toContain(many[150]?.digest);
    });
    expect(performance.now() - shown).toBeGreaterThanOrEqual(IN_VIEW_MS - 50);
    await answered("t150");
  });

  it("gives every row the height of the chosen density", async () => {
    renderBrowse(PATH, { ...OPTIONS, settings: { language: "en", theme: "light", density: "compact" } });
    expect((await findTagRow("v1")).style.height).toBe("28px");
    expect(document.documentElement.dataset["density"]).toBe("compact");
  });

  it("sends each keystroke of the filter and the sort to the backend, and shows a filter it cannot read", async () => {
    const { backend, user } = renderBrowse(PATH, { ...OPTIONS, filterProblems: { ">=1.x": "“1.x” is not a version." } });
    await findTagRow("v1");
    expect(backend.browse.lastTagQuery).toEqual({ filter: "", sort: "version", descending: true });

    await choose(user, screen.getByTestId("tags-sort"), "pushed");
    await user.type(screen.getByTestId("tags-filter"), ">=1.x");

    await waitFor(() => {
      expect(backend.browse.lastTagQuery).toEqual({ filter: ">=1.x", sort: "pushed", descending: true });
    });
    expect(backend.browse.calls.queryTags.map((c) => c.query.filter)).toContain(">=1.");
    expect(await screen.findByTestId("tags-filter-problem")).toHaveTextContent("“1.x” is not a version.");
    expect(screen.getByTestId("tags-filter")).toHaveAttribute("aria-invalid", "true");
    expect(screen.queryAllByTestId("tag-row")).toHaveLength(0);
  });

  it("takes tag names in its filter box, not words: no spell check marks them, no form history offers itself", async () => {
    renderBrowse(PATH, OPTIONS);
    await findTagRow("v1");
    const filter = screen.getByTestId("tags-filter");
    expect(filter).toHaveAttribute("spellcheck", "false");
    expect(filter).toHaveAttribute("autocomplete", "off");
  });

  it("asks for a filter's page once: the page asked ahead of the list is the one it shows", async () => {
    const { backend, user } = renderBrowse(PATH, OPTIONS);
    await findTagRow("v1");
    await user.type(screen.getByTestId("tags-filter"), "v2");
    await waitFor(() => {
      expect(screen.getByTestId("tags-list")).toHaveAttribute("aria-busy", "false");
    });
    // Long enough for a second request, had the list asked again for what it was given.
    await new Promise((done) => setTimeout(done, 100));
    const asked = backend.browse.calls.queryTags.filter((c) => c.query.filter === "v2" && c.offset === 0);
    expect(asked).toHaveLength(1);
  });

  it("selects a range with Shift-click and every matching tag with Ctrl+A", async () => {
    const { user } = renderBrowse(PATH, OPTIONS);
    await user.click(checkbox(await findTagRow("v2")));
    await user.keyboard("{Shift>}");
    await user.click(checkbox(await findTagRow("v4")));
    await user.keyboard("{/Shift}");

    await waitFor(() => {
      expect(screen.getAllByTestId("tag-row").filter((r) => r.getAttribute("aria-selected") === "true").map((r) => r.dataset["tag"])).toEqual([
        "v2",
        "v3",
        "v4",
      ]);
    });
    expect(screen.getByTestId("tags-selected")).toHaveTextContent("3 selected");
    expect(screen.getByTestId("tags-inspect")).toBeDisabled();
    expect(screen.getByTestId("tags-copy")).toBeDisabled();
    expect(screen.getByTestId("tags-delete")).toBeEnabled();

    (await findTagRow("v1")).focus();
    await user.keyboard("{Control>}a{/Control}");
    expect(await screen.findByText("5 selected")).toBeInTheDocument();
  });

  it("selects every matching tag with the header's box, which shows a part selection, and clears them with it", async () => {
    const { user } = renderBrowse(PATH, OPTIONS);
    const all = () => screen.getByTestId<HTMLInputElement>("tags-list-select-all");
    await user.click(checkbox(await findTagRow("v3")));
    await waitFor(() => {
      expect(all().indeterminate).toBe(true);
    });
    expect(all()).not.toBeChecked();

    await user.click(all());
    expect(await screen.findByText("5 selected")).toBeInTheDocument();
    expect(all()).toBeChecked();
    expect(all().indeterminate).toBe(false);

    await user.click(all());
    await waitFor(() => {
      expect(screen.queryByTestId("tags-selected")).toBeNull();
    });
    expect(screen.getAllByTestId("tag-row").every((r) => r.getAttribute("aria-selected") === "false")).toBe(true);
  });

  it("sorts by a header, newest pushed first, and not by the digest", async () => {
    const { backend, user } = renderBrowse(PATH, OPTIONS);
    await findTagRow("v1");
    await user.click(screen.getByTestId("sort-pushed"));
    await waitFor(() => {
      expect(backend.browse.calls.queryTags.at(-1)?.query).toMatchObject({ sort: "pushed", descending: true });
    });
    expect(screen.getByTestId("tags-sort")).toHaveAttribute("data-value", "pushed");
    expect(screen.queryByTestId("sort-digest")).toBeNull();
  });

  it("deletes exactly the planned tags once the image's name is typed", async () => {
    const plan: DeletionPlan = {
      organization: "team-a",
      image: "web",
      confirmation: "team-a/web",
      tags: [
        { tag: "v1", digest: mockDigest(1), imageGone: true, keptSiblings: [] },
        { tag: "v2", digest: mockDigest(2), imageGone: false, keptSiblings: ["stable"] },
      ],
    };
    const { backend, user } = renderBrowse(PATH, {
      ...OPTIONS,
      deletionPlan: plan,
      deletionOutcome: { deleted: ["v1"], failed: [{ tag: "v2", message: "SWR refused: locked", requestId: "req-9" }] },
    });
    await user.click(checkbox(await findTagRow("v1")));
    await user.click(checkbox(await findTagRow("v2")));
    await user.click(screen.getByTestId("tags-delete"));

    const dialog = await screen.findByTestId("deletion-dialog");
    expect(backend.browse.calls.planTagDeletion).toEqual([["v1", "v2"]]);
    const items = await within(dialog).findAllByTestId("deletion-item");
    expect(items.map((i) => i.dataset["tag"])).toEqual(["v1", "v2"]);
    expect(items[0]).toHaveTextContent("sha256:111111111111");
    expect(items[1]).toHaveTextContent("The image stays: it is also tagged stable.");

    const confirm = within(dialog).getByTestId("deletion-confirm");
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByTestId("deletion-confirm-input"), "team-a/we");
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByTestId("deletion-confirm-input"), "b");
    expect(confirm).toBeEnabled();
    await user.click(confirm);

    const result = await within(dialog).findByTestId("deletion-result");
    expect(backend.browse.calls.deleteTags).toEqual([["v1", "v2"]]);
    expect(result).toHaveTextContent("Deleted 1 tag: v1");
    expect(result).toHaveTextContent("1 tag was not deleted:");
    expect(result).toHaveTextContent("SWR refused: locked");
    expect(result).toHaveTextContent("Request ID: req-9");
    await waitFor(() => {
      expect(screen.queryAllByTestId("tag-row").map((r) => r.dataset["tag"])).not.toContain("v1");
    });
  });

  it("copies a tag to another reference and reports the blobs linked and copied", async () => {
    const { backend, user } = renderBrowse(PATH, { ...OPTIONS, copyOutcome: { mounted: 4, copied: 1, present: 2 } });
    await user.click(checkbox(await findTagRow("v3")));
    await user.click(screen.getByTestId("tags-copy"));

    const dialog = await screen.findByTestId("copy-dialog");
    const target = within(dialog).getByTestId("copy-target");
    expect(target).toHaveValue("team-a/web:");
    expect(within(dialog).getByTestId("copy-submit")).toBeDisabled();
    await user.clear(target);
    await user.type(target, "team-b/web:v3");
    await user.click(within(dialog).getByTestId("copy-submit"));

    const result = await within(dialog).findByTestId("copy-result");
    expect(backend.browse.calls.copyTag).toEqual([{ source: "team-a/web:v3", target: "team-b/web:v3" }]);
    expect(result).toHaveTextContent("Copied to team-b/web:v3.");
    expect(result).toHaveTextContent("4 blobs (layers and config) linked without download, 1 copied, 2 already there.");
  });

  it("says what is missing or wrong in a copy's target as it is typed, with SWR's rules for each part", async () => {
    const rules = {
      valueRules: [
        {
          kind: "organization" as const,
          value: "Team-B",
          violation: mockViolation("namespace", "namespace.uppercase", "Team-B", "Organization name must be lower case; write 'team-b'."),
        },
        { kind: "tag" as const, value: "v 3", violation: mockViolation("tag", "tag.charset", "v 3", "A tag has no spaces.") },
      ],
    };
    const { backend, user } = renderBrowse(PATH, { ...OPTIONS, ...rules });
    await user.click(checkbox(await findTagRow("v3")));
    await user.click(screen.getByTestId("tags-copy"));
    const dialog = await screen.findByTestId("copy-dialog");
    const target = within(dialog).getByTestId("copy-target");
    const submit = within(dialog).getByTestId("copy-submit");
    const problem = () => within(dialog).queryByTestId("copy-target-problem");
    const expectProblem = async (rule: string, text: string) => {
      await waitFor(() => {
        expect(problem()).toHaveAttribute("data-rule", rule);
      });
      expect(problem()).toHaveTextContent(text);
      expect(target).toHaveAttribute("aria-invalid", "true");
      expect(submit).toBeDisabled();
    };
    // The target starts as the same image with the tag left to fill in: nothing to say yet.
    expect(problem()).not.toBeInTheDocument();
    expect(submit).toBeDisabled();

    await user.clear(target);
    await expectProblem("required", "Enter where to copy the tag: organization/image:tag.");
    await user.type(target, "team-b");
    await expectProblem("imageMissing", "Name the organization and the image: organization/image:tag.");
    await user.type(target, "/web");
    await expectProblem("tagMissing", "Add the new tag after a colon: organization/image:tag.");
    await user.type(target, ":v 3");
    await expectProblem("tag.charset", "A tag has no spaces.");
    await user.clear(target);
    await user.type(target, "Team-B/web:v3");
    await expectProblem("namespace.uppercase", "Organization name must be lower case");
    await user.clear(target);
    await user.type(target, "team-a/web:v3");
    await expectProblem("sameAsSource", "That is the tag being copied");

    // A target SWR refuses without naming a rule: the failure shows whole under the field.
    vi.spyOn(backend, "copyTag").mockRejectedValueOnce(
      new CommandError({
        code: "invalidInput",
        message: "organization `team-z` does not exist: create it first, then copy again",
        requestId: null,
        retryable: false,
        violation: null,
        advice: null,
      }),
    );
    await user.clear(target);
    await user.type(target, "team-z/web:v3");
    await waitFor(() => {
      expect(submit).toBeEnabled();
    });
    expect(problem()).not.toBeInTheDocument();
    expect(target).not.toHaveAttribute("aria-invalid");
    await user.click(submit);
    expect(await within(dialog).findByText(/organization `team-z` does not exist/)).toBeInTheDocument();
    expect(problem()).not.toBeInTheDocument();
    expect(target).toHaveValue("team-z/web:v3");
  });

  it("inspects a tag: platforms of an index, layers, config and history", async () => {
    const base = mockInspection("v2", mockDigest(2));
    const [amd] = base.platforms;
    if (!amd) throw new Error("no platform");
    const arm = { ...amd, architecture: "arm64", variant: "v8", digest: mockDigest(9), layers: [{ ...amd.layers[0], digest: mockDigest(8), size: 1_000, media_type: "x", created_by: null }] };
    const { backend, user } = renderBrowse(PATH, {
      ...OPTIONS,
      inspections: { v2: { ...base, is_index: true, platforms: [amd, arm] } },
    });
    await user.click(inRow(await findTagRow("v2")).getByTestId("tag-inspect"));

    const panel = await screen.findByTestId("inspect-panel");
    expect(await within(panel).findAllByTestId("inspect-layer")).toHaveLength(1);
    expect(backend.browse.calls.inspectTag).toEqual(["v2"]);
    expect(within(panel).getByTestId("inspect-layer")).toHaveTextContent("COPY app /app");
    const config = within(panel).getByTestId("inspect-config");
    expect(config).toHaveTextContent("/app");
    expect(config).toHaveTextContent("--serve");
    expect(config).toHaveTextContent("PATH=/usr/bin");
    expect(config).toHaveTextContent("org.opencontainers.image.version=1.0");
    expect(config).toHaveTextContent("8080/tcp");
    expect(config).toHaveTextContent("/srv");
    // The configuration's best-practice hints, in the interface's words.
    expect(within(panel).getByTestId("inspect-hint")).toHaveAttribute("data-id", "hint.no_healthcheck");
    const steps = within(panel).getAllByTestId("inspect-history-step");
    expect(steps[1]).toHaveAttribute("data-empty", "true");
    expect(steps[1]).toHaveTextContent("No layer");
    expect(panel).toHaveTextContent("Multi-arch index with 2 platforms");

    await choose(user, within(panel).getByTestId("inspect-platform"), "1");
    expect(within(panel).getByTestId("inspect-platform-view")).toHaveAttribute("data-platform", "linux/arm64/v8");
    expect(within(panel).getByTestId("inspect-layer")).toHaveTextContent("Not recorded");

    await user.keyboard("{Escape}");
    await waitFor(() => {
      expect(screen.queryByTestId("inspect-panel")).not.toBeInTheDocument();
    });
  });
});
