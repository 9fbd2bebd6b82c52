import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { LOCALES } from "~/core/i18n/locales";
import { loadMessages } from "~/core/i18n/messages";
import { isValidConnection } from "~/core/flow/connection-rules";
import { validateGraph } from "~/core/flow/validate-graph";
import { branchNode, edge, graphOf, integrationNode, levelNode, triggerNode } from "~/test-support/graph-builder";
import { issueTextWith } from "./use-issue-text";

/** A flow with many problems at once: two level 2s, a shorter higher level, an unchosen integration, a loose branch. */
const broken = graphOf(
  [
    triggerNode("t"),
    levelNode("l1", { level: 1, afterSeconds: 900, label: "Night shift" }),
    levelNode("l2", { level: 2, afterSeconds: 300 }),
    levelNode("l2b", { level: 2, afterSeconds: 1200 }),
    integrationNode("i", { integrationId: null }),
    branchNode("b"),
  ],
  [edge("t", "out", "l1"), edge("l1", "out", "i")],
);

async function translatorFor(locale: (typeof LOCALES)[number]) {
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "GraphIssues" });
  const nodes = new Map(broken.nodes.map((n) => [n.id, n]));
  return issueTextWith(t, (id) => nodes.get(id));
}

describe("validation problems worded by the interface", () => {
  const result = validateGraph(broken, { knownIntegrationIds: new Set() });
  const issues = result.ok ? [] : result.errors;

  it("core reports codes with the values the sentence needs, not only English text", () => {
    expect(issues.map((i) => i.code)).toEqual(
      expect.arrayContaining(["duplicate_level_number", "level_threshold_not_increasing", "integration_not_chosen"]),
    );
    const threshold = issues.find((i) => i.code === "level_threshold_not_increasing");
    expect(threshold?.params).toEqual({ mode: "duration", value: 300, lowerValue: 900, otherNode: "l1" });
  });

  it.each(LOCALES)(
    "every problem reads as a full sentence in %s, with nodes named as on the canvas",
    async (locale) => {
      const text = await translatorFor(locale);
      for (const issue of issues) {
        const sentence = text(issue);
        expect(sentence, issue.code).not.toMatch(/GraphIssues|\{|\}/);
        expect(sentence.length, issue.code).toBeGreaterThan(10);
      }
    },
  );

  it("says the same thing in French and Dutch as core's English, in their own words", async () => {
    const threshold = issues.find((i) => i.code === "level_threshold_not_increasing");
    if (!threshold) throw new Error("no threshold problem");
    expect((await translatorFor("en"))(threshold)).toBe(
      "Level 2 fires after 5 min, but Level 1 “Night shift” already waits 15 min; a higher level must wait longer.",
    );
    expect((await translatorFor("fr"))(threshold)).toBe(
      "Le niveau 2 se déclenche après 5 min, mais Le niveau 1 « Night shift » attend déjà 15 min ; un niveau supérieur doit attendre plus longtemps.",
    );
    expect((await translatorFor("nl"))(threshold)).toBe(
      "Niveau 2 gaat af na 5 min, maar Niveau 1 “Night shift” wacht al 15 min; een hoger niveau moet langer wachten.",
    );
  });

  it("words a refused drag from the connection rules' code", async () => {
    const verdict = isValidConnection({ source: "t", sourceHandle: "out", target: "i" }, broken.nodes, broken.edges);
    if (verdict.ok) throw new Error("allowed");
    const issue = { code: verdict.code, message: verdict.reason, params: verdict.params };
    expect((await translatorFor("en"))(issue)).toBe(verdict.reason);
    expect((await translatorFor("fr"))(issue)).toBe(
      "Un déclencheur se connecte au premier niveau d’escalade, pas à une intégration.",
    );
    expect((await translatorFor("nl"))(issue)).toBe(
      "Een trigger verbindt met het eerste escalatieniveau, niet met een integratie.",
    );
  });

  it("shows core's English for a code this page does not know (a newer server)", async () => {
    expect((await translatorFor("fr"))({ code: "from_the_future", message: "Something new." })).toBe("Something new.");
  });

  it("names an unlabeled integration node by its integration, never by its internal id", async () => {
    const graph = graphOf(
      [
        triggerNode("trigger-a1b2c3"),
        levelNode("level-d4e5f6", { level: 1 }),
        integrationNode("integration-s3jgxg", { integrationId: "11111111-1111-4111-8111-111111111111" }),
        integrationNode("integration-q1w2e3", { integrationId: null }),
      ],
      [edge("trigger-a1b2c3", "out", "level-d4e5f6"), edge("level-d4e5f6", "out", "integration-q1w2e3")],
    );
    const checked = validateGraph(graph);
    const found = checked.ok ? [] : checked.errors;
    const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
    const names: Record<string, string> = { "11111111-1111-4111-8111-111111111111": "Ops webhook" };
    for (const locale of LOCALES) {
      const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "GraphIssues" });
      const text = issueTextWith(
        t,
        (id) => nodes.get(id),
        (id) => names[id],
      );
      const sentences = found.map(text);
      expect(sentences.join("\n"), locale).not.toMatch(/integration-|level-|trigger-/);
      expect(sentences.join("\n"), locale).toContain("Ops webhook");
    }
    const english = createTranslator({ locale: "en", messages: await loadMessages("en"), namespace: "GraphIssues" });
    expect(
      found.map(
        issueTextWith(
          english,
          (id) => nodes.get(id),
          (id) => names[id],
        ),
      ),
    ).toEqual([
      "Integration “Ops webhook” is not reached from the trigger, so it never runs.",
      "An integration node has no integration chosen.",
    ]);
  });
});
