import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

/**
 * A dist folder of its own for a test's `next dev`, and the repository as it was afterwards:
 * `next dev` adds its dist folder's types to tsconfig.json, which is put back.
 */
export function nextDevSandbox(name: string): { distDir: string; restore: () => void } {
  const distDir = `.next-${name}-${process.pid}`;
  const tsconfig = readFileSync(path.join(root, "tsconfig.json"), "utf8");
  return {
    distDir,
    restore() {
      rmSync(path.join(root, distDir), { recursive: true, force: true });
      writeFileSync(path.join(root, "tsconfig.json"), tsconfig);
    },
  };
}
