import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { Locale } from "~/core/i18n/locales";
import { loadMessages } from "~/core/i18n/messages";
import { eventTextWith } from "./describe-event";

const textFor = async (locale: Locale) =>
  eventTextWith(createTranslator({ locale, messages: await loadMessages(locale), namespace: "RunEvents" }));
const { describeEvent, messageTitle } = await textFor("en");

const labels: Record<string, string> = { "page-on-call": "Page on-call", "phone-lead": "Call the lead" };
const label = (id: string) => labels[id];

describe("describeEvent", () => {
  it("describes what the escalation workflow records", () => {
    expect(describeEvent({ type: "alert.error", detail: { count: 1, summary: "API down" } }, label)).toEqual({
      title: "Error alert received",
      detail: "API down",
      tone: "danger",
    });
    expect(describeEvent({ type: "alert.error", detail: { count: 3, summary: "" } }, label)).toEqual({
      title: "Error alert #3 received",
      detail: undefined,
      tone: "danger",
    });
    expect(
      describeEvent({ type: "level.fired", level: 2, nodeId: "level-2", detail: { mode: "duration" } }, label),
    ).toMatchObject({ title: "Level 2 fired", tone: "accent" });
    expect(
      describeEvent({ type: "reminder.due", level: 1, nodeId: "level-1", detail: { reminderNumber: 2 } }, label),
    ).toMatchObject({ title: "Reminder 2 due", detail: "Level 1" });
    expect(describeEvent({ type: "acknowledged", detail: { by: "operator", note: "on it" } }, label)).toMatchObject({
      title: "Acknowledged",
      detail: "by operator · “on it”",
    });
    expect(
      describeEvent({ type: "resolve.requested", detail: { by: "@dana", note: "", source: "slack" } }, label).detail,
    ).toBe("by @dana · via Slack");
    expect(describeEvent({ type: "resolved", detail: { by: "alert" } }, label).detail).toBe("by the Ok alert");
    expect(
      describeEvent({ type: "fallback.used", level: 1, nodeId: "phone-lead", detail: { from: "page-on-call" } }, label),
    ).toMatchObject({ title: "Fallback to Call the lead", detail: "after Page on-call failed" });
    expect(
      describeEvent({ type: "delivery.error", level: 1, nodeId: "gone", detail: { message: "timeout" } }, label),
    ).toMatchObject({ title: "Delivery to gone failed", detail: "timeout", tone: "danger" });
  });

  it("shows an event this version cannot read by its stored type", () => {
    expect(describeEvent({ type: "unreadable", storedType: "something.new" }, label)).toEqual({
      title: "something.new",
      tone: "neutral",
    });
  });
});

it("names messages by type and reminder number", () => {
  expect([messageTitle("error", 0), messageTitle("reminder", 2), messageTitle("ok", 0)]).toEqual([
    "Error message",
    "Reminder #2",
    "Ok message",
  ]);
});

it("speaks French and Dutch", async () => {
  const fr = await textFor("fr");
  expect(fr.describeEvent({ type: "alert.error", detail: { count: 3, summary: "" } }, label).title).toBe(
    "Alerte d’erreur n° 3 reçue",
  );
  expect(
    fr.describeEvent({ type: "resolve.requested", detail: { by: "@dana", note: "", source: "link" } }, label).detail,
  ).toBe("par @dana · via un lien dans un message");
  expect(fr.messageTitle("reminder", 2)).toBe("Rappel n° 2");
  const nl = await textFor("nl");
  expect(nl.describeEvent({ type: "level.fired", level: 2, nodeId: "l2", detail: { mode: "count" } }, label)).toEqual({
    title: "Niveau 2 afgegaan",
    detail: "aantal fouten bereikt",
    tone: "accent",
  });
  expect(nl.messageTitle("ok", 0)).toBe("Ok-bericht");
});
