import { screen } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";

import { CHECK_IDS } from "../../ipc/bindings";
import { stubSystemLanguage, stubSystemTheme } from "../../test/renderApp";
import { checkIds, isCheckId } from "./checkCopy";
import { addFiles, findItem, inItem, invalidArchive, mockImage, mockValidation, renderUploads } from "./testing";

describe("copy of the archive checks", () => {
  it("has a title and advice for every rule and hint of the Rust crate, and none for ids it no longer has", () => {
    // CHECK_IDS comes with the generated bindings: every id swr-archive can report.
    const rust: readonly string[] = CHECK_IDS;
    expect(rust.length).toBeGreaterThan(30);
    expect(rust).toContain("tar.truncated");
    expect(rust).toContain("hint.runs_as_root");

    expect(rust.filter((id) => !isCheckId(id))).toEqual([]);
    expect(checkIds().filter((id) => !rust.includes(id))).toEqual([]);
  });

  it("knows only whole ids", () => {
    expect(isCheckId("tar.truncated")).toBe(true);
    expect(isCheckId("hint.latest_tag")).toBe(true);
    expect(isCheckId("tar")).toBe(false);
    expect(isCheckId("tar.truncated.title")).toBe(false);
    expect(isCheckId("tar.toString")).toBe(false);
    expect(isCheckId("constructor.name")).toBe(false);
  });
});

describe("findings and hints in Chinese", () => {
  beforeEach(() => {
    stubSystemLanguage("zh-CN");
    stubSystemTheme("light");
  });

  it("shows the Chinese title and advice of a finding and keeps the backend's detail", async () => {
    const { backend } = renderUploads();
    addFiles(backend, [
      {
        name: "broken.tar",
        validation: invalidArchive("broken.tar", [
          {
            rule: "tar.truncated",
            entry: "blobs/sha256/0a1b",
            message: "the archive ends at byte 1048576, inside an entry",
            advice: "The archive ends early, probably an interrupted copy or download; copy it again.",
          },
        ]),
      },
    ]);
    const item = await findItem("broken.tar");
    const [finding] = inItem(item).getAllByTestId("upload-finding");

    expect(finding).toHaveAttribute("data-rule", "tar.truncated");
    expect(finding).toHaveTextContent("归档提前结束");
    expect(finding).toHaveTextContent("详情：the archive ends at byte 1048576, inside an entry");
    expect(finding).toHaveTextContent("blobs/sha256/0a1b");
    expect(finding).toHaveTextContent("处理建议：可能是复制或下载过程被中断；请重新复制该文件。");
    expect(finding).not.toHaveTextContent("interrupted copy");
  });

  it("shows the Chinese title and advice of hints and warnings in the report, with their details", async () => {
    const { backend } = renderUploads();
    addFiles(backend, [
      {
        name: "web.tar",
        validation: mockValidation(
          "web.tar",
          [
            mockImage(["team/web:latest"], {
              hints: [
                {
                  id: "hint.latest_tag",
                  message: "tagged `latest`: team/web:latest",
                  advice: "Push an explicit version tag; `latest` moves and makes deployments unrepeatable.",
                },
              ],
            }),
          ],
          [
            {
              severity: "warning",
              rule: "layer.count_high",
              file: "web.tar",
              entry: "3f2a.json",
              message: "27 layers",
              advice: "More than 20 layers push slowly to SWR; merge RUN steps or use a multi-stage build.",
            },
          ],
        ),
      },
    ]);
    const report = inItem(await findItem("web.tar")).getByTestId("upload-report");
    const hint = inItem(report).getByTestId("upload-hint");

    expect(hint).toHaveAttribute("data-id", "hint.latest_tag");
    expect(hint).toHaveTextContent("使用了 latest 镜像版本");
    expect(hint).toHaveTextContent("详情：tagged `latest`: team/web:latest");
    expect(hint).toHaveTextContent("请上传明确的镜像版本");
    expect(hint).not.toHaveTextContent("explicit version tag");

    expect(report).toHaveTextContent("镜像层过多");
    expect(report).toHaveTextContent("详情：27 layers");
    expect(report).toHaveTextContent("处理建议：超过 20 个镜像层时上传到 SWR 较慢");
    expect(report).not.toHaveTextContent("push slowly");
  });

  it("falls back to the backend's message and advice for an id it does not know", async () => {
    const { backend } = renderUploads();
    addFiles(backend, [
      {
        name: "future.tar",
        validation: invalidArchive("future.tar", [
          { rule: "layer.from_the_future", entry: "abc/layer.tar", message: "a check added later", advice: "Do the new thing." },
        ]),
      },
      {
        name: "hinted.tar",
        validation: mockValidation("hinted.tar", [
          mockImage(["team/app:1.0"], { hints: [{ id: "hint.new_one", message: "a new suggestion", advice: "Try the new thing." }] }),
        ]),
      },
    ]);
    const [finding] = inItem(await findItem("future.tar")).getAllByTestId("upload-finding");
    expect(finding).toHaveAttribute("data-rule", "layer.from_the_future");
    expect(finding).toHaveTextContent("a check added later");
    expect(finding).toHaveTextContent("abc/layer.tar");
    expect(finding).toHaveTextContent("处理建议：Do the new thing.");
    expect(finding).not.toHaveTextContent("详情");

    const hint = inItem(await findItem("hinted.tar")).getByTestId("upload-hint");
    expect(hint).toHaveTextContent("a new suggestion");
    expect(hint).toHaveTextContent("Try the new thing.");
    expect(hint).not.toHaveTextContent("详情");
    expect(screen.getAllByTestId("upload-item")).toHaveLength(2);
  });
});
