import { listRunsInput, operatorActionInput, runIdInput, runStatsInput } from "../runs/run-inputs";
import { actOnRun, getRun, listRuns, runStats } from "../runs/run-service";
import { editorProcedure, viewerProcedure, router } from "../trpc";

export const runsRouter = router({
  list: viewerProcedure.input(listRunsInput).query(({ ctx, input }) => listRuns(ctx, input)),
  stats: viewerProcedure.input(runStatsInput).query(({ ctx, input }) => runStats(ctx, input)),
  get: viewerProcedure.input(runIdInput).query(({ ctx, input }) => getRun(ctx, input.runId)),
  acknowledge: viewerProcedure
    .input(operatorActionInput)
    .mutation(({ ctx, input }) => actOnRun(ctx, input.runId, "acknowledge", ctx.actor.name, input.note)),
  resolve: viewerProcedure
    .input(operatorActionInput)
    .mutation(({ ctx, input }) => actOnRun(ctx, input.runId, "resolve", ctx.actor.name, input.note)),
  cancel: editorProcedure
    .input(operatorActionInput)
    .mutation(({ ctx, input }) => actOnRun(ctx, input.runId, "cancel", ctx.actor.name, input.note)),
});
