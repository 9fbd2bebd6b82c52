/**
 * The subset of JSONPath a capture needs: `$.result[0].sys_id`, `$['odd key'][2]`, `token`.
 * Returns undefined when the path does not exist.
 */
export function readJsonPath(value: unknown, path: string): unknown {
  const steps = parsePath(path);
  if (steps === undefined) return undefined;
  let current: unknown = value;
  for (const step of steps) {
    if (typeof step === "number") {
      if (!Array.isArray(current)) return undefined;
      current = current.at(step);
    } else {
      if (typeof current !== "object" || current === null || Array.isArray(current) || !Object.hasOwn(current, step)) {
        return undefined;
      }
      current = Object.getOwnPropertyDescriptor(current, step)?.value;
    }
  }
  return current;
}

function parsePath(path: string): (string | number)[] | undefined {
  const steps: (string | number)[] = [];
  let rest = path.trim().replace(/^\$/, "");
  if (rest !== "" && !rest.startsWith(".") && !rest.startsWith("[")) rest = `.${rest}`;
  const token = /^(?:\.([A-Za-z_$][\w$-]*)|\[(-?\d+)\]|\[(['"])(.*?)\3\])/;
  while (rest !== "") {
    const m = token.exec(rest);
    if (!m) return undefined;
    if (m[1] !== undefined) steps.push(m[1]);
    else if (m[2] !== undefined) steps.push(Number(m[2]));
    else steps.push(m[4] ?? "");
    rest = rest.slice(m[0].length);
  }
  return steps;
}

/** Captured values become template variables, so they are always text. */
export function captureText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}
