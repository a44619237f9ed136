import { describe, expect, it } from "vitest";

import { createI18n } from "../../i18n";
import { formatBytes, formatDuration, shortDigest, withoutDigest } from "./format";

describe("sizes and durations", () => {
  it("prints sizes in decimal units with the language's numbers", () => {
    expect(formatBytes(512, "en")).toBe("512 B");
    expect(formatBytes(1_500_000, "en")).toBe("1.5 MB");
    expect(formatBytes(123_400_000, "en")).toBe("123 MB");
    expect(formatBytes(2_000_000_000, "zh-CN")).toBe("2 GB");
  });

  it("prints durations in words of the interface language", () => {
    const en = createI18n("en").t;
    const zh = createI18n("zh-CN").t;
    expect(formatDuration(42, en)).toBe("42 s");
    expect(formatDuration(75, en)).toBe("1 min 15 s");
    expect(formatDuration(3 * 3600 + 120, en)).toBe("3 h 2 min");
    expect(formatDuration(75, zh)).toBe("1 分 15 秒");
  });

  it("takes the digest off a pushed reference and shortens digests", () => {
    expect(withoutDigest("swr.example.com/a/b:1@sha256:abc")).toBe("swr.example.com/a/b:1");
    expect(withoutDigest("swr.example.com:5000/a/b:1")).toBe("swr.example.com:5000/a/b:1");
    expect(shortDigest(`sha256:${"0123456789abcdef".repeat(4)}`)).toBe("sha256:0123456789ab");
  });
});
