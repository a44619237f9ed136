// The tag list's OS/arch column. A cell asks for the platforms of its digest once its row has
// stayed in view for a moment, so rows a scroll only passes by ask nothing; the asks go to the
// backend a few at a time. What a digest names never changes: once read, never again.

import { queryOptions } from "@tanstack/react-query";
import { useMemo } from "react";

import { useIpc, type CommandError, type DigestPlatforms, type PlatformName } from "../../ipc";
import { browseKeys, type ImageRef } from "./queries";

/** How long a row stays in view before it asks for its platforms. */
export const IN_VIEW_MS = 250;
/** How long the batch waits for more asks before it calls the backend. */
export const GATHER_MS = 50;
/**
 * Digests sent in one call. A call reads at the account's pace, a few digests a second, so calls
 * stay small and go one at a time: the asks of rows scrolled away from meanwhile are taken back
 * before they are sent, instead of spending the account's requests for seconds on rows no one
 * sees any more.
 */
export const CHUNK = 8;

interface Ask {
  resolve: (answer: DigestPlatforms) => void;
  reject: (reason: unknown) => void;
}

/** Gathers the digests asked for, then reads them a few at a time, one call after another. */
export class PlatformBatch {
  private readonly waiting = new Map<string, Ask[]>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private calling = false;

  constructor(private readonly read: (digests: string[]) => Promise<DigestPlatforms[]>) {}

  /** The platforms of `digest`; an abort before its call is made takes the ask back. */
  ask(digest: string, signal?: AbortSignal): Promise<DigestPlatforms> {
    return new Promise((resolve, reject) => {
      const ask: Ask = { resolve, reject };
      const asks = this.waiting.get(digest) ?? [];
      asks.push(ask);
      this.waiting.set(digest, asks);
      signal?.addEventListener("abort", () => {
        const left = (this.waiting.get(digest) ?? []).filter((a) => a !== ask);
        if (left.length > 0) this.waiting.set(digest, left);
        else this.waiting.delete(digest);
        reject(new DOMException("the row is no longer in view", "AbortError"));
      });
      // A call under way sends the next asks when it ends.
      if (this.calling) return;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.send();
      }, GATHER_MS);
    });
  }

  /** Sends the oldest asks still wanted, then the next ones once they are answered. */
  private send() {
    const part = [...this.waiting].slice(0, CHUNK);
    this.calling = part.length > 0;
    if (!this.calling) return;
    for (const [digest] of part) this.waiting.delete(digest);
    this.read(part.map(([digest]) => digest))
      .then(
        (answers) => {
          const byDigest = new Map(answers.map((a) => [a.digest, a]));
          for (const [digest, asks] of part) {
            const answer = byDigest.get(digest);
            for (const ask of asks) {
              if (answer) ask.resolve(answer);
              else ask.reject(new Error(`no answer for ${digest}`));
            }
          }
        },
        (reason: unknown) => {
          for (const [, asks] of part) for (const ask of asks) ask.reject(reason);
        },
      )
      .finally(() => {
        this.send();
      });
  }
}

/** `linux/arm64/v8`, as docker names a platform. */
export function platformName({ os, architecture, variant }: PlatformName): string {
  return variant ? `${os}/${architecture}/${variant}` : `${os}/${architecture}`;
}

/** The query of one digest's platforms, for the cell that shows them. */
export type PlatformsOf = (digest: string) => ReturnType<typeof platformsQuery>;

function platformsQuery(ref: ImageRef, batch: PlatformBatch, digest: string) {
  return queryOptions<DigestPlatforms, CommandError>({
    queryKey: browseKeys.platforms(ref.profileId, ref.organization, ref.image, digest),
    queryFn: ({ signal }) => batch.ask(digest, signal),
    staleTime: Infinity,
    // A digest that could not be read says why in its answer; a failed call is not retried
    // cell by cell.
    retry: false,
  });
}

/** The platforms query of each digest of `ref`'s tags, all asked through one batch. */
export function usePlatformsOf(ref: ImageRef): PlatformsOf {
  const client = useIpc();
  const { profileId, organization, image } = ref;
  return useMemo(() => {
    const imageRef = { profileId, organization, image };
    const batch = new PlatformBatch((digests) => client.tagPlatforms(profileId, organization, image, digests));
    return (digest: string) => platformsQuery(imageRef, batch, digest);
  }, [client, profileId, organization, image]);
}
