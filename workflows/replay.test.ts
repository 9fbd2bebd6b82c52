import { readdirSync, readFileSync } from "node:fs";
import { Worker } from "@temporalio/worker";
import { describe, expect, it } from "vitest";
import { workflowsPath } from "../worker/worker-options";

const dir = new URL("./histories/", import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith(".json"));

// Histories recorded from real runs (RECORD_HISTORIES=1 with the engine tests). A change to the
// interpreter that would break running incidents fails here with a nondeterminism error.
describe("replay of recorded escalation histories", () => {
  it("has recorded histories to replay", () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });
  it.each(files)("%s replays deterministically", { timeout: 60_000 }, async (file) => {
    // Passed as parsed JSON: the SDK converts it with its own protobuf classes.
    const history: unknown = JSON.parse(readFileSync(new URL(file, dir), "utf8"));
    await expect(Worker.runReplayHistory({ workflowsPath, replayName: file }, history)).resolves.toBeUndefined();
  });
});
