import { at, builtin, link } from "./layout";

export const pagerdutyResolve = builtin("pagerduty-resolve", {
  name: "PagerDuty: trigger, then resolve",
  description:
    "Pages the on-call engineer through PagerDuty's Events API on the first error and resolves the " +
    "PagerDuty alert when the error clears. Reminders are left out on purpose: PagerDuty keeps " +
    "notifying by its own escalation policy, and a repeat trigger would only join the open alert. " +
    "The incident key is the dedup key, so retries never open a second page.",
  tags: ["pagerduty", "on-call", "incident"],
  placeholders: [{ key: "on-call", integrationType: "pagerduty", label: "On-call service", nodeIds: ["pagerduty"] }],
  graph: {
    schemaVersion: 1,
    nodes: [
      { id: "trigger", type: "trigger", position: at(0, 0), data: { label: "Alert received" } },
      { id: "level-1", type: "level", position: at(1, 0), data: { label: "Page at once", level: 1 } },
      { id: "types", type: "branch", position: at(2, 0), data: { label: "Trigger and resolve" } },
      { id: "pagerduty", type: "integration", position: at(3, 0), data: { label: "PagerDuty" } },
    ],
    edges: [
      link("trigger", "out", "level-1"),
      link("level-1", "out", "types"),
      link("types", "error", "pagerduty"),
      link("types", "ok", "pagerduty"),
    ],
  },
});
