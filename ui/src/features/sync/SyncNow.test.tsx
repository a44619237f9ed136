import { screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";

import { mockViolation } from "../../ipc/mock";
import { choicesOf, choose } from "../../test/choose";
import { stubSystemLanguage, stubSystemTheme } from "../../test/renderApp";
import { renderBrowse, stubViewport } from "../browse/testing";
import { findByData, IMAGE, job, JOBS, options, PATH, refused, violation } from "./testing";

beforeEach(() => {
  stubSystemTheme("light");
  stubViewport();
});

function tagBox(tag: string): HTMLElement {
  const box = screen.getAllByTestId("sync-tag").find((el) => el.dataset["tag"] === tag);
  if (!box) throw new Error(`no checkbox for ${tag}`);
  return box;
}

/** Waits for the form's checks to let the button through, then clicks it. */
async function clickWhenEnabled(user: { click: (el: Element) => Promise<void> }, button: HTMLElement) {
  await waitFor(() => {
    expect(button).toBeEnabled();
  });
  await user.click(button);
}

function checkedTags(): (string | undefined)[] {
  return screen
    .getAllByTestId("sync-tag")
    .filter((el) => (el as HTMLInputElement).checked)
    .map((el) => el.dataset["tag"]);
}

describe("syncing tags now", () => {
  it("offers the image's tags, most recently pushed first, and every rule's target", async () => {
    stubSystemLanguage("en-US");
    const { backend, user } = renderBrowse(PATH, options());
    await findByData("sync-tag", { tag: "latest" });
    expect(backend.browse.calls.queryTags).toContainEqual(
      expect.objectContaining({ image: "web", query: { filter: "", sort: "pushed", descending: true } }),
    );
    expect(screen.getAllByTestId("sync-tag").map((el) => el.dataset["tag"])).toEqual(["latest", "v2.0", "v1.1", "v1.0"]);
    const target = screen.getByTestId("sync-target");
    await waitFor(() => {
      expect(target).toHaveTextContent("cn-east-3 / team-a");
    });
    expect(await choicesOf(user, target)).toEqual([
      "cn-east-3 / team-a",
      "CN-Hong Kong (ap-southeast-1) / mirror",
      "Another region and organization…",
    ]);
    expect(target).toHaveAttribute("data-value", "cn-east-3/team-a");
    expect(screen.getByTestId("sync-run")).toBeDisabled();
    expect(screen.getByTestId("sync-run-hint")).toHaveTextContent("Select at least one tag.");
  });

  it("says a tag is needed once the user took every tag away again", async () => {
    stubSystemLanguage("en-US");
    const { user } = renderBrowse(PATH, options());
    await findByData("sync-tag", { tag: "latest" });
    await user.click(tagBox("latest"));
    await waitFor(() => {
      expect(screen.getByTestId("sync-run")).toBeEnabled();
    });
    expect(screen.queryByTestId("sync-run-hint")).not.toBeInTheDocument();

    await user.click(screen.getByTestId("sync-tags-clear"));
    const problem = await screen.findByTestId("sync-tags-problem");
    expect(problem).toHaveTextContent("Select at least one tag.");
    expect(problem).toHaveAttribute("data-rule", "required");
    expect(problem).not.toHaveAttribute("role");
    expect(screen.queryByTestId("sync-run-hint")).not.toBeInTheDocument();
    expect(screen.getByTestId("sync-run")).toBeDisabled();
  });

  it("sends the chosen tags to the chosen target, says what it will do first, and reads the jobs again", async () => {
    stubSystemLanguage("en-US");
    const opts = options();
    const { user, backend } = renderBrowse(PATH, opts);
    await findByData("sync-tag", { tag: "latest" });
    expect(screen.getByTestId("sync-override")).toHaveAccessibleDescription(
      expect.stringContaining("Without it, such a tag is left as it is there, and its sync job fails."),
    );

    await user.click(tagBox("v1.1"));
    await user.click(tagBox("latest"));
    await choose(user, screen.getByTestId("sync-target"), "ap-southeast-1/mirror");
    expect(screen.getByTestId("sync-summary")).toHaveTextContent(
      "Copies 2 tags to CN-Hong Kong (ap-southeast-1) / mirror. Tags that exist there with another image are left as they are; their jobs fail.",
    );
    await user.click(screen.getByTestId("sync-override"));
    expect(screen.getByTestId("sync-summary")).toHaveTextContent("Tags that exist there with another image are replaced.");

    // SWR lists the jobs of a sync once it accepted it.
    opts.syncJobs[IMAGE] = [
      job(3, "v1.1", "running", { createdAt: "2026-11-04T12:00:00Z", remoteRegionId: "ap-southeast-1", remoteNamespace: "mirror" }),
      ...JOBS,
    ];
    await user.click(screen.getByTestId("sync-run"));

    await waitFor(() => {
      expect(backend.sync.syncs).toEqual([
        { image: "team-a/web", tags: ["v1.1", "latest"], region: "ap-southeast-1", namespace: "mirror", overwrite: true },
      ]);
    });
    expect(await screen.findByTestId("sync-run-started")).toHaveTextContent(
      "Sync of 2 tags to CN-Hong Kong (ap-southeast-1) / mirror started; follow them under Jobs.",
    );
    const started = await findByData("sync-job", { tag: "v1.1" });
    expect(started).toHaveAttribute("data-status", "running");
    expect(started).toHaveAttribute("data-region", "ap-southeast-1");
    expect(checkedTags()).toEqual([]);
  });

  it("selects in one click the tags the gap view finds missing or different in the target", async () => {
    stubSystemLanguage("en-US");
    const { user, backend } = renderBrowse(PATH, options());
    await findByData("sync-tag", { tag: "latest" });
    const select = await screen.findByTestId("sync-select-gap");
    expect(select).toHaveTextContent("Select the 2 tags missing or different there");
    await user.click(tagBox("latest"));
    await user.click(select);
    expect(checkedTags()).toEqual(["v2.0", "v1.1"]);

    // The gap of the other rule's target could not be read, so it offers nothing.
    await choose(user, screen.getByTestId("sync-target"), "ap-southeast-1/mirror");
    expect(screen.queryByTestId("sync-select-gap")).not.toBeInTheDocument();

    await choose(user, screen.getByTestId("sync-target"), "cn-east-3/team-a");
    await user.click(screen.getByTestId("sync-run"));
    await waitFor(() => {
      expect(backend.sync.syncs).toEqual([
        { image: "team-a/web", tags: ["v2.0", "v1.1"], region: "cn-east-3", namespace: "team-a", overwrite: false },
      ]);
    });
  });

  it("syncs to a region and organization no rule names", async () => {
    stubSystemLanguage("en-US");
    const { user, backend } = renderBrowse(PATH, {
      ...options(),
      syncRules: {},
      valueRules: [
        {
          kind: "organization",
          value: "Team",
          violation: mockViolation("namespace", "namespace.uppercase", "Team", "An organization name must be lower case; write 'team'."),
        },
      ],
    });
    await findByData("sync-tag", { tag: "latest" });
    expect(screen.getByTestId("sync-target")).toHaveAttribute("data-value", "other");
    await user.click(tagBox("v1.0"));
    expect(await screen.findByTestId("sync-target-region")).toHaveAttribute("data-value", "cn-east-3");
    await choose(user, screen.getByTestId("sync-target-region"), "ap-southeast-3");
    const namespace = screen.getByTestId("sync-target-namespace");
    await user.type(namespace, "Team");
    await waitFor(() => {
      expect(screen.getByTestId("sync-target-problem")).toHaveTextContent("must be lower case; write 'team'");
    });
    expect(screen.getByTestId("sync-run")).toBeDisabled();
    await user.clear(namespace);
    await user.type(namespace, "team-sg");
    await waitFor(() => {
      expect(screen.getByTestId("sync-run")).toBeEnabled();
    });
    await user.click(screen.getByTestId("sync-run"));
    await waitFor(() => {
      expect(backend.sync.syncs).toEqual([
        { image: "team-a/web", tags: ["v1.0"], region: "ap-southeast-3", namespace: "team-sg", overwrite: false },
      ]);
    });
  });

  it("shows a broken rule on the tags in the interface language, and other failures with their details", async () => {
    stubSystemLanguage("zh-CN");
    const { user, backend } = renderBrowse(PATH, options());
    const syncTags = vi
      .spyOn(backend, "syncTags")
      .mockRejectedValueOnce(violation("tag", "A tag must start with a letter, a digit or '_'.", "镜像版本必须以字母、数字或“_”开头。"))
      .mockRejectedValueOnce(refused("quota exceeded"));
    await findByData("sync-tag", { tag: "latest" });
    await user.click(tagBox("latest"));
    await clickWhenEnabled(user, screen.getByTestId("sync-run"));

    const problem = await screen.findByTestId("sync-tags-problem");
    expect(problem).toHaveAttribute("data-rule", "tag.rule");
    expect(problem).toHaveAttribute("role", "alert");
    expect(problem).toHaveTextContent("镜像版本必须以字母、数字或“_”开头。");
    expect(problem).toHaveTextContent("req-7");
    expect(screen.queryByTestId("sync-run-error")).not.toBeInTheDocument();
    expect(screen.getByTestId("sync-run")).toBeDisabled();

    // Choosing other tags takes the refusal away.
    await user.click(tagBox("v1.0"));
    await waitFor(() => {
      expect(screen.queryByTestId("sync-tags-problem")).not.toBeInTheDocument();
    });
    await clickWhenEnabled(user, screen.getByTestId("sync-run"));
    await waitFor(() => {
      expect(screen.getByTestId("sync-run-error")).toHaveTextContent("无法启动同步。");
    });
    expect(screen.getByTestId("sync-run-error")).toHaveTextContent("quota exceeded");
    expect(syncTags).toHaveBeenCalledTimes(2);
    expect(syncTags.mock.calls[1]?.[3]).toEqual(expect.objectContaining({ tags: ["latest", "v1.0"] }));
    expect(screen.queryByTestId("sync-run-started")).not.toBeInTheDocument();

    // The failure was about that choice of tags: changing it takes the failure away.
    await user.click(tagBox("v1.0"));
    await waitFor(() => {
      expect(screen.queryByTestId("sync-run-error")).not.toBeInTheDocument();
    });
  });
});
