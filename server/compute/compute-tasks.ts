import type { NormalizedAlert } from "~/core/alerts/alert";
import { matchesFilters } from "~/core/alerts/filters";
import { flowGraphSchema, type FlowGraph, type TriggerFilter } from "~/core/flow/document";
import { validateGraph, type ValidateGraphOptions, type ValidateGraphResult } from "~/core/flow/validate-graph";
import { renderPreview, type PreviewRenderInput, type PreviewRenderOutput } from "../integrations/preview-render";

/**
 * The CPU-bound work of requests, each a pure function of plain data (it crosses to a worker
 * thread by structured clone). Measured at their limits on the event loop: a preview at the
 * render budgets 300+ ms, a graph with 2,000 regex filters 2–4 s, an Alertmanager body of 1,000
 * alerts against 50 regex filters 2 s.
 */
export interface ComputeTaskTypes {
  preview: { input: PreviewRenderInput; output: PreviewRenderOutput };
  checkGraph: {
    input: { raw: unknown; options: ValidateGraphOptions };
    /** The validation, and the draft reading of a graph that does not validate (drafts may be incomplete). */
    output: { result: ValidateGraphResult; draft: FlowGraph | null };
  };
  /** The output lists the indexes of the alerts that every filter matches. */
  filterAlerts: { input: { alerts: NormalizedAlert[]; filters: TriggerFilter[] }; output: number[] };
}

export type ComputeKind = keyof ComputeTaskTypes;
export type ComputeInput<K extends ComputeKind> = ComputeTaskTypes[K]["input"];
export type ComputeOutput<K extends ComputeKind> = ComputeTaskTypes[K]["output"];
export interface ComputeRequest<K extends ComputeKind = ComputeKind> {
  kind: K;
  input: ComputeInput<K>;
}

const computeTasks: { [K in ComputeKind]: (input: ComputeInput<K>) => ComputeOutput<K> } = {
  preview: renderPreview,
  checkGraph: ({ raw, options }) => {
    const result = validateGraph(raw, options);
    const parsed = result.ok ? null : flowGraphSchema.safeParse(raw);
    return { result, draft: parsed?.success ? parsed.data : null };
  },
  filterAlerts: ({ alerts, filters }) =>
    alerts.flatMap((alert, index) => (matchesFilters(alert, filters) ? [index] : [])),
};

/** Runs one task here, on the calling thread. */
export function computeInline<K extends ComputeKind>(kind: K, input: ComputeInput<K>): ComputeOutput<K> {
  return computeTasks[kind](input);
}
