import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";

import { stubSystemLanguage, stubSystemTheme } from "../../test/renderApp";
import { renderBrowse, stubViewport } from "../browse/testing";
import { OPTIONS, PATH } from "./testing";

beforeEach(() => {
  stubSystemLanguage("en-US");
  stubSystemTheme("light");
  stubViewport();
});

async function findRow(name: string): Promise<HTMLElement> {
  return waitFor(() => {
    const row = screen.getAllByTestId("trigger-row").find((el) => el.dataset["trigger"] === name);
    if (!row) throw new Error(`no trigger ${name}`);
    return row;
  });
}

function names(): (string | undefined)[] {
  return screen.queryAllByTestId("trigger-row").map((row) => row.dataset["trigger"]);
}

describe("trigger list", () => {
  it("says in words what fires each trigger and which workload it updates", async () => {
    renderBrowse(PATH, OPTIONS);
    const all = await findRow("deploy-all");
    expect(names()).toEqual(["deploy-all", "release-tags", "nightly"]);
    expect(screen.getByTestId("triggers-count")).toHaveTextContent("3 triggers");

    const field = (row: HTMLElement, id: string) => within(row).getByTestId(id);
    expect(field(all, "trigger-row-condition")).toHaveTextContent("Every tag pushed");
    expect(field(all, "trigger-row-mode")).toHaveTextContent("CCE");
    expect(field(all, "trigger-row-cluster")).toHaveTextContent("prod-cluster");
    expect(field(all, "trigger-row-cluster")).toHaveTextContent("4f1c-cluster-id");
    expect(field(all, "trigger-row-namespace")).toHaveTextContent("default");
    expect(field(all, "trigger-row-workload")).toHaveTextContent("Deployment web");
    expect(field(all, "trigger-row-container")).toHaveTextContent("All containers");
    expect(all).toHaveAttribute("data-enabled", "true");
    expect(within(all).getByRole("switch", { name: "Trigger deploy-all enabled" })).toBeChecked();

    const tags = await findRow("release-tags");
    expect(field(tags, "trigger-row-condition")).toHaveTextContent("Any of the tags v1.0, v1.1");
    expect(field(tags, "trigger-row-mode")).toHaveTextContent("CCI");
    expect(field(tags, "trigger-row-cluster")).toHaveTextContent("None (CCI has no clusters)");
    expect(field(tags, "trigger-row-namespace")).toHaveTextContent("jobs");
    expect(field(tags, "trigger-row-workload")).toHaveTextContent("StatefulSet worker");
    expect(field(tags, "trigger-row-container")).toHaveTextContent("app");

    const nightly = await findRow("nightly");
    expect(field(nightly, "trigger-row-condition")).toHaveTextContent("Tags whose whole name matches /nightly-\\d+/");
    expect(nightly).toHaveAttribute("data-enabled", "false");
    expect(within(nightly).getByRole("switch")).not.toBeChecked();
    expect(nightly).toHaveTextContent("Disabled: pushes do not fire it.");
  });

  it("unfolds a trigger's history, newest run first, with its result and detail", async () => {
    const { user } = renderBrowse(PATH, OPTIONS);
    const row = await findRow("release-tags");
    const history = within(row).getByTestId("trigger-history");
    const runs = () => within(history).getAllByTestId("trigger-history-row");
    expect(runs()[0]).not.toBeVisible();

    await user.click(within(row).getByText("History: 2 runs"));
    expect(runs()[0]).toBeVisible();
    expect(runs().map((r) => [r.dataset["tag"], r.dataset["result"]])).toEqual([
      ["v1.1", "failed"],
      ["v1.0", "success"],
    ]);
    expect(runs()[0]).toHaveTextContent("Failed");
    expect(runs()[0]).toHaveTextContent("image pull failed");
    expect(runs()[1]).toHaveTextContent("Succeeded");
    expect(runs()[1]).toHaveTextContent("worker updated");

    await user.click(within(row).getByText("History: 2 runs"));
    expect(runs()[0]).not.toBeVisible();

    const never = within(await findRow("deploy-all")).getByTestId("trigger-history");
    expect(never).toHaveTextContent("History: 0 runs");
    expect(never).toHaveTextContent("This trigger has not fired yet.");
  });

  it("switches a trigger on and off and reads the change back", async () => {
    const { user, backend } = renderBrowse(PATH, OPTIONS);
    const nightly = await findRow("nightly");
    await user.click(within(nightly).getByRole("switch", { name: "Trigger nightly enabled" }));

    expect(backend.automation.toggledTriggers).toEqual([{ image: "team-a/web", name: "nightly", enabled: true }]);
    await waitFor(async () => {
      expect(await findRow("nightly")).toHaveAttribute("data-enabled", "true");
    });
    expect(within(await findRow("nightly")).getByTestId("trigger-enabled")).toBeChecked();
    expect(await findRow("nightly")).not.toHaveTextContent("Disabled: pushes do not fire it.");

    await user.click(within(await findRow("deploy-all")).getByTestId("trigger-enabled"));
    expect(backend.automation.toggledTriggers[1]).toEqual({ image: "team-a/web", name: "deploy-all", enabled: false });
    await waitFor(async () => {
      expect(await findRow("deploy-all")).toHaveAttribute("data-enabled", "false");
    });
  });

  it("deletes a trigger only after the confirmation says which workload stops being updated", async () => {
    const { user, backend } = renderBrowse(PATH, OPTIONS);
    const row = await findRow("release-tags");
    await user.click(within(row).getByRole("button", { name: "Delete trigger release-tags" }));

    const dialog = await screen.findByTestId("trigger-delete-confirm");
    expect(dialog).toHaveTextContent("Delete trigger release-tags?");
    expect(dialog).toHaveTextContent(
      "Pushes to team-a/web will no longer update StatefulSet worker in namespace jobs. The trigger's history is deleted with it.",
    );
    await user.click(within(dialog).getByText("Cancel", { selector: "button" }));
    expect(screen.queryByTestId("trigger-delete-confirm")).not.toBeInTheDocument();
    expect(backend.automation.deletedTriggers).toEqual([]);

    await user.click(within(row).getByTestId("trigger-delete"));
    await user.click(within(await screen.findByTestId("trigger-delete-confirm")).getByTestId("trigger-delete-ok"));
    expect(backend.automation.deletedTriggers).toEqual([{ image: "team-a/web", name: "release-tags" }]);
    await waitFor(() => {
      expect(names()).toEqual(["deploy-all", "nightly"]);
    });
    expect(screen.queryByTestId("trigger-delete-confirm")).not.toBeInTheDocument();
    expect(screen.getByTestId("triggers-count")).toHaveTextContent("2 triggers");
  });

  it("says when an image has no triggers", async () => {
    renderBrowse(PATH, { ...OPTIONS, triggers: {} });
    expect(await screen.findByTestId("triggers-empty")).toHaveTextContent(
      "This image has no triggers: pushing a tag updates no workload.",
    );
    expect(screen.getByTestId("triggers-count")).toHaveTextContent("0 triggers");
  });
});
