import { describe, expect, it } from "vitest";
import { COALESCE_MS, emptyHistory, record, redo, undo, type History } from "./history";

describe("undo history", () => {
  it("undoes and redoes in order, and a new edit drops the redo branch", () => {
    let h: History<string> = emptyHistory();
    h = record(h, "a", { now: 0 });
    h = record(h, "b", { now: 10_000 });
    // current state is "c"
    const back = undo(h, "c");
    expect(back?.snapshot).toBe("b");
    const backAgain = back && undo(back.history, "b");
    expect(backAgain?.snapshot).toBe("a");
    expect(backAgain && undo(backAgain.history, "a")).toBeNull();

    const forward = backAgain && redo(backAgain.history, "a");
    expect(forward?.snapshot).toBe("b");
    const branched = forward && record(forward.history, "b", { now: 20_000 });
    expect(branched?.future).toEqual([]);
    expect(branched && redo(branched, "x")).toBeNull();
  });

  it("merges a burst of edits with the same key into one step", () => {
    let h: History<number> = emptyHistory();
    h = record(h, 0, { key: "data:n1", now: 0 });
    h = record(h, 1, { key: "data:n1", now: COALESCE_MS / 2 });
    h = record(h, 2, { key: "data:n1", now: COALESCE_MS });
    expect(h.past).toEqual([0]);
    // another node, or a pause, starts a new step
    h = record(h, 3, { key: "data:n2", now: COALESCE_MS + 1 });
    h = record(h, 4, { key: "data:n2", now: 10 * COALESCE_MS });
    expect(h.past).toEqual([0, 3, 4]);
  });

  it("does not merge across an undo", () => {
    let h: History<number> = emptyHistory();
    h = record(h, 0, { key: "k", now: 0 });
    const back = undo(h, 1);
    expect(back).not.toBeNull();
    if (!back) return;
    h = record(back.history, 0, { key: "k", now: 1 });
    expect(h.past).toEqual([0]);
  });

  it("keeps at most `limit` steps, dropping the oldest", () => {
    let h: History<number> = emptyHistory();
    for (let i = 0; i < 10; i++) h = record(h, i, { now: i * 10_000, limit: 3 });
    expect(h.past).toEqual([7, 8, 9]);
  });
});
