import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "~/scripts/free-port";
import { spawnGroup } from "~/scripts/launcher/process-group";
import { findOrInstallTemporalCli } from "~/scripts/temporal-cli";
import { waitForPort } from "~/scripts/temporal-server";

/**
 * A Temporal dev server of its own, with dynamic config the shared one must not have (a server
 * that refuses what Alertflow's own accepts), in a throwaway folder.
 */
export async function startTemporalServerWith(dynamicConfig: readonly string[]) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "alertflow-temporal-with-"));
  const port = await freePort();
  const group = spawnGroup({
    name: "temporal-with",
    command: (await findOrInstallTemporalCli()).path,
    args: [
      ...["server", "start-dev", "--headless", "--ip", "127.0.0.1", "--port", String(port)],
      ...["--db-filename", path.join(dataDir, "temporal.sqlite"), "--log-level", "error"],
      ...dynamicConfig.flatMap((v) => ["--dynamic-config-value", v]),
    ],
  });
  try {
    await waitForPort("127.0.0.1", port, 60_000);
  } catch (error) {
    await group.stop();
    throw error;
  }
  return {
    address: `127.0.0.1:${port}`,
    stop: async () => {
      await group.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
