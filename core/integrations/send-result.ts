/** What was sent, secrets redacted; stored on the delivery row and shown in the run viewer. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface RecordedResponse {
  status: number;
  headers: Record<string, string>;
  /** At most 4 KB. */
  body: string;
}

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
  error?: { code: SendErrorCode; message: string };
}
