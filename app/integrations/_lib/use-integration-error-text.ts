"use client";

import { useTranslations } from "next-intl";
import { useServerErrorText } from "~/app/_components/use-server-error-text";
import { domainErrorData } from "~/app/_lib/domain-error-data";
import { useTemplateErrorText } from "./use-template-error-text";

/** What the integration pages read of a tRPC error: its code and the domain error's details. */
export interface ServerErrorLike {
  message: string;
  data?: { code?: string; domain?: unknown } | null;
}

/**
 * A server refusal on the integration pages in the page's language, from the domain error's code
 * and details (the template problem, the secrets to type again, the flows in the way); anything
 * else as every page words it (use-server-error-text.ts).
 */
export function useIntegrationErrorText() {
  const t = useTranslations("IntegrationErrors");
  const problemText = useTemplateErrorText();
  const generic = useServerErrorText();
  return (error: ServerErrorLike | null | undefined): string | undefined => {
    if (!error) return undefined;
    const domain = domainErrorData.safeParse(error.data?.domain);
    if (domain.success) {
      const { code, issues = [], flows = [] } = domain.data;
      const [first] = issues;
      if (code === "INVALID_INPUT" && first?.templateCode) {
        const problem = problemText({ code: first.templateCode, message: first.message, params: first.params });
        return first.line
          ? t("template", { path: first.path ?? "", line: first.line, column: first.column ?? 0, problem })
          : t("templateNoPosition", { path: first.path ?? "", problem });
      }
      if (code === "INVALID_INPUT" && first?.code === "SECRET_REENTRY_REQUIRED") {
        return t("secretReentry", { secrets: (first.secrets ?? []).join(", "), path: first.path ?? "" });
      }
      if (code === "INVALID_INPUT" && first?.code === "url") return t("url", { path: first.path ?? "" });
      if (code === "INTEGRATION_IN_USE") {
        return t("inUse", { flows: flows.map((f) => `${f.name} (v${f.version})`).join(", ") });
      }
    }
    return generic(error);
  };
}
