"use client";

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
export const numberError = { error: "Enter a number" } as const;
