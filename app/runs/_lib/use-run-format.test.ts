import { createFormatter, createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { Locale } from "~/core/i18n/locales";
import { loadMessages } from "~/core/i18n/messages";
import { runFormatWith } from "./use-run-format";

async function formatFor(locale: Locale) {
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "RunFormat" });
  return runFormatWith(t, createFormatter({ locale, timeZone: "Europe/Brussels" }));
}

const s = 1000;
const durations = [0, 45 * s, 12 * 60 * s, 3 * 3600 * s, (3 * 3600 + 5 * 60) * s, 50 * 3600 * s, 48 * 3600 * s];

describe("run durations", () => {
  it("keep two units at most, in the page's language", async () => {
    expect(durations.map((await formatFor("en")).duration)).toEqual([
      "0 s",
      "45 s",
      "12 min",
      "3 h",
      "3 h 5 min",
      "2 d 2 h",
      "2 d",
    ]);
    expect(durations.map((await formatFor("fr")).duration)).toEqual([
      "0 s",
      "45 s",
      "12 min",
      "3 h",
      "3 h 5 min",
      "2 j 2 h",
      "2 j",
    ]);
    expect(durations.map((await formatFor("nl")).duration)).toEqual([
      "0 s",
      "45 s",
      "12 min",
      "3 u",
      "3 u 5 min",
      "2 d 2 u",
      "2 d",
    ]);
  });

  it("show a dash for what is not a duration", async () => {
    const { duration } = await formatFor("en");
    expect(duration(-5)).toBe("—");
    expect(duration(Number.NaN)).toBe("—");
  });
});

it("writes waits in seconds with the page's decimal mark", async () => {
  expect([1000, 30_000].map((await formatFor("en")).seconds)).toEqual(["1.0 s", "30 s"]);
  expect((await formatFor("fr")).seconds(1500)).toBe("1,5 s");
});

describe("time ago", () => {
  const now = new Date("2025-06-15T12:00:00Z");
  const back = [10_000, 90_000, 3 * 3600_000, 2 * 86400_000];
  it("counts back in the largest whole unit", async () => {
    const en = await formatFor("en");
    expect(back.map((ms) => en.ago(new Date(now.getTime() - ms), now))).toEqual([
      "just now",
      "2 min ago",
      "3 h ago",
      "2 d ago",
    ]);
    const fr = await formatFor("fr");
    expect(back.map((ms) => fr.ago(new Date(now.getTime() - ms), now))).toEqual([
      "à l’instant",
      "il y a 2 min",
      "il y a 3 h",
      "il y a 2 j",
    ]);
    const nl = await formatFor("nl");
    expect(back.map((ms) => nl.ago(new Date(now.getTime() - ms), now))).toEqual([
      "zojuist",
      "2 min geleden",
      "3 u geleden",
      "2 d geleden",
    ]);
  });

  it("falls back to a date in the page's language after a week", async () => {
    const old = new Date("2025-05-01T10:00:00Z");
    expect((await formatFor("fr")).ago(old, now)).toBe("1 mai 2025");
    expect((await formatFor("nl")).ago(old, now)).toBe("1 mei 2025");
  });
});
