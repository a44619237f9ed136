import { describe, expect, it } from "vitest";

import { describeValue, formatTime, truncate, utcTime } from "./format";

describe("journal values", () => {
  it("reads a recorded object as key: value pairs", () => {
    expect(describeValue('{"isPublic":false}')).toBe("isPublic: false");
    expect(describeValue('{"category":"linux","description":"Web server"}')).toBe("category: linux, description: Web server");
    expect(describeValue('{"category":null,"tags":["a","b"]}')).toBe('category: null, tags: ["a","b"]');
  });

  it("shows plain text, JSON strings and lists as text", () => {
    expect(describeValue("write")).toBe("write");
    expect(describeValue('"forever"')).toBe("forever");
    expect(describeValue('["latest","v1"]')).toBe("latest, v1");
    expect(describeValue("42")).toBe("42");
    expect(describeValue("{not json")).toBe("{not json");
  });

  it("cuts long text to the given length with an ellipsis", () => {
    expect(truncate("short", 10)).toBe("short");
    expect(truncate("abcdefghijkl", 10)).toBe("abcdefghi…");
    expect(truncate("镜像描述镜像描述镜像描述", 5)).toBe("镜像描述…");
  });

  it("keeps times it cannot read as they came", () => {
    expect(formatTime("yesterday", "en")).toBe("yesterday");
    expect(utcTime("yesterday")).toBe("yesterday");
    expect(utcTime("2026-03-02T20:30:00+08:00")).toBe("2026-03-02T12:30:00.000Z");
    expect(formatTime("2026-03-02T12:00:00.000Z", "zh-CN")).toContain("2026");
  });
});
