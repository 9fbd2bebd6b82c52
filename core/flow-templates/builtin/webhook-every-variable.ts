import { at, builtin, link } from "./layout";

export const webhookEveryVariable = builtin("webhook-every-variable", {
  name: "Your own system: every variable as JSON",
  description:
    "Sends Error, Reminder and Ok messages to your own HTTP endpoint. The Alertflow integration " +
    "(webhook) posts a JSON document with every alert variable (alert, monitor, incident, " +
    "escalation level), grouped the way Uptrends' own preset is, so your system can route, store " +
    "or act on it. Reminders every 15 minutes, three at most, while the problem lasts.",
  tags: ["webhook", "automation", "every variable"],
  placeholders: [
    { key: "your-system", integrationType: "webhook", label: "Your system's endpoint", nodeIds: ["your-system"] },
  ],
  graph: {
    schemaVersion: 1,
    nodes: [
      { id: "trigger", type: "trigger", position: at(0, 0), data: { label: "Alert received" } },
      {
        id: "level-1",
        type: "level",
        position: at(1, 0),
        data: { label: "Notify", level: 1, reminderCount: 3, reminderEverySeconds: 15 * 60 },
      },
      { id: "your-system", type: "integration", position: at(2, 0), data: { label: "Your system" } },
    ],
    edges: [link("trigger", "out", "level-1"), link("level-1", "out", "your-system")],
  },
});
