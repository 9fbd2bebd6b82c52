export type AlertErrorCode = "invalid_flow_id" | "empty_alert_key";

/** Thrown for programming errors at the alert boundary; routers turn `code` into a TRPCError. */
export class AlertDomainError extends Error {
  override readonly name = "AlertDomainError";

  constructor(
    readonly code: AlertErrorCode,
    message: string,
  ) {
    super(message);
  }
}
