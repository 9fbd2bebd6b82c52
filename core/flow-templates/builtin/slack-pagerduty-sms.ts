import { at, builtin, link } from "./layout";

export const slackPagerdutySms = builtin("slack-pagerduty-sms", {
  name: "Slack now, PagerDuty after 15 min, SMS after an hour",
  description:
    "The classic escalation. The team channel hears about every incident at once; if the problem " +
    "still lasts 15 minutes later, PagerDuty pages the on-call engineer (and resolves the page when " +
    "the alert clears); after an hour a text message goes to the team lead. Each level measures " +
    "from the first error, so a short blip only ever reaches Slack.",
  tags: ["escalation", "on-call", "slack", "pagerduty", "sms"],
  placeholders: [
    { key: "team-channel", integrationType: "slack", label: "Team channel", nodeIds: ["team-channel"] },
    { key: "on-call", integrationType: "pagerduty", label: "On-call service", nodeIds: ["page-on-call"] },
    { key: "lead-phone", integrationType: "sms", label: "Team lead's phone", nodeIds: ["text-lead"] },
  ],
  graph: {
    schemaVersion: 1,
    nodes: [
      { id: "trigger", type: "trigger", position: at(0, 0), data: { label: "Alert received" } },
      { id: "level-1", type: "level", position: at(1, 0), data: { label: "Team", level: 1 } },
      {
        id: "level-2",
        type: "level",
        position: at(1, 1),
        data: { label: "On-call", level: 2, afterSeconds: 15 * 60 },
      },
      {
        id: "level-3",
        type: "level",
        position: at(1, 2),
        data: { label: "Team lead", level: 3, afterSeconds: 60 * 60 },
      },
      {
        id: "team-channel",
        type: "integration",
        position: at(2, 0),
        data: { label: "Team channel", sendReminders: false },
      },
      { id: "on-call-types", type: "branch", position: at(2, 1), data: { label: "Page, then resolve" } },
      { id: "page-on-call", type: "integration", position: at(3, 1), data: { label: "Page on-call" } },
      {
        id: "text-lead",
        type: "integration",
        position: at(2, 2),
        data: { label: "Text the lead", sendReminders: false },
      },
    ],
    edges: [
      link("trigger", "out", "level-1"),
      link("level-1", "next", "level-2"),
      link("level-2", "next", "level-3"),
      link("level-1", "out", "team-channel"),
      link("level-2", "out", "on-call-types"),
      link("on-call-types", "error", "page-on-call"),
      link("on-call-types", "ok", "page-on-call"),
      link("level-3", "out", "text-lead"),
    ],
  },
});
