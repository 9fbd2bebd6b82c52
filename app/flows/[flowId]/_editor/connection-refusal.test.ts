import { describe, expect, it } from "vitest";
import { toCanvas } from "~/app/_components/flow-canvas/graph-mapping";
import { graphOf, integrationNode, levelNode, triggerNode } from "~/test-support/graph-builder";
import { refusalReason } from "./connection-refusal";

const { nodes, edges } = toCanvas(graphOf([triggerNode("t"), levelNode("l1", { level: 1 }), integrationNode("i")], []));
const out = (nodeId: string, id: string) => ({ nodeId, id, type: "source" as const });
const input = (nodeId: string) => ({ nodeId, id: "in", type: "target" as const });

describe("why a dragged connection is refused", () => {
  it("allows what the rules allow, from either end", () => {
    expect(refusalReason(out("t", "out"), input("l1"), nodes, edges)).toBeNull();
    expect(refusalReason(input("l1"), out("t", "out"), nodes, edges)).toBeNull();
  });

  it("gives the rules' reason, dragged from either end", () => {
    const reason = {
      issue: {
        code: "wrong_target_kind",
        message: "A trigger connects to the first escalation level, not to an integration.",
        params: { source: "trigger", handle: "out", expected: "firstLevel", target: "integration" },
      },
    };
    expect(refusalReason(out("t", "out"), input("i"), nodes, edges)).toEqual(reason);
    expect(refusalReason(input("i"), out("t", "out"), nodes, edges)).toEqual(reason);
  });

  it("explains output-to-output and input-to-input drags", () => {
    expect(refusalReason(out("t", "out"), out("l1", "next"), nodes, edges)).toEqual({ sameSide: "source" });
    expect(refusalReason(input("l1"), input("i"), nodes, edges)).toEqual({ sameSide: "target" });
  });
});
