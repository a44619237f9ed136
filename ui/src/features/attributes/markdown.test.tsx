import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { Markdown } from "./markdown";

function html(source: string): string {
  const { container } = render(<Markdown source={source} />);
  return container.innerHTML;
}

describe("description Markdown", () => {
  it("reads headings, ordered lists from their number, quotes and rules", () => {
    expect(html("## Usage\n3. pull\n4. run\n\n> note\n\n---")).toBe(
      '<h4 class="markdown-heading" data-level="2">Usage</h4><ol start="3"><li>pull</li><li>run</li></ol>' +
        "<blockquote><p>note</p></blockquote><hr>",
    );
  });

  it("joins the lines of a paragraph and keeps a code block exactly as written, even unclosed", () => {
    expect(html("one\ntwo\n\n```sh\n  *not* emphasis\n")).toBe(
      '<p>one two</p><pre data-language="sh"><code>  *not* emphasis</code></pre>',
    );
  });

  it("leaves snake_case names, lone stars and escaped markers as text", () => {
    expect(html("set MAX_BODY_SIZE and 2 * 3 * 4, \\*literal\\*, __bold__ _it_")).toBe(
      "<p>set MAX_BODY_SIZE and 2 * 3 * 4, *literal*, <strong>bold</strong> <em>it</em></p>",
    );
  });

  it("nests emphasis and keeps markup inside code spans", () => {
    expect(html("**very *much*** and `**raw**`")).toBe(
      "<p><strong>very <em>much</em></strong> and <code>**raw**</code></p>",
    );
  });

  it("shows links and images as their text, with the address as a tooltip", () => {
    expect(html("[**docs**](https://example.com \"Docs\") ![logo](logo.png)")).toBe(
      '<p><span class="markdown-link" title="https://example.com"><strong>docs</strong></span> ' +
        '<span class="markdown-image" title="logo.png">logo</span></p>',
    );
  });

  it("stays fast on a long description full of unmatched markers", () => {
    const source = "*a [b `c ".repeat(3_500);
    const started = performance.now();
    html(source);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
