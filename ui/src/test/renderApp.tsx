import { createMemoryHistory } from "@tanstack/react-router";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { vi } from "vitest";

import { App } from "../app/App";
import { createMockBackend, type MockBackendOptions } from "../ipc/mock";

export interface RenderAppOptions extends MockBackendOptions {
  path?: string;
}

/** Renders the whole app on the in-memory backend, at `/settings` unless told otherwise. */
export function renderApp({ path = "/settings", ...backendOptions }: RenderAppOptions = {}) {
  const backend = createMockBackend(backendOptions);
  const history = createMemoryHistory({ initialEntries: [path] });
  const user = userEvent.setup();
  const view = render(<App client={backend} history={history} />);
  return { ...view, backend, history, user };
}

/** Pretends the OS uses `tag` as its language. */
export function stubSystemLanguage(tag: string): void {
  vi.spyOn(navigator, "language", "get").mockReturnValue(tag);
}

/** Pretends the OS colour scheme is `scheme`. */
export function stubSystemTheme(scheme: "light" | "dark"): void {
  vi.spyOn(window, "matchMedia").mockImplementation((query: string) => {
    const matches = query === "(prefers-color-scheme: dark)" && scheme === "dark";
    const list = new EventTarget() as MediaQueryList;
    Object.defineProperties(list, {
      matches: { value: matches },
      media: { value: query },
    });
    return list;
  });
}
