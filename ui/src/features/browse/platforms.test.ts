import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import type { DigestPlatforms } from "../../ipc";
import { CHUNK, GATHER_MS, PlatformBatch, platformName } from "./platforms";

const LINUX = { os: "linux", architecture: "amd64", variant: null };

/** A backend that answers every digest it is given, and remembers each call. */
function backend() {
  const calls: string[][] = [];
  const read = (digests: string[]): Promise<DigestPlatforms[]> => {
    calls.push(digests);
    return Promise.resolve(digests.map((digest) => ({ digest, platforms: [LINUX], problem: null })));
  };
  return { calls, read };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("the platforms batch", () => {
  it("asks nothing while digests keep coming, then all of them in one call", async () => {
    const { calls, read } = backend();
    const batch = new PlatformBatch(read);
    const first = batch.ask("a");
    vi.advanceTimersByTime(GATHER_MS - 1);
    const second = batch.ask("b");
    const again = batch.ask("a");
    vi.advanceTimersByTime(GATHER_MS - 1);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual([["a", "b"]]);
    expect((await first).digest).toBe("a");
    expect((await second).digest).toBe("b");
    expect(await again).toEqual(await first);
  });

  it("sends a few digests at a time, the next ones once the call before is answered", async () => {
    const answers: (() => void)[] = [];
    const calls: string[][] = [];
    const batch = new PlatformBatch((digests) => {
      calls.push(digests);
      return new Promise((resolve) => {
        answers.push(() => {
          resolve(digests.map((digest) => ({ digest, platforms: [LINUX], problem: null })));
        });
      });
    });
    const rows = Array.from({ length: CHUNK + 2 }, (_, at) => `d${String(at)}`);
    const asked = rows.map((digest) => batch.ask(digest));
    vi.advanceTimersByTime(GATHER_MS);
    expect(calls).toEqual([rows.slice(0, CHUNK)]);
    // Asked while a call is under way: it goes with the next one, at once.
    const late = batch.ask("late");
    vi.advanceTimersByTime(GATHER_MS);
    expect(calls).toHaveLength(1);
    answers[0]?.();
    await vi.waitFor(() => {
      expect(calls).toHaveLength(2);
    });
    expect(calls[1]).toEqual([...rows.slice(CHUNK), "late"]);
    answers[1]?.();
    expect((await Promise.all([...asked, late])).map((a) => a.digest)).toEqual([...rows, "late"]);
  });

  it("leaves out a digest whose row left the screen before its call", async () => {
    const { calls, read } = backend();
    const batch = new PlatformBatch(read);
    const gone = new AbortController();
    const left = batch.ask("scrolled-past", gone.signal);
    const kept = batch.ask("in-view");
    gone.abort();
    await expect(left).rejects.toThrow("no longer in view");
    vi.advanceTimersByTime(GATHER_MS);
    expect(calls).toEqual([["in-view"]]);
    expect((await kept).platforms).toEqual([LINUX]);
  });

  it("fails every ask of a call the backend refused", async () => {
    const batch = new PlatformBatch(() => Promise.reject(new Error("the keyring is locked")));
    const one = batch.ask("a");
    const two = batch.ask("b");
    vi.advanceTimersByTime(GATHER_MS);
    await expect(one).rejects.toThrow("the keyring is locked");
    await expect(two).rejects.toThrow("the keyring is locked");
  });

  it("names a platform as docker does", () => {
    expect(platformName(LINUX)).toBe("linux/amd64");
    expect(platformName({ os: "linux", architecture: "arm64", variant: "v8" })).toBe("linux/arm64/v8");
  });
});
