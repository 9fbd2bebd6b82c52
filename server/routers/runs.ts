import {
  failedDeliveriesInput,
  listRunsInput,
  operatorActionInput,
  resendInput,
  runIdInput,
  runInsightsInput,
  runStatsInput,
} from "../runs/run-inputs";
import {
  actOnRun,
  failedDeliveryIds,
  getRun,
  listFailedDeliveries,
  listRuns,
  rerunRun,
  resendDeliveries,
  runInsights,
  runStats,
} from "../runs/run-service";
import type { Context } from "../context";
import type { RunActor } from "../runs/act-on-run";
import { editorProcedure, viewerProcedure, router } from "../trpc";

/** The signed-in person acts from the run page; the user behind an API token, through the API. */
const operator = (ctx: Context, note?: string): RunActor => ({
  by: ctx.actor.name,
  userId: ctx.actor.userId,
  source: ctx.sessionId ? "ui" : "api",
  note,
});

export const runsRouter = router({
  list: viewerProcedure.input(listRunsInput).query(({ ctx, input }) => listRuns(ctx, input)),
  stats: viewerProcedure.input(runStatsInput).query(({ ctx, input }) => runStats(ctx, input)),
  /** Per flow or integration: incidents, messages sent and failed, latency p50/p95, MTTA, MTTR. */
  insights: viewerProcedure.input(runInsightsInput).query(({ ctx, input }) => runInsights(ctx, input)),
  failedDeliveries: viewerProcedure
    .input(failedDeliveriesInput)
    .query(({ ctx, input }) => listFailedDeliveries(ctx, input)),
  get: viewerProcedure.input(runIdInput).query(({ ctx, input }) => getRun(ctx, input.runId)),
  acknowledge: viewerProcedure
    .input(operatorActionInput)
    .mutation(({ ctx, input }) => actOnRun(ctx, input.runId, "acknowledge", operator(ctx, input.note))),
  resolve: viewerProcedure
    .input(operatorActionInput)
    .mutation(({ ctx, input }) => actOnRun(ctx, input.runId, "resolve", operator(ctx, input.note))),
  cancel: editorProcedure
    .input(operatorActionInput)
    .mutation(({ ctx, input }) => actOnRun(ctx, input.runId, "cancel", operator(ctx, input.note))),
  /** One more attempt at each failed delivery given (one, or a selection from the dead-letter view). */
  resend: editorProcedure
    .input(resendInput)
    .mutation(({ ctx, input }) => resendDeliveries(ctx, input.deliveryIds, ctx.actor)),
  /** Every failed delivery of one run, again. */
  resendFailed: editorProcedure.input(runIdInput).mutation(async ({ ctx, input }) => {
    const ids = await failedDeliveryIds(ctx, input.runId);
    return ids.length === 0 ? [] : resendDeliveries(ctx, ids, ctx.actor);
  }),
  rerun: editorProcedure.input(runIdInput).mutation(({ ctx, input }) => rerunRun(ctx, input.runId, ctx.actor)),
});
