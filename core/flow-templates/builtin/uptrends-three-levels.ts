import { at, builtin, link } from "./layout";

const MIN = 60;

export const uptrendsThreeLevels = builtin("uptrends-three-levels", {
  name: "Three levels with reminders and Ok (Uptrends style)",
  description:
    "Uptrends' alert definition drawn as a flow. Level 1 emails the team on the first error and " +
    "reminds every 10 minutes (twice); level 2 posts to the team channel after 15 minutes and " +
    "reminds every 15 minutes; level 3 calls the on-call phone after an hour (press 1 to acknowledge) " +
    "and calls again every 30 minutes. When the error clears, every level that fired sends its Ok " +
    "(a phone call sends none); levels that never fired stay silent.",
  tags: ["escalation", "uptrends", "reminders", "email", "slack", "phone"],
  placeholders: [
    { key: "team-inbox", integrationType: "email", label: "Team inbox", nodeIds: ["team-inbox"] },
    { key: "team-channel", integrationType: "slack", label: "Team channel", nodeIds: ["team-channel"] },
    { key: "on-call-phone", integrationType: "phone", label: "On-call phone", nodeIds: ["on-call-phone"] },
  ],
  graph: {
    schemaVersion: 1,
    nodes: [
      { id: "trigger", type: "trigger", position: at(0, 0), data: { label: "Monitor alert", format: "uptrends" } },
      {
        id: "level-1",
        type: "level",
        position: at(1, 0),
        data: { label: "Level 1", level: 1, reminderCount: 2, reminderEverySeconds: 10 * MIN },
      },
      {
        id: "level-2",
        type: "level",
        position: at(1, 1),
        data: { label: "Level 2", level: 2, afterSeconds: 15 * MIN, reminderCount: 2, reminderEverySeconds: 15 * MIN },
      },
      {
        id: "level-3",
        type: "level",
        position: at(1, 2),
        data: { label: "Level 3", level: 3, afterSeconds: 60 * MIN, reminderCount: 2, reminderEverySeconds: 30 * MIN },
      },
      { id: "team-inbox", type: "integration", position: at(2, 0), data: { label: "Team inbox" } },
      { id: "team-channel", type: "integration", position: at(2, 1), data: { label: "Team channel" } },
      { id: "on-call-phone", type: "integration", position: at(2, 2), data: { label: "On-call phone" } },
    ],
    edges: [
      link("trigger", "out", "level-1"),
      link("level-1", "next", "level-2"),
      link("level-2", "next", "level-3"),
      link("level-1", "out", "team-inbox"),
      link("level-2", "out", "team-channel"),
      link("level-3", "out", "on-call-phone"),
    ],
  },
});
