import { at, builtin, link } from "./layout";

export const alertmanagerTeamRouting = builtin("alertmanager-team-routing", {
  name: "Alertmanager: route one team's alerts by label",
  description:
    "Takes Prometheus Alertmanager's webhook and keeps only the alerts whose team label is " +
    '"platform" (change the trigger filter to your team; make one flow per team). The team ' +
    "channel hears at once; Opsgenie opens a P2 alert after 10 minutes and raises it to P1 after " +
    "30 — the same Opsgenie integration with a different priority per level. Resolved alerts " +
    "from Alertmanager close both.",
  tags: ["alertmanager", "prometheus", "routing", "opsgenie", "slack"],
  placeholders: [
    { key: "team-channel", integrationType: "slack", label: "Team channel", nodeIds: ["team-channel"] },
    {
      key: "team-opsgenie",
      integrationType: "opsgenie",
      label: "Team's Opsgenie",
      nodeIds: ["opsgenie-p2", "opsgenie-p1"],
    },
  ],
  graph: {
    schemaVersion: 1,
    nodes: [
      {
        id: "trigger",
        type: "trigger",
        position: at(0, 0),
        data: {
          label: "Team platform",
          format: "alertmanager",
          filters: [{ field: "labels.team", op: "equals", value: "platform" }],
        },
      },
      { id: "level-1", type: "level", position: at(1, 0), data: { label: "Team channel", level: 1 } },
      {
        id: "level-2",
        type: "level",
        position: at(1, 1),
        data: { label: "Opsgenie P2", level: 2, afterSeconds: 10 * 60 },
      },
      {
        id: "level-3",
        type: "level",
        position: at(1, 2),
        data: { label: "Opsgenie P1", level: 3, afterSeconds: 30 * 60 },
      },
      { id: "team-channel", type: "integration", position: at(2, 0), data: { label: "Team channel" } },
      {
        id: "opsgenie-p2",
        type: "integration",
        position: at(2, 1),
        data: { label: "Opsgenie P2", sendReminders: false, variables: { Priority: "P2" } },
      },
      {
        id: "opsgenie-p1",
        type: "integration",
        position: at(2, 2),
        data: { label: "Opsgenie P1", sendReminders: false, variables: { Priority: "P1" } },
      },
    ],
    edges: [
      link("trigger", "out", "level-1"),
      link("level-1", "next", "level-2"),
      link("level-2", "next", "level-3"),
      link("level-1", "out", "team-channel"),
      link("level-2", "out", "opsgenie-p2"),
      link("level-3", "out", "opsgenie-p1"),
    ],
  },
});
