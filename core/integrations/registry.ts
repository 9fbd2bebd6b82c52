import { alertopsIntegration } from "./catalogue/alertops";
import { emailIntegration } from "./catalogue/email";
import { inboxIntegration } from "./catalogue/inbox";
import { opsgenieIntegration } from "./catalogue/opsgenie";
import { phoneIntegration } from "./catalogue/phone";
import { pagerdutyIntegration } from "./catalogue/pagerduty";
import { servicenowIntegration } from "./catalogue/servicenow";
import { slackIntegration } from "./catalogue/slack";
import { smsIntegration } from "./catalogue/sms";
import { splunkOnCallIntegration } from "./catalogue/splunk-oncall";
import { statushubIntegration } from "./catalogue/statushub";
import { statuspageIntegration } from "./catalogue/statuspage";
import { teamsIntegration } from "./catalogue/teams";
import { webhookIntegration } from "./catalogue/webhook";
import type { IntegrationDefinition } from "./integration-definition";
import type { IntegrationType } from "./integration-types";

/** One entry per type; the mapped type makes a module registered under the wrong key a type error. */
export const integrationDefinitions = {
  webhook: webhookIntegration,
  slack: slackIntegration,
  teams: teamsIntegration,
  pagerduty: pagerdutyIntegration,
  opsgenie: opsgenieIntegration,
  "splunk-oncall": splunkOnCallIntegration,
  alertops: alertopsIntegration,
  servicenow: servicenowIntegration,
  statushub: statushubIntegration,
  statuspage: statuspageIntegration,
  email: emailIntegration,
  sms: smsIntegration,
  phone: phoneIntegration,
  inbox: inboxIntegration,
} satisfies { [T in IntegrationType]: IntegrationDefinition<T> };

export function getIntegrationDefinition(type: IntegrationType): IntegrationDefinition {
  return integrationDefinitions[type];
}
