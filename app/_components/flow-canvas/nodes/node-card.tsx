"use client";

import { useTranslations } from "next-intl";
import { Position, useReactFlow } from "@xyflow/react";
import { AlertTriangle, type LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import type { NodeKind, SourceHandle } from "~/core/flow/document";
import type { NodeHighlight } from "../canvas-types";
import { useCanvasView, useNodeHighlight, useNodeIssues } from "../canvas-view";
import { NodeHandle } from "./node-handle";
import { useIssueText } from "../use-issue-text";

/** The node cards' translator, passed to the pure summary functions of each kind. */
export type NodeCardTranslator = ReturnType<typeof useTranslations<"NodeCard">>;

export interface SourceSpec {
  id: SourceHandle;
  /** Shown beside the handle; a node with one unlabelled output draws it mid-right. */
  label?: string;
  /** A level's "next level" leaves downwards: escalation reads top to bottom. */
  side?: "right" | "bottom";
}

const HIGHLIGHT_RING: Record<NodeHighlight, string> = {
  fired: "ring-2 ring-accent",
  failed: "ring-2 ring-danger",
  next: "ring-2 ring-warn ring-offset-2 ring-offset-bg",
  added: "ring-2 ring-ok",
  removed: "ring-2 ring-danger opacity-60",
  changed: "ring-2 ring-warn",
};

interface NodeCardProps {
  id: string;
  kind: NodeKind;
  selected: boolean;
  icon: LucideIcon;
  title: string;
  /** A short tag before the title, e.g. the level number. */
  tag?: string;
  hasInput: boolean;
  sources: readonly SourceSpec[];
  children?: ReactNode;
}

/** Output handles whose labels Alertflow names (and translates); others show their own label. */
const HANDLE_IDS = ["error", "reminder", "ok", "failure", "out", "next"] as const;
const isHandleId = (id: string): id is (typeof HANDLE_IDS)[number] => HANDLE_IDS.some((known) => known === id);

/**
 * The chrome every node shares: header, summary lines, issues and typed handles. Kind modules
 * only decide what the summary says, so all four kinds read the same way at a glance.
 */
export function NodeCard({ id, kind, selected, icon: Icon, title, tag, hasInput, sources, children }: NodeCardProps) {
  const t = useTranslations("NodeCard");
  const issues = useNodeIssues(id);
  const integrations = useCanvasView((v) => v.integrations);
  const issueText = useIssueText(useReactFlow().getNode, (integrationId) => integrations[integrationId]?.name);
  const highlight = useNodeHighlight(id);
  const [firstIssue] = issues;
  const border = firstIssue ? "border-danger" : selected ? "border-accent" : "border-border";
  const ring = highlight ? HIGHLIGHT_RING[highlight] : selected ? "ring-1 ring-accent" : "";
  const single = sources.length === 1 && !sources[0]?.label ? sources[0] : undefined;
  const right = sources.filter((s) => s.side !== "bottom");
  const bottom = sources.filter((s) => s.side === "bottom");

  return (
    <div
      className={`flow-node relative w-60 rounded-lg border bg-panel text-fg shadow-sm ${border} ${ring}`}
      data-kind={kind}
      data-invalid={firstIssue ? "true" : undefined}
      data-highlight={highlight}
    >
      {hasInput ? <NodeHandle type="target" position={Position.Left} id="in" className="handle-in" /> : null}
      <div className="flex items-center gap-1.5 px-3 pt-2 text-[12px] font-semibold">
        <Icon className={`size-3.5 shrink-0 ${firstIssue ? "text-danger" : "text-accent"}`} aria-hidden />
        {tag ? (
          <span className="shrink-0 rounded bg-raised px-1 text-[11px] font-medium text-muted tabular-nums">{tag}</span>
        ) : null}
        <span className={`truncate ${highlight === "removed" ? "line-through" : ""}`}>{title}</span>
      </div>
      <div className="px-3 pt-0.5 pb-2 text-[11px] leading-4 text-muted">{children}</div>
      {firstIssue ? (
        <div
          className="flex gap-1 border-t border-border px-3 py-1.5 text-[11px] leading-4 text-danger"
          data-testid="node-issue"
        >
          <AlertTriangle className="mt-px size-3 shrink-0" aria-hidden />
          <span className="line-clamp-2">
            {issueText(firstIssue)}
            {issues.length > 1 ? t("moreIssues", { count: issues.length - 1 }) : ""}
          </span>
        </div>
      ) : null}
      {single ? (
        <NodeHandle type="source" position={Position.Right} id={single.id} className={`handle-${single.id}`} />
      ) : (
        <div className="border-t border-border py-1">
          {right.map((s) => (
            <div key={s.id} className="relative h-5 pr-3 text-right text-[11px] leading-5 text-muted">
              {isHandleId(s.id) ? t(`handles.${s.id}`) : s.label}
              <NodeHandle type="source" position={Position.Right} id={s.id} className={`handle-${s.id}`} />
            </div>
          ))}
          {bottom.map((s) => (
            <div key={s.id} className="h-4 pb-0.5 text-center text-[11px] leading-4 text-muted">
              {isHandleId(s.id) ? t(`handles.${s.id}`) : s.label}
            </div>
          ))}
        </div>
      )}
      {bottom.map((s) => (
        <NodeHandle key={s.id} type="source" position={Position.Bottom} id={s.id} className={`handle-${s.id}`} />
      ))}
    </div>
  );
}
