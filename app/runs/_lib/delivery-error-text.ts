import type { useTranslations } from "next-intl";
import { isServerReason } from "~/core/server-reason";

export interface DeliveryError {
  error: string | null;
  /** As stored (a RefusalReason); a row written by a newer version may name a reason unknown here. */
  errorReason: { reason: string; values: Record<string, string | number> } | null;
}

/**
 * A delivery's or attempt's error in the page's language: worded from the reason the worker
 * stored when Alertflow itself wrote the error. Rows from before reasons were stored, receivers'
 * own answers and reasons this version does not know keep the stored text.
 */
export function deliveryErrorTextWith(reasons: ReturnType<typeof useTranslations<"ServerReasons">>) {
  return ({ error, errorReason }: DeliveryError): string | null => {
    if (!errorReason || !isServerReason(errorReason.reason)) return error;
    // Keyed by the reason itself: server-reason.test.ts checks every reason has its message.
    return reasons(`${errorReason.reason}`, errorReason.values);
  };
}
