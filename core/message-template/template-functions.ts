import { applyDateOffset, formatDotNet, isDateOffset } from "./date-format";
import type { TemplateContext } from "./template-context";
import {
  InvalidArgumentError,
  base64Decode,
  base64Encode,
  hexToBase64,
  jsonDecode,
  jsonEncode,
  truncate,
  urlEncode,
  xmlDecode,
  xmlEncode,
} from "./text-codecs";

/**
 * Functions callable as `{{@Name(args)}}`. The parser splits arguments on commas written in the
 * template text (never on commas inside inserted values); text functions join them back, so
 * `@JsonEncode(a, b)` encodes "a, b".
 */
export interface TemplateFunction {
  name: string;
  signature: string;
  description: string;
  minArgs: number;
  maxArgs: number;
  /** Parameters (numbers, names) are trimmed; text to encode is kept byte for byte. */
  trimArgs: boolean;
  /** "@Truncate(10, text)": the space typed after a comma separates, it is not part of the text. */
  ignoreSpaceAfterComma?: boolean;
  call(args: string[], ctx: TemplateContext): string;
}

const text = (args: string[]) => args.join(",");

/** `argument` is the parameter's name ("maxLength"), kept apart so an interface can word the rest. */
function integer(value: string, fn: string, argument: string): number {
  if (!/^[+-]?\d+$/.test(value)) {
    throw new InvalidArgumentError(`${fn}: ${argument} must be an integer, got "${value}"`, "notInteger", {
      argument,
      value,
    });
  }
  return Number(value);
}

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** Uniform integer in [0, bound) from Web Crypto, so previews and servers share the code. */
function randomBelow(bound: number): number {
  const limit = Math.floor(0x1_0000_0000 / bound) * bound;
  const buf = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(buf);
    const v = buf[0] ?? 0;
    if (v < limit) return v % bound;
  }
}

/** `n` random letters and digits from one call to Web Crypto (one call per character took ms). */
function randomAlphanumeric(n: number): string {
  // 248 = 4 × 62: bytes at or above it are dropped so every character is equally likely.
  let out = "";
  while (out.length < n) {
    const bytes = crypto.getRandomValues(new Uint8Array(Math.ceil((n - out.length) * 1.1) + 8));
    for (const byte of bytes) {
      if (byte < 248 && out.length < n) out += ALPHANUMERIC.charAt(byte % ALPHANUMERIC.length);
    }
  }
  return out;
}

function textFunction(name: string, description: string, fn: (s: string) => string): TemplateFunction {
  return {
    name,
    signature: `@${name}(text)`,
    description,
    minArgs: 1,
    maxArgs: Infinity,
    trimArgs: false,
    call: (args) => fn(text(args)),
  };
}

function dateTime(args: string[], ctx: TemplateContext): string {
  // The format may itself contain commas ("dddd, MMMM d"); only a trailing offset is split off.
  const last = args.at(-1);
  const hasOffset = args.length >= 2 && last !== undefined && isDateOffset(last);
  const format = (hasOffset ? args.slice(0, -1) : args).join(",").trim();
  let date = new Date(ctx.now);
  if (hasOffset) date = applyDateOffset(date, last);
  // An offset of thousands of millennia leaves the dates JavaScript can hold: no text, not "NaN".
  if (hasOffset && Number.isNaN(date.getTime())) {
    throw new InvalidArgumentError(
      `DateTime: the offset ${last.trim()} moves the time beyond the dates a calendar can show`,
      "offsetOutOfRange",
      { value: last.trim() },
    );
  }
  if (format === "" || format.toLowerCase() === "iso") return date.toISOString().slice(0, 19);
  if (format.toLowerCase() === "unix") return String(Math.floor(date.getTime() / 1000));
  return formatDotNet(date, format);
}

