import { ownEntry, putOwn } from "~/core/own-entry";

export interface InputIssue {
  path: string;
  message: string;
  /** zod's issue code (too_big, invalid_type…) or "required", so a page can word it in its language. */
  code?: string;
  /** The bounds, type, format or options the issue names: never the input itself. */
  values?: Record<string, string | number | boolean>;
}

/** The issue fields that describe the rule broken, not the value sent (which may be a secret). */
const RULE_FIELDS = ["origin", "maximum", "minimum", "inclusive", "exact", "expected", "format", "values", "keys"];

function ruleValue(value: unknown): string | number | boolean | undefined {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "bigint") return Number(value);
  if (Array.isArray(value) && value.every((v) => ["string", "number", "boolean"].includes(typeof v))) {
    return value.map(String).join(", ");
  }
  return undefined;
}

/** The code and rule of a zod issue; a missing field reads "required" (zod words it "received undefined"). */
function wordable(issue: object, message: string): Pick<InputIssue, "code" | "values"> {
  const code = "code" in issue && typeof issue.code === "string" ? issue.code : undefined;
  if (!code) return {};
  if (code === "invalid_type" && message.endsWith("received undefined")) return { code: "required" };
  const values: Record<string, string | number | boolean> = {};
  for (const field of RULE_FIELDS) {
    const value = field in issue ? ruleValue(Reflect.get(issue, field)) : undefined;
    if (value !== undefined) putOwn(values, field, value);
  }
  // A schema's own check names itself in `params.check` (and what its wording needs): never the input.
  const params: unknown = code === "custom" && "params" in issue ? issue.params : undefined;
  if (typeof params === "object" && params !== null && "check" in params && typeof params.check === "string") {
    for (const [name, value] of Object.entries(params)) {
      const rule = ruleValue(value);
      if (rule !== undefined) putOwn(values, name, rule);
    }
  }
  return { code, values };
}

const pathText = (path: readonly unknown[]) =>
  path
    .map((segment) => (typeof segment === "object" && segment !== null && "key" in segment ? segment.key : segment))
    .join(".");

/**
 * The issues of a rejected procedure input. tRPC may hand over a ZodError or its own schema
 * error, and a bundler can give either class a second copy, so this reads their shared shape
 * (`issues: { path, message }[]`) instead of trusting `instanceof`.
 */
export function inputIssues(cause: unknown): InputIssue[] | null {
  if (typeof cause !== "object" || cause === null || !("issues" in cause) || !Array.isArray(cause.issues)) return null;
  const raw: unknown[] = cause.issues;
  const issues: InputIssue[] = [];
  for (const issue of raw) {
    if (typeof issue !== "object" || issue === null || !("message" in issue)) return null;
    const path = "path" in issue && Array.isArray(issue.path) ? pathText(issue.path) : "";
    const message = String(issue.message);
    issues.push({ path, message, ...wordable(issue, message) });
  }
  return issues.length > 0 ? issues : null;
}

/** "name: Name is required; graph.nodes.0.id: …" — each issue with the field it is about. */
export function issuesMessage(issues: InputIssue[]): string {
  return issues.map(({ path, message }) => (path ? `${path}: ${message}` : message)).join("; ");
}

/** zod's flatten() shape, which clients of this API already read. */
export function flattenIssues(issues: InputIssue[]) {
  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  for (const { path, message } of issues) {
    const field = path.split(".")[0] ?? path;
    const listed = ownEntry(fieldErrors, field);
    if (!path) formErrors.push(message);
    else if (listed) listed.push(message);
    else putOwn(fieldErrors, field, [message]);
  }
  return { formErrors, fieldErrors };
}
