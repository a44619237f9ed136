// A small Markdown reader for image descriptions: headings, paragraphs, emphasis, inline code,
// fenced code blocks, lists, quotes and rules. It builds React elements, never HTML strings, so
// whatever a description holds is shown as text. Links show their text with the address as a
// tooltip: following one would navigate the app's own window away.

import type { ReactNode } from "react";

type Block =
  | { kind: "heading"; level: number; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "code"; text: string; language: string }
  | { kind: "list"; ordered: boolean; start: number; items: string[] }
  | { kind: "quote"; text: string }
  | { kind: "rule" };

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)/;
const HEADING = /^ {0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$/;
const RULE = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/;
const BULLET = /^ {0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^ {0,3}(\d{1,9})[.)]\s+(.*)$/;
const QUOTE = /^ {0,3}>\s?(.*)$/;
const BLANK = /^\s*$/;

/** Splits a description into blocks; anything not recognised is a paragraph. */
export function parseBlocks(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let at = 0;

  const isBlockStart = (line: string) =>
    FENCE.test(line) || HEADING.test(line) || RULE.test(line) || BULLET.test(line) || NUMBERED.test(line) || QUOTE.test(line);

  while (at < lines.length) {
    const line = lines[at] ?? "";
    if (BLANK.test(line)) {
      at += 1;
      continue;
    }

    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1] ?? "```";
      const body: string[] = [];
      at += 1;
      while (at < lines.length && !(lines[at] ?? "").trimStart().startsWith(marker)) {
        body.push(lines[at] ?? "");
        at += 1;
      }
      if (at >= lines.length) {
        // An unclosed block runs to the end; the blank lines it ends with are not content.
        while (body.length > 0 && BLANK.test(body[body.length - 1] ?? "")) body.pop();
      }
      at += 1;
      blocks.push({ kind: "code", text: body.join("\n"), language: fence[2] ?? "" });
      continue;
    }

    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ kind: "heading", level: (heading[1] ?? "#").length, text: heading[2] ?? "" });
      at += 1;
      continue;
    }

    if (RULE.test(line)) {
      blocks.push({ kind: "rule" });
      at += 1;
      continue;
    }

    const bullet = BULLET.exec(line);
    const numbered = NUMBERED.exec(line);
    if (bullet || numbered) {
      const ordered = numbered !== null;
      const item = ordered ? NUMBERED : BULLET;
      const items: string[] = [];
      while (at < lines.length) {
        const current = lines[at] ?? "";
        const match = item.exec(current);
        if (match) {
          items.push((ordered ? match[2] : match[1]) ?? "");
        } else if (!BLANK.test(current) && /^\s+/.test(current) && items.length > 0) {
          items[items.length - 1] = `${items[items.length - 1] ?? ""} ${current.trim()}`;
        } else {
          break;
        }
        at += 1;
      }
      blocks.push({ kind: "list", ordered, start: ordered ? Number(numbered[1]) : 1, items });
      continue;
    }

    if (QUOTE.test(line)) {
      const body: string[] = [];
      while (at < lines.length) {
        const match = QUOTE.exec(lines[at] ?? "");
        if (!match) break;
        body.push(match[1] ?? "");
        at += 1;
      }
      blocks.push({ kind: "quote", text: body.join("\n") });
      continue;
    }

    const body: string[] = [];
    while (at < lines.length && !BLANK.test(lines[at] ?? "") && (body.length === 0 || !isBlockStart(lines[at] ?? ""))) {
      body.push((lines[at] ?? "").trim());
      at += 1;
    }
    blocks.push({ kind: "paragraph", text: body.join("\n") });
  }
  return blocks;
}

const ESCAPABLE = /[\\`*_{}[\]()#+\-.!>~|]/;

interface LinkMatch {
  label: string;
  url: string;
  end: number;
}

/** Longest link label and address looked for, so a text full of lone `[` stays fast. */
const LINK_SCAN = 2000;

/** `[label](url "title")` starting at `open` (the `[`), or null. */
function matchLink(text: string, open: number): LinkMatch | null {
  let depth = 0;
  let close = -1;
  const limit = Math.min(text.length, open + LINK_SCAN);
  for (let i = open; i < limit; i += 1) {
    const c = text[i];
    if (c === "\\") {
      i += 1;
    } else if (c === "[") {
      depth += 1;
    } else if (c === "]") {
      depth -= 1;
      if (depth === 0) {
        close = i;
        break;
      }
    }
  }
  if (close < 0 || text[close + 1] !== "(") return null;
  const found = text.slice(close + 2, close + 2 + LINK_SCAN).indexOf(")");
  if (found < 0) return null;
  const end = close + 2 + found;
  const target = text.slice(close + 2, end).trim();
  const url = target.split(/\s+/)[0] ?? "";
  return { label: text.slice(open + 1, close), url: url.replace(/^<|>$/g, ""), end: end + 1 };
}

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/**
 * Where an emphasis opened by `marker` at `from` closes, or -1. Whether a position can close
 * does not depend on the opener, so once a search from `from` found nothing, `dead` remembers it
 * and a later opener of the same marker gives up at once (a long text full of lone `*` stays fast).
 */
function findClose(text: string, from: number, marker: string, dead: Map<string, number>): number {
  if (from >= (dead.get(marker) ?? Infinity)) return -1;
  const single = marker.length === 1;
  for (let j = from + 1; j < text.length; j += 1) {
    if (text[j] === "\\") {
      j += 1;
      continue;
    }
    if (text[j] === "`") {
      const run = /^`+/.exec(text.slice(j))?.[0] ?? "`";
      const close = text.indexOf(run, j + run.length);
      if (close > 0) j = close + run.length - 1;
      continue;
    }
    if (!text.startsWith(marker, j) || isSpace(text[j - 1])) continue;
    if (single && (text[j + 1] === marker || text[j - 1] === marker)) continue;
    if (marker.startsWith("_") && isWordChar(text[j + marker.length])) continue;
    // In `**a *b***` the strong closes at the end of the run, after the inner emphasis.
    let run = j;
    while (text[run] === marker[0]) run += 1;
    return run - marker.length;
  }
  dead.set(marker, Math.min(from, dead.get(marker) ?? Infinity));
  return -1;
}

