"use client";

import { useSyncExternalStore } from "react";

const never = () => () => {};

/**
 * False in the server's HTML and while React hydrates it, true from then on. A control changed
 * before it is hydrated loses the change: React re-renders it with the server's value before its
 * change handler runs, so the handler reads the old value back.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
