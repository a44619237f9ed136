import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";

import type { IpcError } from "../../ipc";
import { mockImageRow } from "../../ipc/mock";
import { choose } from "../../test/choose";
import { stubSystemLanguage, stubSystemTheme } from "../../test/renderApp";
import { renderBrowse, stubViewport } from "../browse/testing";

beforeEach(() => {
  stubSystemLanguage("en-US");
  stubSystemTheme("light");
  stubViewport();
});

const PATH = "/images/team-a/web/attributes";
const OPTIONS = {
  images: [mockImageRow("team-a", "web")],
  attributes: { "team-a/web": { isPublic: false, category: "linux" as const, description: "Base image." } },
};

const violation = (en: string, zhCn: string): IpcError => ({
  code: "invalidInput",
  message: en,
  requestId: "req-3",
  retryable: false,
  violation: { field: "description", rule: "description.length", value: "…", message: { en, zhCn } },
  advice: null,
});

async function form() {
  return screen.findByTestId("attributes-description");
}

describe("attributes", () => {
  it("saves only the fields the user changed and shows what SWR now holds", async () => {
    const { backend, user } = renderBrowse(PATH, OPTIONS);
    const description = await form();
    expect(description).toHaveValue("Base image.");
    expect(screen.getByTestId("attributes-category")).toHaveAttribute("data-value", "linux");
    expect(screen.getByTestId("attributes-visibility-private")).toBeChecked();
    expect(screen.getByTestId("attributes-save")).toBeDisabled();

    await choose(user, screen.getByTestId("attributes-category"), "Database");
    await user.clear(description);
    await user.type(description, "Runs the API.");
    await user.click(screen.getByTestId("attributes-save"));

    expect(await screen.findByTestId("attributes-saved")).toHaveTextContent("Saved.");
    expect(backend.access.attributeChanges).toEqual([
      { image: "team-a/web", change: { isPublic: null, category: "database", description: "Runs the API." } },
    ]);
    expect(await backend.imageAttributes("p1", "team-a", "web")).toEqual({
      isPublic: false,
      category: "database",
      description: "Runs the API.",
    });
    expect(screen.getByTestId("attributes-category")).toHaveAttribute("data-value", "database");
    expect(screen.getByTestId("attributes-description")).toHaveValue("Runs the API.");
    expect(screen.getByTestId("attributes-save")).toBeDisabled();
    expect(screen.getByTestId("attributes-reset")).toBeDisabled();
  });

  it("sends nothing for a field changed and changed back, and Reset drops every edit", async () => {
    const { backend, user } = renderBrowse(PATH, OPTIONS);
    const description = await form();
    await user.type(description, "!");
    await choose(user, screen.getByTestId("attributes-category"), "other");
    await choose(user, screen.getByTestId("attributes-category"), "linux");
    await user.click(screen.getByTestId("attributes-save"));
    await screen.findByTestId("attributes-saved");
    expect(backend.access.attributeChanges.map((c) => c.change)).toEqual([
      { isPublic: null, category: null, description: "Base image.!" },
    ]);

    await user.type(screen.getByTestId("attributes-description"), " More.");
    expect(screen.queryByTestId("attributes-saved")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("attributes-reset"));
    expect(screen.getByTestId("attributes-description")).toHaveValue("Base image.!");
    expect(screen.getByTestId("attributes-save")).toBeDisabled();
  });

  it("asks before making the image public, explains it, and the page header follows the save", async () => {
    const { backend, user } = renderBrowse(PATH, OPTIONS);
    // The overview answers with what the attributes hold, as the real backend does.
    const overview = backend.imageOverview.bind(backend);
    vi.spyOn(backend, "imageOverview").mockImplementation(async (profileId, organization, image) => {
      const [base, attributes] = await Promise.all([
        overview(profileId, organization, image),
        backend.imageAttributes(profileId, organization, image),
      ]);
      return { ...base, image: { ...base.image, isPublic: attributes.isPublic } };
    });
    await form();
    expect(screen.getByTestId("attributes-tab")).toHaveTextContent(
      "Anyone can pull it without logging in, from any account or none. Public images cannot be shared with chosen accounts.",
    );
    expect(await screen.findByTestId("image-visibility")).toHaveTextContent("Private");

    await user.click(screen.getByTestId("attributes-visibility-public"));
    const dialog = await screen.findByTestId("attributes-confirm");
    expect(dialog).toHaveTextContent("Make team-a/web public?");
    expect(dialog).toHaveTextContent("Anyone will be able to pull it without logging in.");
    await user.click(within(dialog).getByText("Cancel", { selector: "footer button" }));
    await waitFor(() => {
      expect(screen.queryByTestId("attributes-confirm")).not.toBeInTheDocument();
    });
    expect(screen.getByTestId("attributes-visibility-private")).toBeChecked();
    expect(screen.getByTestId("attributes-save")).toBeDisabled();

    await user.click(screen.getByTestId("attributes-visibility-public"));
    await user.click(within(await screen.findByTestId("attributes-confirm")).getByTestId("attributes-confirm-ok"));
    expect(screen.getByTestId("attributes-visibility-public")).toBeChecked();
    expect(backend.access.attributeChanges).toEqual([]);
    await user.click(screen.getByTestId("attributes-save"));

    await screen.findByTestId("attributes-saved");
    expect(backend.access.attributeChanges).toEqual([
      { image: "team-a/web", change: { isPublic: true, category: null, description: null } },
    ]);
    await waitFor(() => {
      expect(screen.getByTestId("image-visibility")).toHaveTextContent("Public");
    });
  });

  it("confirms making a public image private, and going back needs no confirmation", async () => {
    const { user } = renderBrowse(PATH, {
      ...OPTIONS,
      attributes: { "team-a/web": { isPublic: true, category: "linux", description: "" } },
    });
    await form();
    await user.click(screen.getByTestId("attributes-visibility-private"));
    const dialog = await screen.findByTestId("attributes-confirm");
    expect(dialog).toHaveTextContent("Make team-a/web private?");
    expect(dialog).toHaveTextContent("Only accounts with permission on team-a");
    await user.click(within(dialog).getByTestId("attributes-confirm-ok"));
    expect(screen.getByTestId("attributes-visibility-private")).toBeChecked();

    await user.click(screen.getByTestId("attributes-visibility-public"));
    expect(screen.queryByTestId("attributes-confirm")).not.toBeInTheDocument();
    expect(screen.getByTestId("attributes-visibility-public")).toBeChecked();
    expect(screen.getByTestId("attributes-save")).toBeDisabled();
  });

  it("counts characters as the user types and refuses a description over 30,000", async () => {
    const { backend, user } = renderBrowse(PATH, {
      ...OPTIONS,
      attributes: { "team-a/web": { isPublic: false, category: "linux", description: "字".repeat(29_998) } },
    });
    const description = await form();
    expect(screen.getByTestId("attributes-description-count")).toHaveTextContent("29,998 / 30,000 characters");

    // An emoji is one character to SWR, though JavaScript strings count it as two.
    await user.type(description, "😀x");
    expect(screen.getByTestId("attributes-description-count")).toHaveTextContent("30,000 / 30,000 characters");
    expect(screen.getByTestId("attributes-save")).toBeEnabled();

    await user.type(description, "yz");
    expect(screen.getByTestId("attributes-description-count")).toHaveTextContent("30,002 / 30,000 characters");
    expect(screen.getByTestId("attributes-description-too-long")).toHaveTextContent("shorten it by 2");
    expect(description).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("attributes-save")).toBeDisabled();
    expect(backend.access.attributeChanges).toEqual([]);
  });

  it("previews the description as Markdown and shows markup as text", async () => {
    const { user } = renderBrowse(PATH, OPTIONS);
    const description = await form();
    await user.clear(description);
    await user.click(description);
    await user.paste(
      "# Web API\n\nServes **orders** and *refunds* on `:8080`.\n\n- fast\n- small\n\n```\ndocker run web\n```\n\n<script>alert(1)</script> [docs](https://example.com/docs)",
    );

    const preview = screen.getByTestId("attributes-preview");
    await waitFor(() => {
      expect(within(preview).getByRole("heading", { name: "Web API" })).toBeInTheDocument();
    });
    expect(within(preview).getByText("orders").tagName).toBe("STRONG");
    expect(within(preview).getByText("refunds").tagName).toBe("EM");
    expect(within(preview).getByText(":8080").tagName).toBe("CODE");
    expect(within(preview).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["fast", "small"]);
    expect(within(preview).getByText("docker run web").closest("pre")).not.toBeNull();
    expect(preview).toHaveTextContent("<script>alert(1)</script>");
    expect(preview.querySelector("script")).toBeNull();
    expect(preview.querySelector("a")).toBeNull();
    expect(within(preview).getByText("docs")).toHaveAttribute("title", "https://example.com/docs");
  });

  it("shows a rule violation from the backend on the field it names, in the interface language", async () => {
    const message = "The image description can have at most 30000 characters; shorten it by 2.";
    const { backend, user } = renderBrowse(PATH, {
      ...OPTIONS,
      attributesError: violation(message, "镜像描述最多 30000 个字符，请删减 2 个字符。"),
    });
    const description = await form();
    await user.type(description, " More.");
    await user.click(screen.getByTestId("attributes-save"));

    const problem = await screen.findByTestId("attributes-description-too-long");
    expect(problem).toHaveAttribute("data-rule", "description.length");
    expect(problem).toHaveAttribute("role", "alert");
    expect(problem).toHaveTextContent(message);
    expect(problem).toHaveTextContent("Request ID: req-3");
    expect(description).toHaveAttribute("aria-invalid", "true");
    expect(description).toHaveFocus();
    expect(description.closest(".field")).toContainElement(problem);
    expect(screen.queryByTestId("attributes-error")).not.toBeInTheDocument();
    expect(screen.queryByTestId("attributes-saved")).not.toBeInTheDocument();
    expect(screen.getByTestId("attributes-save")).toBeDisabled();
    expect(backend.access.attributeChanges).toHaveLength(1);

    // Editing the description takes the refusal away.
    await user.type(description, "!");
    await waitFor(() => {
      expect(screen.queryByTestId("attributes-description-too-long")).not.toBeInTheDocument();
    });
    expect(description).not.toHaveAttribute("aria-invalid");
    expect(screen.getByTestId("attributes-save")).toBeEnabled();
  });

  it("shows a category SWR refused under the category", async () => {
    const { user } = renderBrowse(PATH, {
      ...OPTIONS,
      attributesError: {
        ...violation("'arm' is not a category here.", "“arm”在此不是有效分类。"),
        violation: { field: "category", rule: "category.unknown", value: "arm", message: { en: "'arm' is not a category here.", zhCn: "“arm”在此不是有效分类。" } },
      },
    });
    const category = await screen.findByTestId("attributes-category");
    await choose(user, category, "arm");
    await user.click(screen.getByTestId("attributes-save"));

    const problem = await screen.findByTestId("attributes-category-problem");
    expect(problem).toHaveTextContent("'arm' is not a category here.");
    expect(problem).toHaveAttribute("data-rule", "category.unknown");
    expect(problem).toHaveAttribute("role", "alert");
    expect(category).toHaveAttribute("aria-invalid", "true");
    expect(category).toHaveFocus();
    expect(category.closest(".field")).toContainElement(problem);
    expect(screen.queryByTestId("attributes-error")).not.toBeInTheDocument();
  });

  it("shows the Chinese message of a violation when the interface is in Chinese", async () => {
    stubSystemLanguage("zh-CN");
    const { user } = renderBrowse(PATH, {
      ...OPTIONS,
      attributesError: violation("in English", "镜像描述最多 30000 个字符，请删减 2 个字符。"),
    });
    await user.type(await form(), "!");
    await user.click(screen.getByTestId("attributes-save"));
    expect(await screen.findByTestId("attributes-description-too-long")).toHaveTextContent("镜像描述最多 30000 个字符，请删减 2 个字符。");
    expect(screen.getByTestId("attributes-category")).toHaveTextContent("Linux");
    expect(screen.getByTestId("attributes-save")).toHaveTextContent("保存");
  });

  it("leaves no English on the tab in Chinese, apart from proper names", async () => {
    stubSystemLanguage("zh-CN");
    const { user } = renderBrowse(PATH, { ...OPTIONS, attributes: { "team-a/web": { isPublic: false, category: null, description: "" } } });
    expect(await screen.findByTestId("attributes-category")).toHaveTextContent("SWR Console 不认识的分类");
    expect(screen.getByTestId("attributes-description-count")).toHaveTextContent("0 / 30,000 个字符");
    await user.click(screen.getByTestId("attributes-visibility-public"));
    await screen.findByTestId("attributes-confirm");

    const names = /SWR Console|Markdown|Linux|Windows|Arm|team-a\/web/g;
    // The confirmation is a dialog, drawn outside the tab.
    const confirm = screen.getByTestId("attributes-confirm");
    const texts: string[] = [];
    for (const root of [screen.getByTestId("attributes-tab"), confirm]) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) texts.push(node.textContent ?? "");
      for (const element of root.querySelectorAll("[aria-label], [title], [placeholder]")) {
        for (const name of ["aria-label", "title", "placeholder"]) texts.push(element.getAttribute(name) ?? "");
      }
    }
    expect(confirm).toHaveTextContent("将 team-a/web 设为公开？");
    expect(texts.map((text) => text.replace(names, "")).filter((text) => /[A-Za-z]{2,}/.test(text))).toEqual([]);
  });

  it("shows any other failure with its request id", async () => {
    const { user } = renderBrowse(PATH, {
      ...OPTIONS,
      attributesError: {
        code: "service",
        message: "SWR refused: the repository is locked",
        requestId: "req-42",
        retryable: false,
        violation: null, advice: null,
      },
    });
    await choose(user, await screen.findByTestId("attributes-category"), "arm");
    await user.click(screen.getByTestId("attributes-save"));

    const error = await screen.findByTestId("attributes-error");
    expect(error).toHaveTextContent("The attributes could not be saved.");
    expect(error).toHaveTextContent("SWR refused: the repository is locked");
    expect(error).toHaveTextContent("Request ID: req-42");
    expect(screen.getByTestId("attributes-category")).toHaveAttribute("data-value", "arm");
  });
});
