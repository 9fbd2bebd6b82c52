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

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: { issues?: GraphIssueLike[]; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (what: string, id: string) => new DomainError("NOT_FOUND", `${what} ${id} was not found`);
