import { createFormatter, createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { Locale } from "~/core/i18n/locales";
import { loadMessages } from "~/core/i18n/messages";
import { nextStepTextWith } from "./next-step-text";

const at = new Date("2026-03-01T10:05:00Z");
const textFor = async (locale: Locale) =>
  nextStepTextWith(
    createTranslator({ locale, messages: await loadMessages(locale), namespace: "RunNextSteps" }),
    createFormatter({ locale, timeZone: "UTC" }),
  );
const level = { at, level: 2, messageType: "error", reminderNumber: 0, reminderCount: 3 } as const;
const reminder = { at, level: 1, messageType: "reminder", reminderNumber: 2, reminderCount: 3 } as const;

describe("next step text", () => {
  it("says which level or reminder comes, and when", async () => {
    const { describeNextStep, shortNextStep, waiting } = await textFor("en");
    expect(describeNextStep(level)).toBe("Level 2 at 10:05:00 AM unless acknowledged");
    expect(describeNextStep(reminder)).toBe("Reminder 2 of 3 (level 1) at 10:05:00 AM");
    expect(shortNextStep(level)).toBe("L2");
    expect(shortNextStep(reminder)).toBe("L1 reminder 2/3");
    expect(waiting({ level: 3, errorsNeeded: 2, errorsSoFar: 1 })).toBe("Level 3 on the 2nd error (1 so far)");
    expect(waiting({ level: 3, errorsNeeded: 11, errorsSoFar: 1 })).toBe("Level 3 on the 11th error (1 so far)");
  });

  it("counts down in whole seconds, rounding up, and says when it is due", async () => {
    const { countdown } = await textFor("en");
    expect(countdown(at, new Date(at.getTime() - 245_500))).toBe("in 4:06");
    expect(countdown(at, new Date(at.getTime() - 3_723_000))).toBe("in 1:02:03");
    expect(countdown(at, at)).toBe("due now");
  });

  it("speaks French and Dutch, with their clocks", async () => {
    const fr = await textFor("fr");
    expect(fr.describeNextStep(level)).toBe("Niveau 2 à 10:05:00 sauf prise en compte");
    expect(fr.shortNextStep(reminder)).toBe("N1 rappel 2/3");
    expect(fr.waiting({ level: 3, errorsNeeded: 1, errorsSoFar: 0 })).toBe("Niveau 3 à la 1re erreur (0 jusqu’ici)");
    expect(fr.countdown(at, at)).toBe("maintenant");
    const nl = await textFor("nl");
    expect(nl.describeNextStep(reminder)).toBe("Herinnering 2 van 3 (niveau 1) om 10:05:00");
    expect(nl.countdown(at, new Date(at.getTime() - 245_500))).toBe("over 4:06");
    expect(nl.waiting({ level: 2, errorsNeeded: 5, errorsSoFar: 2 })).toBe("Niveau 2 bij de 5e fout (2 tot nu toe)");
  });
});
