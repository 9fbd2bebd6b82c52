import { DrizzleQueryError } from "drizzle-orm/errors";

/**
 * A failed statement must never carry its parameters into a log, a tRPC error's cause or a
 * Temporal failure: they hold request bodies (redacted, yet with signed acknowledge links), tokens
 * and alert payloads. drizzle's DrizzleQueryError writes them into its message ("params: …") and
 * keeps them as a property, and Postgres's own error repeats values in its `detail` ("Key (k)=(v)"),
 * `where` (the JSON being parsed) and, for bad input, its message. Every log site (console, the
 * Temporal worker's logger, Next's error log) prints the message, the stack and the cause, so the
 * error is made quiet where it is born rather than at each of them: drizzle assigns `query`, then
 * `params`, then `cause` in its constructor, and these setters take over the last two.
 */
let installed = false;

/** Postgres error fields that repeat a row's or a parameter's values. */
const VALUE_FIELDS = ["detail", "where", "internalQuery"] as const;

/** Class 22 (data exception) messages quote the offending value: `invalid input syntax for type uuid: "…"`. */
const QUOTED_VALUE = /"(?:[^"]|"")*"/g;

export function quietDatabaseError(error: unknown): void {
  if (!(error instanceof Error)) return;
  for (const field of VALUE_FIELDS) if (field in error) Reflect.deleteProperty(error, field);
  const code = "code" in error && typeof error.code === "string" ? error.code : "";
  if (code.startsWith("22")) {
    const quiet = error.message.replace(QUOTED_VALUE, '"…"');
    if (error.stack) error.stack = error.stack.replace(error.message, quiet);
    error.message = quiet;
  }
}

export function installQuietQueryErrors(): void {
  if (installed) return;
  installed = true;
  Object.defineProperty(DrizzleQueryError.prototype, "params", {
    configurable: true,
    get: () => [],
    set(this: DrizzleQueryError) {
      // The stack is captured after this, so it gets the message without parameters too.
      this.message = `Failed query: ${this.query}`;
    },
  });
  Object.defineProperty(DrizzleQueryError.prototype, "cause", {
    configurable: true,
    set(this: DrizzleQueryError, cause: unknown) {
      quietDatabaseError(cause);
      // Own and not enumerable, as `new Error(message, { cause })` makes it; drizzle's second
      // assignment of the same error writes it here again.
      Object.defineProperty(this, "cause", { value: cause, writable: true, configurable: true, enumerable: false });
    },
  });
}
