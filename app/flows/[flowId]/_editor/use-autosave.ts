"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { toFlowGraph } from "~/app/_components/flow-canvas/graph-mapping";
import { useTRPC, useTRPCClient, type RouterOutputs } from "~/app/_lib/trpc";
import { readServerError } from "./server-error";
import { useEditorStore } from "./store/editor-context";

export type SaveStatus =
  | { kind: "saved"; at: Date | null }
  | { kind: "unsaved" }
  | { kind: "saving" }
  | { kind: "conflict" }
  /** The refusal as thrown; the status indicator words it in the page's language. */
  | { kind: "error"; error: unknown };

/** Long enough to batch a burst of typing, short enough that closing the tab rarely loses work. */
const DEBOUNCE_MS = 800;

/**
 * Saves the draft a moment after each change, with the revision it started from: the server
 * refuses the save if someone else saved in between (Conflict), and nothing is overwritten until
 * the person chooses to reload or keep their version.
 */
export function useAutosave(flowId: string, initialRevision: number) {
  const store = useEditorStore();
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  /**
   * Keeps the cached flow as current as the server's draft, so reopening the flow from the list
   * never starts from an older copy (see FlowPage).
   */
  const remember = useCallback(
    (
      saved: Pick<RouterOutputs["flows"]["get"], "graph" | "description" | "revision" | "updatedAt"> & {
        name?: string;
      },
    ) => queryClient.setQueryData(trpc.flows.get.queryKey({ flowId }), (old) => (old ? { ...old, ...saved } : old)),
    [queryClient, trpc, flowId],
  );
  const [status, setStatus] = useState<SaveStatus>({ kind: "saved", at: null });
  const revision = useRef(initialRevision);
  const savedSeq = useRef(store.getState().changeSeq);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const blocked = useRef(false);

  const saveOnce = useCallback(async () => {
    const s = store.getState();
    const seq = s.changeSeq;
    if (seq === savedSeq.current || blocked.current) return;
    setStatus({ kind: "saving" });
    try {
      const graph = toFlowGraph(s.nodes, s.edges);
      // An emptied name field keeps the stored name rather than failing the whole save.
      const name = s.name.trim() || undefined;
      const saved = await client.flows.saveDraft.mutate({
        flowId,
        graph,
        name,
        description: s.description,
        baseRevision: revision.current,
      });
      revision.current = saved.revision;
      remember({ graph, description: s.description, ...saved, ...(name === undefined ? {} : { name }) });
      savedSeq.current = seq;
      setStatus(store.getState().changeSeq === seq ? { kind: "saved", at: saved.updatedAt } : { kind: "unsaved" });
    } catch (err) {
      if (readServerError(err).code === "CONFLICT") {
        blocked.current = true;
        setStatus({ kind: "conflict" });
      } else {
        setStatus({ kind: "error", error: err });
      }
    }
  }, [client, flowId, store, remember]);

  /** Saves now (after any save in flight); resolves true when the draft on the server is current. */
  const flush = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    while (inFlight.current) await inFlight.current;
    const run = saveOnce();
    inFlight.current = run;
    await run.finally(() => {
      inFlight.current = null;
    });
    return !blocked.current && store.getState().changeSeq === savedSeq.current;
  }, [saveOnce, store]);

  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.changeSeq === prev.changeSeq) return;
        setStatus((old) => (old.kind === "unsaved" || old.kind === "conflict" ? old : { kind: "unsaved" }));
        clearTimeout(timer.current);
        timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
      }),
    [store, flush],
  );

  // Warn before leaving with changes the server does not have yet.
  useEffect(() => {
    const onLeave = (event: BeforeUnloadEvent) => {
      if (store.getState().changeSeq !== savedSeq.current) event.preventDefault();
    };
    window.addEventListener("beforeunload", onLeave);
    return () => {
      window.removeEventListener("beforeunload", onLeave);
      clearTimeout(timer.current);
    };
  }, [store]);

  /** Conflict: drop local changes and load what is on the server (undo can still go back). */
  const reload = useCallback(async () => {
    const flow = await client.flows.get.query({ flowId });
    const s = store.getState();
    s.replaceGraph(flow.graph);
    s.setName(flow.name);
    s.setDescription(flow.description);
    revision.current = flow.revision;
    remember(flow);
    savedSeq.current = store.getState().changeSeq;
    blocked.current = false;
    setStatus({ kind: "saved", at: flow.updatedAt });
  }, [client, flowId, store, remember]);

  /** Conflict: keep the local version, saving it over whatever was saved elsewhere. */
  const overwrite = useCallback(async () => {
    const flow = await client.flows.get.query({ flowId });
    revision.current = flow.revision;
    blocked.current = false;
    await flush();
  }, [client, flowId, flush]);

  /**
   * Makes a published version the draft on the server (where it is audited as a restore) and
   * shows it; undo brings the previous draft back, and saves it again.
   */
  const restoreVersion = useCallback(
    async (versionId: string) => {
      if (!(await flush())) throw new Error("The current draft could not be saved first");
      const saved = await client.flows.restoreVersion.mutate({ flowId, versionId, baseRevision: revision.current });
      const s = store.getState();
      s.replaceGraph(saved.graph);
      revision.current = saved.revision;
      remember({
        graph: saved.graph,
        description: s.description,
        revision: saved.revision,
        updatedAt: saved.updatedAt,
      });
      savedSeq.current = store.getState().changeSeq;
      setStatus({ kind: "saved", at: saved.updatedAt });
    },
    [client, flowId, flush, store, remember],
  );

  return { status, flush, reload, overwrite, restoreVersion };
}

export type Autosave = ReturnType<typeof useAutosave>;
