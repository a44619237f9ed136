import { useEffect, useEffectEvent } from "react";

import type { Unlisten } from "./index";

/** Listens to a backend event while the component is mounted. */
export function useBackendEvent<T>(
  subscribe: (cb: (payload: T) => void) => Promise<Unlisten>,
  handler: (payload: T) => void,
) {
  const onEvent = useEffectEvent(handler);
  useEffect(() => {
    let stop: Unlisten | undefined;
    let gone = false;
    void subscribe((payload) => {
      onEvent(payload);
    }).then((unlisten) => {
      if (gone) unlisten();
      else stop = unlisten;
    });
    return () => {
      gone = true;
      stop?.();
    };
  }, [subscribe]);
}
