import type { ReactNode } from "react";

/** A key as it appears in shortcut hints and tooltips. */
export function Kbd({ children }: { children: ReactNode }) {
  return (
    <kbd className="inline-flex h-4 min-w-4 items-center justify-center rounded border border-border bg-raised px-1 font-sans text-[10px] font-medium text-muted">
      {children}
    </kbd>
  );
}
