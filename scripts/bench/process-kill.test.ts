import { describe, expect, it } from "vitest";
import { spawnGroup } from "../launcher/process-group";
import { descendantsMatching, killGroupAndConfirm, processGroupOf } from "./process-kill";

// A group leader (node) that starts a grandchild in its own group and waits: the shape of a
// launcher's part. The bench's kill must take the whole group, and never a process that only
// belongs to someone else's group.
const leaderScript = `require("node:child_process").spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)", "bench-kill-child"], { stdio: "ignore" }); setInterval(() => {}, 1000);`;

/** The leader, in its own group, once its grandchild is running. */
async function startLeaderWithChild() {
  const leader = spawnGroup({ name: "part", command: process.execPath, args: ["-e", leaderScript] });
  const pid = leader.child.pid ?? 0;
  let child: number | undefined;
  for (let i = 0; i < 100 && child === undefined; i++) {
    [child] = descendantsMatching(pid, /bench-kill-child/);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { leader, pid, child };
}

describe("killGroupAndConfirm", () => {
  it("SIGKILLs a part's whole process group and returns once the leader and its child are gone", async () => {
    const { leader, pid, child } = await startLeaderWithChild();
    try {
      expect(child).toBeDefined();
      expect(processGroupOf(child ?? 0)).toBe(pid);
      await killGroupAndConfirm(pid, 3000);
      expect(processGroupOf(pid)).toBeNull();
      expect(processGroupOf(child ?? 0)).toBeNull();
      expect((await leader.exited).signal).toBe("SIGKILL");
    } finally {
      await leader.stop(0);
    }
  });

  it("refuses a pid that does not lead its group (a wrapper's child would survive a plain kill)", async () => {
    const { leader, child } = await startLeaderWithChild();
    try {
      await expect(killGroupAndConfirm(child ?? 0)).rejects.toThrow(/does not lead its process group/);
    } finally {
      await leader.stop(0);
    }
  });
});
