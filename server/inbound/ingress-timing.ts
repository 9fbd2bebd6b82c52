import { AsyncLocalStorage } from "node:async_hooks";
import { env } from "~/server/env";

/** When each step of one alert request ended, in ms from its start, in the order they ended. */
export type IngressMarks = [step: string, ms: number][];

type Sink = (marks: IngressMarks) => void;

/**
 * Steps that end after the answer (the first message's send and record) are still part of the
 * request's story: its marks are handed over this long after the answer.
 */
const REPORT_AFTER_MS = 2_000;

const printLine: Sink = (marks) =>
  console.log(`ingress-timing ${marks.map(([step, ms]) => `${step}=${ms.toFixed(1)}`).join(" ")}`);

let sink: Sink | undefined = env.ALERTFLOW_INGRESS_TIMING === "true" ? printLine : undefined;
const current = new AsyncLocalStorage<{ t0: number; marks: IngressMarks }>();

/** Where marks go instead of the log (a bench in the same process); undefined: off again. */
export function setIngressTimingSink(next: Sink | undefined): void {
  sink = next;
}

/**
 * Runs one alert request with its steps timed, when timing is on (else it only runs it). The
 * work the request leaves running (the first message's send) carries the same context, so its
 * marks land in the same record.
 */
export async function timeIngress<T>(handle: () => Promise<T>): Promise<T> {
  const to = sink;
  if (!to) return handle();
  const marks: IngressMarks = [];
  const record = { t0: performance.now(), marks };
  try {
    return await current.run(record, handle);
  } finally {
    record.marks.push(["answered", performance.now() - record.t0]);
    setTimeout(() => to(record.marks), REPORT_AFTER_MS).unref();
  }
}

/** Notes that `step` of the alert request in progress just ended; nothing outside one or with timing off. */
export function markIngress(step: string): void {
  const record = current.getStore();
  if (record) record.marks.push([step, performance.now() - record.t0]);
}
