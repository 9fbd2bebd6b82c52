/**
 * Text Postgres cannot store: U+0000 (refused in text and jsonb) and unpaired UTF-16 surrogates
 * (not UTF-8; jsonb refuses their `\ud800` escapes). Such a string once made an accepted alert
 * fail to become a run. Inbound alerts are cleaned (the sender cannot fix its payload at 3 a.m.);
 * API input is refused naming the field (a person can); stored documents are cleaned as a last
 * line of defence. Each character is replaced by U+FFFD, so the place stays visible.
 */
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, "g");

export const REPLACEMENT_CHARACTER = "\uFFFD";

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

export function storableText(text: string): string {
  return isStorableText(text) ? text : text.replace(UNSTORABLE_ALL, REPLACEMENT_CHARACTER);
}

/** Which character makes `text` unstorable: a code an interface words in its own language. */
export type UnstorableCharacter = "nul" | "surrogate";

export function unstorableCharacter(text: string): UnstorableCharacter | undefined {
  const match = UNSTORABLE.exec(text);
  if (!match) return undefined;
  return match[0] === "\u0000" ? "nul" : "surrogate";
}

const REASONS: Record<UnstorableCharacter, string> = {
  nul: "contains U+0000 (NUL), which cannot be stored",
  surrogate: "contains an unpaired UTF-16 surrogate, which is not valid Unicode",
};

/** Why `text` cannot be stored, for a message naming the field. */
export function unstorableReason(text: string): string | undefined {
  const character = unstorableCharacter(text);
  return character && REASONS[character];
}

/**
 * The custom check a zod issue or a wire refusal carries (`params`), so the page words it
 * (server/http/input-issues.ts sends it as the values): `inKey` when a key is at fault.
 */
export function unstorableCheck(character: UnstorableCharacter, inKey = false) {
  return { check: "unstorable", character, inKey };
}

export type JsonPath = (string | number)[];

function entriesOf(value: object): [string | number, unknown][] {
  return Array.isArray(value) ? value.map((entry, index) => [index, entry]) : Object.entries(value);
}

/**
 * The first string or object key in `value` that cannot be stored, with its path; undefined when
 * all can. Walks with an explicit stack, so depth costs no call stack.
 */
export function findUnstorableText(
  value: unknown,
): { path: JsonPath; reason: string; character: UnstorableCharacter; inKey: boolean } | undefined {
  const stack: { value: unknown; path: JsonPath }[] = [{ value, path: [] }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    if (typeof item.value === "string") {
      const character = unstorableCharacter(item.value);
      if (character) return { path: item.path, reason: REASONS[character], character, inKey: false };
      continue;
    }
    if (typeof item.value !== "object" || item.value === null) continue;
    const entries = entriesOf(item.value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i] ?? [0, undefined];
      const inKey = typeof key === "string" ? unstorableCharacter(key) : undefined;
      if (inKey)
        return { path: [...item.path, key], reason: `has a key that ${REASONS[inKey]}`, character: inKey, inKey: true };
      stack.push({ value: child, path: [...item.path, key] });
    }
  }
  return undefined;
}

/**
 * `value` with every string and key made storable. Parsed JSON is changed in place (the caller
 * owns it); the count says how many strings and keys were cleaned.
 */
export function cleanJsonInPlace(value: unknown): { value: unknown; cleaned: number } {
  if (typeof value === "string") {
    const clean = storableText(value);
    return { value: clean, cleaned: clean === value ? 0 : 1 };
  }
  let cleaned = 0;
  const stack: unknown[] = [value];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (typeof item !== "object" || item === null) continue;
    for (const [key, child] of entriesOf(item)) {
      let target = key;
      if (typeof key === "string" && !isStorableText(key)) {
        target = storableText(key);
        Reflect.deleteProperty(item, key);
        cleaned++;
      }
      const next = typeof child === "string" ? storableText(child) : child;
      if (next !== child) cleaned++;
      if (next !== child || target !== key) {
        Object.defineProperty(item, target, { value: next, enumerable: true, writable: true, configurable: true });
      }
      if (typeof next === "object" && next !== null) stack.push(next);
    }
  }
  return { value, cleaned };
}

/** JSON text Postgres accepts for a jsonb column: what JSON.stringify gives, made storable. */
export function storableJson(value: unknown): string {
  const text = JSON.stringify(value);
  // JSON.stringify writes these only as `\u0000` and `\udXXX` escapes; a false hit just costs a pass.
  if (!/\\u0000|\\ud[89a-f]/i.test(text)) return text;
  return JSON.stringify(cleanJsonInPlace(JSON.parse(text)).value);
}
