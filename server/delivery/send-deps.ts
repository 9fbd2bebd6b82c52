import type { ResolveHost } from "../security/outbound-guard";
import type { InboxStore } from "./send-inbox";

export interface SendDeps {
  /** Budget for the whole message, all steps included. */
  timeoutMs: number;
  /** Incident + level + type + reminder; sent as `Idempotency-Key` (and email Message-ID). */
  idempotencyKey: string;
  outbound: { allowList: readonly string[]; resolve?: ResolveHost };
  /** Where the built-in inbox integration stores a message (the worker passes one; a test-send too). */
  inbox?: InboxStore;
}
