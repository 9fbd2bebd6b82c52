"use client";

import { RotateCcw } from "lucide-react";
import { Tabs } from "radix-ui";
import { useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { Button } from "~/app/_components/ui/button";
import { Field, Input, Textarea } from "~/app/_components/ui/field";
import { MESSAGE_TYPES, messageTypeSchema, type MessageType } from "~/core/message-template/message-type";
import { MESSAGE_TYPE_LABEL } from "../../_lib/catalogue";
import { Section } from "../../_ui/section";
import { Switch } from "../../_ui/switch";
import { IssuesProvider, useEditorContext } from "./editor-context";
import { FieldIssues } from "./field-issues";
import type { EditorForm } from "./form-model";
import { MessagePreview } from "./message-preview";
import { useLivePreview } from "./use-live-preview";
import { TemplateReference } from "./template-reference";

function EmailFields({ type, readOnly }: { type: MessageType; readOnly: boolean }) {
  const { register, formState } = useFormContext<EditorForm>();
  const subjectError = formState.errors.email?.[type]?.subject?.message;
  return (
    <fieldset
      disabled={readOnly}
      className="flex min-w-0 flex-col gap-3 [&_:is(input,textarea,select):disabled]:opacity-80"
    >
      <Field label="Subject" htmlFor={`email-${type}-subject`} error={subjectError}>
        <Input
          id={`email-${type}-subject`}
          className="font-mono"
          spellCheck={false}
          {...register(`email.${type}.subject`)}
        />
      </Field>
      <FieldIssues path={`email.${type}.subject`} />
      <Field
        label="HTML body"
        htmlFor={`email-${type}-html`}
        hint="Encode alert text with {{@XmlEncode(…)}}: it is not trusted HTML."
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
      <Field label="Plain-text body" htmlFor={`email-${type}-text`}>
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
      title="Messages"
      id="messages"
      description="One email per message type. Subjects and bodies are templates; HTML and plain text go out together."
      actions={
        <>
          <TemplateReference />
          {customized ? (
            <Button variant="ghost" onClick={reset}>
              <RotateCcw className="size-3.5" aria-hidden /> Reset to defaults
            </Button>
          ) : null}
          <label className="flex items-center gap-2 text-[12px]">
            <Switch
              checked={customized}
              label="Customize messages"
              onCheckedChange={(on) => {
                setValue("emailCustomized", on, { shouldDirty: true });
                if (!on) reset();
              }}
            />
            Customize messages
          </label>
        </>
      }
    >
      <Tabs.Root value={type} onValueChange={(v) => setType(messageTypeSchema.catch("error").parse(v))}>
        <Tabs.List className="mb-3 flex border-b border-border" aria-label="Message type">
          {MESSAGE_TYPES.map((t) => (
            <Tabs.Trigger
              key={t}
              value={t}
              className="-mb-px border-b-2 border-transparent px-3 py-1.5 text-[12px] text-muted hover:text-fg data-[state=active]:border-accent data-[state=active]:text-fg"
            >
              {MESSAGE_TYPE_LABEL[t]}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_minmax(0,0.9fr)]">
          <IssuesProvider issues={preview.data?.issues ?? []}>
            {MESSAGE_TYPES.map((t) => (
              <Tabs.Content key={t} value={t} className="min-w-0">
                <EmailFields type={t} readOnly={!customized} />
              </Tabs.Content>
            ))}
          </IssuesProvider>
          <MessagePreview preview={preview.data} loading={preview.isFetching} error={preview.error?.message} />
        </div>
      </Tabs.Root>
    </Section>
  );
}
