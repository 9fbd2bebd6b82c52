import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { alertEndpointDeps } from "~/app/api/alerts/alert-endpoint-deps";
import { env } from "~/server/env";
import { eagerIngress } from "./eager-ingress";
import { frontHandler } from "./front-handler";

/**
 * The production web server (`npm start`): one node:http server that answers
 * `POST /api/alerts/<token>` itself (front-handler.ts), with the same handler and deps as the
 * Next.js route, and hands every other request to Next.js on the production build. An alert skips
 * Next's routing, proxy and request wrappers, which cost more CPU than the handler itself
 * (scripts/bench-inbound.ts). With ALERTFLOW_EAGER_START it also runs an escalation worker and
 * starts new incidents' workflows eagerly on it (eager-ingress.ts). Arguments: --port N [--hostname H].
 */
const root = path.resolve(import.meta.dirname, "../..");
const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const port = Number(arg("port"));
const hostname = arg("hostname");

async function main() {
  const app = next({ dev: false, dir: root, hostname, port });
  const handleByNext = app.getRequestHandler();
  await app.prepare();
  const ingress = eagerIngress(env, alertEndpointDeps);
  const front = frontHandler(ingress.deps, (req, res) => void handleByNext(req, res));
  const server = createServer(front.listener);
  server.on("upgrade", app.getUpgradeHandler());
  await new Promise<void>((resolve) => server.listen(port, hostname, resolve));
  console.log(`listening on ${hostname ?? "every interface"}:${port}: alerts answered here, the rest by Next.js`);

  // SIGTERM from the launcher: no new connections; alerts being answered finish (a 202 goes out
  // only once the alert is durable, so one cut short is retried by its sender) and the workflow
  // starts they queued, within the launcher's 8 s grace; then open streams (the runs page's live
  // events) are cut and the process exits.
  const stop = async () => {
    server.close();
    server.closeIdleConnections();
    await front.drain(6000);
    server.closeAllConnections();
    // The ingress worker hands its sticky workflows back as it stops (else they wait out the
    // sticky timeout), within the launcher's grace like the rest.
    await Promise.all([ingress.stop().catch(() => undefined), app.close().catch(() => undefined)]);
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop());
  process.once("SIGINT", () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
