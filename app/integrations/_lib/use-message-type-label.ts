"use client";

import { useTranslations } from "next-intl";
import type { MessageType } from "~/core/message-template/message-type";

/** Error, Reminder, Ok in the page's language. */
export function useMessageTypeLabel() {
  const t = useTranslations("IntegrationMessageType");
  return (type: MessageType): string => t(`${type}`);
}
