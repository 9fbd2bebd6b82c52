"use client";

import { LoaderCircle, TriangleAlert } from "lucide-react";
import type { ReactNode } from "react";
import type { IntegrationPreview } from "../../_lib/catalogue";
import { RequestView } from "../../_ui/exchange-view";
import { EmailView } from "./email-view";

interface MessagePreviewProps {
  preview: IntegrationPreview | undefined;
  loading: boolean;
  error: string | undefined;
  /** The message-type switch, drawn in the header. */
  control?: ReactNode;
}

function Problems({ preview }: { preview: IntegrationPreview }) {
  const structural = preview.issues.filter((i) => i.line === null);
  if (preview.problems.length === 0 && structural.length === 0) return null;
  return (
    <ul
      className="flex flex-col gap-1 rounded-md border border-danger/40 bg-danger/5 px-2.5 py-2 text-[12px]"
      data-testid="preview-problems"
    >
      {preview.problems.map((p, i) => (
        <li key={`p-${i}`} className="text-danger">
          <span className="font-medium">{p.step}</span>
          {p.line !== undefined ? <span className="mx-1 font-mono">{`${p.line}:${p.column ?? 0}`}</span> : " "}
          {p.message}
        </li>
      ))}
      {structural.map((p, i) => (
        <li key={`s-${i}`} className="text-danger">
          <span className="font-mono">{p.path}</span> {p.message}
        </li>
      ))}
    </ul>
  );
}

/** The live preview beside a template: what would be sent for the sample alert, secrets redacted. */
export function MessagePreview({ preview, loading, error, control }: MessagePreviewProps) {
  return (
    <div className="flex min-w-0 flex-col gap-3" data-testid="message-preview">
      <div className="flex items-center justify-between gap-2">
        <h3 className="flex items-center gap-1.5 text-[12px] font-semibold">
          Preview
          {loading ? <LoaderCircle className="size-3 animate-spin text-muted" aria-label="Rendering" /> : null}
        </h3>
        {control}
      </div>
      {error ? <p className="text-[12px] text-danger">{error}</p> : null}
      {!preview && !error ? <p className="text-[12px] text-muted">Rendering…</p> : null}
      {preview ? (
        <>
          {preview.missing.length > 0 ? (
            <p className="flex items-start gap-1.5 rounded-md border border-warn/40 bg-warn/5 px-2.5 py-1.5 text-[12px] text-warn">
              <TriangleAlert className="mt-0.5 size-3.5 shrink-0" aria-hidden />
              <span>
                Not set: {preview.missing.map((m) => m.label).join(", ")}. Shown as markers below
                {preview.missing.some((m) => m.perLevel) ? "; a level may supply per-level ones" : ""}.
              </span>
            </p>
          ) : null}
          <Problems preview={preview} />
          {preview.skipped ? (
            <p className="text-[12px] text-muted">{preview.skipReason ?? "Nothing is sent for this message type."}</p>
          ) : null}
          {preview.requests.map((request, i) => (
            <RequestView
              key={`${request.step}-${i}`}
              request={request}
              title={preview.requests.length > 1 ? `${i + 1}. ${request.step}` : request.step}
              bodyMaxHeight="max-h-[32rem]"
            />
          ))}
          {preview.email ? <EmailView email={preview.email} /> : null}
        </>
      ) : null}
    </div>
  );
}
