"use client";

import { useTranslations } from "next-intl";
import { z } from "zod";
import { isServerReason } from "~/core/server-reason";
import { templateErrorTextWith } from "~/app/integrations/_lib/use-template-error-text";
import { inputIssuesData, useInputIssueText, type InputIssueData } from "./input-issue-text";

/** The parts of a tRPC error every page can word: its code, the domain error's code and reason. */
const errorData = z.object({
  code: z.string().optional(),
  inputIssues: inputIssuesData.nullish(),
  domain: z
    .object({
      code: z.string(),
      openIncidents: z.number().optional(),
      reason: z.string().optional(),
      values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      issues: z
        .array(
          z.object({
            message: z.string(),
            templateCode: z.string().optional(),
            params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
          }),
        )
        .optional(),
    })
    .nullish(),
});

export interface ServerErrorTranslators {
  errors: ReturnType<typeof useTranslations<"ServerErrors">>;
  reasons: ReturnType<typeof useTranslations<"ServerReasons">>;
  templates: ReturnType<typeof useTranslations<"TemplateErrors">>;
  /** Rejected inputs, issue by issue (input-issue-text.ts). */
  inputIssues: (issues: InputIssueData[]) => string;
}

/**
 * A server refusal in the page's language. A rejected input is worded issue by issue, each with
 * its field (input-issue-text.ts); a refusal with a reason (core/server-reason.ts) is
 * worded from it and the values it names (the run's status, the flow, the role…); otherwise from
 * the tRPC and domain codes (forbidden, not found, changed elsewhere, unreachable…). Only a
 * refusal with neither keeps the server's English message.
 */
export function useServerErrorText() {
  const t = useTranslations("ServerErrors");
  const reasons = useTranslations("ServerReasons");
  const templates = useTranslations("TemplateErrors");
  const inputIssues = useInputIssueText();
  return serverErrorTextWith({ errors: t, reasons, templates, inputIssues });
}

/** The same, for any translators (tests pass one set per language). */
export function serverErrorTextWith({
  errors: t,
  reasons,
  templates,
  inputIssues: issuesText,
}: ServerErrorTranslators) {
  const problemText = templateErrorTextWith(templates);
  return (error: unknown): string => {
    const message = error instanceof Error ? error.message : String(error);
    const parsed = error instanceof Error && "data" in error ? errorData.safeParse(error.data) : undefined;
    // No tRPC data: the request never got an answer (offline, server down).
    if (!parsed?.success) return error instanceof Error && error.name === "TRPCClientError" ? t("network") : message;
    const { inputIssues } = parsed.data;
    if (inputIssues && inputIssues.length > 0) return issuesText(inputIssues);
    const domain = parsed.data.domain;
    const reason = domain?.reason;
    if (reason !== undefined && isServerReason(reason)) {
      const values = { ...domain?.values };
      // The template problem itself is worded from its own code and values, not the English detail.
      const [first] = domain?.issues ?? [];
      if (reason === "templateError" && first?.templateCode) {
        values.problem = problemText({ code: first.templateCode, message: first.message, params: first.params });
      }
      // Keyed by the reason itself: server-reason.test.ts checks every reason has its message.
      return reasons(`${reason}`, values);
    }
    switch (domain?.code) {
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
    const openIncidents = domain?.openIncidents;
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
