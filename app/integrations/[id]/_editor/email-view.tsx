"use client";

import { useState } from "react";
import { CodeBlock } from "../../_ui/code-block";
import { Segmented } from "../../_ui/segmented";

interface EmailLike {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
}

type View = "html" | "source" | "text";

/**
 * A rendered email. The HTML part is shown in a sandboxed frame (no scripts, no same-origin,
 * no forms), so a hostile alert text cannot act on this page.
 */
export function EmailView({ email }: { email: EmailLike }) {
  const [view, setView] = useState<View>("html");
  return (
    <div className="flex flex-col gap-2" data-testid="email-view">
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-[12px]">
        <dt className="text-muted">From</dt>
        <dd className="break-all">{email.from || "—"}</dd>
        <dt className="text-muted">To</dt>
        <dd className="break-all">{email.to || "—"}</dd>
        <dt className="text-muted">Subject</dt>
        <dd className="font-medium break-all" data-testid="email-subject">
          {email.subject}
        </dd>
      </dl>
      <div>
        <Segmented
          label="Email part"
          value={view}
          onChange={setView}
          options={[
            { value: "html", label: "HTML" },
            { value: "source", label: "HTML source" },
            { value: "text", label: "Plain text" },
          ]}
        />
      </div>
      {view === "html" ? (
        <iframe
          title="HTML part"
          sandbox=""
          srcDoc={email.html}
          className="h-96 w-full rounded-md border border-border bg-white"
        />
      ) : (
        <CodeBlock label={view === "text" ? "Plain text part" : "HTML source"}>
          {view === "text" ? email.text : email.html}
        </CodeBlock>
      )}
    </div>
  );
}
