/**
 * FNV-1a 64-bit, as Prometheus uses it for label-set fingerprints. Not cryptographic: it names
 * things stably, it does not protect them.
 */
const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;
/** Prometheus' separator byte; it cannot occur in UTF-8 text, so "a"+"bc" ≠ "ab"+"c". */
const SEPARATOR = 0xff;

const encoder = new TextEncoder();

function addBytes(hash: bigint, bytes: Iterable<number>): bigint {
  let h = hash;
  for (const byte of bytes) h = ((h ^ BigInt(byte)) * FNV_PRIME) & MASK_64;
  return h;
}

function toHex(hash: bigint): string {
  return hash.toString(16).padStart(16, "0");
}

export function fnv1a64Hex(text: string): string {
  return toHex(addBytes(FNV_OFFSET, encoder.encode(text)));
}

/**
 * The fingerprint Alertmanager would put on an alert with these labels (`model.LabelSet.Fingerprint`).
 * Used when an older sender omits `fingerprint`, so the same alert still maps to the same incident.
 */
export function labelsFingerprint(labels: Record<string, string>): string {
  let hash = FNV_OFFSET;
  for (const name of Object.keys(labels).sort()) {
    hash = addBytes(hash, encoder.encode(name));
    hash = addBytes(hash, [SEPARATOR]);
    hash = addBytes(hash, encoder.encode(labels[name] ?? ""));
    hash = addBytes(hash, [SEPARATOR]);
  }
  return toHex(hash);
}
