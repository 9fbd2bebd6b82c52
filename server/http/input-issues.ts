export interface InputIssue {
  path: string;
  message: string;
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
    issues.push({ path, message: String(issue.message) });
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
    if (!path) formErrors.push(message);
    else (fieldErrors[path.split(".")[0] ?? path] ??= []).push(message);
  }
  return { formErrors, fieldErrors };
}
