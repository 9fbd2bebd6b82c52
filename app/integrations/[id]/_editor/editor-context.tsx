"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { CatalogueEntry, DraftIssue, PublicIntegration } from "../../_lib/catalogue";

interface EditorContextValue {
  entry: CatalogueEntry;
  integration: PublicIntegration;
}

const EditorContext = createContext<EditorContextValue | null>(null);

export function EditorProvider({ value, children }: { value: EditorContextValue; children: ReactNode }) {
  return <EditorContext.Provider value={value}>{children}</EditorContext.Provider>;
}

/** The catalogue entry and stored integration the editor works on. */
export function useEditorContext(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error("useEditorContext outside EditorProvider");
  return value;
}

/** Template problems of the nearest live preview, so fields can show theirs in place. */
const IssuesContext = createContext<readonly DraftIssue[]>([]);

export function IssuesProvider({ issues, children }: { issues: readonly DraftIssue[]; children: ReactNode }) {
  return <IssuesContext.Provider value={issues}>{children}</IssuesContext.Provider>;
}

export function useIssues(path: string): DraftIssue[] {
  return useContext(IssuesContext).filter((i) => i.path === path);
}

/** Problems anywhere under a path, e.g. to mark the tab that holds them. */
export function useIssuesUnder(prefix: string): DraftIssue[] {
  return useContext(IssuesContext).filter((i) => i.path === prefix || i.path.startsWith(`${prefix}.`));
}
