/**
 * What a delivery record keeps of a request or response body. A receiver may answer megabytes
 * and an alert's text may be huge; every attempt is stored, so each body is cut to a bound with
 * a marker saying how much there was. Pure, so the sender and any other writer use one rule.
 */
export const STORED_REQUEST_BODY_BYTES = 64 * 1024;
/** A receiver's answer is read for its status and a few fields, not kept in full. */
export const STORED_RESPONSE_BODY_BYTES = 4 * 1024;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const truncatedMarker = (totalBytes: number, complete = true) =>
  `\n… [truncated, ${complete ? "" : "more than "}${totalBytes} bytes]`;

/**
 * `text` when it fits in `maxBytes` of UTF-8; else its first `maxBytes` at most, cut on a
 * character boundary, followed by the marker with the full size. Redact before capping: a secret
 * cut in half would no longer be recognised.
 */
export function capStoredBody(
  text: string,
  maxBytes: number = STORED_REQUEST_BODY_BYTES,
  /** False when `text` is itself only the first part of the body (reading stopped early). */
  complete = true,
): string {
  // A string of n UTF-16 units is at most 3n bytes: short ones need no encoding.
  if (text.length * 3 <= maxBytes) return text;
  const bytes = encoder.encode(text);
  if (bytes.byteLength <= maxBytes) return text;
  let cut = maxBytes;
  // Back off continuation bytes (10xxxxxx) so no character is split.
  while (cut > 0 && ((bytes[cut] ?? 0) & 0xc0) === 0x80) cut--;
  return decoder.decode(bytes.subarray(0, cut)) + truncatedMarker(bytes.byteLength, complete);
}
