import type { TemplateIssue } from "./template-issue";

/**
 * Keys that reach an object's prototype when code copies parsed JSON with `obj[key] = value`.
 * JSON.parse makes them harmless own properties, but later spreads and record parsers do not
 * always, so a template carrying one is refused outright.
 */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Walks parsed JSON once, without recursion (a hostile file may nest deeply), and reports the
 * first forbidden key or the first place nested deeper than `maxDepth`, with its path.
 */
export function scanJson(value: unknown, maxDepth: number): TemplateIssue | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: "", depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { path, depth } = item;
    if (Array.isArray(item.value) || isRecord(item.value)) {
      if (depth >= maxDepth) {
        return { code: "too_deep", path, message: `${where(path)}is nested more than ${maxDepth} levels deep` };
      }
    }
    if (Array.isArray(item.value)) {
      item.value.forEach((child, i) => stack.push({ value: child, path: join(path, String(i)), depth: depth + 1 }));
    } else if (isRecord(item.value)) {
      for (const key of Object.keys(item.value)) {
        const childPath = join(path, key);
        if (FORBIDDEN_KEYS.has(key)) {
          return {
            code: "forbidden_key",
            path: childPath,
            message: `${where(childPath)}the key "${key}" is not allowed`,
          };
        }
        stack.push({ value: item.value[key], path: childPath, depth: depth + 1 });
      }
    }
  }
  return null;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
const where = (path: string) => (path ? `${path}: ` : "");
