import { describe, expect, it } from "vitest";
import { LOCALES } from "../../i18n/locales";
import { loadMessages } from "../../i18n/messages";
import { builtinTemplates } from "./index";
import { localizeBuiltin, type BuiltinTexts } from "./localize-builtin";

const textsIn = async (locale: (typeof LOCALES)[number]): Promise<Record<string, BuiltinTexts | undefined>> =>
  (await loadMessages(locale)).BuiltinTemplates;

describe("built-in templates in every language", () => {
  it.each(LOCALES)("%s words every built-in: name, description, placeholders, labelled nodes", async (locale) => {
    const texts = await textsIn(locale);
    const english = await textsIn("en");
    for (const { key, document } of builtinTemplates()) {
      const own = texts[key];
      expect(own, key).toBeDefined();
      const shown = localizeBuiltin(document, own);
      expect(shown.name.length, key).toBeGreaterThan(0);
      expect(shown.description.length, key).toBeGreaterThan(80);
      for (const p of document.placeholders) expect(own?.placeholders[p.key], `${key} ${p.key}`).toBeTruthy();
      // A label left out of the messages (a product name, "PagerDuty") must read the same in every language.
      for (const node of document.graph.nodes) {
        if (node.data.label !== "" && own?.nodes[node.id] === undefined) {
          expect(english[key]?.nodes[node.id], `${key} ${node.id}`).toBeUndefined();
        }
      }
    }
  });

  it("English reads exactly as the built-ins are written, so the two cannot drift apart", async () => {
    const english = await textsIn("en");
    for (const { key, document } of builtinTemplates()) {
      expect(localizeBuiltin(document, english[key]), key).toEqual(document);
    }
  });

  it("French changes the words and nothing else: ids, positions, edges and settings stay", async () => {
    const french = await textsIn("fr");
    const [first] = builtinTemplates();
    if (!first) throw new Error("no built-ins");
    const shown = localizeBuiltin(first.document, french[first.key]);
    expect(shown.name).toBe("Slack tout de suite, PagerDuty après 15 min, SMS après une heure");
    expect(shown.graph.nodes.find((n) => n.id === "trigger")?.data.label).toBe("Alerte reçue");
    expect(shown.graph.edges).toEqual(first.document.graph.edges);
    expect(shown.graph.nodes.map(({ id, type, position }) => ({ id, type, position }))).toEqual(
      first.document.graph.nodes.map(({ id, type, position }) => ({ id, type, position })),
    );
    expect(shown.placeholders.map((p) => [p.key, p.nodeIds])).toEqual(
      first.document.placeholders.map((p) => [p.key, p.nodeIds]),
    );
  });
});
