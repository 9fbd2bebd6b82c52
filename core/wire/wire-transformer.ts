import { findUnstorableText, unstorableCheck } from "./storable-text";

/**
 * The tRPC transformer: plain JSON plus Dates, and nothing that refuses data. It replaced
 * superjson, which throws on object keys named `constructor` or `prototype` (one integration with
 * such a variable broke the integrations list for everyone). Every key is data here: objects are
 * built with own properties only, so `__proto__` stays an ordinary key and never reaches a
 * prototype.
 *
 * Wire shape: `{ json, dates? }` where `dates` lists the paths (arrays of keys and indexes) whose
 * ISO strings are Dates. The walks use an explicit stack, so a deep value cannot overflow the call
 * stack; inputs deeper than `MAX_WIRE_DEPTH` are refused.
 */
export type WirePath = (string | number)[];
export interface WireValue {
  json: unknown;
  dates?: WirePath[];
}

/** Deeper than any document the API takes (a flow graph is about 8 levels). */
export const MAX_WIRE_DEPTH = 100;

/** A field the wire refused, shaped as a zod issue so the server reports it like any input issue. */
export interface WireIssue {
  path: (string | number)[];
  message: string;
  code: "custom";
  params: Record<string, string | number | boolean>;
}

export class WireError extends Error {
  constructor(
    message: string,
    /** Read by server/http/input-issues.ts: each field's path and check, for the page to word. */
    readonly issues?: WireIssue[],
  ) {
    super(message);
    this.name = "WireError";
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Sets an own property even when the key is `__proto__`. */
function put(target: object, key: string | number, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function plainOf(value: unknown, path: WirePath, dates: WirePath[]): unknown {
  if (value instanceof Date) {
    dates.push(path);
    return Number.isNaN(value.getTime()) ? null : value.toISOString();
  }
  if (value instanceof Map || value instanceof Set) {
    throw new WireError(`Cannot send a ${value instanceof Map ? "Map" : "Set"} at ${path.join(".") || "the root"}`);
  }
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "function" || typeof value === "symbol") return undefined;
  return value;
}

export function serialize(value: unknown): WireValue {
  const dates: WirePath[] = [];
  const root: { json: unknown } = { json: undefined };
  const stack: { source: unknown; holder: object; key: string | number; path: WirePath }[] = [
    { source: value, holder: root, key: "json", path: [] },
  ];
  for (let item = stack.pop(); item; item = stack.pop()) {
    let source = item.source;
    if (isRecord(source) && !(source instanceof Date) && typeof source.toJSON === "function") {
      source = source.toJSON();
    }
    const plain = plainOf(source, item.path, dates);
    if (Array.isArray(plain)) {
      const copy: unknown[] = new Array<unknown>(plain.length);
      put(item.holder, item.key, copy);
      plain.forEach((entry, index) => {
        copy[index] = null; // JSON has no holes or undefined in arrays
        stack.push({ source: entry, holder: copy, key: index, path: [...item.path, index] });
      });
    } else if (isRecord(plain)) {
      const copy: Record<string, unknown> = {};
      put(item.holder, item.key, copy);
      for (const [key, entry] of Object.entries(plain)) {
        if (entry === undefined || typeof entry === "function" || typeof entry === "symbol") continue;
        put(copy, key, null); // holds the key's place, so the copy keeps the original key order
        stack.push({ source: entry, holder: copy, key, path: [...item.path, key] });
      }
    } else if (plain !== undefined) {
      put(item.holder, item.key, plain);
    } else if (!Array.isArray(item.holder)) {
      Reflect.deleteProperty(item.holder, item.key); // a toJSON() that gave undefined
    }
  }
  return dates.length > 0 ? { json: root.json, dates } : { json: root.json };
}

/** Throws WireError when `value` nests deeper than `limit` arrays and objects. */
export function assertDepth(value: unknown, limit: number): void {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    if (typeof item.value !== "object" || item.value === null) continue;
    const depth = item.depth + 1;
    if (depth > limit) throw new WireError(`The input is nested deeper than ${limit} levels`);
    for (const child of Object.values(item.value)) stack.push({ value: child, depth });
  }
}

const isKey = (key: unknown): key is string | number => typeof key === "string" || typeof key === "number";

/** The own property `key` of `holder`, never an inherited one. */
function own(holder: unknown, key: unknown): unknown {
  if (typeof holder !== "object" || holder === null || !isKey(key) || !Object.hasOwn(holder, key)) return undefined;
  const value: unknown = Reflect.get(holder, key);
  return value;
}

function reviveDate(json: unknown, path: unknown): void {
  if (!Array.isArray(path) || path.length === 0 || path.length > MAX_WIRE_DEPTH) return;
  const holder = path.slice(0, -1).reduce<unknown>(own, json);
  const last: unknown = path.at(-1);
  const text = own(holder, last);
  if (typeof text !== "string" || typeof holder !== "object" || holder === null || !isKey(last)) return;
  const date = new Date(text);
  if (!Number.isNaN(date.getTime())) put(holder, last, date);
}

function unwrap(wire: unknown): { json: unknown; dates: unknown } | undefined {
  if (!isRecord(wire)) throw new WireError('Expected a body of the form {"json": …}');
  // A call without input arrives as `{}`.
  if (!Object.hasOwn(wire, "json")) return undefined;
  return { json: wire.json, dates: wire.dates };
}

function revive({ json, dates }: { json: unknown; dates: unknown }): unknown {
  if (dates !== undefined) {
    if (!Array.isArray(dates) || dates.length > 10_000) throw new WireError("`dates` must be a list of paths");
    for (const path of dates) reviveDate(json, path);
  }
  return json;
}

/** Reads what the server sent (in the browser): any depth, any text. */
export function deserialize(wire: unknown): unknown {
  const unwrapped = unwrap(wire);
  return unwrapped && revive(unwrapped);
}

/**
 * Reads what a client sent (on the server). Refuses, with the field's path, what would fail
 * later or cannot be stored: nesting deeper than MAX_WIRE_DEPTH, NUL and unpaired surrogates.
 */
export function deserializeInput(wire: unknown): unknown {
  const unwrapped = unwrap(wire);
  if (!unwrapped) return undefined;
  assertDepth(unwrapped.json, MAX_WIRE_DEPTH);
  const bad = findUnstorableText(unwrapped.json);
  if (bad) {
    const issue: WireIssue = {
      path: bad.path,
      message: bad.path.length > 0 ? bad.reason : `The input ${bad.reason}`,
      code: "custom",
      params: unstorableCheck(bad.character, bad.inKey),
    };
    throw new WireError(`${bad.path.join(".") || "The input"} ${bad.reason}`, [issue]);
  }
  return revive(unwrapped);
}

/** tRPC's transformer: the server reads input strictly, the browser reads output as sent. */
export const wireTransformer = {
  input: { serialize, deserialize: deserializeInput },
  output: { serialize, deserialize },
};
