import { z } from "zod";
import { recordOf } from "../wire/own-record";
import type { RefusalReason } from "~/core/domain-error";

/** What was sent, secrets redacted; stored on the delivery row and shown in the run viewer. */
export const recordedRequestSchema = z.object({
  method: z.string(),
  url: z.string(),
  headers: recordOf(z.string(), z.string()),
  body: z.string(),
});
export type RecordedRequest = z.infer<typeof recordedRequestSchema>;

export const recordedResponseSchema = z.object({
  /** HTTP status, or the SMTP reply code. */
  status: z.number(),
  headers: recordOf(z.string(), z.string()),
  /** At most 4 KB. */
  body: z.string(),
});
export type RecordedResponse = z.infer<typeof recordedResponseSchema>;

/** As a delivery row stores it: the request that decided the outcome, and every step's name. */
export const deliveryRequestSchema = recordedRequestSchema.extend({ steps: z.array(z.string()).default([]) });
export type DeliveryRequest = z.infer<typeof deliveryRequestSchema>;

export interface StepRecord {
  name: string;
  request: RecordedRequest;
  response: RecordedResponse | null;
  latencyMs: number;
}

export type SendErrorCode =
  | "HTTP_ERROR"
  | "NETWORK_ERROR"
  | "TIMEOUT"
  | "OUTBOUND_BLOCKED"
  | "TEMPLATE_ERROR"
  | "CAPTURE_FAILED"
  | "MISSING_VARIABLE"
  | "SMTP_ERROR";

export interface SendResult {
  /** True when delivered, and for a skipped message (nothing to do is not a failure). */
  ok: boolean;
  /** The message type has no step definition for this integration, so nothing was sent. */
  skipped: boolean;
  /** Why a skipped message was not sent. */
  skipReason?: string;
  retryable: boolean;
  retryAfterMs?: number;
  /** HTTP status (or SMTP reply code) of the last request made. */
  status?: number;
  /** The last request made (the one that decided the outcome); null when none was made. */
  request: RecordedRequest | null;
  response: RecordedResponse | null;
  /** Every step of a multi-step definition, in order. */
  steps: StepRecord[];
  /** Requests actually sent, counting digest challenges and redirects. */
  attemptsInfo: { requests: number };
  latencyMs: number;
  /** `reason`: why, when Alertflow itself refused (no secrets in its values), for pages to word it. */
  error?: { code: SendErrorCode; message: string; reason?: RefusalReason };
}
