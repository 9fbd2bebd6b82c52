"use client";

import { AlertTriangle, CheckCircle2, Clock, History, KeyRound, Rocket } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "~/app/_components/ui/button";
import { FlowHeader } from "../flow-header";
import { SaveStatusIndicator } from "./save-status";
import { useEditor, useEditorStore } from "./store/editor-context";
import type { Autosave } from "./use-autosave";

export type EditorDialog = "publish" | "versions" | "timing" | "endpoints" | "shortcuts";

interface TopBarProps {
  autosave: Autosave;
  published: { version: number } | null;
  enabled: boolean;
  onToggleEnabled: () => void;
  onOpen: (dialog: EditorDialog) => void;
  onToggleProblems: () => void;
}

/** Name, save state, problems, and the flow-level actions (timing, versions, endpoints, publish). */
export function TopBar({ autosave, published, enabled, onToggleEnabled, onOpen, onToggleProblems }: TopBarProps) {
  const t = useTranslations("Editor");
  const store = useEditorStore();
  const name = useEditor((s) => s.name);
  const problems = useEditor((s) => s.issues.length);
  return (
    <FlowHeader
      title={
        <>
          <input
            aria-label={t("flowName")}
            value={name}
            maxLength={200}
            onChange={(e) => store.getState().setName(e.target.value)}
            className="h-7 w-64 min-w-0 rounded-md border border-transparent bg-transparent px-1.5 text-[14px] font-semibold tracking-tight hover:border-border focus:border-accent focus:outline-none"
          />
          <h1 className="sr-only">{name}</h1>
          <SaveStatusIndicator autosave={autosave} />
        </>
      }
      enabled={enabled}
      published={published}
      onToggleEnabled={onToggleEnabled}
    >
      <Button variant="ghost" onClick={onToggleProblems} data-testid="problems-toggle" title={t("validateHint")}>
        {problems === 0 ? (
          <CheckCircle2 className="size-3.5 text-ok" aria-hidden />
        ) : (
          <AlertTriangle className="size-3.5 text-danger" aria-hidden />
        )}
        {problems === 0 ? t("valid") : t("problemCount", { count: problems })}
      </Button>
      <Button variant="ghost" onClick={() => onOpen("timing")}>
        <Clock className="size-3.5" aria-hidden /> {t("timing")}
      </Button>
      <Button variant="ghost" onClick={() => onOpen("versions")}>
        <History className="size-3.5" aria-hidden /> {t("versions")}
      </Button>
      <Button variant="ghost" onClick={() => onOpen("endpoints")}>
        <KeyRound className="size-3.5" aria-hidden /> {t("endpoints")}
      </Button>
      <Button variant="primary" onClick={() => onOpen("publish")}>
        <Rocket className="size-3.5" aria-hidden /> {t("publish")}
      </Button>
    </FlowHeader>
  );
}
