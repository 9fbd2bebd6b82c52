"use client";

import { useTemplateErrorText } from "../../_lib/use-template-error-text";
import { useIssues } from "./editor-context";

/** Template problems reported by the server for one field, with line:column, under the field. */
export function FieldIssues({ path }: { path: string }) {
  const issues = useIssues(path);
  const problemText = useTemplateErrorText();
  if (issues.length === 0) return null;
  return (
    <ul className="flex flex-col gap-0.5" data-testid="field-issues">
      {issues.map((issue, i) => (
        <li key={`${issue.code}-${issue.position ?? i}`} className="text-[11px] text-danger" role="alert">
          {issue.line !== null ? <span className="mr-1 font-mono">{`${issue.line}:${issue.column ?? 0}`}</span> : null}
          {problemText(issue)}
        </li>
      ))}
    </ul>
  );
}
