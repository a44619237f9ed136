import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";

import { CommandError, type TriggerMatch } from "../../ipc";
import { mockViolation } from "../../ipc/mock";
import { choose } from "../../test/choose";
import { stubSystemLanguage, stubSystemTheme } from "../../test/renderApp";
import { renderBrowse, stubViewport } from "../browse/testing";
import { OPTIONS, PATH } from "./testing";

beforeEach(() => {
  stubSystemTheme("light");
  stubViewport();
});

function match(trigger: string, extra: Partial<TriggerMatch>): TriggerMatch {
  return { trigger, enabled: true, matches: false, fires: false, matched: null, because: "", ...extra };
}

const TESTS: Record<string, TriggerMatch[]> = {
  "v1.1": [
    match("deploy-all", { matches: true, fires: true, matched: [0, 4], because: "fires on every tag" }),
    match("release-tags", { matches: true, fires: true, matched: [0, 4], because: "v1.1 is one of the listed tags" }),
    match("nightly", {
      enabled: false,
      because: "/nightly-\\d+/ does not match the whole tag (a trigger's expression must match all of it)",
    }),
  ],
  "nightly-7": [
    match("deploy-all", { matches: true, fires: true, matched: [0, 9], because: "fires on every tag" }),
    match("release-tags", { because: "nightly-7 is not among v1.0, v1.1" }),
    match("nightly", {
      enabled: false,
      matches: true,
      matched: [0, 9],
      because: "/nightly-\\d+/ matches the whole tag, but the trigger is disabled",
    }),
  ],
  "build-42": [match("deploy-all", { matches: true, fires: true, matched: [6, 8], because: "a part matched" })],
};

async function findResult(trigger: string): Promise<HTMLElement> {
  return waitFor(() => {
    const row = screen.getAllByTestId("trigger-test-result").find((el) => el.dataset["trigger"] === trigger);
    if (!row) throw new Error(`no result for ${trigger}`);
    return row;
  });
}

