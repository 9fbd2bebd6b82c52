import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { integrationPhrase } from "~/core/flow-templates/describe-template";
import { integrationTypeSchema } from "~/core/integrations/integration-types";
import { integrationDefinitions } from "~/core/integrations/registry";
import { loadMessages } from "~/core/i18n/messages";
import { needsPhraseWith } from "./use-needs-phrase";

describe("what a template's placeholder needs, in the page's language", () => {
  it("reads in English exactly as the server's phrase, for every integration type", async () => {
    const t = createTranslator({ locale: "en", messages: await loadMessages("en"), namespace: "TemplateNeeds" });
    for (const type of integrationTypeSchema.options) {
      expect(needsPhraseWith(t).needs({ integrationType: type, typeLabel: integrationDefinitions[type].label })).toBe(
        integrationPhrase(type),
      );
    }
  });

  it("is French and Dutch in their own word order", async () => {
    const fr = createTranslator({ locale: "fr", messages: await loadMessages("fr"), namespace: "TemplateNeeds" });
    const nl = createTranslator({ locale: "nl", messages: await loadMessages("nl"), namespace: "TemplateNeeds" });
    expect(needsPhraseWith(fr).needs({ integrationType: "slack", typeLabel: "Slack" })).toBe("une intégration Slack");
    expect(needsPhraseWith(nl).needs({ integrationType: "email", typeLabel: "Email (SMTP)" })).toBe(
      "een Email (SMTP)-integratie",
    );
  });

  it("names the type in the page's language, without saying integration twice", async () => {
    const fr = createTranslator({ locale: "fr", messages: await loadMessages("fr"), namespace: "TemplateNeeds" });
    const nl = createTranslator({ locale: "nl", messages: await loadMessages("nl"), namespace: "TemplateNeeds" });
    const french = (p: { typeLabel: string }) =>
      p.typeLabel === "Alertflow inbox" ? "Boîte de réception Alertflow" : "Intégration Alertflow (webhook)";
    const phrase = needsPhraseWith(fr, french);
    expect(phrase.needs({ integrationType: "inbox", typeLabel: "Alertflow inbox" })).toBe(
      "une intégration Boîte de réception Alertflow",
    );
    expect(phrase.needs({ integrationType: "webhook", typeLabel: "Alertflow integration (webhook)" })).toBe(
      "Intégration Alertflow (webhook)",
    );
    expect(phrase.chosenOnUse({ integrationType: "inbox", typeLabel: "Alertflow inbox" })).toBe(
      "Boîte de réception Alertflow · choisie à l’utilisation",
    );
    expect(
      needsPhraseWith(nl, () => "Alertflow-integratie (webhook)").needs({ integrationType: "webhook", typeLabel: "x" }),
    ).toBe("Alertflow-integratie (webhook)");
  });
});
