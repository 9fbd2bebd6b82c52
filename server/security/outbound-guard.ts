import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import type { RefusalReason } from "~/core/domain-error";

/**
 * Outbound requests go to user-supplied URLs, so without a guard any workspace member could
 * reach the database, cloud metadata (169.254.169.254) or other internal services (SSRF).
 */
export class OutboundBlockedError extends Error {
  readonly code = "OUTBOUND_BLOCKED";

  constructor(
    message: string,
    readonly host: string,
    readonly addresses: string[],
    /** Why, for pages to word it; only the host name, never the URL (it may carry credentials). */
    readonly why?: RefusalReason,
  ) {
    super(message);
    this.name = "OutboundBlockedError";
  }
}

/**
 * Everything that is not plainly a public unicast address. IPv4-mapped IPv6 (::ffff:a.b.c.d) needs
 * no entry: BlockList judges it by its IPv4 rules. Addresses that embed an IPv4 address in some
 * other way (IPv4-compatible, NAT64, 6to4, Teredo) are refused outright rather than decoded, since
 * a gateway may turn them into anything; an allow-list CIDR can admit them where that is wanted.
 */
const PRIVATE_RANGES: [string, number, "ipv4" | "ipv6"][] = [
  ["0.0.0.0", 8, "ipv4"], // "this network"
  ["10.0.0.0", 8, "ipv4"],
  ["100.64.0.0", 10, "ipv4"], // carrier-grade NAT
  ["127.0.0.0", 8, "ipv4"],
  ["169.254.0.0", 16, "ipv4"], // link-local, cloud metadata
  ["172.16.0.0", 12, "ipv4"],
  ["192.0.0.0", 24, "ipv4"], // IETF protocol assignments
  ["192.88.99.0", 24, "ipv4"], // 6to4 relay anycast
  ["192.168.0.0", 16, "ipv4"],
  ["198.18.0.0", 15, "ipv4"], // benchmarking
  ["224.0.0.0", 4, "ipv4"], // multicast
  ["240.0.0.0", 4, "ipv4"], // reserved, and 255.255.255.255 broadcast
  ["::", 96, "ipv6"], // unspecified, loopback and IPv4-compatible (::a.b.c.d)
  ["64:ff9b::", 96, "ipv6"], // NAT64
  ["64:ff9b:1::", 48, "ipv6"], // local-use NAT64
  ["100::", 64, "ipv6"], // discard
  ["2001::", 32, "ipv6"], // Teredo
  ["2002::", 16, "ipv6"], // 6to4
  ["fc00::", 7, "ipv6"], // unique local
  ["fe80::", 10, "ipv6"], // link-local
  ["fec0::", 10, "ipv6"], // site-local (deprecated, still routed by some)
  ["ff00::", 8, "ipv6"], // multicast
];

const blocked = new BlockList();
for (const [net, prefix, family] of PRIVATE_RANGES) blocked.addSubnet(net, prefix, family);

/** `::ffff:10.0.0.1` is 10.0.0.1 to the kernel, so it is judged as IPv4. */
function normalize(address: string): { address: string; family: "ipv4" | "ipv6" } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return { address: mapped[1], family: "ipv4" };
  return { address, family: isIP(address) === 6 ? "ipv6" : "ipv4" };
}

export function isPrivateAddress(address: string): boolean {
  const n = normalize(address);
  return blocked.check(n.address, n.family);
}

export type ResolveHost = (host: string) => Promise<string[]>;

export const resolveWithDns: ResolveHost = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

export interface OutboundOptions {
  /** Hosts, `host:port` or CIDRs that may be reached although private (OUTBOUND_ALLOW_LIST ∪ the workspace's list). */
  allowList: readonly string[];
  /** Injected in tests; defaults to the system resolver (node:dns lookup, all addresses). */
  resolve?: ResolveHost;
}

interface Target {
  host: string;
  port: number;
}

export function stripBrackets(host: string): string {
  return host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
}

function allowedByName(target: Target, entry: string): boolean {
  const e = entry.trim().toLowerCase();
  const host = target.host.toLowerCase();
  if (e === host || stripBrackets(e) === host) return true;
  const withPort = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(e);
  return withPort !== null && stripBrackets(withPort[1] ?? "") === host && Number(withPort[2]) === target.port;
}

function allowedByCidr(address: string, entry: string): boolean {
  const match = /^([^/]+)\/(\d+)$/.exec(entry.trim());
  if (!match?.[1] || !match[2]) return false;
  const net = normalize(match[1]);
  if (isIP(net.address) === 0) return false;
  const list = new BlockList();
  list.addSubnet(net.address, Number(match[2]), net.family);
  const a = normalize(address);
  return a.family === net.family && list.check(a.address, a.family);
}

/**
 * Resolves `host` and throws `OutboundBlockedError` when any of its addresses is loopback,
 * private, link-local or otherwise internal, unless the allow-list names the host, the
 * `host:port` or a CIDR covering the address. Returns the addresses it checked.
 */
export async function assertHostAllowed(host: string, port: number, options: OutboundOptions): Promise<string[]> {
  const target = { host: stripBrackets(host), port };
  if (options.allowList.some((entry) => allowedByName(target, entry))) return [];
  const addresses = isIP(target.host) ? [target.host] : await (options.resolve ?? resolveWithDns)(target.host);
  const refused = addresses.filter(
    (a) => isPrivateAddress(a) && !options.allowList.some((entry) => allowedByCidr(a, entry)),
  );
  if (refused.length > 0) {
    throw new OutboundBlockedError(
      `Refusing to connect to ${target.host}:${port}: it resolves to the internal address ${refused.join(", ")}. ` +
        "An owner can add the host, host:port or a CIDR to the outbound allow-list in Workspace settings " +
        "(or to OUTBOUND_ALLOW_LIST) to allow it.",
      target.host,
      addresses,
      {
        reason: "outboundPrivateAddress",
        values: { host: target.host, port: String(port), addresses: refused.join(", ") },
      },
    );
  }
  return addresses;
}

const DEFAULT_PORTS: Record<string, number> = { "http:": 80, "https:": 443 };

/** The same check for an http(s) URL; other schemes are refused outright. */
export async function assertOutboundAllowed(url: string | URL, options: OutboundOptions): Promise<string[]> {
  let parsed: URL;
  try {
    parsed = typeof url === "string" ? new URL(url) : url;
  } catch {
    throw new OutboundBlockedError(`"${String(url)}" is not a valid URL`, "", [], {
      reason: "urlInvalidAtSend",
      values: {},
    });
  }
  const defaultPort = DEFAULT_PORTS[parsed.protocol];
  if (defaultPort === undefined) {
    throw new OutboundBlockedError(
      `Only http and https URLs may be called, not ${parsed.protocol}`,
      parsed.hostname,
      [],
      { reason: "urlSchemeRefused", values: { scheme: parsed.protocol } },
    );
  }
  const port = parsed.port === "" ? defaultPort : Number(parsed.port);
  return assertHostAllowed(parsed.hostname, port, options);
}
