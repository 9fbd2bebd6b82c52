"use client";

import { useTranslations } from "next-intl";
import { messageTypeSchema } from "~/core/message-template/message-type";
import { useMessageTypeLabel } from "../../_lib/use-message-type-label";

/**
 * The form schema's messages are codes (`code` or `code:arg:arg`, see form-model.ts); this turns
 * one into a sentence in the page's language. An unknown text is shown as it is.
 */
export function useFormErrorText() {
  const t = useTranslations("IntegrationEditor.validation");
  const typeLabel = useMessageTypeLabel();
  return (message: string | undefined): string | undefined => {
    if (!message) return undefined;
    const [code = "", ...args] = message.split(":");
    switch (code) {
      case "invalidHeaderName":
        return t("invalidHeaderName");
      case "fieldNameRequired":
        return t("fieldNameRequired");
      case "urlRequired":
        return t("urlRequired");
      case "variableNameFormat":
        return t("variableNameFormat");
      case "capturePathRequired":
        return t("capturePathRequired");
      case "tickMessageType":
        return t("tickMessageType");
      case "addStep":
        return t("addStep");
      case "nameRequired":
        return t("nameRequired");
      case "nameTooLong":
        return t("nameTooLong");
      case "subjectRequired":
        return t("subjectRequired");
      case "errorRequired":
        return t("errorRequired");
      case "typeAlreadySent": {
        const type = messageTypeSchema.safeParse(args[0]);
        return t("typeAlreadySent", {
          type: type.success ? typeLabel(type.data) : (args[0] ?? ""),
          definition: Number(args[1] ?? 0),
        });
      }
      default:
        return message;
    }
  };
}
