"use client";

import { useTranslations } from "next-intl";
import { deliveryErrorTextWith } from "./delivery-error-text";

/** A delivery's error in the page's language (delivery-error-text.ts). */
export function useDeliveryErrorText() {
  return deliveryErrorTextWith(useTranslations("ServerReasons"), useTranslations("TemplateErrors"));
}
