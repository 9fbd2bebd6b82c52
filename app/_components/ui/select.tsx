"use client";

import type { SelectHTMLAttributes } from "react";
import { useHydrated } from "../use-hydrated";
import { CONTROL } from "./control-class";

/**
 * The shared select, closed until the page is hydrated: a pick made before then is lost, or worse,
 * read back as the server's value by the change handler (see use-hydrated.ts), so a role or a
 * language would be saved as it was.
 */
export function Select({ className = "", disabled, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  const hydrated = useHydrated();
  return <select className={`h-7 ${CONTROL} ${className}`} {...props} disabled={disabled === true || !hydrated} />;
}
