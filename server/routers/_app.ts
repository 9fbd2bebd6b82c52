import { createCallerFactory, router } from "../trpc";
import { flowsRouter } from "./flows";
import { integrationsRouter } from "./integrations";
import { runsRouter } from "./runs";
import { templatesRouter } from "./templates";

export const appRouter = router({
  flows: flowsRouter,
  integrations: integrationsRouter,
  runs: runsRouter,
  templates: templatesRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
