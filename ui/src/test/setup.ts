import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";

// Screens load as their own chunks; the first import of one in a test file can take more than
// the default second on a busy machine, which is a wait, not a failure. Tests wait with Testing
// Library's `waitFor` and `find*`, which take this limit; vitest's `vi.waitFor` keeps its own
// second.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
  delete document.documentElement.dataset["theme"];
  document.documentElement.removeAttribute("lang");
  // Column widths a test set must not reach the next test.
  window.localStorage.clear();
});
