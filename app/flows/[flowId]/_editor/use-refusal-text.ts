"use client";

import { useTranslations } from "next-intl";
import { useIssueText } from "~/app/_components/flow-canvas/use-issue-text";
import type { Refusal } from "./connection-refusal";
import { useEditorStore } from "./store/editor-context";

/** A refused connection in the page's language: the rules' problem, or a drag between two outputs or two inputs. */
export function useRefusalText() {
  const t = useTranslations("ConnectionHint");
  const store = useEditorStore();
  const issueText = useIssueText(
    (id) => store.getState().nodes.find((n) => n.id === id),
    (id) => store.getState().integrations[id]?.name,
  );
  return (refusal: Refusal): string => {
    if ("issue" in refusal) return issueText(refusal.issue);
    const fromOutput = refusal.sameSide === "source";
    return t(fromOutput ? "outputToOutput" : "inputToInput");
  };
}
