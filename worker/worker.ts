import { NativeConnection, Worker } from "@temporalio/worker";
import { createDb } from "~/db/client";
import { env } from "~/server/env";
import { createActivities } from "./activities/create-activities";
import { createIntegrationSender } from "./activities/integration-sender";
import { workflowsPath } from "./worker-options";

/** The worker process: its own process, never inside Next.js. */
async function run() {
  const { db, pool } = createDb(env.DATABASE_URL, 20);
  const connection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS });
  const worker = await Worker.create({
    connection,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    workflowsPath,
    activities: createActivities({
      db,
      send: createIntegrationSender({
        db,
        secretKey: env.ALERTFLOW_SECRET_KEY,
        allowList: env.OUTBOUND_ALLOW_LIST,
        publicUrl: env.PUBLIC_URL,
      }),
      now: () => new Date(),
      random: Math.random,
    }),
    // A crashed worker's sticky workflow tasks move to the shared queue after this long.
    stickyQueueScheduleToStartTimeout: "2s",
    maxConcurrentActivityTaskExecutions: 200,
    maxConcurrentLocalActivityExecutions: 200,
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
