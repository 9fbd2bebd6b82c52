import { describe, expect, it } from "vitest";
import { LOCALES } from "../../i18n/locales";
import { loadMessages } from "../../i18n/messages";
import { builtinTemplates } from "./index";
import { localizeBuiltin, type BuiltinTagWords, type BuiltinTexts } from "./localize-builtin";

const textsIn = async (locale: (typeof LOCALES)[number]): Promise<Record<string, BuiltinTexts | undefined>> =>
  (await loadMessages(locale)).BuiltinTemplates;
const tagsIn = async (locale: (typeof LOCALES)[number]): Promise<BuiltinTagWords> =>
  (await loadMessages(locale)).BuiltinTemplateTags;

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
    const tags = await tagsIn("en");
    for (const { key, document } of builtinTemplates()) {
      expect(localizeBuiltin(document, english[key], tags), key).toEqual(document);
    }
  });

  it("words the tags too: each tag is translated in every language, or is a name that reads the same", async () => {
    const english = await tagsIn("en");
    const used = new Set(builtinTemplates().flatMap(({ document }) => document.tags));
    // No stale entry: every worded tag is one a built-in has.
    expect(Object.keys(english).filter((tag) => !used.has(tag))).toEqual([]);
    const [french, dutch] = [await tagsIn("fr"), await tagsIn("nl")];
    const first = builtinTemplates()[0];
    if (!first) throw new Error("no built-ins");
    expect(localizeBuiltin(first.document, (await textsIn("fr"))[first.key], french).tags).toEqual([
      "escalade",
      "astreinte",
      "slack",
      "pagerduty",
      "sms",
    ]);
    expect(localizeBuiltin(first.document, (await textsIn("nl"))[first.key], dutch).tags).toEqual([
      "escalatie",
      "wachtdienst",
      "slack",
      "pagerduty",
      "sms",
    ]);
    const untranslated = [...used].filter((tag) => english[tag] === undefined).sort();
    expect(untranslated).toEqual([
      "alertmanager",
      "incident",
      "opsgenie",
      "pagerduty",
      "prometheus",
      "slack",
      "sms",
      "uptrends",
      "webhook",
    ]);
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
