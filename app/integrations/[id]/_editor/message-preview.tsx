"use client";

import { LoaderCircle, TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { IntegrationPreview } from "../../_lib/catalogue";
import type { MessageType } from "~/core/message-template/message-type";
import { useMessageTypeLabel } from "../../_lib/use-message-type-label";
import { useStepName } from "../../_lib/use-step-name";
import { useTemplateErrorText } from "../../_lib/use-template-error-text";
import { RequestView } from "../../_ui/exchange-view";
import { useCatalogueText } from "../../_lib/use-catalogue-text";
import { useWatch } from "react-hook-form";
import { useEditorContext } from "./editor-context";
import type { EditorForm } from "./form-model";
import { EmailView } from "./email-view";

interface MessagePreviewProps {
  preview: IntegrationPreview | undefined;
  loading: boolean;
  error: string | undefined;
  /** The message-type switch, drawn in the header. */
  control?: ReactNode;
  /** The message type previewed, to say why nothing would be sent for it. */
  messageType: MessageType;
}

function Problems({ preview }: { preview: IntegrationPreview }) {
  const problemText = useTemplateErrorText();
  const stepName = useStepName();
  const structural = preview.issues.filter((i) => i.line === null);
  if (preview.problems.length === 0 && structural.length === 0) return null;
  return (
    <ul
      className="flex flex-col gap-1 rounded-md border border-danger/40 bg-danger/5 px-2.5 py-2 text-[12px]"
      data-testid="preview-problems"
    >
      {preview.problems.map((p, i) => (
        <li key={`p-${i}`} className="text-danger">
          <span className="font-medium">{stepName(p.step)}</span>
          {p.line !== undefined ? <span className="mx-1 font-mono">{`${p.line}:${p.column ?? 0}`}</span> : " "}
          {problemText(p)}
        </li>
      ))}
      {structural.map((p, i) => (
        <li key={`s-${i}`} className="text-danger">
          <span className="font-mono">{p.path}</span> {problemText(p)}
        </li>
      ))}
    </ul>
  );
}

/** The live preview beside a template: what would be sent for the sample alert, secrets redacted. */
export function MessagePreview({ preview, loading, error, control, messageType }: MessagePreviewProps) {
  const t = useTranslations("IntegrationEditor.preview");
  const text = useCatalogueText();
  const typeLabel = useMessageTypeLabel();
  const stepName = useStepName();
  const { entry } = useEditorContext();
  const missingNames = (preview?.missing ?? []).map((m) => text.variableLabel(entry, m)).join(", ");
  const customized = useWatch<EditorForm, "customized">({ name: "customized" });
  return (
    <div className="flex min-w-0 flex-col gap-3" data-testid="message-preview">
      <div className="flex items-center justify-between gap-2">
        <h3 className="flex items-center gap-1.5 text-[12px] font-semibold">
          {t("title")}
          {loading ? <LoaderCircle className="size-3 animate-spin text-muted" aria-label={t("rendering")} /> : null}
        </h3>
        {control}
      </div>
      {error ? <p className="text-[12px] text-danger">{error}</p> : null}
      {!preview && !error ? <p className="text-[12px] text-muted">{t("renderingLong")}</p> : null}
      {preview ? (
        <>
          {preview.missing.length > 0 ? (
            <p className="flex items-start gap-1.5 rounded-md border border-warn/40 bg-warn/5 px-2.5 py-1.5 text-[12px] text-warn">
              <TriangleAlert className="mt-0.5 size-3.5 shrink-0" aria-hidden />
              <span>
                {preview.missing.some((m) => m.perLevel)
                  ? t("missingPerLevel", { names: missingNames })
                  : t("missing", { names: missingNames })}
              </span>
            </p>
          ) : null}
          <Problems preview={preview} />
          {preview.cut ? (
            <p className="text-[12px] text-muted" data-testid="preview-cut">
              {t("cut", preview.cut)}
            </p>
          ) : null}
          {preview.skipped ? (
            <p className="text-[12px] text-muted">
              {t(customized ? "skippedCustomized" : "skipped", {
                type: text.typeLabel(entry),
                messageType: typeLabel(messageType),
              })}
            </p>
          ) : null}
          {preview.requests.map((request, i) => (
            <RequestView
              key={i}
              request={request}
              title={preview.requests.length > 1 ? `${i + 1}. ${stepName(request.step)}` : stepName(request.step)}
              bodyMaxHeight="max-h-[32rem]"
            />
          ))}
          {preview.email ? (
            <EmailView email={entry.type === "inbox" ? { ...preview.email, to: t("inboxRecipient") } : preview.email} />
          ) : null}
        </>
      ) : null}
    </div>
  );
}
