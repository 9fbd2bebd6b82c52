import path from "node:path";
import type { Launcher } from "./launcher";
import { spawnGroup } from "./process-group";

const root = path.resolve(import.meta.dirname, "../..");

/** Starts embedded Postgres in its own process group; resolves with its URL once it accepts connections. */
export async function startPostgresProcess(launcher: Launcher, dataDir: string, port: number): Promise<string> {
  let resolveUrl: (url: string) => void = () => undefined;
  const ready = new Promise<string>((resolve) => (resolveUrl = resolve));
  let partial = "";
  const group = spawnGroup({
    name: "postgres",
    command: process.execPath,
    args: ["--import", "tsx", path.join(root, "scripts/launcher/postgres-process.ts"), dataDir, String(port)],
    cwd: root,
    onOutput: (chunk) => {
      const lines = (partial + chunk.toString()).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) {
        const url = /^ready (\S+)/.exec(line)?.[1];
        if (url) resolveUrl(url);
        else if (line.trim()) console.log(`[postgres] ${line}`);
      }
    },
  });
  launcher.add("postgres", () => group.stop(15_000));
  return Promise.race([
    ready,
    group.exited.then(({ code }) => {
      throw new Error(`embedded Postgres exited during start (code ${code}); see the [postgres] lines above`);
    }),
  ]);
}
