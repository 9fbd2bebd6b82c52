import { z } from "zod";

/** Every kind of integration Alertflow can send to. `webhook` is the generic "Alertflow integration". */
export const integrationTypeSchema = z.enum([
  "webhook",
  "slack",
  "teams",
  "pagerduty",
  "opsgenie",
  "splunk-oncall",
  "alertops",
  "servicenow",
  "statushub",
  "statuspage",
  "email",
  "sms",
  "phone",
  "inbox",
]);
export type IntegrationType = z.infer<typeof integrationTypeSchema>;
