import { createCallerFactory, router } from "../trpc";
import { accountRouter } from "./account";
import { auditRouter } from "./audit";
import { flowsRouter } from "./flows";
import { integrationsRouter } from "./integrations";
import { membersRouter } from "./members";
import { runsRouter } from "./runs";
import { templatesRouter } from "./templates";
import { inboxRouter } from "./inbox";
import { tokensRouter } from "./tokens";
import { workspaceRouter } from "./workspace";

export const appRouter = router({
  account: accountRouter,
  members: membersRouter,
  tokens: tokensRouter,
  audit: auditRouter,
  flows: flowsRouter,
  integrations: integrationsRouter,
  runs: runsRouter,
  templates: templatesRouter,
  inbox: inboxRouter,
  workspace: workspaceRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
