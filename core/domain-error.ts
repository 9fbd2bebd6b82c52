import type { ServerReason, ServerReasonValues } from "./server-reason";

/** Domain errors carry a code; routers turn them into tRPC errors, route handlers into HTTP. */
export type DomainErrorCode =
  | "NOT_FOUND"
  | "INVALID_GRAPH"
  | "CONFLICT"
  | "FLOW_DISABLED"
  | "NOT_PUBLISHED"
  | "INTEGRATION_IN_USE"
  | "INVALID_INPUT"
  | "UNAUTHORIZED"
  /** Stored secrets cannot be opened with the configured keys: a configuration fault to fix. */
  | "SECRETS_UNREADABLE"
  | "FORBIDDEN";

export interface GraphIssueLike {
  code: string;
  message: string;
  nodeId?: string;
  edgeId?: string;
  path?: string;
}

/** Why, for the interface to word it: a reason code and the values it names (server-reason.ts). */
export interface RefusalReason {
  reason: ServerReason;
  values: Record<string, string | number>;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: { issues?: GraphIssueLike[]; [key: string]: unknown } = {},
    readonly why?: RefusalReason,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/**
 * A refusal the interface words from its reason and values; `message` stays the English text API
 * clients read.
 */
export function domainRefusal<R extends ServerReason>(
  code: DomainErrorCode,
  message: string,
  reason: R,
  values: ServerReasonValues<R>,
  details: DomainError["details"] = {},
) {
  return new DomainError(code, message, details, { reason, values });
}

/** What a NOT_FOUND refusal is about, so the page says which thing is gone; English for API clients. */
const THINGS = {
  flow: "Flow",
  version: "Version",
  run: "Run",
  delivery: "Delivery",
  integration: "Integration",
  template: "Template",
  builtinTemplate: "Built-in template",
  shareLink: "Active share link",
  endpoint: "Active endpoint",
  apiToken: "API token",
  member: "Member",
  invitation: "Invitation",
  workspace: "Workspace",
} as const;
export type MissingThing = keyof typeof THINGS;

/** `what` words the English message when the thing needs more than its name ("Version 3 of template"). */
export const notFound = (thing: MissingThing, id: string, what: string = THINGS[thing]) =>
  domainRefusal("NOT_FOUND", `${what} ${id} was not found`, "notFound", { thing });
