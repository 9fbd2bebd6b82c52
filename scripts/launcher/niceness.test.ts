import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { niced } from "./niceness";

/** The nice value of a running process: field 19 of /proc/<pid>/stat. */
function niceOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
}

describe("niced", () => {
  it("leaves the command alone when unset or 0", () => {
    expect(niced("node", ["a.js"], undefined, "X")).toEqual({ command: "node", args: ["a.js"] });
    expect(niced("node", ["a.js"], "0", "X")).toEqual({ command: "node", args: ["a.js"] });
  });

  it("refuses a value that is not a nice value, naming the variable", () => {
    for (const bad of ["-5", "20", "ten", "1.5"])
      expect(() => niced("node", [], bad, "ALERTFLOW_WORKER_NICE")).toThrow(/ALERTFLOW_WORKER_NICE/);
  });

  it.runIf(process.platform === "linux")(
    "starts the command itself at that nice value, under its own pid",
    async () => {
      const { command, args } = niced("sleep", ["5"], "7", "X");
      const child = spawn(command, args, { stdio: "ignore" });
      try {
        await new Promise((r) => setTimeout(r, 300));
        const pid = child.pid ?? 0;
        expect(readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")[0]).toBe("sleep");
        // nice adds to the caller's own value, capped at 19.
        expect(niceOf(pid)).toBe(Math.min(19, niceOf(process.pid) + 7));
      } finally {
        child.kill("SIGKILL");
      }
    },
  );
});
