import { bundleWorkflowCode } from "@temporalio/worker";
import { describe, expect, it } from "vitest";
import { workflowsPath } from "../worker/worker-options";

const noop = () => undefined;

describe("workflow bundle", () => {
  // A stray Node/pg/drizzle import in workflow code fails here, not in the worker at start-up.
  it("bundles for Temporal's deterministic sandbox", { timeout: 120_000 }, async () => {
    const { code } = await bundleWorkflowCode({
      workflowsPath,
      logger: { trace: noop, debug: noop, info: noop, warn: noop, error: noop, log: noop },
    });
    expect(code).toContain("escalationWorkflow");
    expect(code).not.toMatch(/require\(["']pg["']\)/);
  });
});