const FUNCTIONS: TemplateFunction[] = [
  textFunction("JsonEncode", "Escapes text for use inside a JSON string", jsonEncode),
  textFunction("JsonDecode", "Unescapes a JSON string body", jsonDecode),
  textFunction("XmlEncode", "Escapes text for XML or HTML", xmlEncode),
  textFunction("XmlDecode", "Resolves XML entities", xmlDecode),
  textFunction("Base64Encode", "UTF-8 text to base64", base64Encode),
  textFunction("Base64Decode", "Base64 to UTF-8 text", base64Decode),
  textFunction("HexToBase64", "Hex bytes (e.g. a hash) to base64", hexToBase64),
  textFunction("UrlEncode", "Percent-encodes text for a URL (Alertflow)", urlEncode),
  {
    name: "Truncate",
    signature: "@Truncate(maxLength, text)",
    description: "Cuts text to at most maxLength characters (Alertflow)",
    minArgs: 2,
    maxArgs: Infinity,
    trimArgs: false,
    ignoreSpaceAfterComma: true,
    call: ([max = "", ...rest]) => {
      const n = integer(max.trim(), "Truncate", "maxLength");
      if (n < 0) {
        throw new InvalidArgumentError("Truncate: maxLength must not be negative", "negative", {
          argument: "maxLength",
        });
      }
      return truncate(text(rest), n);
    },
  },
  {
    name: "DateTime",
    signature: "@DateTime(format[, offset])",
    description: "Current UTC time: Iso, Unix or a .NET format; offset in ±seconds or e.g. FirstDayOfMonth",
    minArgs: 0,
    maxArgs: Infinity,
    trimArgs: false,
    call: dateTime,
  },
  {
    name: "RandomGuid",
    signature: "@RandomGuid",
    description: "A new GUID on every use",
    minArgs: 0,
    maxArgs: 0,
    trimArgs: true,
    call: () => crypto.randomUUID(),
  },
  {
    name: "UniqueGuid",
    signature: "@UniqueGuid",
    description: "One GUID for the whole message, stable across retries",
    minArgs: 0,
    maxArgs: 0,
    trimArgs: true,
    call: (_args, ctx) => ctx.uniqueGuid,
  },
  {
    name: "RandomInt",
    signature: "@RandomInt(min, max)",
    description: "A random integer from min to max, both included",
    minArgs: 2,
    maxArgs: 2,
    trimArgs: true,
    call: ([a = "", b = ""]) => {
      const min = integer(a, "RandomInt", "min");
      const max = integer(b, "RandomInt", "max");
      if (max < min) throw new InvalidArgumentError("RandomInt: max must not be below min", "maxBelowMin");
      return String(min + randomBelow(max - min + 1));
    },
  },
  {
    name: "RandomChar",
    signature: "@RandomChar(length)",
    description: "length random letters and digits",
    minArgs: 1,
    maxArgs: 1,
    trimArgs: true,
    call: ([a = ""]) => {
      const n = integer(a, "RandomChar", "length");
      if (n < 0 || n > 10_000) {
        throw new InvalidArgumentError("RandomChar: length must be 0 to 10000", "outOfRange", {
          argument: "length",
          min: 0,
          max: 10_000,
        });
      }
      return randomAlphanumeric(n);
    },
  },
  {
    name: "CustomField",
    signature: "@CustomField(name)",
    description: "A custom field (label) of the alert; empty when absent",
    minArgs: 1,
    maxArgs: Infinity,
    trimArgs: true,
    call: (args, ctx) => {
      const name = args.join(",");
      // Own fields only: `@CustomField(constructor)` is a field name, not Object's constructor.
      return Object.hasOwn(ctx.customFields, name) ? (ctx.customFields[name] ?? "") : "";
    },
  },
];

const BY_NAME: ReadonlyMap<string, TemplateFunction> = new Map(FUNCTIONS.map((f) => [f.name.toLowerCase(), f]));

/** Function names match regardless of case, so `@jsonEncode` is not a surprising error. */
export function findTemplateFunction(name: string): TemplateFunction | undefined {
  return BY_NAME.get(name.toLowerCase());
}

export const TEMPLATE_FUNCTIONS: readonly TemplateFunction[] = FUNCTIONS;
