// The tag list's OS/arch column. Each cell in view asks for the platforms of its digest; the asks
// of one still moment go to the backend as one call, once no cell has asked for a while. A list
// being scrolled keeps asking, so it reads nothing until it stops, and a row scrolled past before
// the call takes its ask back. What a digest names never changes: once read, never again.

import { queryOptions } from "@tanstack/react-query";
import { useMemo } from "react";

import { useIpc, type CommandError, type DigestPlatforms, type PlatformName } from "../../ipc";
import { browseKeys, type ImageRef } from "./queries";

/** How long the list must stay still before the platforms of its rows are asked for. */
export const SETTLE_MS = 250;
/** Digests the backend takes in one call. */
export const MAX_DIGESTS = 200;

interface Ask {
  resolve: (answer: DigestPlatforms) => void;
  reject: (reason: unknown) => void;
}

/** Gathers the digests asked for until the asking pauses, then reads them in one call. */
export class PlatformBatch {
  private readonly waiting = new Map<string, Ask[]>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly read: (digests: string[]) => Promise<DigestPlatforms[]>) {}

  /** The platforms of `digest`; an abort before the call is made takes the ask back. */
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
      clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.send();
      }, SETTLE_MS);
    });
  }

  private send() {
    const batch = [...this.waiting];
    this.waiting.clear();
    for (let at = 0; at < batch.length; at += MAX_DIGESTS) {
      const part = batch.slice(at, at + MAX_DIGESTS);
      this.read(part.map(([digest]) => digest)).then(
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
      );
    }
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
