import { readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/** Where `npm run build` leaves the workflow bundle: beside the Next.js build it was made with. */
export function workflowBundleFile(buildDir: string): string {
  return path.join(buildDir, "workflow-bundle.js");
}

/** The folders the workflow bundle is made from: the workflows and the pure core they import. */
const BUNDLED_SOURCES = ["workflows", "core"];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * The bundle `npm start` hands its worker processes and the web process's ingress worker, or null
 * when there is none or the workflow sources changed after it was made: each process then bundles
 * the sources as it starts, as in development, rather than run workflows older than the code.
 */
export function currentWorkflowBundle(buildDir: string, sourcesRoot = root): string | null {
  const file = workflowBundleFile(buildDir);
  let madeAt: number;
  try {
    madeAt = statSync(file).mtimeMs;
  } catch {
    return null;
  }
  const changed = BUNDLED_SOURCES.some((dir) => newestMtime(path.join(sourcesRoot, dir)) > madeAt);
  return changed ? null : file;
}
