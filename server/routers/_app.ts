import { createCallerFactory, router } from "../trpc";
import { flowsRouter } from "./flows";
import { integrationsRouter } from "./integrations";
import { runsRouter } from "./runs";

export const appRouter = router({
  flows: flowsRouter,
  integrations: integrationsRouter,
  runs: runsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
