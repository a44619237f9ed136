import { useCallback, useLayoutEffect, useRef } from "react";

/**
 * A handler of one identity for the component's life that calls the latest `handler` and returns
 * what it returns: a memoised child given it is not drawn again because its parent made a new
 * closure, and an effect or a timer that holds it calls today's handler, not the one it began
 * with. For events, not for render: it calls the handler of the last commit.
 */
export function useHandler<Args extends unknown[], Result>(handler: (...args: Args) => Result): (...args: Args) => Result {
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  return useCallback((...args: Args) => latest.current(...args), []);
}
