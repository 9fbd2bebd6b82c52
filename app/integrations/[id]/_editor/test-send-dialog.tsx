"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { LoaderCircle, RotateCcw, Send } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFormContext } from "react-hook-form";
import { Button } from "~/app/_components/ui/button";
import { Dialog } from "~/app/_components/ui/dialog";
import { Field, Input, Textarea } from "~/app/_components/ui/field";
import { useTRPC } from "~/app/_lib/trpc";
import { sampleAlertOverrides, type SampleAlertOverrides } from "~/core/integrations/integration-inputs";
import { MESSAGE_TYPES, type MessageType } from "~/core/message-template/message-type";
import { useCatalogueText } from "../../_lib/use-catalogue-text";
import { useIntegrationErrorText } from "../../_lib/use-integration-error-text";
import { useMessageTypeLabel } from "../../_lib/use-message-type-label";
import { Segmented } from "../../_ui/segmented";
import { useEditorContext } from "./editor-context";
import { formToDraft, type EditorForm } from "./form-model";
import { TestSendResult } from "./test-send-result";

/** Why the sample is refused: not JSON (the parser's own words), or a field the server would refuse. */
type Refusal = { kind: "json"; detail: string } | { kind: "field"; path: string; detail: string };
type Parsed = { ok: true; value: SampleAlertOverrides } | { ok: false; error: Refusal };

/** The edited sample alert, checked as the server will check it, so mistakes show before sending. */
function parseSample(text: string): Parsed {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: { kind: "json", detail: error instanceof Error ? error.message : "" } };
  }
  const parsed = sampleAlertOverrides.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    error: { kind: "field", path: issue?.path.join(".") || "alert", detail: issue?.message ?? "" },
  };
}

interface Props {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** "Send test message": a real send of one message type with an editable sample alert. */
export function TestSendDialog({ open, onOpenChange }: Props) {
  const t = useTranslations("IntegrationEditor.testSend");
  const typeLabel = useMessageTypeLabel();
  const text = useCatalogueText();
  const serverError = useIntegrationErrorText();
  const { entry, integration } = useEditorContext();
  const { getValues, formState } = useFormContext<EditorForm>();
  const trpc = useTRPC();
  const [messageType, setMessageType] = useState<MessageType>("error");
  const [edited, setEdited] = useState<Partial<Record<MessageType, string>>>({});
  const [levelVariables, setLevelVariables] = useState<Record<string, string>>({});
  const [levelMessage, setLevelMessage] = useState("");
  const sample = useQuery(
    trpc.integrations.sampleAlert.queryOptions({ messageType }, { enabled: open, staleTime: Infinity }),
  );
  const send = useMutation(trpc.integrations.testSend.mutationOptions());
  const perLevel = entry.variables.filter((v) => v.modes.includes("perLevel"));

  const sampleText = edited[messageType] ?? (sample.data ? JSON.stringify(sample.data.alert, null, 2) : "");
  const parsed = sampleText === "" ? null : parseSample(sampleText);
  const dirty = formState.isDirty;

  const submit = () => {
    if (!parsed?.ok) return;
    const { type: _type, ...rest } = formToDraft(getValues(), entry);
    send.mutate({
      integrationId: integration.id,
      // Pending edits are tested as they are; stored secrets fill in what the browser never had.
      draft: dirty ? { type: entry.type, ...rest } : undefined,
      messageType,
      sampleAlert: parsed.value,
      levelMessage: levelMessage === "" ? undefined : levelMessage,
      levelVariables: Object.fromEntries(Object.entries(levelVariables).filter(([, v]) => v !== "")),
    });
  };

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={t("title")}
      description={t("description", { name: integration.name })}
      size="xl"
      footer={
        <>
          {dirty ? <span className="mr-auto text-[12px] text-warn">{t("usesUnsaved")}</span> : null}
          <Button variant="ghost" onClick={() => onOpenChange(false)}>
            {t("close")}
          </Button>
          <Button variant="primary" onClick={submit} disabled={!parsed?.ok || send.isPending}>
            {send.isPending ? (
              <LoaderCircle className="size-3.5 animate-spin" aria-hidden />
            ) : (
              <Send className="size-3.5" aria-hidden />
            )}
            {t("send", { type: typeLabel(messageType) })}
          </Button>
        </>
      }
    >
      <div className="grid min-h-[28rem] gap-0 lg:grid-cols-[minmax(0,420px)_minmax(0,1fr)]">
        <div className="flex flex-col gap-3 border-b border-border p-4 lg:border-r lg:border-b-0">
          <div className="flex items-center justify-between">
            <span className="text-[12px] font-medium text-muted">{t("messageType")}</span>
            <Segmented
              label={t("messageType")}
              value={messageType}
              onChange={setMessageType}
              options={MESSAGE_TYPES.map((m) => ({ value: m, label: typeLabel(m) }))}
            />
          </div>
          {perLevel.map((v) => (
            <Field
              key={v.name}
              label={t("levelValue", { label: text.variableLabel(entry, v) })}
              htmlFor={`test-level-${v.name}`}
              hint={t("levelValueHint")}
            >
              <Input
                id={`test-level-${v.name}`}
                className="font-mono"
                value={levelVariables[v.name] ?? ""}
                onChange={(e) => setLevelVariables({ ...levelVariables, [v.name]: e.target.value })}
              />
            </Field>
          ))}
          <Field label={t("levelMessage")} htmlFor="test-level-message">
            <Input
              id="test-level-message"
              value={levelMessage}
              placeholder={sample.data?.levelMessage}
              onChange={(e) => setLevelMessage(e.target.value)}
            />
          </Field>
          <div className="flex min-h-0 flex-1 flex-col gap-1">
            <div className="flex items-center justify-between">
              <label htmlFor="test-sample-alert" className="text-[12px] font-medium text-muted">
                {t("sampleAlert")}
              </label>
              <Button
                variant="ghost"
                onClick={() => setEdited({ ...edited, [messageType]: undefined })}
                disabled={edited[messageType] === undefined}
              >
                <RotateCcw className="size-3.5" aria-hidden /> {t("reset")}
              </Button>
            </div>
            <Textarea
              id="test-sample-alert"
              spellCheck={false}
              wrap="off"
              className="min-h-72 flex-1 overflow-auto font-mono text-[11.5px] leading-relaxed"
              value={sampleText}
              aria-invalid={parsed && !parsed.ok ? true : undefined}
              onChange={(e) => setEdited({ ...edited, [messageType]: e.target.value })}
            />
            {parsed && !parsed.ok ? (
              <p className="text-[11px] text-danger" role="alert">
                {parsed.error.kind === "json"
                  ? t("notJson", { detail: parsed.error.detail })
                  : t("fieldRefused", { path: parsed.error.path, detail: parsed.error.detail })}
              </p>
            ) : null}
          </div>
        </div>
        <div className="min-w-0 p-4" aria-live="polite">
          {send.error ? <p className="text-danger">{serverError(send.error)}</p> : null}
          {send.data ? (
            <TestSendResult result={send.data} />
          ) : !send.error ? (
            <p className="text-[12px] text-muted">{send.isPending ? t("sending") : t("resultHint")}</p>
          ) : null}
        </div>
      </div>
    </Dialog>
  );
}
