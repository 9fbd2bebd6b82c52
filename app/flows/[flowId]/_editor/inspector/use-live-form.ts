"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import type { FieldValues, UseFormWatch } from "react-hook-form";

type Parse<T> = (values: unknown) => { success: true; data: T } | { success: false };

/**
 * The inspector has no Save button: every edit that passes the form's zod schema goes straight
 * into the graph (and so into undo history and autosave). Invalid input stays in the field with
 * its message and never reaches the document.
 */
export function useLiveCommit<V extends FieldValues, T>(
  watch: UseFormWatch<V>,
  parse: Parse<T>,
  commit: (data: T) => void,
) {
  useEffect(() => {
    const subscription = watch((values) => {
      const result = parse(values);
      if (result.success) commit(result.data);
    });
    return () => subscription.unsubscribe();
  }, [watch, parse, commit]);
}

/** Number inputs registered with `valueAsNumber` give NaN when empty; say so in words. */
export const numberError = { error: "number" } as const;

const ERROR_KEYS = [
  "number",
  "whole",
  "level",
  "notNegative",
  "atLeast1",
  "atLeast1Second",
  "max30Days",
  "maxWeek",
  "max100",
  "max10000",
  "max200",
  "max500",
  "max5000",
  "max50Filters",
  "filterField",
] as const;
type ErrorKey = (typeof ERROR_KEYS)[number];
const isErrorKey = (message: string): message is ErrorKey => ERROR_KEYS.some((key) => key === message);

/**
 * The inspector schemas' messages are keys under `NodeForms.errors`, so each field's error is
 * worded in the page's language.
 */
export function useFormError() {
  const t = useTranslations("NodeForms");
  return (error: { message?: string } | undefined): string | undefined => {
    const message = error?.message;
    if (!message) return undefined;
    return isErrorKey(message) ? t(`errors.${message}`) : message;
  };
}
