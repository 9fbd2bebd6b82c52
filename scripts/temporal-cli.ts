import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export const TEMPORAL_CLI_VERSION = "v1.5.1";
const repoRoot = path.resolve(import.meta.dirname, "..");
export const toolsBin = path.join(repoRoot, ".tools", "bin");
const sdkDownloadDir = path.join(repoRoot, ".tools", "temporal-sdk-download");

export interface FoundCli {
  path: string;
  /** How it was found, said once at start so a slow first run is explained. */
  route: string;
}

function onPath(name: string): string | null {
  const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  const p = found.stdout.trim();
  return found.status === 0 && p ? p : null;
}

/** A binary the Temporal SDK downloaded earlier (the folder holds nothing else executable). */
function sdkDownloaded(): string | null {
  if (!existsSync(sdkDownloadDir)) return null;
  const candidates = readdirSync(sdkDownloadDir)
    .map((name) => path.join(sdkDownloadDir, name))
    .filter((p) => statSync(p).isFile() && (statSync(p).mode & 0o111) !== 0);
  return candidates.sort().at(-1) ?? null;
}

/** The CLI where it already is: TEMPORAL_CLI_PATH, then PATH, then .tools/bin, then an earlier SDK download. */
export function findTemporalCli(): FoundCli | null {
  const fromEnv = process.env.TEMPORAL_CLI_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`TEMPORAL_CLI_PATH is ${fromEnv}, which does not exist.`);
    return { path: fromEnv, route: "TEMPORAL_CLI_PATH" };
  }
  const global = onPath("temporal");
  if (global) return { path: global, route: "PATH" };
  const local = path.join(toolsBin, "temporal");
  if (existsSync(local)) return { path: local, route: ".tools/bin" };
  const downloaded = sdkDownloaded();
  if (downloaded) return { path: downloaded, route: "Temporal SDK download (cached)" };
  return null;
}

/** For tests and scripts that need the CLI present (CI installs it first with this file). */
export function requireTemporalCli(): string {
  const found = findTemporalCli();
  if (!found) throw new Error("The Temporal CLI is not installed: run `npx tsx scripts/temporal-cli.ts` once.");
  return found.path;
}

/**
 * The Temporal SDK's own download of the dev server (`@temporalio/testing`, cached under
 * .tools): works wherever its download site is reachable and gives up within seconds offline.
 */
async function downloadWithSdk(log: (line: string) => void): Promise<string | null> {
  log("Trying the Temporal SDK's download of the dev server (@temporalio/testing)…");
  const started = Date.now();
  mkdirSync(sdkDownloadDir, { recursive: true });
  try {
    const { TestWorkflowEnvironment } = await import("@temporalio/testing");
    const env = await Promise.race([
      TestWorkflowEnvironment.createLocal({
        server: { executable: { type: "cached-download", downloadDir: sdkDownloadDir }, ip: "127.0.0.1", ui: false },
      }),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no answer within 120 s")), 120_000)),
    ]);
    await env.teardown();
  } catch (err) {
    const reason = (err instanceof Error ? err.message : String(err)).split("\n")[0];
    log(`  not available here (${reason}); ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return null;
  }
  const found = sdkDownloaded();
  if (found) log(`  downloaded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${found}`);
  return found;
}

/**
 * `go install` of the pinned CLI (later tags cannot be go-installed), printing what it is doing
 * every few seconds: the first build takes minutes and a silent one looks hung.
 */
async function buildWithGo(log: (line: string) => void): Promise<string> {
  if (!onPath("go")) {
    throw new Error(
      "The Temporal CLI was not found, the Temporal SDK could not download it, and Go is not installed to build it.\n" +
        `Install Go (https://go.dev/dl) and run: GOBIN=${toolsBin} go install github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}\n` +
        "or put a `temporal` binary on PATH, or set TEMPORAL_CLI_PATH, or point TEMPORAL_ADDRESS at a running server.",
    );
  }
  mkdirSync(toolsBin, { recursive: true });
  log(`Building the Temporal CLI ${TEMPORAL_CLI_VERSION} with Go into ${toolsBin} (once; several minutes on 2 cores)…`);
  const started = Date.now();
  let modules = 0;
  let packages = 0;
  let last = "";
  const child = spawn("go", ["install", "-v", `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}`], {
    env: { ...process.env, GOBIN: toolsBin },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const count = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) {
      if (line.startsWith("go: downloading")) modules++;
      else if (line.trim() && !line.startsWith("go:")) packages++;
      if (line.trim()) last = line.trim();
    }
  };
  child.stdout.on("data", count);
  child.stderr.on("data", count);
  const progress = setInterval(() => {
    const elapsed = Math.round((Date.now() - started) / 1000);
    log(`  Go build: ${elapsed} s, ${modules} modules downloaded, ${packages} packages compiled (${last})`);
  }, 10_000);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  clearInterval(progress);
  if (code !== 0) throw new Error(`go install failed (exit ${code}); last line: ${last}`);
  log(`Temporal CLI built in ${Math.round((Date.now() - started) / 1000)} s`);
  return path.join(toolsBin, "temporal");
}

/** Finds the CLI, or gets it: the SDK's download first, then a Go build. Says which route was taken. */
export async function findOrInstallTemporalCli(log: (line: string) => void = console.log): Promise<FoundCli> {
  const found = findTemporalCli();
  if (found) return found;
  const downloaded = process.env.ALERTFLOW_SKIP_SDK_DOWNLOAD ? null : await downloadWithSdk(log);
  if (downloaded) return { path: downloaded, route: "Temporal SDK download" };
  return { path: await buildWithGo(log), route: "Go build" };
}

// `tsx scripts/temporal-cli.ts` installs it ahead of time (used by .ci/run).
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const cli = await findOrInstallTemporalCli();
  console.log(`${cli.path} (${cli.route})`);
}
