import { at, builtin, link } from "./layout";

export const statusPageOutage = builtin("status-page-outage", {
  name: "Status page on outage",
  description:
    "Tells the team at once, and tells your customers only when it is real: if the error still " +
    "lasts after 5 minutes, the Statuspage component is set to a major outage, and back to " +
    "operational when the alert clears. Short blips never reach the public page.",
  tags: ["status page", "customers", "slack"],
  placeholders: [
    { key: "team-channel", integrationType: "slack", label: "Team channel", nodeIds: ["team-channel"] },
    { key: "status-page", integrationType: "statuspage", label: "Public status page", nodeIds: ["status-page"] },
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
        data: {
          label: "Customers",
          level: 2,
          afterSeconds: 5 * 60,
          message: "We are investigating an outage.",
        },
      },
      {
        id: "team-channel",
        type: "integration",
        position: at(2, 0),
        data: { label: "Team channel", sendReminders: false },
      },
      { id: "page-types", type: "branch", position: at(2, 1), data: { label: "Outage, then operational" } },
      {
        id: "status-page",
        type: "integration",
        position: at(3, 1),
        data: { label: "Status page", sendReminders: false, variables: { OutageStatus: "major_outage" } },
      },
    ],
    edges: [
      link("trigger", "out", "level-1"),
      link("level-1", "next", "level-2"),
      link("level-1", "out", "team-channel"),
      link("level-2", "out", "page-types"),
      link("page-types", "error", "status-page"),
      link("page-types", "ok", "status-page"),
    ],
  },
});
