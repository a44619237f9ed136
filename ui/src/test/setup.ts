import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

afterEach(() => {
  cleanup();
  delete document.documentElement.dataset["theme"];
  document.documentElement.removeAttribute("lang");
});
