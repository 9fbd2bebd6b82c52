import { listRunsInput, operatorActionInput, runIdInput, runStatsInput } from "../runs/run-inputs";
import { actOnRun, getRun, listRuns, runStats } from "../runs/run-service";
import { publicProcedure, router } from "../trpc";

// Sign-in is not built yet; actions are recorded as taken by "operator".
const OPERATOR = "operator";

export const runsRouter = router({
  list: publicProcedure.input(listRunsInput).query(({ ctx, input }) => listRuns(ctx, input)),
  stats: publicProcedure.input(runStatsInput).query(({ ctx, input }) => runStats(ctx, input)),
  get: publicProcedure.input(runIdInput).query(({ ctx, input }) => getRun(ctx, input.runId)),
  acknowledge: publicProcedure
    .input(operatorActionInput)
    .mutation(({ ctx, input }) => actOnRun(ctx, input.runId, "acknowledge", OPERATOR, input.note)),
  resolve: publicProcedure
    .input(operatorActionInput)
    .mutation(({ ctx, input }) => actOnRun(ctx, input.runId, "resolve", OPERATOR, input.note)),
  cancel: publicProcedure
    .input(operatorActionInput)
    .mutation(({ ctx, input }) => actOnRun(ctx, input.runId, "cancel", OPERATOR, input.note)),
});
