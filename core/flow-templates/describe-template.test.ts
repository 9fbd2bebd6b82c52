import { expect, it } from "vitest";
import type { IntegrationType } from "../integrations/integration-types";
import { integrationPhrase } from "./describe-template";

it("names an integration type with the article its sound takes", () => {
  const types: IntegrationType[] = ["slack", "sms", "email", "webhook", "pagerduty", "opsgenie"];
  expect(types.map(integrationPhrase)).toEqual([
    "a Slack integration",
    "an SMS (Twilio-compatible) integration",
    "an Email (SMTP) integration",
    "an Alertflow integration (webhook)",
    "a PagerDuty integration",
    "an Opsgenie integration",
  ]);
});
