import { NativeConnection } from "@temporalio/worker";
import { createDb } from "~/db/client";
import { env } from "~/server/env";
import { temporalConnectionOptions } from "~/server/temporal-connection";
import { createEscalationWorker, wireActivities } from "./create-worker";

/** The worker process: its own process, never inside Next.js. */
async function run() {
  const { db, pool } = createDb(env.DATABASE_URL, 20);
  const connection = await NativeConnection.connect(temporalConnectionOptions(env));
  const worker = await createEscalationWorker({
    connection,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    activities: wireActivities({
      db,
      secretKey: env.ALERTFLOW_SECRET_KEY,
      allowList: env.OUTBOUND_ALLOW_LIST,
      publicUrl: env.PUBLIC_URL,
    }),
  });
  console.log(`worker: polling task queue "${env.TEMPORAL_TASK_QUEUE}" on ${env.TEMPORAL_ADDRESS}`);
  try {
    await worker.run();
  } finally {
    await connection.close();
    await pool.end();
  }
}

run().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
