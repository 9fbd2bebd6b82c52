/** Roles in a workspace, as stored (the Drizzle enum is made from this list). */
export const ROLES = ["owner", "editor", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who may call a procedure, lowest first. "user" is any signed-in person, with or without a
 * workspace (creating a workspace, accepting an invitation); the three roles are per workspace.
 */
export const ACCESS_LEVELS = ["anonymous", "user", "viewer", "editor", "owner"] as const;
export type Access = (typeof ACCESS_LEVELS)[number];

const rank = (access: Access) => ACCESS_LEVELS.indexOf(access);

/** Whether holding `held` is enough for what needs `needed`. */
export const grants = (held: Access, needed: Access) => rank(held) >= rank(needed);

/** The lower of two roles: an API token never acts above its user's current role. */
export const lowerRole = (a: Role, b: Role): Role => (rank(a) <= rank(b) ? a : b);

export const ROLE_LABELS: Record<Role, { label: string; description: string }> = {
  owner: { label: "Owner", description: "Members, settings and everything editors can do" },
  editor: { label: "Editor", description: "Flows, integrations and templates" },
  viewer: { label: "Viewer", description: "Reads everything; acknowledges and resolves runs" },
};
