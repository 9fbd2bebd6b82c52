"use client";

import { AlertTriangle, ChevronDown } from "lucide-react";
import { useTranslations } from "next-intl";
import { useIssueText } from "~/app/_components/flow-canvas/use-issue-text";
import { useEditor } from "./store/editor-context";
import { useEditorCommands } from "./use-editor-commands";

/** Every validation problem; clicking one selects its node and brings it into view. */
export function ProblemsPanel({ onClose }: { onClose: () => void }) {
  const t = useTranslations("Problems");
  const issues = useEditor((s) => s.issues);
  const nodes = useEditor((s) => s.nodes);
  const integrations = useEditor((s) => s.integrations);
  const commands = useEditorCommands();
  const issueText = useIssueText(
    (id) => nodes.find((n) => n.id === id),
    (id) => integrations[id]?.name,
  );
  return (
    <section
      className="flex max-h-56 shrink-0 flex-col border-t border-border bg-panel"
      aria-label={t("title")}
      data-testid="problems-panel"
    >
      <header className="flex h-8 shrink-0 items-center justify-between border-b border-border px-3">
        <h2 className="text-[12px] font-semibold">
          {t("title")} <span className="font-normal text-muted tabular-nums">{issues.length}</span>
        </h2>
        <button
          type="button"
          onClick={onClose}
          aria-label={t("hide")}
          className="rounded p-0.5 text-muted hover:bg-raised hover:text-fg"
        >
          <ChevronDown className="size-4" aria-hidden />
        </button>
      </header>
      {issues.length === 0 ? (
        <p className="px-3 py-3 text-[12px] text-muted">{t("none")}</p>
      ) : (
        <ul className="overflow-y-auto py-1">
          {issues.map((issue, i) => {
            const { nodeId } = issue;
            const onCanvas = nodeId !== undefined && nodes.some((n) => n.id === nodeId);
            return (
              <li key={`${issue.code}-${nodeId ?? issue.edgeId ?? ""}-${i}`}>
                <button
                  type="button"
                  disabled={!onCanvas}
                  onClick={() => nodeId && commands.focusNode(nodeId)}
                  className="flex w-full items-start gap-2 px-3 py-1 text-left text-[12px] hover:bg-raised disabled:hover:bg-transparent"
                >
                  <AlertTriangle className="mt-0.5 size-3 shrink-0 text-danger" aria-hidden />
                  <span className="min-w-0 flex-1">{issueText(issue)}</span>
                  <span className="shrink-0 font-mono text-[11px] text-muted">{issue.code}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
