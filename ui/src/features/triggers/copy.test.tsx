// With Chinese selected, nothing the triggers tab shows may still be English, apart from the
// names and values that come from SWR, and names kept in every language (CCE, CCI, Kubernetes, ID).

import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";

import { mockViolation } from "../../ipc/mock";
import { englishLeftIn } from "../../test/english";
import { stubSystemLanguage, stubSystemTheme } from "../../test/renderApp";
import { renderBrowse, stubViewport } from "../browse/testing";
import { OPTIONS, PATH } from "./testing";

const ALLOWED =
  /SWR|CCE|CCI|Kubernetes|\bID\b|image pull failed|worker updated|fires on every tag|deploy-all|release-tags|nightly|prod-cluster|cluster-id|default|jobs|worker|web|\bapp\b|team-a|latest|admin|v\d[\w.-]*|\\d/g;

beforeEach(() => {
  stubSystemLanguage("zh-CN");
  stubSystemTheme("light");
  stubViewport();
});

describe("Chinese copy of the triggers tab", () => {
  it("leaves no English in the list, history, add form, tester and delete dialog", async () => {
    const { user } = renderBrowse(PATH, {
      ...OPTIONS,
      triggerRules: [
        { field: "name", value: "1", violation: mockViolation("trigger_name", "trigger_name.start", "1", "A trigger name must start with a letter.", "触发器名称必须以字母开头。") },
        { field: "condition", value: "-x", violation: mockViolation("condition", "tag.start", "-x", "-x: a tag must start with a letter.", "-x：镜像版本必须以字母开头。") },
      ],
      triggerTests: {
        latest: [
          { trigger: "deploy-all", enabled: true, matches: true, fires: true, matched: [0, 6], because: "fires on every tag" },
          { trigger: "nightly", enabled: false, matches: false, fires: false, matched: null, because: "" },
        ],
      },
    });
    const tab = await screen.findByTestId("triggers-tab");
    await screen.findAllByTestId("trigger-row");
    for (const toggle of screen.getAllByTestId("trigger-history-toggle")) await user.click(toggle);
    await user.click(screen.getByTestId("trigger-add-open"));
    await user.click(screen.getByTestId("trigger-type-tag"));
    await user.type(screen.getByTestId("trigger-condition"), "-x");
    await user.type(screen.getByTestId("trigger-name"), "1");
    await user.click(screen.getByTestId("trigger-add-submit"));
    await user.type(screen.getByTestId("trigger-test-tag"), "latest");
    await user.click(screen.getByTestId("trigger-test-run"));
    await screen.findAllByTestId("trigger-test-result");
    // The backend's words for the broken rules, in Chinese.
    await waitFor(() => {
      expect(within(tab).getAllByTestId("trigger-problem").length).toBe(2);
    });

    expect(englishLeftIn(tab, ALLOWED)).toEqual([]);

    const row = screen.getAllByTestId("trigger-row")[1];
    if (!row) throw new Error("no second trigger");
    await user.click(within(row).getByTestId("trigger-delete"));
    const dialog = await screen.findByTestId("trigger-delete-confirm");
    await waitFor(() => {
      expect(dialog).toHaveTextContent("删除触发器 release-tags？");
    });
    expect(englishLeftIn(dialog, ALLOWED)).toEqual([]);
  });
});
