/** The runs module's surface: what the tRPC router and the ack route call. */
export { actOnRun } from "./act-on-run";
export { getRun } from "./get-run";
export { listRuns } from "./list-runs";
export { runStats } from "./run-stats";
export { failedDeliveryIds, resendDeliveries } from "./resend-deliveries";
export { rerunRun } from "./rerun-run";
export { listFailedDeliveries } from "./failed-deliveries";
export { runInsights } from "./run-insights";
