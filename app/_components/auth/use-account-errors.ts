"use client";

import { useTranslations } from "next-intl";
import type { FieldError } from "react-hook-form";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "~/core/accounts/account-inputs";

/** Which rule a form field follows; the schema's English messages are never shown. */
export type AccountField = "name" | "email" | "newPassword" | "password" | "workspaceName";

/** better-auth's error codes the account forms can meet, each with its own sentence. */
const SERVER_CODES = [
  "INVALID_EMAIL_OR_PASSWORD",
  "INVALID_PASSWORD",
  "USER_ALREADY_EXISTS",
  "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL",
  "INVALID_TOKEN",
  "TOKEN_EXPIRED",
  "PASSWORD_TOO_SHORT",
  "PASSWORD_TOO_LONG",
  "INVALID_EMAIL",
  "SIGN_UP_BY_INVITATION_ONLY",
] as const;
type ServerCode = (typeof SERVER_CODES)[number];
const isServerCode = (code: string | undefined): code is ServerCode => SERVER_CODES.some((known) => known === code);

/**
 * The account forms' messages in the page's language: field errors from the zod issue code
 * (react-hook-form's `type`), server errors from better-auth's code or HTTP status.
 */
export function useAccountErrors() {
  const t = useTranslations("AccountErrors");
  const field = (name: AccountField, error: FieldError | undefined): string | undefined => {
    if (!error) return undefined;
    if (error.type === "too_big") return t("tooLong");
    switch (name) {
      case "name":
        return t("nameRequired");
      case "email":
        return t("emailInvalid");
      case "workspaceName":
        return t("workspaceNameRequired");
      case "password":
        return t("passwordRequired");
      case "newPassword":
        return t("passwordLength", { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH });
    }
  };
  const server = (
    error: { code?: string; status?: number } | null | undefined,
    fallback:
      | "signIn"
      | "signUp"
      | "sendLink"
      | "resetPassword"
      | "changePassword"
      | "setup"
      | "createWorkspace"
      | "acceptInvitation",
  ): string | null => {
    if (!error) return null;
    if (error.status === 429) return t("server.tooManyAttempts");
    if (isServerCode(error.code)) return t(`server.${error.code}`);
    return t(`fallback.${fallback}`);
  };
  return { field, server };
}
