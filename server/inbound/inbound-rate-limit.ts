/** How many alerts one endpoint token may send: `burst` at once, then `perSecond` sustained. */
export interface InboundRateLimit {
  burst: number;
  perSecond: number;
}

/**
 * Whether an alert may go on. The tokens come from one bucket per endpoint token in Postgres,
 * shared by every web process and leased to each in small chunks (inbound-token-lease.ts).
 */
export type InboundDecision = { granted: true } | { granted: false; retryAfterSeconds: number };
