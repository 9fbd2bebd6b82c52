import { describe, expect, it } from "vitest";
import { sendsSettled, trackingSends } from "./sends-in-flight";

type Opener = Parameters<typeof trackingSends<{ runId: string }>>[0];

/** An opener whose claims all win and whose sends end when the test says. */
function fakeOpener() {
  const ends: ((failed: boolean) => void)[] = [];
  const opener: Opener = {
    claim: async () => ({
      sendAll: () =>
        new Promise<void>((resolve, reject) => ends.push((failed) => (failed ? reject(new Error("x")) : resolve()))),
    }),
  };
  return { opener, end: (failed = false) => ends.shift()?.(failed) };
}

const claim = async (opener: Opener, runId: string) => {
  const claimed = await opener.claim(`wf-${runId}`, { runId });
  if (!claimed) throw new Error("claim lost");
  return claimed;
};

describe("first messages in flight in this process", () => {
  it("the adoption's wait ends when the incident's sends end, not at its deadline", async () => {
    const { opener, end } = fakeOpener();
    const sent = (await claim(trackingSends(opener), "r1")).sendAll();
    const t0 = performance.now();
    const waited = sendsSettled("r1", 5_000);
    setTimeout(() => end(), 30);
    await sent;
    expect(await waited).toBe(true);
    expect(performance.now() - t0).toBeLessThan(1_000);
    // Ended: nothing left to wait for.
    expect(await sendsSettled("r1", 5_000)).toBe(false);
  });

  it("a send that fails ends the wait too; the caller's sendAll still sees the failure", async () => {
    const { opener, end } = fakeOpener();
    const sent = (await claim(trackingSends(opener), "r2")).sendAll();
    const waited = sendsSettled("r2", 5_000);
    end(true);
    await expect(sent).rejects.toThrow("x");
    expect(await waited).toBe(true);
  });

  it("gives up at its deadline while the sends are still out, and answers false at once for sends not made here", async () => {
    const { opener, end } = fakeOpener();
    void (await claim(trackingSends(opener), "r3")).sendAll();
    const t0 = performance.now();
    expect(await sendsSettled("r3", 50)).toBe(false);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(45);
    end();
    const t1 = performance.now();
    expect(await sendsSettled("elsewhere", 5_000)).toBe(false);
    expect(performance.now() - t1).toBeLessThan(100);
  });

  it("an opener not tracked leaves nothing to wait for", async () => {
    const { opener, end } = fakeOpener();
    const sent = (await claim(opener, "r4")).sendAll();
    expect(await sendsSettled("r4", 5_000)).toBe(false);
    end();
    await sent;
  });
});
