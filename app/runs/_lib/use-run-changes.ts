"use client";

import { useEffect, useRef, useState } from "react";
import { RUN_EVENTS_PATH, runChangeSchema, type RunChange } from "~/core/escalation/run-change";

/** "live" while the stream is open; "connecting" while the browser (re)connects; "off" when refused. */
export type LiveState = "connecting" | "live" | "off";

const EVERYTHING: RunChange = { runId: null, status: null, level: null };

/**
 * Follows the workspace's run changes over server-sent events (no polling). `onChange` also gets
 * a refetch-everything change each time the stream (re)opens, since changes made while it was
 * closed were not sent.
 */
export function useRunChanges(onChange: (change: RunChange) => void): LiveState {
  const [state, setState] = useState<LiveState>("connecting");
  const handler = useRef(onChange);
  useEffect(() => {
    handler.current = onChange;
  }, [onChange]);
  useEffect(() => {
    const source = new EventSource(RUN_EVENTS_PATH);
    source.addEventListener("ready", () => {
      setState("live");
      handler.current(EVERYTHING);
    });
    source.addEventListener("run", (event) => {
      let data: unknown;
      try {
        data = JSON.parse(String(event.data));
      } catch {
        return;
      }
      const parsed = runChangeSchema.safeParse(data);
      if (parsed.success) handler.current(parsed.data);
    });
    // EventSource reconnects by itself after an error, unless the server refused (then it is closed).
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? "off" : "connecting");
    return () => source.close();
  }, []);
  return state;
}

/** Calls `fn` at most once per `ms`, the last call of a burst included (a run's events come in bursts). */
export function throttle(fn: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = 0;
  return () => {
    if (timer) return;
    const wait = Math.max(0, last + ms - Date.now());
    timer = setTimeout(() => {
      timer = null;
      last = Date.now();
      fn();
    }, wait);
  };
}
