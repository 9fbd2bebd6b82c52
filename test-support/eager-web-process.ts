import { createServer } from "node:http";
import { alertEndpointDeps } from "~/app/api/alerts/alert-endpoint-deps";
import { eagerIngress } from "~/scripts/launcher/eager-ingress";
import { frontHandler } from "~/scripts/launcher/front-handler";
import { env } from "~/server/env";

/**
 * The production front server (scripts/launcher/front-server.ts) without Next.js, which needs a
 * production build: the same alert deps from the environment, the same eager ingress
 * (ALERTFLOW_EAGER_START) and listener, as a process that tests SIGKILL. Every other request is
 * a 404. Prints `listening on <port>` and each workflow start as `start <workflowId> eager|queued`.
 * Test-only on purpose: a hook for the tests' SIGKILL to land while a first task is in hand.
 */
const ingress = eagerIngress(env, alertEndpointDeps, {
  onStarted: (workflowId, eagerly) => {
    console.log(`start ${workflowId} ${eagerly ? "eager" : "queued"}`);
    // EAGER_WEB_HANG=1: the process hangs with the first workflow task it was just handed (core
    // holds it; JavaScript never completes it), as a process dying at that moment would leave it.
    if (eagerly && process.env.EAGER_WEB_HANG === "1") Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  },
});
const front = frontHandler(ingress.deps, (_req, res) => res.writeHead(404).end());
const server = createServer(front.listener);
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(`listening on ${typeof address === "object" && address ? address.port : "?"}`);
});
