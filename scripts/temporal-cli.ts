import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";

export const TEMPORAL_CLI_VERSION = "v1.5.1";
const repoRoot = path.resolve(import.meta.dirname, "..");
export const toolsBin = path.join(repoRoot, ".tools", "bin");

function onPath(name: string): string | null {
  const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  const p = found.stdout.trim();
  return found.status === 0 && p ? p : null;
}

/**
 * The Temporal CLI: TEMPORAL_CLI_PATH, then PATH, then .tools/bin, else built there with
 * `go install` (later CLI tags cannot be go-installed, so the version is pinned).
 */
export function findOrInstallTemporalCli(log: (line: string) => void = console.log): string {
  const fromEnv = process.env.TEMPORAL_CLI_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const local = path.join(toolsBin, "temporal");
  if (existsSync(local)) return local;
  const global = onPath("temporal");
  if (global) return global;
  if (!onPath("go")) {
    throw new Error(
      "The Temporal CLI was not found and Go is not installed to build it.\n" +
        `Install Go (https://go.dev/dl) and run: GOBIN=${toolsBin} go install github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}\n` +
        "or put a `temporal` binary on PATH, or set TEMPORAL_CLI_PATH, or point TEMPORAL_ADDRESS at a running server.",
    );
  }
  mkdirSync(toolsBin, { recursive: true });
  log(`Building the Temporal CLI ${TEMPORAL_CLI_VERSION} into ${toolsBin} (once; a few minutes)…`);
  const started = Date.now();
  execFileSync("go", ["install", `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}`], {
    env: { ...process.env, GOBIN: toolsBin },
    stdio: "inherit",
  });
  log(`Temporal CLI built in ${Math.round((Date.now() - started) / 1000)} s`);
  return local;
}

// `tsx scripts/temporal-cli.ts` installs it ahead of time (used by .ci/run).
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  console.log(findOrInstallTemporalCli());
}
