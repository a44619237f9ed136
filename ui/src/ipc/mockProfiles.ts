// What the in-memory feature backends share: answering only for profiles that exist, as the
// real commands do.

import { CommandError } from "./index";

/** `value()` for a known profile; a `notFound` error, as the backend gives, for any other. */
export function forProfile(exists: (id: string) => boolean) {
  return <T>(profileId: string, value: () => T): Promise<T> =>
    exists(profileId)
      ? Promise.resolve(value())
      : Promise.reject(
          new CommandError({
            code: "notFound",
            message: `no profile with id ${profileId}`,
            requestId: null,
            retryable: false,
            violation: null, advice: null,
          }),
        );
}
