/**
 * Encoders behind the template functions. They use only web-standard APIs so previews can run
 * in the browser as well as on the server.
 */
/** What is wrong with a function's argument, for an interface to word it in its language. */
export type ArgumentProblem =
  | "notInteger"
  | "negative"
  | "maxBelowMin"
  | "outOfRange"
  | "offsetOutOfRange"
  | "notJsonEscaped"
  | "notBase64"
  | "notHex";

export class InvalidArgumentError extends Error {
  readonly code = "INVALID_ARGUMENT";
  constructor(
    message: string,
    readonly problem: ArgumentProblem,
    /** The argument's name and the value or bounds the problem names. */
    readonly values: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
  }
}

/** The problem and its values as template-error params (`problem`, `argument`, `value`…); none for a RangeError. */
export function argumentProblem(error: Error): Record<string, string | number> {
  return error instanceof InvalidArgumentError ? { problem: error.problem, ...error.values } : {};
}

export function jsonEncode(text: string): string {
  // Escape for use inside a JSON string literal, without the surrounding quotes.
  return JSON.stringify(text).slice(1, -1);
}

export function jsonDecode(text: string): string {
  try {
    const value: unknown = JSON.parse(`"${text}"`);
    return typeof value === "string" ? value : text;
  } catch {
    throw new InvalidArgumentError("JsonDecode: the argument is not a valid JSON-escaped string", "notJsonEscaped");
  }
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
const XML_NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function xmlEncode(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

export function xmlDecode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith("#x")) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith("#")) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return XML_NAMED[ref] ?? whole;
  });
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function base64Encode(text: string): string {
  return bytesToBase64(new TextEncoder().encode(text));
}

export function base64Decode(text: string): string {
  let binary: string;
  try {
    binary = atob(text.trim().replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    throw new InvalidArgumentError("Base64Decode: the argument is not valid base64", "notBase64");
  }
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export function hexToBase64(text: string): string {
  const hex = text.trim();
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) {
    throw new InvalidArgumentError("HexToBase64: the argument is not an even-length hex string", "notHex");
  }
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytesToBase64(bytes);
}

export function urlEncode(text: string): string {
  return encodeURIComponent(text);
}

/** Cuts to at most `max` characters (code points), so receiver length limits hold. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return max <= 1 ? chars.slice(0, max).join("") : `${chars.slice(0, max - 1).join("")}…`;
}
