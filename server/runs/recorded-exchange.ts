import { z } from "zod";

/**
 * The redacted request and truncated response a delivery stored (see
 * core/integrations/send-result.ts). Rows are jsonb written by older code too, so parse
 * leniently and keep whatever is readable.
 */
const recordedRequest = z.object({
  method: z.string().catch(""),
  url: z.string().catch(""),
  headers: z.record(z.string(), z.string()).catch({}),
  body: z.string().catch(""),
});
const recordedResponse = z.object({
  status: z.number().nullable().catch(null),
  headers: z.record(z.string(), z.string()).catch({}),
  body: z.string().catch(""),
});

export type RecordedRequestView = z.infer<typeof recordedRequest>;
export type RecordedResponseView = z.infer<typeof recordedResponse>;

export function readRecordedRequest(value: unknown): RecordedRequestView | null {
  const parsed = recordedRequest.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function readRecordedResponse(value: unknown): RecordedResponseView | null {
  const parsed = recordedResponse.safeParse(value);
  return parsed.success ? parsed.data : null;
}
