"use client";

import { useTranslations } from "next-intl";
import { z } from "zod";

/** The parts of a tRPC error every page can word: its code and the domain error's code. */
const errorData = z.object({
  code: z.string().optional(),
  domain: z.object({ code: z.string(), openIncidents: z.number().optional() }).nullish(),
});

/**
 * A server refusal in the page's language, from the tRPC and domain codes (forbidden, not found,
 * changed elsewhere, unreachable…). A refusal that names a field or value (bad input) keeps the
 * server's own words, which say which one.
 */
export function useServerErrorText() {
  const t = useTranslations("ServerErrors");
  return (error: unknown): string => {
    const message = error instanceof Error ? error.message : String(error);
    const parsed = error instanceof Error && "data" in error ? errorData.safeParse(error.data) : undefined;
    // No tRPC data: the request never got an answer (offline, server down).
    if (!parsed?.success) return error instanceof Error && error.name === "TRPCClientError" ? t("network") : message;
    switch (parsed.data.domain?.code) {
      case "NOT_FOUND":
        return t("notFound");
      case "FLOW_DISABLED":
        return t("flowDisabled");
      case "NOT_PUBLISHED":
        return t("notPublished");
      case "INTEGRATION_IN_USE":
        return t("integrationInUse");
      case "SECRETS_UNREADABLE":
        return t("secretsUnreadable");
    }
    const openIncidents = parsed.data.domain?.openIncidents;
    if (openIncidents !== undefined) return t("openIncidents", { count: openIncidents });
    switch (parsed.data.code) {
      case "FORBIDDEN":
        return t("forbidden");
      case "UNAUTHORIZED":
        return t("signedOut");
      case "NOT_FOUND":
        return t("notFound");
      case "TOO_MANY_REQUESTS":
        return t("tooManyRequests");
      case "PAYLOAD_TOO_LARGE":
        return t("tooLarge");
      case "INTERNAL_SERVER_ERROR":
        return t("internal");
      default:
        return message;
    }
  };
}
