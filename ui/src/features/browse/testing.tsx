// What the browsing tests share: an app on the mock backend with one profile, and a viewport the
// virtualized lists can measure (the test DOM has no layout, so every box would be 0 px tall).

import { screen, waitFor, within } from "@testing-library/react";
import { vi } from "vitest";

import type { ImageRow } from "../../ipc";
import { mockImageRow } from "../../ipc/mock";
import { renderApp, type RenderAppOptions } from "../../test/renderApp";

export const REGISTRY = "swr.cn-north-4.myhuaweicloud.com";
export const PROFILE = { id: "p1", name: "production", region: "cn-north-4" };

/** Gives every element a height of `height` px, so a list shows about height / 36 rows. */
export function stubViewport(height = 720): void {
  vi.spyOn(HTMLElement.prototype, "clientHeight", "get").mockReturnValue(height);
  vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(1000);
}

export function renderBrowse(path: string, options: RenderAppOptions = {}) {
  return renderApp({ path, profile: PROFILE, ...options });
}

/** `count` images named `app-00000`… in `team-a`. */
export function manyImages(count: number): ImageRow[] {
  return Array.from({ length: count }, (_, at) => mockImageRow("team-a", `app-${String(at).padStart(5, "0")}`));
}

export async function findImageRow(name: string): Promise<HTMLElement> {
  return waitFor(() => {
    const row = screen.getAllByTestId("image-row").find((el) => el.dataset["image"] === name);
    if (!row) throw new Error(`no row for ${name}`);
    return row;
  });
}

export async function findTagRow(tag: string): Promise<HTMLElement> {
  return waitFor(() => {
    const row = screen.getAllByTestId("tag-row").find((el) => el.dataset["tag"] === tag);
    if (!row) throw new Error(`no row for ${tag}`);
    return row;
  });
}

export function inRow(row: HTMLElement) {
  return within(row);
}
