import { useCallback, useLayoutEffect, useRef } from "react";

/**
 * A handler of one identity for the component's life that calls the latest `handler`: a memoised
 * child given it is not drawn again because its parent made a new closure. For events, not for
 * render: it calls the handler of the last commit.
 */
export function useHandler<Args extends unknown[]>(handler: (...args: Args) => void): (...args: Args) => void {
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  return useCallback((...args: Args) => {
    latest.current(...args);
  }, []);
}
