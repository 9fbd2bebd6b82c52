import { proxyLocalActivities } from "@temporalio/workflow";

/** The trivial workflow of the ceiling: one local activity, then done. */
const { touch } = proxyLocalActivities<{ touch(key: string): Promise<void> }>({ startToCloseTimeout: "10 seconds" });

export async function ceilingWorkflow(key: string): Promise<void> {
  await touch(key);
}
