/**
 * A GUID derived from a seed, so a retried message carries the same `@alert.alertGuid` and
 * `@UniqueGuid` and receivers can dedupe on it. Not cryptographic: it only has to be stable and
 * well spread, and it must run in the browser too (previews), so no node:crypto.
 */
function hash32(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x5bd1e995);
    h ^= h >>> 15;
  }
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function stableGuid(seed: string): string {
  const hex = [0x9e3779b9, 0x85ebca6b, 0xc2b2ae35, 0x27d4eb2f]
    .map((s) => hash32(seed, s).toString(16).padStart(8, "0"))
    .join("");
  // Set the version (4) and RFC 4122 variant bits so strict GUID parsers accept it.
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
