import type { ResolveHost } from "../security/outbound-guard";

export interface SendDeps {
  /** Budget for the whole message, all steps included. */
  timeoutMs: number;
  /** Incident + level + type + reminder; sent as `Idempotency-Key` (and email Message-ID). */
  idempotencyKey: string;
  outbound: { allowList: readonly string[]; resolve?: ResolveHost };
}
