import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";

import { mockViolation } from "../../ipc/mock";
import { choicesOf, choose } from "../../test/choose";
import { stubSystemLanguage, stubSystemTheme } from "../../test/renderApp";
import { renderBrowse, stubViewport } from "../browse/testing";
import { findByData, options, PATH, refused, violation } from "./testing";

beforeEach(() => {
  stubSystemTheme("light");
  stubViewport();
});

function ruleTargets(): string[] {
  return screen.queryAllByTestId("sync-rule").map((el) => `${el.dataset["region"] ?? ""}/${el.dataset["namespace"] ?? ""}`);
}

describe("sync rules", () => {
  it("lists each rule's target region, organization there, mode and what happens to tags there", async () => {
    stubSystemLanguage("en-US");
    renderBrowse(PATH, options());
    const east = await findByData("sync-rule", { region: "cn-east-3" });
    expect(ruleTargets()).toEqual(["cn-east-3/team-a", "ap-southeast-1/mirror"]);
    expect(screen.getByTestId("sync-rules-count")).toHaveTextContent("2 rules");

    expect(east).toHaveAttribute("data-auto", "true");
    expect(east).toHaveTextContent("team-a");
    expect(within(east).getByTestId("sync-rule-mode")).toHaveTextContent("Automatic: every new tag");
    expect(within(east).getByTestId("sync-rule-existing")).toHaveTextContent("Left as they are");

    const hongKong = await findByData("sync-rule", { region: "ap-southeast-1" });
    expect(hongKong).toHaveAttribute("data-auto", "false");
    expect(hongKong).toHaveAttribute("data-namespace", "mirror");
    // A region the app knows is named, with its id.
    expect(hongKong).toHaveTextContent("CN-Hong Kong (ap-southeast-1)");
    expect(within(hongKong).getByTestId("sync-rule-mode")).toHaveTextContent("Manual: only when you sync");
    expect(within(hongKong).getByTestId("sync-rule-existing")).toHaveTextContent("Replaced when different");
  });

  it("says when an image has no rules", async () => {
    stubSystemLanguage("en-US");
    renderBrowse(PATH, { ...options(), syncRules: {} });
    expect(await screen.findByTestId("sync-rules-empty")).toHaveTextContent("This image has no sync rules");
    expect(screen.getByTestId("sync-rules-count")).toHaveTextContent("0 rules");
  });
});

