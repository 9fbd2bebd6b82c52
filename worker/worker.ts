import { Client } from "@temporalio/client";
import { NativeConnection } from "@temporalio/worker";
import { createDb } from "~/db/client";
import { env } from "~/server/env";
import { temporalConnectionOptions } from "~/server/temporal-connection";
import { createEscalationWorker, wireActivities } from "./create-worker";
import { startRetentionJob } from "./retention-job";
import { startInboxRepokeJob } from "./inbox-repoke-job";
import { startRollupFoldJob } from "./rollup-fold-job";
import { startDueSendJob } from "./due-send-job";
import { getKeyring } from "~/server/security/keyring";
import { warnAboutUnreadableSecrets } from "~/server/security/rotate-secrets";
import { SecretKeyError } from "~/server/security/secret-keyring";

/** The worker process: its own process, never inside Next.js. */
async function run() {
  // Before connecting anywhere: a missing or unreadable key is a configuration error to fix, not to retry.
  const keyring = getKeyring();
  const { db, pool } = createDb(env.DATABASE_URL, 20);
  const connection = await NativeConnection.connect(temporalConnectionOptions(env));
  const wiring = { db, keyring, allowList: env.OUTBOUND_ALLOW_LIST, publicUrl: env.PUBLIC_URL };
  const worker = await createEscalationWorker({
    connection,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    workflowBundle: env.WORKFLOW_BUNDLE_PATH ? { codePath: env.WORKFLOW_BUNDLE_PATH } : undefined,
    activities: wireActivities(wiring),
  });
  void warnAboutUnreadableSecrets(db, keyring);
  const stopRetention = startRetentionJob(db);
  const stopFold = startRollupFoldJob(db);
  const stopDueSends = startDueSendJob(wiring);
  const stopRepoke = startInboxRepokeJob({
    db,
    temporal: new Client({ connection, namespace: env.TEMPORAL_NAMESPACE }),
    taskQueue: env.TEMPORAL_TASK_QUEUE,
  });
  console.log(`worker: polling task queue "${env.TEMPORAL_TASK_QUEUE}" on ${env.TEMPORAL_ADDRESS}`);
  try {
    await worker.run();
  } finally {
    stopRetention();
    stopFold();
    stopRepoke();
    await stopDueSends();
    await connection.close();
    await pool.end();
  }
}

run().catch((err: unknown) => {
  if (err instanceof SecretKeyError) {
    // A configuration error, not a crash: EX_CONFIG tells a supervisor that restarting will not help.
    console.error(`worker: ${err.message}`);
    process.exit(78);
  }
  console.error(err);
  process.exit(1);
});
