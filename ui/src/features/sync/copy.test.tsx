// With Chinese selected, nothing the sync tab shows may still be English, apart from the names
// and values that come from SWR (regions, organizations, tags, digests, problems it reports).

import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";

import { choose } from "../../test/choose";
import { englishLeftIn } from "../../test/english";
import { stubSystemLanguage, stubSystemTheme } from "../../test/renderApp";
import { renderBrowse, stubViewport } from "../browse/testing";
import { findByData, IMAGE, job, JOBS, options, PATH } from "./testing";

const ALLOWED =
  /SWR|sha256:[0-9a-f]+|\b[0-9a-f]{12}\b|no endpoints are known for region|cn-east-3|ap-southeast-\d|team-a|team-sg|mirror|web|latest|v\d[\w.-]*|\b[Tt]eam\b/g;

beforeEach(() => {
  stubSystemLanguage("zh-CN");
  stubSystemTheme("light");
  stubViewport();
});

describe("Chinese copy of the sync tab", () => {
  it("leaves no English in the rules, add form, gap view, sync form, jobs and remove dialog", async () => {
    const opts = options();
    opts.syncJobs[IMAGE] = [
      job(3, "v1.1", "running", { createdAt: "2026-11-04T12:00:00Z" }),
      job(4, "latest", "waiting"),
      job(5, "v1.0", "timeout"),
      job(6, "v1.0", "cancel"),
      job(7, "v1.0", "existed"),
      ...JOBS,
    ];
    const { user } = renderBrowse(PATH, opts);
    const tab = await screen.findByTestId("sync-tab");
    await findByData("sync-rule", { region: "cn-east-3" });
    await findByData("sync-gap", { region: "cn-east-3" });
    await findByData("sync-job", { tag: "v2.0" });
    await findByData("sync-tag", { tag: "latest" });

    await user.type(screen.getByTestId("sync-rule-namespace"), "Team");
    await user.click(screen.getByTestId("sync-rule-add"));
    await user.click(screen.getByTestId("sync-select-gap"));
    expect(await screen.findByTestId("sync-summary")).toHaveTextContent("将 2 个镜像版本复制到 cn-east-3 / team-a。");
    expect(screen.getByTestId("sync-jobs-live")).toBeInTheDocument();

    expect(englishLeftIn(tab, ALLOWED)).toEqual([]);

    await choose(user, screen.getByTestId("sync-target"), "other");
    await user.type(await screen.findByTestId("sync-target-namespace"), "team-sg");
    await waitFor(() => {
      expect(screen.getByTestId("sync-run")).toBeEnabled();
    });
    await user.click(screen.getByTestId("sync-run"));
    expect(await screen.findByTestId("sync-run-started")).toHaveTextContent("已开始将 2 个镜像版本同步到 cn-east-3 / team-sg");
    expect(englishLeftIn(tab, ALLOWED)).toEqual([]);

    const rule = await findByData("sync-rule", { region: "ap-southeast-1" });
    await user.click(within(rule).getByTestId("sync-rule-remove"));
    const dialog = await screen.findByTestId("sync-rule-remove-confirm");
    await waitFor(() => {
      expect(dialog).toHaveTextContent("删除同步到 中国-香港（ap-southeast-1） / mirror 的规则？");
    });
    expect(englishLeftIn(dialog, ALLOWED)).toEqual([]);
  }, 20_000);
});
