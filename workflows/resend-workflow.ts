import { resendDelivery } from "./activities";
import type { ResendInput, ResendResult } from "./messages";

/** One re-send of one failed delivery, on the worker that holds the senders and secrets. */
export async function resendWorkflow(input: ResendInput): Promise<ResendResult> {
  return resendDelivery(input);
}
