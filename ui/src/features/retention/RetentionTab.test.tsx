import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";

import type { IpcError, RetentionPreview } from "../../ipc";
import { stubSystemLanguage, stubSystemTheme } from "../../test/renderApp";
import { renderBrowse, stubViewport } from "../browse/testing";

beforeEach(() => {
  stubSystemLanguage("en-US");
  stubSystemTheme("light");
  stubViewport();
});

const PATH = "/images/team-a/web/retention";

const PREVIEW: RetentionPreview = {
  items: [
    { tag: "v1", digest: "sha256:a", pushed: "2026-01-01T00:00:00Z", verdict: { verdict: "delete", rule: 0, because: "not among the 2 newest (number 3)" } },
    { tag: "latest", digest: "sha256:c", pushed: "2026-03-01T00:00:00Z", verdict: { verdict: "keep", reasons: [{ kind: "exception", selector: "latest", regexp: false }] } },
    { tag: "v3", digest: "sha256:c", pushed: "2026-03-01T00:00:00Z", verdict: { verdict: "keep", reasons: [{ kind: "withinCount", rank: 1, count: 2 }] } },
  ],
  deleted: 1,
  kept: 2,
  warnings: [{ kind: "onlyOneLeft", kept: "v3" }],
};

describe("retention", () => {
  it("saves only the previewed policy, after a typed confirmation, and says what SWR deleted", async () => {
    const { backend, user } = renderBrowse(PATH, { retentionPreview: PREVIEW });
    expect(await screen.findByTestId("retention-current")).toHaveTextContent("No policy");
    const save = screen.getByTestId("retention-save");
    expect(save).toBeDisabled();

    await user.click(screen.getByTestId("retention-keep-tags"));
    await user.clear(screen.getByTestId("retention-value"));
    await user.type(screen.getByTestId("retention-value"), "2");
    await user.type(screen.getByTestId("retention-except-tags"), "latest");
    await user.click(screen.getByTestId("retention-preview"));

    const rows = await screen.findAllByTestId("retention-item");
    expect(rows.map((r) => `${r.dataset["tag"] ?? ""}:${r.dataset["verdict"] ?? ""}`)).toEqual(["v1:delete", "latest:keep", "v3:keep"]);
    expect(rows[1]).toHaveTextContent("an exception names latest");
    expect(rows[2]).toHaveTextContent("number 1 of the 2 newest");
    expect(screen.getByTestId("retention-preview-summary")).toHaveTextContent("1 deleted now, 2 kept");
    expect(screen.getByTestId("retention-warning")).toHaveTextContent("Only v3 is left.");
    expect(backend.automation.previews).toEqual([
      { image: "team-a/web", policy: { keepDays: null, keepTags: 2, exceptTags: ["latest"], exceptRegex: [] } },
    ]);

    // An edit makes the preview stale: nothing can be saved until it is previewed again.
    await user.type(screen.getByTestId("retention-value"), "0");
    expect(save).toBeDisabled();
    await user.clear(screen.getByTestId("retention-value"));
    await user.type(screen.getByTestId("retention-value"), "2");
    await user.click(screen.getByTestId("retention-preview"));
    await waitFor(() => {
      expect(save).toBeEnabled();
    });

    await user.click(save);
    const dialog = await screen.findByTestId("retention-confirm");
    const ok = within(dialog).getByTestId("retention-confirm-ok");
    expect(ok).toBeDisabled();
    await user.type(within(dialog).getByTestId("retention-confirm-text"), "team-a/web");
    await user.click(ok);
    expect(await screen.findByTestId("retention-saved")).toHaveTextContent("SWR deleted 1 tag(s), exactly as previewed");
    expect(backend.automation.saved).toHaveLength(1);
  });

  it("refuses a count out of range as it is typed", async () => {
    const { user } = renderBrowse(PATH, { retentionPreview: PREVIEW });
    await user.click(await screen.findByTestId("retention-keep-days"));
    await user.clear(screen.getByTestId("retention-value"));
    await user.type(screen.getByTestId("retention-value"), "400");
    const problem = await screen.findByTestId("retention-value-problem");
    expect(problem).toHaveTextContent("Enter a whole number of days from 1 to 365.");
    expect(problem).toHaveAttribute("data-rule", "range");
    expect(screen.getByTestId("retention-value")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("retention-value")).toHaveAccessibleDescription("Enter a whole number of days from 1 to 365.");
    expect(screen.getByTestId("retention-preview")).toBeDisabled();

    // The same number of tags is fine.
    await user.click(screen.getByTestId("retention-keep-tags"));
    await waitFor(() => {
      expect(screen.queryByTestId("retention-value-problem")).not.toBeInTheDocument();
    });
    expect(screen.getByTestId("retention-preview")).toBeEnabled();
  });

  it("puts a rule SWR refuses on the expression field, with the request id, until the expression changes", async () => {
    const selectorRefused = (rule: string, en: string, zhCn: string): IpcError => ({
      code: "invalidInput",
      message: en,
      requestId: "req-5",
      retryable: false,
      violation: { field: "tag_selectors", rule, value: "(unclosed", message: { en, zhCn } },
      advice: null,
    });
    const { user } = renderBrowse(PATH, {
      retentionPreview: PREVIEW,
      retentionError: selectorRefused(
        "retention.selector_regexp",
        "'(unclosed' is not a valid regular expression: unclosed group.",
        "“(unclosed”不是有效的正则表达式。",
      ),
    });
    const regex = await screen.findByTestId("retention-except-regex");
    await user.type(regex, "(unclosed");
    await user.click(screen.getByTestId("retention-preview"));

    const problem = await screen.findByTestId("retention-except-regex-problem");
    expect(problem).toHaveTextContent("'(unclosed' is not a valid regular expression: unclosed group.");
    expect(problem).toHaveTextContent("req-5");
    expect(problem).toHaveAttribute("role", "alert");
    expect(problem).toHaveAttribute("data-rule", "retention.selector_regexp");
    expect(regex).toHaveAttribute("aria-invalid", "true");
    expect(regex).toHaveFocus();
    expect(screen.queryByTestId("retention-except-tags-problem")).not.toBeInTheDocument();
    expect(screen.queryByText("The preview could not be made.")).not.toBeInTheDocument();
    expect(screen.getByTestId("retention-preview")).toBeDisabled();

    // Editing the expression takes the refusal away.
    await user.type(regex, ")");
    await waitFor(() => {
      expect(screen.queryByTestId("retention-except-regex-problem")).not.toBeInTheDocument();
    });
    expect(screen.getByTestId("retention-preview")).toBeEnabled();
  });

  it("puts a refused tag exception on the tags field", async () => {
    const { user } = renderBrowse(PATH, {
      retentionPreview: PREVIEW,
      retentionError: {
        code: "invalidInput",
        message: "A tag has no spaces.",
        requestId: "req-6",
        retryable: false,
        violation: {
          field: "tag_selectors",
          rule: "tag.charset",
          value: "bad tag",
          message: { en: "A tag has no spaces.", zhCn: "镜像版本不能包含空格。" },
        },
        advice: null,
      },
    });
    const tags = await screen.findByTestId("retention-except-tags");
    await user.type(tags, "bad tag");
    await user.click(screen.getByTestId("retention-preview"));

    const problem = await screen.findByTestId("retention-except-tags-problem");
    expect(problem).toHaveTextContent("A tag has no spaces.");
    expect(tags).toHaveAttribute("aria-invalid", "true");
    expect(screen.queryByTestId("retention-except-regex-problem")).not.toBeInTheDocument();
  });
});
