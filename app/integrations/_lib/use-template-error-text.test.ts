import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { LOCALES, type Locale } from "~/core/i18n/locales";
import { loadMessages } from "~/core/i18n/messages";
import { validateTemplate } from "~/core/message-template/validate-template";
import { templateErrorTextWith } from "./use-template-error-text";

/** One real template per problem core reports, found by core's own validation. */
const BROKEN = [
  "Down: {{@monitor.name",
  "{{ }}",
  "{{Name x}}",
  "{{@Nope(1)}}",
  "{{@JsonEncode(a",
  "{{@RandomChar(1,2)}}",
  "{{@Truncate(5)}}",
  "{{Unknown}}",
  "{{@Truncate(-1,abc)}}",
  "{{@RandomChar(x)}}",
  "{{@DateTime(Iso, 99999999999999999)}}",
] as const;

const problems = BROKEN.map((src) => {
  const [first] = validateTemplate(src, { knownVariables: new Set(["Name"]) });
  if (!first) throw new Error(`no problem found in ${src}`);
  return first.toJSON();
});

async function wordingIn(locale: Locale) {
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "TemplateErrors" });
  return problems.map(templateErrorTextWith(t));
}

describe("template problems worded by the interface", () => {
  it("covers every code core reports here", () => {
    expect(new Set(problems.map((p) => p.code))).toEqual(
      new Set([
        "UNCLOSED_EXPRESSION",
        "INVALID_EXPRESSION",
        "UNKNOWN_FUNCTION",
        "UNCLOSED_ARGUMENTS",
        "WRONG_ARGUMENT_COUNT",
        "UNKNOWN_VARIABLE",
        "INVALID_ARGUMENT",
      ]),
    );
  });

  it("says in English what core says, from the code and values alone", async () => {
    const english = await wordingIn("en");
    expect(english).toEqual([
      "“{{” is never closed with “}}”",
      "Expected a variable or function name after “{{”",
      "Expected “}}” or “(” after Name",
      "Unknown function @Nope",
      "@JsonEncode( is never closed with “)}}”",
      "@RandomChar(length) takes 1 argument, got 2",
      "@Truncate(maxLength, text) takes at least 2 arguments, got 1",
      "Unknown variable {{Unknown}}",
      "@Truncate: unusable argument (maxLength must not be negative)",
      "@RandomChar: unusable argument (length must be a whole number, got “x”)",
      "@DateTime: unusable argument (the offset 99999999999999999 moves the time beyond the dates a calendar can show)",
    ]);
  });

  it.each(LOCALES.filter((l) => l !== "en"))("words every problem in %s, naming what core named", async (locale) => {
    const english = await wordingIn("en");
    const words = await wordingIn(locale);
    words.forEach((text, i) => {
      expect(text).not.toBe(english[i]);
      // `detail` is core's English sentence and `problem` a code: both are worded, not quoted.
      const { detail: _detail, problem: _problem, ...named } = problems[i]?.params ?? {};
      for (const value of Object.values(named)) {
        if (typeof value === "string" && value !== "") expect(text).toContain(value);
      }
    });
  });

  it("shows the server's message for a code it does not know", async () => {
    const t = createTranslator({ locale: "fr", messages: await loadMessages("fr"), namespace: "TemplateErrors" });
    expect(templateErrorTextWith(t)({ code: "SOMETHING_NEW", message: "Something new" })).toBe("Something new");
  });
});
