import { describe, expect, it } from "vitest";
import { FLOW_SCHEMA_VERSION } from "./document";
import { MIGRATIONS, migrateGraph, upgradeGraphDocument, v0ToV1 } from "./migrations";
import { threeLevelSampleGraph } from "../../test-support/sample-graphs";

const ID = "5d2c1b0a-9e8f-4a7b-8c6d-5e4f3a2b1c00";

interface RawNode {
  id: string;
  type: string;
  position: { x: number; y: number };
  data: Record<string, unknown>;
}

/** The pre-release document: thresholds in minutes, no target handles, maybe no version. */
const v0Document = (): { schemaVersion: number; nodes: RawNode[]; edges: Record<string, unknown>[] } => ({
  schemaVersion: 0,
  nodes: [
    { id: "t", type: "trigger", position: { x: 0, y: 0 }, data: { label: "Trigger" } },
    {
      id: "l1",
      type: "level",
      position: { x: 1, y: 0 },
      data: { level: 1, mode: "duration", afterMinutes: 5, reminderCount: 2, reminderEveryMinutes: 15, message: "hi" },
    },
    { id: "i", type: "integration", position: { x: 2, y: 0 }, data: { integrationId: ID } },
  ],
  edges: [
    { id: "e1", source: "t", target: "l1", sourceHandle: "out" },
    { id: "e2", source: "l1", target: "i", sourceHandle: "out" },
  ],
});

describe("migrations", () => {
  it("lists one migration per version, in order, ending at the current version", () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual(Array.from({ length: FLOW_SCHEMA_VERSION }, (_, i) => i));
  });

  describe("v0 → v1", () => {
    it("converts level minutes to seconds and drops the minute fields", () => {
      const upgraded = v0ToV1.up(v0Document());
      expect(upgraded).toHaveProperty("nodes.1.data", {
        level: 1,
        mode: "duration",
        afterSeconds: 300,
        reminderCount: 2,
        reminderEverySeconds: 900,
        message: "hi",
      });
    });

    it("gives every edge the `in` target handle and bumps the version", () => {
      const upgraded = v0ToV1.up(v0Document());
      expect(upgraded.schemaVersion).toBe(1);
      expect(upgraded.edges).toEqual([
        expect.objectContaining({ id: "e1", targetHandle: "in" }),
        expect.objectContaining({ id: "e2", targetHandle: "in" }),
      ]);
    });

    it("leaves nodes that are not levels, and levels without minute fields, as they were", () => {
      const doc = v0Document();
      doc.nodes[1] = { ...doc.nodes[1]!, data: { level: 1, mode: "count", reminderCount: 0, message: "" } };
      const upgraded = v0ToV1.up(doc);
      expect(upgraded).toHaveProperty("nodes.0", doc.nodes[0]);
      expect(upgraded).toHaveProperty("nodes.1.data", doc.nodes[1]?.data);
    });

    it("does not crash on malformed content, leaving it for validation", () => {
      expect(v0ToV1.up({ schemaVersion: 0, nodes: [null, 3, { type: "level", data: "x" }], edges: "nope" })).toEqual({
        schemaVersion: 1,
        nodes: [null, 3, { type: "level", data: "x" }],
        edges: "nope",
      });
    });
  });

  describe("migrateGraph", () => {
    it("reads a v0 document as a current graph with the same timing", () => {
      const graph = migrateGraph(v0Document());
      expect(graph.schemaVersion).toBe(FLOW_SCHEMA_VERSION);
      const level = graph.nodes.find((n) => n.type === "level");
      expect(level?.type === "level" && level.data.afterSeconds).toBe(300);
    });

    it("treats a document without schemaVersion as version 0", () => {
      const { schemaVersion: _dropped, ...unversioned } = v0Document();
      expect(migrateGraph(unversioned)).toEqual(migrateGraph(v0Document()));
    });

    it("passes a current document through unchanged", () => {
      const current = threeLevelSampleGraph({ l1: ID, l2: ID, l3: ID });
      expect(migrateGraph(JSON.parse(JSON.stringify(current)))).toEqual(current);
    });

    it("refuses a newer version, an unknown version and a non-object with coded errors", () => {
      expect(() => migrateGraph({ ...v0Document(), schemaVersion: FLOW_SCHEMA_VERSION + 1 })).toThrow(
        expect.objectContaining({ code: "GRAPH_VERSION_TOO_NEW" }),
      );
      for (const bad of ["1", -1, 1.5, null]) {
        expect(() => migrateGraph({ ...v0Document(), schemaVersion: bad })).toThrow(
          expect.objectContaining({ code: "GRAPH_VERSION_UNKNOWN" }),
        );
      }
      expect(() => migrateGraph([])).toThrow(expect.objectContaining({ code: "GRAPH_NOT_AN_OBJECT" }));
    });

    it("reports a document that is still malformed after upgrading with per-node issues", () => {
      const doc = v0Document();
      doc.nodes[1] = { ...doc.nodes[1]!, data: { ...doc.nodes[1]!.data, level: 99 } };
      expect(() => migrateGraph(doc)).toThrow(
        expect.objectContaining({ code: "GRAPH_SCHEMA_INVALID", issues: [expect.objectContaining({ nodeId: "l1" })] }),
      );
      // Upgrading alone does not judge, so validateGraph can still show the issue on the node.
      expect(upgradeGraphDocument(doc).schemaVersion).toBe(FLOW_SCHEMA_VERSION);
    });
  });
});
