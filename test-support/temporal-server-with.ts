import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "~/scripts/free-port";
import { findOrInstallTemporalCli } from "~/scripts/temporal-cli";
import { startTemporalDevServer } from "~/scripts/temporal-server";

/**
 * A Temporal dev server of its own, with dynamic config the shared one must not have (a server
 * that refuses what Alertflow's own accepts), in a throwaway folder.
 */
export async function startTemporalServerWith(dynamicConfig: readonly string[]) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "alertflow-temporal-with-"));
  try {
    const server = await startTemporalDevServer({
      cli: (await findOrInstallTemporalCli()).path,
      dataDir,
      port: await freePort(),
      uiPort: null,
      dynamicConfig,
    });
    return {
      address: server.address,
      stop: async () => {
        await server.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
