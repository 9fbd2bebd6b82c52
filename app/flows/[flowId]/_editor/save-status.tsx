"use client";

import { AlertTriangle, Check, CircleDot, Loader2 } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useIssueText } from "~/app/_components/flow-canvas/use-issue-text";
import { Button } from "~/app/_components/ui/button";
import { useServerErrorText } from "~/app/_components/use-server-error-text";
import { readServerError } from "./server-error";
import { useEditorStore } from "./store/editor-context";
import type { Autosave } from "./use-autosave";

/** Why a save was refused, in the page's language: the flow's first problem, else the server's refusal. */
function useSaveErrorText() {
  const store = useEditorStore();
  const serverError = useServerErrorText();
  const issueText = useIssueText(
    (id) => store.getState().nodes.find((n) => n.id === id),
    (id) => store.getState().integrations[id]?.name,
  );
  return (error: unknown): string => {
    const [issue] = readServerError(error).issues;
    return issue ? issueText(issue) : serverError(error);
  };
}

/** Saved / Saving / Unsaved / Conflict, always visible in the top bar. */
export function SaveStatusIndicator({ autosave }: { autosave: Autosave }) {
  const t = useTranslations("SaveStatus");
  const format = useFormatter();
  const saveErrorText = useSaveErrorText();
  const { status } = autosave;
  switch (status.kind) {
    case "saved":
      return (
        <span
          className="flex items-center gap-1 text-[12px] text-muted"
          data-testid="save-status"
          data-state="saved"
          title={
            status.at ? t("savedAt", { time: format.dateTime(status.at, { timeStyle: "medium" }) }) : t("savedTitle")
          }
        >
          <Check className="size-3.5 text-ok" aria-hidden /> {t("saved")}
        </span>
      );
    case "saving":
      return (
        <span className="flex items-center gap-1 text-[12px] text-muted" data-testid="save-status" data-state="saving">
          <Loader2 className="size-3.5 animate-spin" aria-hidden /> {t("saving")}
        </span>
      );
    case "unsaved":
      return (
        <span className="flex items-center gap-1 text-[12px] text-muted" data-testid="save-status" data-state="unsaved">
          <CircleDot className="size-3.5 text-warn" aria-hidden /> {t("unsaved")}
        </span>
      );
    case "error": {
      const message = saveErrorText(status.error);
      return (
        <span
          className="flex items-center gap-1.5 text-[12px] text-danger"
          data-testid="save-status"
          data-state="error"
          title={message}
        >
          <AlertTriangle className="size-3.5" aria-hidden />
          <span className="max-w-64 truncate">{t("notSaved", { message })}</span>
          <Button variant="ghost" onClick={() => void autosave.flush()}>
            {t("retry")}
          </Button>
        </span>
      );
    }
    case "conflict":
      return (
        <span
          className="flex items-center gap-1.5 text-[12px] text-warn"
          data-testid="save-status"
          data-state="conflict"
          title={t("conflictHint")}
        >
          <AlertTriangle className="size-3.5" aria-hidden /> {t("conflict")}
          <Button variant="ghost" onClick={() => void autosave.reload()}>
            {t("loadTheirs")}
          </Button>
          <Button variant="ghost" onClick={() => void autosave.overwrite()}>
            {t("keepMine")}
          </Button>
        </span>
      );
  }
}
