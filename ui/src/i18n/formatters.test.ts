import { describe, expect, it } from "vitest";

import { fillIn, HOLE } from "./formatters";
import { createI18n } from "./index";

describe("fillIn", () => {
  it("gives what the translation gives for the same value, in every language", () => {
    for (const language of ["en", "zh-CN"] as const) {
      const { t } = createI18n(language);
      const select = fillIn(t("tags.selectTag", { tag: HOLE }));
      const copy = fillIn(t("tags.copyDigest", { tag: HOLE }));
      for (const tag of ["v1.2.3", "latest", "", "a{{b}}$&"]) {
        expect(select(tag)).toBe(t("tags.selectTag", { tag }));
        expect(copy(tag)).toBe(t("tags.copyDigest", { tag }));
      }
    }
  });

  it("fills every place the value appears, and leaves a text without one as it is", () => {
    expect(fillIn(`${HOLE} and ${HOLE}`)("x")).toBe("x and x");
    expect(fillIn("no value")("x")).toBe("no value");
  });
});
