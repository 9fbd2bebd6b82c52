import { isIP } from "node:net";
import { Agent, buildConnector } from "undici";
import {
  assertHostAllowed,
  resolveWithDns,
  stripBrackets,
  type OutboundOptions,
  type ResolveHost,
} from "./outbound-guard";

const DEFAULT_PORTS: Record<string, number> = { "http:": 80, "https:": 443 };

/**
 * An undici Agent whose every new connection resolves the host once, checks every address with
 * the outbound guard, and connects to the address it checked. Checking a name and letting the
 * connection resolve it again would let a DNS answer that changes in between (rebinding) reach an
 * internal address. TLS still verifies the certificate against the host name (SNI).
 */
function createPinnedAgent(options: OutboundOptions): Agent {
  const connect = buildConnector({ timeout: 10_000 });
  return new Agent({
    connect(opts, callback) {
      const host = stripBrackets(opts.hostname);
      const port = Number(opts.port) || (DEFAULT_PORTS[opts.protocol] ?? 80);
      assertHostAllowed(host, port, options).then(
        (addresses) => {
          const pinned = addresses[0];
          // No addresses: the allow-list names this host, so ordinary resolution is fine.
          if (pinned === undefined) return connect(opts, callback);
          const servername = opts.servername ?? (isIP(host) ? undefined : host);
          connect({ ...opts, hostname: pinned, servername }, callback);
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
      );
    },
  });
}

const agents = new WeakMap<ResolveHost, Map<string, Agent>>();
/**
 * Allow-lists now differ per workspace and change at runtime, so the pool of agents is bounded:
 * past this many lists the least recently used agent is closed (after its requests finish).
 */
const MAX_AGENTS_PER_RESOLVER = 32;

/** One agent (and its pool of kept-alive connections) per allow-list and resolver. */
export function pinnedAgent(options: OutboundOptions): Agent {
  const resolve = options.resolve ?? resolveWithDns;
  let byList = agents.get(resolve);
  if (!byList) {
    byList = new Map();
    agents.set(resolve, byList);
  }
  const key = [...new Set(options.allowList)].sort().join("\n");
  let agent = byList.get(key);
  if (agent) {
    byList.delete(key);
  } else {
    agent = createPinnedAgent({ allowList: options.allowList, resolve });
  }
  byList.set(key, agent);
  if (byList.size > MAX_AGENTS_PER_RESOLVER) {
    const [oldestKey, oldest] = byList.entries().next().value ?? [];
    if (oldestKey !== undefined && oldest) {
      byList.delete(oldestKey);
      void oldest.close().catch(() => undefined);
    }
  }
  return agent;
}