/** The inline content of a block: emphasis, code spans and links, everything else as text. */
export function renderInline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  const dead = new Map<string, number>();
  let plain = "";
  const flush = () => {
    if (plain !== "") {
      out.push(plain);
      plain = "";
    }
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? "";
    const next = text[i + 1];

    if (c === "\\" && next !== undefined && ESCAPABLE.test(next)) {
      plain += next;
      i += 2;
      continue;
    }

    if (c === "\n") {
      plain += " ";
      i += 1;
      continue;
    }

    if (c === "`") {
      const run = /^`+/.exec(text.slice(i))?.[0] ?? "`";
      const close = i >= (dead.get(run) ?? Infinity) ? -1 : text.indexOf(run, i + run.length);
      if (close < 0) dead.set(run, Math.min(i, dead.get(run) ?? Infinity));
      if (close > 0) {
        flush();
        out.push(<code key={out.length}>{text.slice(i + run.length, close).replace(/\n/g, " ")}</code>);
        i = close + run.length;
      } else {
        plain += run;
        i += run.length;
      }
      continue;
    }

    if (c === "[" || (c === "!" && next === "[")) {
      const link = matchLink(text, c === "!" ? i + 1 : i);
      if (link) {
        flush();
        out.push(
          c === "!" ? (
            <span key={out.length} className="markdown-image" title={link.url}>
              {link.label}
            </span>
          ) : (
            <span key={out.length} className="markdown-link" title={link.url}>
              {renderInline(link.label)}
            </span>
          ),
        );
        i = link.end;
        continue;
      }
    }

    if (c === "*" || c === "_") {
      const marker = next === c ? c + c : c;
      const opens = !isSpace(text[i + marker.length]) && !(c === "_" && isWordChar(text[i - 1]));
      const close = opens ? findClose(text, i + marker.length - 1, marker, dead) : -1;
      if (close > i + marker.length) {
        flush();
        const inner = renderInline(text.slice(i + marker.length, close));
        out.push(marker.length === 2 ? <strong key={out.length}>{inner}</strong> : <em key={out.length}>{inner}</em>);
        i = close + marker.length;
      } else {
        plain += marker;
        i += marker.length;
      }
      continue;
    }

    plain += c;
    i += 1;
  }
  flush();
  return out;
}

function Heading({ level, children }: { level: number; children: ReactNode }) {
  // The page already has its own h1 and h2; a description's headings sit below them.
  const shifted = Math.min(level + 2, 6);
  const Tag = `h${shifted}` as "h3" | "h4" | "h5" | "h6";
  return (
    <Tag className="markdown-heading" data-level={level}>
      {children}
    </Tag>
  );
}

/** A description rendered as Markdown. */
export function Markdown({ source }: { source: string }) {
  return (
    <>
      {parseBlocks(source).map((block, at) => {
        switch (block.kind) {
          case "heading":
            return (
              <Heading key={at} level={block.level}>
                {renderInline(block.text)}
              </Heading>
            );
          case "paragraph":
            return <p key={at}>{renderInline(block.text)}</p>;
          case "code":
            return (
              <pre key={at} data-language={block.language === "" ? undefined : block.language}>
                <code>{block.text}</code>
              </pre>
            );
          case "list": {
            const items = block.items.map((item, n) => <li key={n}>{renderInline(item)}</li>);
            return block.ordered ? (
              <ol key={at} start={block.start === 1 ? undefined : block.start}>
                {items}
              </ol>
            ) : (
              <ul key={at}>{items}</ul>
            );
          }
          case "quote":
            return (
              <blockquote key={at}>
                <Markdown source={block.text} />
              </blockquote>
            );
          case "rule":
            return <hr key={at} />;
        }
      })}
    </>
  );
}
