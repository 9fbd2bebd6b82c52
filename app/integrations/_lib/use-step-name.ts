"use client";

import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";
import type { PreviewStep } from "~/core/integrations/preview-message";
import { stepName } from "./step-name";

/** `stepName` in the page's language. */
export function useStepName() {
  const t = useTranslations("IntegrationEditor.preview");
  const locale = useLocale();
  return useCallback(
    (step: PreviewStep) =>
      stepName(step, locale, {
        numbered: (number) => t("stepNumber", { number }),
        email: t("stepEmail"),
        inbox: t("stepInbox"),
      }),
    [t, locale],
  );
}
