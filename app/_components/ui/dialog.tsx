"use client";

import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import { Dialog as RadixDialog } from "radix-ui";
import type { ReactNode } from "react";

const WIDTHS = {
  sm: "max-w-md",
  md: "max-w-2xl",
  lg: "max-w-5xl",
  xl: "max-w-[min(1400px,calc(100vw-3rem))]",
} as const;

interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: string;
  size?: keyof typeof WIDTHS;
  children: ReactNode;
  footer?: ReactNode;
}

/** A modal panel (Radix: focus trap, Escape, aria wiring) in the app's tokens. */
export function Dialog({ open, onOpenChange, title, description, size = "sm", children, footer }: DialogProps) {
  const t = useTranslations("Dialog");
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-50 bg-black/40" />
        <RadixDialog.Content
          className={`fixed top-1/2 left-1/2 z-50 flex max-h-[calc(100vh-3rem)] w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 flex-col rounded-lg border border-border bg-panel text-fg shadow-2xl ${WIDTHS[size]}`}
          // Without a description Radix warns unless this is explicitly undefined.
          {...(description ? {} : { "aria-describedby": undefined })}
        >
          <header className="flex items-start justify-between gap-4 border-b border-border px-4 py-3">
            <div className="min-w-0">
              <RadixDialog.Title className="text-[14px] font-semibold tracking-tight">{title}</RadixDialog.Title>
              {description ? (
                <RadixDialog.Description className="mt-0.5 text-muted">{description}</RadixDialog.Description>
              ) : null}
            </div>
            <RadixDialog.Close className="rounded p-1 text-muted hover:bg-raised hover:text-fg" aria-label={t("close")}>
              <X className="size-4" aria-hidden />
            </RadixDialog.Close>
          </header>
          <div className="min-h-0 flex-1 overflow-auto">{children}</div>
          {footer ? (
            <footer className="flex items-center justify-end gap-2 border-t border-border px-4 py-3">{footer}</footer>
          ) : null}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
