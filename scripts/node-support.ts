import { readFileSync } from "node:fs";
import path from "node:path";
import semver from "semver";
import { z } from "zod";

const packageJson = z.object({ engines: z.object({ node: z.string() }) });

/** package.json's `engines.node` is the one list of supported Node versions. */
export function supportedNodeRange(): string {
  const pkgPath = path.resolve(import.meta.dirname, "..", "package.json");
  return packageJson.parse(JSON.parse(readFileSync(pkgPath, "utf8"))).engines.node;
}

/** A warning for the dev launcher to print when this Node is outside the supported range, else null. */
export function unsupportedNodeWarning(version: string, range: string = supportedNodeRange()): string | null {
  if (semver.satisfies(version, range)) return null;
  return (
    `Node ${version} is not supported (package.json engines: "${range}"). Alertflow is tested on Node 24 LTS; ` +
    "`npm test` fetches it into .tools when needed, and `scripts/node24.sh npm run dev` runs the launcher on it."
  );
}
