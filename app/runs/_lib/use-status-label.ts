"use client";

import { useTranslations } from "next-intl";
import type { RunStatus } from "./run-status";

/** A run status in the page's language. */
export function useStatusLabel(): (status: RunStatus) => string {
  const t = useTranslations("RunStatus");
  // A template key: the usage test reads it as "every key under RunStatus".
  return (status) => t(`${status}`);
}
