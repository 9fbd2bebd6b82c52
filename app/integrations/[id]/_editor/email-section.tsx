"use client";

import { RotateCcw } from "lucide-react";
import { useTranslations } from "next-intl";
import { Tabs } from "radix-ui";
import { useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { Button } from "~/app/_components/ui/button";
import { Field, Input, Textarea } from "~/app/_components/ui/field";
import { MESSAGE_TYPES, messageTypeSchema, type MessageType } from "~/core/message-template/message-type";
import { useIntegrationErrorText } from "../../_lib/use-integration-error-text";
import { useMessageTypeLabel } from "../../_lib/use-message-type-label";
import { Section } from "../../_ui/section";
import { Switch } from "../../_ui/switch";
import { IssuesProvider, useEditorContext } from "./editor-context";
import { FieldIssues } from "./field-issues";
import { useFormErrorText } from "./form-error-text";
import type { EditorForm } from "./form-model";
import { MessagePreview } from "./message-preview";
import { useLivePreview } from "./use-live-preview";
import { TemplateReference } from "./template-reference";

function EmailFields({ type, readOnly }: { type: MessageType; readOnly: boolean }) {
  const t = useTranslations("IntegrationEditor.email");
  const errorText = useFormErrorText();
  const { register, formState } = useFormContext<EditorForm>();
  const subjectError = errorText(formState.errors.email?.[type]?.subject?.message);
  return (
    <fieldset
      disabled={readOnly}
      className="flex min-w-0 flex-col gap-3 [&_:is(input,textarea,select):disabled]:opacity-80"
    >
      <Field label={t("subject")} htmlFor={`email-${type}-subject`} error={subjectError}>
        <Input
          id={`email-${type}-subject`}
          className="font-mono"
          spellCheck={false}
          {...register(`email.${type}.subject`)}
        />
      </Field>
      <FieldIssues path={`email.${type}.subject`} />
      <Field
        label={t("htmlBody")}
        htmlFor={`email-${type}-html`}
        hint={t("htmlHint", { example: "{{@XmlEncode(…)}}" })}
      >
        <Textarea
          id={`email-${type}-html`}
          wrap="off"
          spellCheck={false}
          className="max-h-[28rem] min-h-24 [field-sizing:content] overflow-auto font-mono text-[12px]"
          {...register(`email.${type}.html`)}
        />
      </Field>
      <FieldIssues path={`email.${type}.html`} />
      <Field label={t("textBody")} htmlFor={`email-${type}-text`}>
        <Textarea
          id={`email-${type}-text`}
          wrap="off"
          spellCheck={false}
          className="max-h-[28rem] min-h-24 [field-sizing:content] overflow-auto font-mono text-[12px]"
          {...register(`email.${type}.text`)}
        />
      </Field>
      <FieldIssues path={`email.${type}.text`} />
    </fieldset>
  );
}

/** Email: subject, HTML and plain text per message type, each with its live preview. */
export function EmailSection() {
  const t = useTranslations("IntegrationEditor.email");
  const typeLabel = useMessageTypeLabel();
  const serverError = useIntegrationErrorText();
  const { entry } = useEditorContext();
  const { control, setValue } = useFormContext<EditorForm>();
  const customized = useWatch({ control, name: "emailCustomized" });
  const [type, setType] = useState<MessageType>("error");
  const preview = useLivePreview(type);
  const reset = () => {
    if (entry.defaultEmail) setValue("email", entry.defaultEmail, { shouldDirty: true });
  };

  return (
    <Section
      title={t("title")}
      id="messages"
      description={t("description")}
      actions={
        <>
          <TemplateReference />
          {customized ? (
            <Button variant="ghost" onClick={reset}>
              <RotateCcw className="size-3.5" aria-hidden /> {t("resetDefaults")}
            </Button>
          ) : null}
          <label className="flex items-center gap-2 text-[12px]">
            <Switch
              checked={customized}
              label={t("customize")}
              onCheckedChange={(on) => {
                setValue("emailCustomized", on, { shouldDirty: true });
                if (!on) reset();
              }}
            />
            {t("customize")}
          </label>
        </>
      }
    >
      <Tabs.Root value={type} onValueChange={(v) => setType(messageTypeSchema.catch("error").parse(v))}>
        <Tabs.List className="mb-3 flex border-b border-border" aria-label={t("messageType")}>
          {MESSAGE_TYPES.map((m) => (
            <Tabs.Trigger
              key={m}
              value={m}
              className="-mb-px border-b-2 border-transparent px-3 py-1.5 text-[12px] text-muted hover:text-fg data-[state=active]:border-accent data-[state=active]:text-fg"
            >
              {typeLabel(m)}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_minmax(0,0.9fr)]">
          <IssuesProvider issues={preview.data?.issues ?? []}>
            {MESSAGE_TYPES.map((m) => (
              <Tabs.Content key={m} value={m} className="min-w-0">
                <EmailFields type={m} readOnly={!customized} />
              </Tabs.Content>
            ))}
          </IssuesProvider>
          <MessagePreview
            preview={preview.data}
            loading={preview.isFetching}
            error={serverError(preview.error)}
            messageType={type}
          />
        </div>
      </Tabs.Root>
    </Section>
  );
}
