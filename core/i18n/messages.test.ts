import { TYPE, parse, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LOCALES } from "./locales";
import { loadMessages } from "./messages";
import { flattenMessages } from "./flatten-messages";

/** The argument names a message uses ({name}, {count, plural, …}, <link>…</link>), nested included. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    into.add(element.value);
    if (element.type === TYPE.tag) argumentsOf(element.children, into);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

describe("translation files", async () => {
  const english = flattenMessages(await loadMessages("en"));

  it.each(LOCALES)("%s has exactly the English keys", async (locale) => {
    const keys = Object.keys(flattenMessages(await loadMessages(locale))).sort();
    expect(keys).toEqual(Object.keys(english).sort());
  });

  it.each(LOCALES)("%s messages parse and use the same arguments as English", async (locale) => {
    const messages = flattenMessages(await loadMessages(locale));
    for (const [key, text] of Object.entries(messages)) {
      const source = english[key];
      if (source === undefined) continue;
      const args = [...argumentsOf(parse(text))].sort();
      expect({ key, args }).toEqual({ key, args: [...argumentsOf(parse(source))].sort() });
    }
  });

  it("no message is left untranslated by accident (identical to English in both other languages)", async () => {
    const [fr, nl] = [flattenMessages(await loadMessages("fr")), flattenMessages(await loadMessages("nl"))];
    // Names and tokens (v{version}, "Status", "Flows") may legitimately read the same in one language.
    const copied = Object.keys(english).filter(
      (key) =>
        fr[key] === english[key] &&
        nl[key] === english[key] &&
        /[a-z]{4}/i.test((english[key] ?? "").replace(/\{[^}]*\}/g, "")),
    );
    expect(copied).toEqual([]);
  });
});
