// Guards "no hard-coded UI strings": with Chinese selected, nothing the user can see or hear (text,
// accessible names, titles, placeholders) may still be English, apart from proper names.

import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp, stubSystemLanguage, stubSystemTheme } from "../test/renderApp";

// Names that stay as they are in every language, and values that come from the backend.
const ALLOWED = /SWR Console|SWR|Tauri|WebView|English|npm|Rust crate|cn-north-4|production|mock|linux|x86_64/g;

function englishLeftIn(root: HTMLElement): string[] {
  const texts: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    texts.push(node.textContent ?? "");
  }
  for (const element of root.querySelectorAll("*")) {
    for (const attribute of ["aria-label", "title", "placeholder", "alt"]) {
      const value = element.getAttribute(attribute);
      if (value !== null) texts.push(value);
    }
  }
  return texts
    .map((text) => text.replace(ALLOWED, ""))
    .filter((text) => /[A-Za-z]{2,}/.test(text));
}

describe("Chinese copy", () => {
  it("leaves no English in the shell, Settings and About", async () => {
    stubSystemLanguage("zh-CN");
    stubSystemTheme("light");
    const { user } = renderApp({ profile: { id: "p1", name: "production", region: "cn-north-4" } });

    await screen.findByRole("heading", { level: 1, name: "设置" });
    await user.click(screen.getByRole("button", { name: "关于" }));
    await screen.findByTestId("about-version");
    await screen.findAllByTestId("about-license-row");
    // The license table itself lists third-party names and SPDX expressions.
    const table = screen.getByRole("table");
    table.remove();

    expect(englishLeftIn(document.body)).toEqual([]);
  });
});
