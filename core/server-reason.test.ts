import { TYPE, parse, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LOCALES } from "./i18n/locales";
import { loadMessages } from "./i18n/messages";
import { SERVER_REASONS, type ServerReason } from "./server-reason";

/** The top-level argument names of a message ({status, select, …} counts, its options do not add any). */
const argumentsOf = (elements: MessageFormatElement[]): Set<string> => {
  const names = new Set<string>();
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    names.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options))
        for (const name of argumentsOf(option.value)) names.add(name);
    }
  }
  return names;
};

const reasons = Object.keys(SERVER_REASONS).filter((key): key is ServerReason => Object.hasOwn(SERVER_REASONS, key));

describe("server refusal reasons", () => {
  it.each(LOCALES)("each has a %s message that uses only the values the server sends", async (locale) => {
    const messages = (await loadMessages(locale)).ServerReasons;
    for (const reason of reasons) {
      const text: string | undefined = messages[reason];
      expect({ reason, worded: typeof text === "string" }).toEqual({ reason, worded: true });
      const sent = new Set<string>(SERVER_REASONS[reason]);
      const unknown = [...argumentsOf(parse(text ?? ""))].filter((name) => !sent.has(name));
      expect({ reason, unknown }).toEqual({ reason, unknown: [] });
    }
  });

  it("has no message for a reason the server does not send", async () => {
    expect(Object.keys((await loadMessages("en")).ServerReasons).sort()).toEqual([...reasons].sort());
  });
});
