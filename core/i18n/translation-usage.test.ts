import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { flattenMessages } from "./flatten-messages";
import { loadMessages } from "./messages";

const ROOT = join(import.meta.dirname, "..", "..");
const SCANNED = ["app", "server"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Which keys the code asks for: each `const t = useTranslations("Ns")` (or `await getTranslations`,
 * or `createTranslator({ namespace: "Ns" })`)
 * binds a name to a namespace, and `t("key")`, `t.rich("key")` or `t(\`prefix.${…}\`)` use keys
 * under it, as does `t(cond ? "a" : "b")`. A template key marks its whole prefix as used.
 */
function usedKeys(): { exact: Set<string>; prefixes: Set<string>; where: Map<string, string> } {
  const exact = new Set<string>();
  const prefixes = new Set<string>();
  const where = new Map<string, string>();
  for (const file of SCANNED.flatMap((dir) => sourceFiles(join(ROOT, dir)))) {
    const text = readFileSync(file, "utf8");
    const bindings = [
      ...text.matchAll(/const (\w+) = (?:useTranslations|await getTranslations)\("([\w.]+)"\)/g),
      // Outside React (mails): `createTranslator({ …, namespace: "Ns" })`.
      ...text.matchAll(/const (\w+) = createTranslator\(\{[^}]*namespace: "([\w.]+)"/g),
    ];
    // A namespace read whole, its keys chosen by data (the built-in templates, keyed by template id):
    // `(await loadMessages(locale)).Ns`.
    for (const [, namespace = ""] of text.matchAll(/\(await loadMessages\(\w+\)\)\.(\w+)/g))
      prefixes.add(`${namespace}.`);
    for (const binding of bindings) {
      const [, name = "", namespace = ""] = binding;
      const call = new RegExp(
        `\\b${escape(name)}(?:\\.(?:rich|markup|has))?\\(\\s*(?:"([\\w.]+)"|\`([\\w.]*)\\$\\{)`,
        "g",
      );
      for (const use of text.matchAll(call)) {
        if (use[1] !== undefined) {
          exact.add(`${namespace}.${use[1]}`);
          where.set(`${namespace}.${use[1]}`, relative(ROOT, file));
        } else if (use[2] !== undefined) prefixes.add(`${namespace}.${use[2]}`);
      }
      const choice = new RegExp(`\\b${escape(name)}\\([^"()\`]*\\?\\s*"([\\w.]+)"\\s*:\\s*"([\\w.]+)"`, "g");
      for (const use of text.matchAll(choice)) {
        for (const key of [use[1], use[2]]) if (key !== undefined) exact.add(`${namespace}.${key}`);
      }
    }
  }
  return { exact, prefixes, where };
}

describe("translation keys", async () => {
  const english = flattenMessages(await loadMessages("en"));
  const { exact, prefixes, where } = usedKeys();

  it("every key the code uses exists", () => {
    const missing = [...exact].filter((key) => !(key in english)).map((key) => `${key} (${where.get(key)})`);
    expect(missing).toEqual([]);
  });

  it("every key in the files is used by the code", () => {
    const unused = Object.keys(english).filter(
      (key) => !exact.has(key) && ![...prefixes].some((prefix) => key.startsWith(prefix)),
    );
    expect(unused).toEqual([]);
  });
});
