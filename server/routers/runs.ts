import { listRunsInput, operatorActionInput, runIdInput, runStatsInput } from "../runs/run-inputs";
import { actOnRun, getRun, listRuns, runStats } from "../runs/run-service";
import type { Context } from "../context";
import type { RunActor } from "../runs/act-on-run";
import { editorProcedure, viewerProcedure, router } from "../trpc";

// Tokens and sessions look alike here until the accounts work says which one signed in.
const operator = (ctx: Context, note?: string): RunActor => ({ by: ctx.actor.name, source: "ui", note });

export const runsRouter = router({
  list: viewerProcedure.input(listRunsInput).query(({ ctx, input }) => listRuns(ctx, input)),
  stats: viewerProcedure.input(runStatsInput).query(({ ctx, input }) => runStats(ctx, input)),
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
});