describe("adding a rule", () => {
  it("explains override before it is set, sends the rule and lists it", async () => {
    stubSystemLanguage("en-US");
    const { user, backend } = renderBrowse(PATH, options());
    await findByData("sync-rule", { region: "cn-east-3" });

    const override = screen.getByTestId("sync-rule-override");
    expect(override).not.toBeChecked();
    expect(override).toHaveAccessibleDescription(
      "With override, a tag that already exists in the target region with another image is replaced. Without it, such a tag is left as it is there, and its sync job fails.",
    );
    const namespace = screen.getByTestId("sync-rule-namespace");
    expect(namespace).toHaveAccessibleDescription(
      "The organization must already exist in cn-east-3; SWR does not create it. The image there gets the same name, web.",
    );

    await choose(user, screen.getByTestId("sync-rule-region"), "ap-southeast-3");
    expect(namespace).toHaveAccessibleDescription(expect.stringContaining("must already exist in AP-Singapore (ap-southeast-3)"));
    await user.type(namespace, "team-sg");
    await user.click(screen.getByTestId("sync-rule-auto"));
    await user.click(override);
    await user.click(screen.getByTestId("sync-rule-add"));

    await waitFor(() => {
      expect(backend.sync.addedRules).toEqual([
        { image: "team-a/web", rule: { region: "ap-southeast-3", namespace: "team-sg", auto: true, overwrite: true } },
      ]);
    });
    const added = await findByData("sync-rule", { region: "ap-southeast-3", namespace: "team-sg" });
    expect(added).toHaveAttribute("data-auto", "true");
    expect(within(added).getByTestId("sync-rule-existing")).toHaveTextContent("Replaced when different");
    expect(screen.getByTestId("sync-rule-added")).toHaveTextContent("Rule for AP-Singapore (ap-southeast-3) / team-sg added.");
    // The form is ready for the next rule.
    expect(namespace).toHaveValue("");
    expect(screen.getByTestId("sync-rule-auto")).not.toBeChecked();
    expect(screen.getByTestId("sync-rule-override")).not.toBeChecked();
    // The new target can be synced to at once.
    expect(await choicesOf(user, screen.getByTestId("sync-target"))).toContain("AP-Singapore (ap-southeast-3) / team-sg");
  });

  it("shows the rule the backend says the organization name breaks, and that a rule exists already, and sends nothing", async () => {
    stubSystemLanguage("en-US");
    const organization = (value: string, rule: string, en: string) => ({
      kind: "organization" as const,
      value,
      violation: mockViolation("namespace", `namespace.${rule}`, value, en),
    });
    const { user, backend } = renderBrowse(PATH, {
      ...options(),
      valueRules: [
        organization("", "required", "Organization name is required."),
        organization("Team-A", "uppercase", "An organization name must be lower case; write 'team-a'."),
        organization("library", "reserved", "'library' is reserved by SWR."),
      ],
    });
    await findByData("sync-rule", { region: "cn-east-3" });
    const problem = () => screen.queryByTestId("sync-rule-problem");

    await user.click(screen.getByTestId("sync-rule-add"));
    await waitFor(() => {
      expect(problem()).toHaveTextContent("Organization name is required.");
    });
    expect(problem()).toHaveAttribute("data-rule", "namespace.required");
    expect(screen.getByTestId("sync-rule-namespace")).toHaveFocus();
    expect(screen.getByTestId("sync-rule-fix")).toHaveTextContent("Correct the marked fields first.");

    const namespace = screen.getByTestId("sync-rule-namespace");
    const cases: [string, string][] = [
      ["Team-A", "An organization name must be lower case; write 'team-a'."],
      ["library", "'library' is reserved by SWR."],
      ["team-a", "This image already has a rule for cn-east-3 / team-a."],
    ];
    for (const [value, message] of cases) {
      await user.clear(namespace);
      await user.type(namespace, value);
      await waitFor(() => {
        expect(problem()).toHaveTextContent(message);
      });
      expect(namespace).toHaveAttribute("aria-invalid", "true");
    }
    await user.click(screen.getByTestId("sync-rule-add"));
    await user.clear(namespace);
    await user.type(namespace, "team__a.b");
    await waitFor(() => {
      expect(problem()).not.toBeInTheDocument();
    });
    expect(screen.queryByTestId("sync-rule-fix")).not.toBeInTheDocument();
    expect(backend.sync.addedRules).toEqual([]);
  });

  it("judges a typed name again when the region changes", async () => {
    stubSystemLanguage("en-US");
    const { user } = renderBrowse(PATH, options());
    await findByData("sync-rule", { region: "cn-east-3" });
    const namespace = screen.getByTestId("sync-rule-namespace");
    await user.type(namespace, "mirror");
    expect(screen.queryByTestId("sync-rule-problem")).not.toBeInTheDocument();

    await choose(user, screen.getByTestId("sync-rule-region"), "ap-southeast-1");
    await waitFor(() => {
      expect(screen.getByTestId("sync-rule-problem")).toHaveTextContent(
        "This image already has a rule for CN-Hong Kong (ap-southeast-1) / mirror.",
      );
    });
    expect(screen.getByTestId("sync-rule-problem")).toHaveAttribute("data-rule", "duplicate");
    expect(namespace).toHaveAttribute("aria-invalid", "true");

    await choose(user, screen.getByTestId("sync-rule-region"), "ap-southeast-3");
    await waitFor(() => {
      expect(screen.queryByTestId("sync-rule-problem")).not.toBeInTheDocument();
    });
  });

  it("shows a rule the backend finds broken on its field, in the interface language", async () => {
    stubSystemLanguage("zh-CN");
    const { user, backend } = renderBrowse(PATH, options());
    vi.spyOn(backend, "addSyncRule").mockRejectedValueOnce(
      violation("namespace", "Organization name can have at most 64 characters.", "组织名称最多 64 个字符。"),
    );
    await findByData("sync-rule", { region: "cn-east-3" });
    await user.type(screen.getByTestId("sync-rule-namespace"), "team-b");
    await user.click(screen.getByTestId("sync-rule-add"));

    const problem = await screen.findByTestId("sync-rule-problem");
    expect(problem).toHaveAttribute("data-rule", "namespace.rule");
    expect(problem).toHaveAttribute("role", "alert");
    expect(problem).toHaveTextContent("组织名称最多 64 个字符。");
    expect(problem).toHaveTextContent("req-7");
    expect(problem).not.toHaveTextContent("Organization name");
    const namespace = screen.getByTestId("sync-rule-namespace");
    expect(namespace).toHaveAttribute("aria-invalid", "true");
    expect(namespace).toHaveFocus();
    expect(namespace.parentElement).toContainElement(problem);
    expect(screen.queryByTestId("sync-rule-error")).not.toBeInTheDocument();
    expect(screen.queryByTestId("sync-rule-fix")).not.toBeInTheDocument();

    // Editing the field clears what the backend said about it.
    await user.type(namespace, "x");
    await waitFor(() => {
      expect(screen.queryByTestId("sync-rule-problem")).not.toBeInTheDocument();
    });
  });

  it("explains any other failure, such as an organization missing over there", async () => {
    stubSystemLanguage("en-US");
    const { user, backend } = renderBrowse(PATH, options());
    vi.spyOn(backend, "addSyncRule").mockRejectedValueOnce(refused("namespace team-b does not exist in region cn-east-3"));
    await findByData("sync-rule", { region: "cn-east-3" });
    await user.type(screen.getByTestId("sync-rule-namespace"), "team-b");
    await user.click(screen.getByTestId("sync-rule-add"));

    const error = await screen.findByTestId("sync-rule-error");
    expect(error).toHaveTextContent("The rule could not be added.");
    expect(error).toHaveTextContent("namespace team-b does not exist in region cn-east-3");
    expect(error).toHaveTextContent("req-9");
    expect(ruleTargets()).toEqual(["cn-east-3/team-a", "ap-southeast-1/mirror"]);
  });
});

