/** Where an operator's acknowledge, resolve or cancel came from, as the run history shows it. */
export const ACTION_SOURCES = ["ui", "api", "link", "slack", "phone", "pagerduty"] as const;
export type ActionSource = (typeof ACTION_SOURCES)[number];

export const ACTION_SOURCE_LABEL: Record<ActionSource, string> = {
  ui: "the run page",
  api: "the API",
  link: "a link in a message",
  slack: "Slack",
  phone: "a phone call",
  pagerduty: "PagerDuty",
};
