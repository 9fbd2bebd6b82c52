import { at, builtin, link } from "./layout";

export const slackFallbackEmail = builtin("slack-fallback-email", {
  name: "Slack, with email when Slack fails",
  description:
    "Posts Error, Reminder and Ok messages to the team channel. When Slack refuses a message or " +
    "stays unreachable after its retries (a revoked webhook, an archived channel, an outage), the " +
    "same message goes to the team inbox instead, so an alert is never lost to a broken channel. " +
    "Reminders every 30 minutes, two at most.",
  tags: ["slack", "email", "fallback"],
  placeholders: [
    { key: "team-channel", integrationType: "slack", label: "Team channel", nodeIds: ["team-channel"] },
    { key: "team-inbox", integrationType: "email", label: "Team inbox (fallback)", nodeIds: ["team-inbox"] },
  ],
  graph: {
    schemaVersion: 1,
    nodes: [
      { id: "trigger", type: "trigger", position: at(0, 0), data: { label: "Alert received" } },
      {
        id: "level-1",
        type: "level",
        position: at(1, 0),
        data: { label: "Team", level: 1, reminderCount: 2, reminderEverySeconds: 30 * 60 },
      },
      { id: "team-channel", type: "integration", position: at(2, 0), data: { label: "Team channel" } },
      { id: "team-inbox", type: "integration", position: at(3, 0), data: { label: "Email if Slack fails" } },
    ],
    edges: [
      link("trigger", "out", "level-1"),
      link("level-1", "out", "team-channel"),
      link("team-channel", "failure", "team-inbox"),
    ],
  },
});
