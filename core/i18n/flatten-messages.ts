/** Nested translation objects as dotted keys → text, the way `t("a.b")` addresses them. */
export function flattenMessages(tree: object, prefix = ""): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") flat[path] = value;
    else if (typeof value === "object" && value !== null) Object.assign(flat, flattenMessages(value, path));
  }
  return flat;
}
