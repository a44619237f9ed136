import { afterEach, describe, expect, it } from "vitest";

import { languageFromTag, repairNavigatorLanguage } from "./language";

describe("the browser's language", () => {
  afterEach(() => {
    Reflect.deleteProperty(navigator, "language");
  });

  it("replaces the POSIX locale C, which Intl refuses, by en-US", () => {
    Object.defineProperty(navigator, "language", { value: "C", configurable: true });
    expect(() => new Intl.NumberFormat(navigator.language)).toThrow(RangeError);
    repairNavigatorLanguage();
    expect(navigator.language).toBe("en-US");
    expect(() => new Intl.NumberFormat(navigator.language).format(1234)).not.toThrow();
    expect(languageFromTag(navigator.language)).toBe("en");
  });

  it("leaves a real tag alone", () => {
    Object.defineProperty(navigator, "language", { value: "zh-CN", configurable: true });
    repairNavigatorLanguage();
    expect(navigator.language).toBe("zh-CN");
  });
});
