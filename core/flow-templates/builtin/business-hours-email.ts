import { at, builtin, link } from "./layout";

const HOUR = 60 * 60;

export const businessHoursEmail = builtin("business-hours-email", {
  name: "Business-hours email with reminders",
  description:
    "For alerts that can wait for working hours: warnings and informational alerts go to the team " +
    "inbox, with a reminder every hour for a working day (8 reminders) while the problem lasts, and " +
    "an Ok when it clears. Nothing pages anyone. Critical alerts and errors are left to your paging " +
    "flows: the trigger lets only severity warning and info through.",
  tags: ["email", "reminders", "low urgency"],
  placeholders: [{ key: "team-inbox", integrationType: "email", label: "Team inbox", nodeIds: ["team-inbox"] }],
  graph: {
    schemaVersion: 1,
    nodes: [
      {
        id: "trigger",
        type: "trigger",
        position: at(0, 0),
        data: {
          label: "Warnings only",
          filters: [{ field: "severity", op: "matches", value: "^(warning|info)$" }],
        },
      },
      {
        id: "level-1",
        type: "level",
        position: at(1, 0),
        data: {
          label: "Team inbox",
          level: 1,
          reminderCount: 8,
          reminderEverySeconds: HOUR,
          message: "Not urgent: please handle during business hours.",
        },
      },
      { id: "team-inbox", type: "integration", position: at(2, 0), data: { label: "Team inbox" } },
    ],
    edges: [link("trigger", "out", "level-1"), link("level-1", "out", "team-inbox")],
  },
});