describe("testing a tag against the triggers", () => {
  it("shows which triggers a typed tag fires, the part it matched and why", async () => {
    stubSystemLanguage("en-US");
    const { user, backend } = renderBrowse(PATH, { ...OPTIONS, triggerTests: TESTS });
    const tester = await screen.findByTestId("trigger-tester");
    expect(tester).toHaveTextContent("A disabled trigger never fires, even when its condition matches.");
    expect(screen.getByTestId("trigger-test-run")).toBeDisabled();

    await user.type(screen.getByTestId("trigger-test-tag"), "v1.1");
    await user.click(screen.getByTestId("trigger-test-run"));

    expect(await screen.findByTestId("trigger-test-summary")).toHaveTextContent("2 of 3 triggers would fire on v1.1.");
    expect(backend.automation.testedTags).toEqual(["v1.1"]);

    const all = await findResult("deploy-all");
    expect(all).toHaveAttribute("data-fires", "true");
    expect(within(all).getByTestId("trigger-test-verdict")).toHaveTextContent("Fires");
    expect(within(all).getByTestId("trigger-test-highlight")).toHaveTextContent(/^v1\.1$/);
    expect(all).toHaveTextContent("Would update Deployment web in namespace default.");
    expect(within(all).getByTestId("trigger-test-because")).toHaveTextContent("Why: fires on every tag");

    const tags = await findResult("release-tags");
    expect(tags).toHaveAttribute("data-fires", "true");
    expect(tags).toHaveTextContent("Would update StatefulSet worker in namespace jobs.");
    expect(tags).toHaveTextContent("v1.1 is one of the listed tags");

    const nightly = await findResult("nightly");
    expect(nightly).toHaveAttribute("data-fires", "false");
    expect(within(nightly).getByTestId("trigger-test-verdict")).toHaveTextContent("Does not match");
    expect(within(nightly).queryByTestId("trigger-test-highlight")).not.toBeInTheDocument();
    expect(nightly).toHaveTextContent("must match all of it");
  });

  it("tests a tag picked from the image's tags and says a disabled trigger that matches does not fire", async () => {
    stubSystemLanguage("en-US");
    const { user, backend } = renderBrowse(PATH, { ...OPTIONS, triggerTests: TESTS });
    const pick = await screen.findByTestId("trigger-test-pick");
    await waitFor(() => {
      expect(pick).toBeEnabled();
    });
    await choose(user, pick, "nightly-7");

    expect(screen.getByTestId("trigger-test-tag")).toHaveValue("nightly-7");
    const nightly = await findResult("nightly");
    expect(backend.automation.testedTags).toEqual(["nightly-7"]);
    expect(nightly).toHaveAttribute("data-fires", "false");
    expect(within(nightly).getByTestId("trigger-test-verdict")).toHaveTextContent("Matches, but disabled: does not fire");
    expect(within(nightly).getByTestId("trigger-test-highlight")).toHaveTextContent(/^nightly-7$/);
    expect(nightly).toHaveTextContent("but the trigger is disabled");
    expect(nightly).not.toHaveTextContent("Would update");
    expect(screen.getByTestId("trigger-test-summary")).toHaveTextContent("1 of 3 triggers would fire on nightly-7.");
  });

  it("highlights only the part of the tag the condition matched", async () => {
    stubSystemLanguage("en-US");
    const { user } = renderBrowse(PATH, { ...OPTIONS, triggerTests: TESTS });
    await user.type(await screen.findByTestId("trigger-test-tag"), "build-42");
    await user.click(screen.getByTestId("trigger-test-run"));

    const all = await findResult("deploy-all");
    const tagged = within(all).getByTestId("trigger-test-tagged");
    expect(tagged).toHaveTextContent(/^build-42$/);
    expect(within(tagged).getByTestId("trigger-test-highlight")).toHaveTextContent(/^42$/);
    expect(screen.getByTestId("trigger-test-summary")).toHaveTextContent("1 of 1 trigger would fire on build-42.");
  });

  it("refuses a tag the backend says docker would refuse before asking", async () => {
    stubSystemLanguage("en-US");
    const { user, backend } = renderBrowse(PATH, {
      ...OPTIONS,
      triggerTests: TESTS,
      valueRules: [{ kind: "tag", value: "-rc1", violation: mockViolation("tag", "tag.start", "-rc1", "A tag must start with a letter, a digit or '_'.") }],
    });
    const input = await screen.findByTestId("trigger-test-tag");
    await user.type(input, "-rc1");
    await waitFor(() => {
      expect(screen.getByTestId("trigger-test-problem")).toHaveTextContent("A tag must start with a letter, a digit or '_'.");
    });
    expect(screen.getByTestId("trigger-test-problem")).toHaveAttribute("data-rule", "tag.start");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("trigger-test-run")).toBeDisabled();
    await user.type(input, "{Enter}");
    expect(backend.automation.testedTags).toEqual([]);
  });

  it("shows a tag SWR refuses to test on the tag field with the request id, until the tag changes", async () => {
    stubSystemLanguage("en-US");
    const { user, backend } = renderBrowse(PATH, { ...OPTIONS, triggerTests: TESTS });
    vi.spyOn(backend, "testTriggerTag").mockRejectedValue(
      new CommandError({
        code: "invalidInput",
        message: "refused",
        requestId: "req-5",
        retryable: false,
        violation: mockViolation("tag", "tag.length", "v1.1", "A tag has at most 128 characters."),
        advice: null,
      }),
    );
    const input = await screen.findByTestId("trigger-test-tag");
    await user.type(input, "v1.1");
    await user.click(screen.getByTestId("trigger-test-run"));

    const problem = await screen.findByTestId("trigger-test-problem");
    expect(problem).toHaveTextContent("A tag has at most 128 characters.");
    expect(problem).toHaveTextContent("Request ID: req-5");
    expect(problem).toHaveAttribute("role", "alert");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input.getAttribute("aria-describedby")).toContain(problem.id);
    expect(screen.queryByTestId("trigger-test-error")).not.toBeInTheDocument();

    await user.type(input, "2");
    expect(screen.queryByTestId("trigger-test-problem")).not.toBeInTheDocument();
    expect(input).not.toHaveAttribute("aria-invalid");
  });

  it("says so in Chinese when no trigger would fire because there are none", async () => {
    stubSystemLanguage("zh-CN");
    const { user } = renderBrowse(PATH, { ...OPTIONS, triggers: {} });
    await user.type(await screen.findByTestId("trigger-test-tag"), "v9");
    await user.click(screen.getByTestId("trigger-test-run"));
    expect(await screen.findByTestId("trigger-test-summary")).toHaveTextContent("此镜像没有触发器，推送不会更新任何工作负载。");
    expect(screen.getByTestId("trigger-tester")).toHaveTextContent("已停用的触发器永远不会执行，即使其条件匹配。");
  });
});
