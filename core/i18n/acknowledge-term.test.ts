import { describe, expect, it } from "vitest";
import { LOCALES } from "./locales";
import { loadMessages } from "./messages";

/**
 * The ack link's page and the run page offer the same action: two words for it ("Prendre en
 * charge" on one, "Prendre en compte" on the other) made people ask whether they differ.
 */
describe("the acknowledge action reads the same on every page", () => {
  it.each(LOCALES)("%s", async (locale) => {
    const messages = await loadMessages(locale);
    expect(messages.AckPage.acknowledge.button).toBe(messages.RunDetail.actions.acknowledge);
    expect(messages.AckPage.acknowledge.done).toBe(messages.RunStatus.acknowledged);
    expect(messages.AckPage.status.acknowledged).toBe(messages.RunStatus.acknowledged);
  });
});
