/**
 * One entry of an outbound allow-list, as the outbound guard (server/security/outbound-guard.ts)
 * reads it: a host name or IP address, `host:port` (`[v6]:port`), or a CIDR. Pure, so the settings
 * form checks an entry as it is typed with the same rule the server applies on save.
 */
export const MAX_ALLOW_LIST_ENTRIES = 50;
export const MAX_ALLOW_LIST_ENTRY_LENGTH = 253;

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function isIpv4(text: string): boolean {
  return IPV4.test(text);
}

/** IPv6 in its textual forms (`::1`, `fe80::1`, `::ffff:10.0.0.1`), without a zone. */
function isIpv6(text: string): boolean {
  if (!text.includes(":") || text.length > 45) return false;
  // A trailing dotted IPv4 address stands for the last two groups.
  const tail = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail?.[2] !== undefined && !isIpv4(tail[2])) return false;
  const rest = tail?.[1] !== undefined ? `${tail[1]}0:0` : text;
  const halves = rest.split("::");
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half === "" ? [] : half.split(":")));
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return false;
  return halves.length === 2 ? groups.length < 8 : groups.length === 8;
}

function isHostName(text: string): boolean {
  if (text.length > 253) return false;
  const labels = text.replace(/\.$/, "").split(".");
  return labels.length > 0 && labels.every((label) => LABEL.test(label)) && !/^\d+$/.test(labels.at(-1) ?? "");
}

const isHost = (text: string) => isIpv4(text) || isHostName(text);
const isPort = (text: string) => /^\d{1,5}$/.test(text) && Number(text) >= 1 && Number(text) <= 65535;

export type AllowListEntryKind = "host" | "host:port" | "cidr";

/** What kind of entry `raw` is, or null when the guard could not use it. */
export function allowListEntryKind(raw: string): AllowListEntryKind | null {
  const entry = raw.trim();
  if (entry === "" || entry.length > MAX_ALLOW_LIST_ENTRY_LENGTH) return null;
  const cidr = /^([^/]+)\/(\d{1,3})$/.exec(entry);
  if (cidr?.[1] && cidr[2]) {
    const bits = Number(cidr[2]);
    if (isIpv4(cidr[1])) return bits <= 32 ? "cidr" : null;
    if (isIpv6(cidr[1])) return bits <= 128 ? "cidr" : null;
    return null;
  }
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed?.[1]) {
    if (!isIpv6(bracketed[1])) return null;
    if (bracketed[2] === undefined) return "host";
    return isPort(bracketed[2]) ? "host:port" : null;
  }
  if (isIpv6(entry)) return "host";
  const withPort = /^([^:]+):([^:]*)$/.exec(entry);
  if (withPort?.[1] !== undefined && withPort[2] !== undefined) {
    return isHost(withPort[1]) && isPort(withPort[2]) ? "host:port" : null;
  }
  return isHost(entry) ? "host" : null;
}
