"use client";

import { AlertTriangle, Check, CircleDot, Loader2 } from "lucide-react";
import { Button } from "~/app/_components/ui/button";
import type { Autosave } from "./use-autosave";

/** Saved / Saving / Unsaved / Conflict, always visible in the top bar. */
export function SaveStatusIndicator({ autosave }: { autosave: Autosave }) {
  const { status } = autosave;
  switch (status.kind) {
    case "saved":
      return (
        <span
          className="flex items-center gap-1 text-[12px] text-muted"
          data-testid="save-status"
          data-state="saved"
          title={status.at ? `Draft saved ${status.at.toLocaleTimeString()}` : "Draft saved"}
        >
          <Check className="size-3.5 text-ok" aria-hidden /> Saved
        </span>
      );
    case "saving":
      return (
        <span className="flex items-center gap-1 text-[12px] text-muted" data-testid="save-status" data-state="saving">
          <Loader2 className="size-3.5 animate-spin" aria-hidden /> Saving…
        </span>
      );
    case "unsaved":
      return (
        <span className="flex items-center gap-1 text-[12px] text-muted" data-testid="save-status" data-state="unsaved">
          <CircleDot className="size-3.5 text-warn" aria-hidden /> Unsaved
        </span>
      );
    case "error":
      return (
        <span
          className="flex items-center gap-1.5 text-[12px] text-danger"
          data-testid="save-status"
          data-state="error"
          title={status.message}
        >
          <AlertTriangle className="size-3.5" aria-hidden />
          <span className="max-w-64 truncate">Not saved: {status.message}</span>
          <Button variant="ghost" onClick={() => void autosave.flush()}>
            Retry
          </Button>
        </span>
      );
    case "conflict":
      return (
        <span
          className="flex items-center gap-1.5 text-[12px] text-warn"
          data-testid="save-status"
          data-state="conflict"
          title={status.message}
        >
          <AlertTriangle className="size-3.5" aria-hidden /> Conflict: changed elsewhere
          <Button variant="ghost" onClick={() => void autosave.reload()}>
            Load theirs
          </Button>
          <Button variant="ghost" onClick={() => void autosave.overwrite()}>
            Keep mine
          </Button>
        </span>
      );
  }
}
