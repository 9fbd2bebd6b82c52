import { createCallerFactory, router } from "../trpc";
import { flowsRouter } from "./flows";
import { integrationsRouter } from "./integrations";
import { runsRouter } from "./runs";
import { templatesRouter } from "./templates";
import { inboxRouter } from "./inbox";

export const appRouter = router({
  flows: flowsRouter,
  integrations: integrationsRouter,
  runs: runsRouter,
  templates: templatesRouter,
  inbox: inboxRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
