import type { ReactNode } from "react";
import { CopyField } from "./copy-field";

/**
 * The box under a create form that hands over something made just now and shown only here: an
 * API token, an invitation link. What it says goes first, then the value to copy, then actions.
 */
export function CreatedSecret({
  testId,
  copyId,
  copyLabel,
  value,
  children,
  actions,
}: {
  testId: string;
  copyId: string;
  copyLabel: string;
  value: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-2 border-t border-border bg-raised/40 p-4" data-testid={testId}>
      {children}
      <CopyField id={copyId} label={copyLabel} value={value} />
      {actions ? <div>{actions}</div> : null}
    </div>
  );
}
