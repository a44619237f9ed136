import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";

import { choose } from "../../test/choose";
import { stubSystemLanguage, stubSystemTheme } from "../../test/renderApp";
import { renderBrowse, stubViewport } from "../browse/testing";
import { DIGEST_A, DIGEST_B, findByData, gap, IMAGE, options, PATH, row } from "./testing";

beforeEach(() => {
  stubSystemLanguage("en-US");
  stubSystemTheme("light");
  stubViewport();
});

function gapRows(card: HTMLElement): string[] {
  return within(card)
    .queryAllByTestId("sync-gap-row")
    .map((el) => `${el.dataset["tag"] ?? ""} ${el.dataset["state"] ?? ""}`);
}

describe("gap view", () => {
  it("counts each rule's tags as missing, different or the same, and lists those that are not the same", async () => {
    renderBrowse(PATH, options());
    const east = await findByData("sync-gap", { region: "cn-east-3", namespace: "team-a" });
    expect(east).toHaveAttribute("data-missing", "1");
    expect(east).toHaveAttribute("data-differs", "1");
    expect(east).toHaveAttribute("data-same", "2");
    expect(within(east).getByTestId("sync-gap-summary")).toHaveTextContent("1 missing, 1 different, 2 the same");
    expect(gapRows(east)).toEqual(["v2.0 differs", "v1.1 missing"]);

    const [differs, missing] = within(east).getAllByTestId("sync-gap-row");
    if (!differs || !missing) throw new Error("rows missing");
    // Digests as `docker images` shortens them, here and there.
    expect(differs).toHaveTextContent("Different");
    expect(differs).toHaveTextContent("aaaaaaaaaaaa");
    expect(differs).toHaveTextContent("bbbbbbbbbbbb");
    expect(differs).not.toHaveTextContent("aaaaaaaaaaaaa");
    expect(missing).toHaveTextContent("Missing");
    expect(missing).toHaveTextContent("cccccccccccc");
    expect(missing).toHaveTextContent("—");
  });

  it("shows why a target could not be read instead of counts", async () => {
    renderBrowse(PATH, options());
    const mirror = await findByData("sync-gap", { region: "ap-southeast-1", namespace: "mirror" });
    expect(within(mirror).getByTestId("sync-gap-problem")).toHaveTextContent(
      "CN-Hong Kong (ap-southeast-1) could not be read: no endpoints are known for region ap-southeast-1",
    );
    expect(within(mirror).queryByTestId("sync-gap-summary")).not.toBeInTheDocument();
    expect(gapRows(mirror)).toEqual([]);
  });

  it("compares again on refresh", async () => {
    const opts = options();
    const { user } = renderBrowse(PATH, opts);
    await findByData("sync-gap", { region: "cn-east-3", missing: "1" });
    opts.syncGaps[IMAGE] = [gap("cn-east-3", "team-a", [row("latest", DIGEST_A, DIGEST_A), row("v1.0", DIGEST_B, DIGEST_B)])];
    await user.click(screen.getByTestId("sync-gap-refresh"));

    const east = await findByData("sync-gap", { region: "cn-east-3", missing: "0", differs: "0", same: "2" });
    expect(within(east).getByTestId("sync-gap-same")).toHaveTextContent("Every tag is there with the same digest.");
    expect(gapRows(east)).toEqual([]);
    expect(screen.queryAllByTestId("sync-gap")).toHaveLength(1);
  });

  it("hands the tags a target lacks to Sync now", async () => {
    const { user } = renderBrowse(PATH, options());
    await findByData("sync-tag", { tag: "latest" });
    await choose(user, screen.getByTestId("sync-target"), "ap-southeast-1/mirror");
    const east = await findByData("sync-gap", { region: "cn-east-3" });
    await user.click(within(east).getByTestId("sync-gap-choose"));

    expect(screen.getByTestId("sync-target")).toHaveAttribute("data-value", "cn-east-3/team-a");
    const checked = screen
      .getAllByTestId("sync-tag")
      .filter((el) => (el as HTMLInputElement).checked)
      .map((el) => el.dataset["tag"]);
    expect(checked).toEqual(["v2.0", "v1.1"]);
    expect(screen.getByTestId("sync-now")).toHaveFocus();
    expect(screen.getByTestId("sync-summary")).toHaveTextContent("Copies 2 tags to cn-east-3 / team-a.");
  });

  it("says there is nothing to compare without rules", async () => {
    renderBrowse(PATH, { ...options(), syncRules: {}, syncGaps: {} });
    await waitFor(() => {
      expect(screen.getByTestId("sync-gaps-empty")).toHaveTextContent("No rules, so there is nothing to compare. Add a rule above.");
    });
  });
});
