import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { nextDevSandbox } from "./next-dev-sandbox";

const tsconfigPath = path.resolve(import.meta.dirname, "..", "tsconfig.json");

it("two sandboxes take turns: the second starts once the first put tsconfig.json back, and reads it as it was", async () => {
  const original = readFileSync(tsconfigPath, "utf8");
  const first = await nextDevSandbox("sandbox-turn-a");
  let secondStarted = false;
  const second = nextDevSandbox("sandbox-turn-b").then((sandbox) => {
    secondStarted = true;
    return sandbox;
  });
  try {
    // What `next dev` does to it meanwhile.
    writeFileSync(tsconfigPath, `${original}\n`);
    // Long enough for the second to take the lock if it were free (a round trip to Postgres).
    await new Promise((r) => setTimeout(r, 500));
    expect(secondStarted).toBe(false);
    await first.restore();
    const next = await second;
    writeFileSync(tsconfigPath, `${original}\n`);
    await next.restore();
    expect(readFileSync(tsconfigPath, "utf8")).toBe(original);
  } finally {
    await first.restore();
    await (await second).restore();
    writeFileSync(tsconfigPath, original);
  }
});