describe("removing a rule", () => {
  it("asks first, saying what stops and that nothing over there is deleted", async () => {
    stubSystemLanguage("en-US");
    const { user, backend } = renderBrowse(PATH, options());
    const east = await findByData("sync-rule", { region: "cn-east-3" });
    await user.click(within(east).getByRole("button", { name: "Remove the rule for cn-east-3 / team-a" }));

    const dialog = await screen.findByTestId("sync-rule-remove-confirm");
    expect(dialog).toHaveTextContent("Remove the rule for cn-east-3 / team-a?");
    expect(dialog).toHaveTextContent("New tags of team-a/web will no longer be copied to cn-east-3 / team-a as they are pushed.");
    expect(dialog).toHaveTextContent("Tags already copied stay in cn-east-3; nothing there is deleted.");
    await user.click(within(dialog).getByTestId("sync-rule-remove-cancel"));
    expect(screen.queryByTestId("sync-rule-remove-confirm")).not.toBeInTheDocument();
    expect(backend.sync.deletedRules).toEqual([]);

    await user.click(within(east).getByTestId("sync-rule-remove"));
    await user.click(within(await screen.findByTestId("sync-rule-remove-confirm")).getByTestId("sync-rule-remove-ok"));
    expect(backend.sync.deletedRules).toEqual([{ image: "team-a/web", region: "cn-east-3", namespace: "team-a" }]);
    await waitFor(() => {
      expect(ruleTargets()).toEqual(["ap-southeast-1/mirror"]);
    });
    expect(screen.queryByTestId("sync-rule-remove-confirm")).not.toBeInTheDocument();
    expect(screen.getByTestId("sync-rules-count")).toHaveTextContent("1 rule");
  });

  it("keeps the dialog open with the reason when SWR refuses", async () => {
    stubSystemLanguage("en-US");
    const { user, backend } = renderBrowse(PATH, options());
    vi.spyOn(backend, "deleteSyncRule").mockRejectedValueOnce(refused("the rule is busy"));
    const mirror = await findByData("sync-rule", { region: "ap-southeast-1" });
    await user.click(within(mirror).getByTestId("sync-rule-remove"));
    const dialog = await screen.findByTestId("sync-rule-remove-confirm");
    expect(dialog).toHaveTextContent("Tags of team-a/web will no longer be copied to CN-Hong Kong (ap-southeast-1) / mirror.");
    await user.click(within(dialog).getByTestId("sync-rule-remove-ok"));
    expect(await within(dialog).findByTestId("sync-rule-remove-error")).toHaveTextContent("the rule is busy");
    expect(ruleTargets()).toEqual(["cn-east-3/team-a", "ap-southeast-1/mirror"]);
  });
});
