import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AlertDomainError } from "~/core/alerts/alert-error";
import { workflowIdFor, workflowKeyFor } from "./incident-id";

const flowId = "0b9f6c1e-7a2d-4f7e-9a51-3c2e8d4b6a10";
const sha = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

describe("workflowIdFor", () => {
  it("keeps readable keys readable", () => {
    expect(workflowIdFor(flowId, "checkout-api-prod")).toBe(`flow:${flowId}:alert:checkout-api-prod`);
    expect(workflowIdFor(flowId, "svc:ä/β 1")).toBe(`flow:${flowId}:alert:svc:ä/β 1`);
    expect(workflowKeyFor("k".repeat(200))).toBe("k".repeat(200));
    expect(workflowKeyFor("db 🔥 eu-1")).toBe("db 🔥 eu-1"); // a surrogate pair is fine
  });

  it("hashes long keys and keys with control characters", () => {
    const long = "k".repeat(201);
    expect(workflowIdFor(flowId, long)).toBe(`flow:${flowId}:alert:sha256:${sha(long)}`);
    expect(workflowKeyFor("line\nbreak")).toBe(`sha256:${sha("line\nbreak")}`);
    expect(workflowKeyFor("bell\u0007")).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(workflowKeyFor("lone \ud800 surrogate")).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("never lets a readable key collide with a hashed one", () => {
    const hashed = workflowKeyFor("k".repeat(201));
    expect(workflowKeyFor(hashed)).not.toBe(hashed);
  });

  it("is deterministic", () => {
    expect(workflowIdFor(flowId, "x".repeat(300))).toBe(workflowIdFor(flowId, "x".repeat(300)));
  });

  it("rejects ids it cannot build with a coded error", () => {
    const codeOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error instanceof AlertDomainError ? error.code : "other";
      }
      return "none";
    };
    expect(codeOf(() => workflowIdFor("", "k"))).toBe("invalid_flow_id");
    expect(codeOf(() => workflowIdFor("a:b", "k"))).toBe("invalid_flow_id");
    expect(codeOf(() => workflowIdFor(flowId, ""))).toBe("empty_alert_key");
  });
});
