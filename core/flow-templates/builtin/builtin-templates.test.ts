import { describe, expect, it } from "vitest";
import { previewTiming } from "../../escalation/timing-preview";
import { compilePlan } from "../../flow/compile-plan";
import type { PlanTarget } from "../../flow/plan";
import { validateGraph } from "../../flow/validate-graph";
import { integrationDefinitions } from "../../integrations/registry";
import { bindPlaceholders, standInMapping } from "../bind-placeholders";
import { readTemplateDocument } from "../read-template";
import { BUILTIN_TEMPLATE_DEFINITIONS, builtinTemplates } from "./index";

const MIN = 60;

describe("built-in templates", () => {
  it("there are at least eight, with unique keys, names and a description each", () => {
    const keys = BUILTIN_TEMPLATE_DEFINITIONS.map((t) => t.key);
    expect(keys.length).toBeGreaterThanOrEqual(8);
    expect(new Set(keys).size).toBe(keys.length);
    const docs = builtinTemplates().map((t) => t.document);
    expect(new Set(docs.map((d) => d.name)).size).toBe(docs.length);
    for (const doc of docs) expect(doc.description.length, doc.name).toBeGreaterThan(80);
  });

  describe.each(BUILTIN_TEMPLATE_DEFINITIONS.map((t) => [t.key, t] as const))("%s", (key, { document }) => {
    const read = readTemplateDocument(document);

    it("reads as a template document", () => {
      expect(read.ok ? [] : read.issues).toEqual([]);
    });

    it("validates and compiles once each placeholder has an integration", () => {
      if (!read.ok) throw new Error("unreadable");
      const mapping = standInMapping(read.value.placeholders);
      const result = validateGraph(bindPlaceholders(read.value, mapping));
      expect(result.ok ? [] : result.errors).toEqual([]);
      if (!result.ok) return;
      const plan = compilePlan(result.graph);
      const withFallbacks = (t: PlanTarget): string[] => [
        t.integrationId,
        ...(t.fallback ? withFallbacks(t.fallback) : []),
      ];
      const used = new Set(plan.levels.flatMap((l) => [...l.error, ...l.ok, ...l.reminder].flatMap(withFallbacks)));
      for (const placeholder of read.value.placeholders) {
        expect(used.has(mapping[placeholder.key] ?? ""), `${key}: ${placeholder.key} sends nothing`).toBe(true);
      }
    });

    it("sends no message type its integration cannot take", () => {
      if (!read.ok) throw new Error("unreadable");
      const typeOf = new Map(read.value.placeholders.map((p) => [standInMapping(read.value.placeholders)[p.key], p]));
      const plan = compilePlan(bindPlaceholders(read.value, standInMapping(read.value.placeholders)));
      for (const level of plan.levels) {
        for (const target of level.reminder) {
          const placeholder = typeOf.get(target.integrationId);
          if (!placeholder) throw new Error("unmapped target");
          expect(
            integrationDefinitions[placeholder.integrationType].capabilities.supportsReminders,
            target.nodeId,
          ).toBe(true);
        }
      }
    });

    it("has the same timing preview as when it was reviewed", () => {
      if (!read.ok) throw new Error("unreadable");
      const mapping = standInMapping(read.value.placeholders);
      const keyOf = new Map(Object.entries(mapping).map(([k, id]) => [id, k]));
      const plan = compilePlan(bindPlaceholders(read.value, mapping));
      // An incident that lasts two hours, then clears: long enough for every level to fire.
      const messages = previewTiming(plan, { incidentSeconds: 120 * MIN });
      const lines = messages.map(
        (m) =>
          `${m.atSeconds / MIN} min L${m.level} ${m.type}${m.reminderNumber ? `#${m.reminderNumber}` : ""} → ${keyOf.get(m.integrationId) ?? "?"}`,
      );
      expect(lines).toMatchSnapshot();
    });
  });
});
