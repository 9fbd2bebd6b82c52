/**
 * Domain errors of the flow document. Callers branch on `code` (the tRPC layer maps codes to
 * HTTP-ish errors), never on the message, which is for humans.
 */
export type FlowErrorCode =
  | "PLAN_NO_TRIGGER"
  | "PLAN_MULTIPLE_TRIGGERS"
  | "PLAN_INTEGRATION_NOT_CHOSEN"
  | "GRAPH_NOT_AN_OBJECT"
  | "GRAPH_VERSION_UNKNOWN"
  | "GRAPH_VERSION_TOO_NEW"
  | "GRAPH_SCHEMA_INVALID"
  | "SAMPLE_SIZE_OUT_OF_RANGE"
  | "PREVIEW_INVALID_SCENARIO";

export class FlowError extends Error {
  readonly code: FlowErrorCode;

  constructor(code: FlowErrorCode, message: string) {
    super(message);
    this.name = "FlowError";
    this.code = code;
  }
}

export const isFlowError = (e: unknown): e is FlowError => e instanceof FlowError;
