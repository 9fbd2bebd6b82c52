import { describe, expect, it } from "vitest";
import { spawnGroup } from "./process-group";
import { EX_CONFIG, supervise } from "./supervise";

const fast = { initialMs: 20, maxMs: 40, healthyAfterMs: 60_000 };

describe("supervise", () => {
  it("does not restart a process that exits with EX_CONFIG (e.g. no secret key), but restarts a crash", async () => {
    for (const [code, restarts] of [
      [EX_CONFIG, false],
      [1, true],
    ] as const) {
      let starts = 0;
      const lines: string[] = [];
      const supervised = supervise({
        name: "worker",
        start: () => {
          starts++;
          return spawnGroup({ name: "worker", command: process.execPath, args: ["-e", `process.exit(${code})`] });
        },
        log: (line) => lines.push(line),
        policy: fast,
      });
      await new Promise((r) => setTimeout(r, 1500));
      await supervised.stop();
      expect(starts > 1, `exit ${code}: ${lines.join(" / ")}`).toBe(restarts);
    }
  });
});
