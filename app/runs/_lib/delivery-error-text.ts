import type { useTranslations } from "next-intl";
import { isServerReason } from "~/core/server-reason";
import { TEMPLATE_PARAM_PREFIX } from "~/core/delivery/send-failure-reason";
import { templateErrorTextWith } from "~/app/integrations/_lib/use-template-error-text";

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
export function deliveryErrorTextWith(
  reasons: ReturnType<typeof useTranslations<"ServerReasons">>,
  templates: ReturnType<typeof useTranslations<"TemplateErrors">>,
) {
  const templateProblem = templateErrorTextWith(templates);
  return ({ error, errorReason }: DeliveryError): string | null => {
    if (!errorReason || !isServerReason(errorReason.reason)) return error;
    const { values } = errorReason;
    if (errorReason.reason === "templateFailedAtSend") {
      // The template problem is worded as the editor words it, from its code and its own values.
      const params = Object.fromEntries(
        Object.entries(values)
          .filter(([key]) => key.startsWith(TEMPLATE_PARAM_PREFIX))
          .map(([key, value]) => [key.slice(TEMPLATE_PARAM_PREFIX.length), value]),
      );
      const problem = templateProblem({ code: String(values.code ?? ""), message: error ?? "", params });
      return reasons("templateFailedAtSend", { ...values, problem });
    }
    // Keyed by the reason itself: server-reason.test.ts checks every reason has its message.
    return reasons(`${errorReason.reason}`, values);
  };
}
