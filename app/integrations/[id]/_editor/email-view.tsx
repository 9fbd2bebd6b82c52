"use client";

import { useTranslations } from "next-intl";
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
  const t = useTranslations("IntegrationEditor.emailView");
  const [view, setView] = useState<View>("html");
  return (
    <div className="flex flex-col gap-2" data-testid="email-view">
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-[12px]">
        <dt className="text-muted">{t("from")}</dt>
        <dd className="break-all">{email.from || "—"}</dd>
        <dt className="text-muted">{t("to")}</dt>
        <dd className="break-all">{email.to || "—"}</dd>
        <dt className="text-muted">{t("subject")}</dt>
        <dd className="font-medium break-all" data-testid="email-subject">
          {email.subject}
        </dd>
      </dl>
      <div>
        <Segmented
          label={t("part")}
          value={view}
          onChange={setView}
          options={[
            { value: "html", label: "HTML" },
            { value: "source", label: t("htmlSource") },
            { value: "text", label: t("plainText") },
          ]}
        />
      </div>
      {view === "html" ? (
        <iframe
          title={t("htmlPart")}
          sandbox=""
          srcDoc={email.html}
          className="h-96 w-full rounded-md border border-border bg-white"
        />
      ) : (
        <CodeBlock label={view === "text" ? t("plainTextPart") : t("htmlSource")}>
          {view === "text" ? email.text : email.html}
        </CodeBlock>
      )}
    </div>
  );
}
