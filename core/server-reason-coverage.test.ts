import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** Codes a page could word on their own: none now, a missing thing and unreadable secrets name theirs. */
const WORDED_BY_CODE = new Set<string>([]);

describe("server refusals", () => {
  it("carry a reason (domainRefusal) unless their code alone says it all", () => {
    const bare = ["server", "core"]
      .flatMap((dir) => sourceFiles(join(ROOT, dir)))
      .flatMap((file) =>
        [...readFileSync(file, "utf8").matchAll(/new DomainError\(\s*"(\w+)"/g)]
          .filter(([, code = ""]) => !WORDED_BY_CODE.has(code))
          .map(([, code]) => `${relative(ROOT, file)}: ${code}`),
      );
    expect(bare).toEqual([]);
  });
});
