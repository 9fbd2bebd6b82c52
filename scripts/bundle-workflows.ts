import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { bundleWorkflowCode } from "@temporalio/worker";
import { workflowsPath } from "~/worker/worker-options";
import { workflowBundleFile } from "./launcher/workflow-bundle";

const root = path.resolve(import.meta.dirname, "..");

/**
 * `npm run build`'s last step: the workflow bundle, made once with the production build, as
 * Temporal advises for production, instead of by every worker process and the web process's
 * ingress worker at each start (about 10 s of CPU each on 2 cores, which a restarted process
 * spent before running its first workflow task).
 */
async function main() {
  const buildDir = path.join(root, process.env.NEXT_DIST_DIR ?? ".next");
  const started = Date.now();
  const { code } = await bundleWorkflowCode({ workflowsPath });
  mkdirSync(buildDir, { recursive: true });
  writeFileSync(workflowBundleFile(buildDir), code);
  console.log(
    `workflow bundle: ${workflowBundleFile(buildDir)} (${(code.length / 1024).toFixed(0)} KiB, ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
