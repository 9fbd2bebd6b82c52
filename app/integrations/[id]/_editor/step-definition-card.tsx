"use client";

import { Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Controller, useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Button } from "~/app/_components/ui/button";
import { MESSAGE_TYPES, type MessageType } from "~/core/message-template/message-type";
import { useIntegrationErrorText } from "../../_lib/use-integration-error-text";
import { useMessageTypeLabel } from "../../_lib/use-message-type-label";
import { Segmented } from "../../_ui/segmented";
import { IssuesProvider } from "./editor-context";
import { useFormErrorText } from "./form-error-text";
import { emptyStep, type EditorForm } from "./form-model";
import { HttpStepEditor } from "./http-step-editor";
import { MessagePreview } from "./message-preview";
import { useLivePreview } from "./use-live-preview";

function MessageTypeChecks({ index, readOnly }: { index: number; readOnly: boolean }) {
  const t = useTranslations("IntegrationEditor.definition");
  const typeLabel = useMessageTypeLabel();
  const errorText = useFormErrorText();
  const { control, formState } = useFormContext<EditorForm>();
  const error = errorText(formState.errors.stepDefinitions?.[index]?.messageTypes?.message);
  return (
    <Controller
      control={control}
      name={`stepDefinitions.${index}.messageTypes`}
      render={({ field }) => (
        <div className="flex items-center gap-3" role="group" aria-label={t("messageTypes", { number: index + 1 })}>
          <span className="text-[12px] text-muted">{t("sends")}</span>
          {MESSAGE_TYPES.map((type) => (
            <label key={type} className="flex items-center gap-1 text-[12px]">
              <input
                type="checkbox"
                className="size-3.5 accent-[var(--accent)]"
                disabled={readOnly}
                checked={field.value.includes(type)}
                onChange={(e) =>
                  field.onChange(
                    e.target.checked
                      ? MESSAGE_TYPES.filter((m) => m === type || field.value.includes(m))
                      : field.value.filter((m) => m !== type),
                  )
                }
              />
              {typeLabel(type)}
            </label>
          ))}
          {error ? (
            <span className="text-[11px] text-danger" role="alert">
              {error}
            </span>
          ) : null}
        </div>
      )}
    />
  );
}

interface CardProps {
  index: number;
  count: number;
  readOnly: boolean;
  onRemove: () => void;
}

/** One step definition: which message types it sends, its ordered steps, and their live preview. */
export function StepDefinitionCard({ index, count, readOnly, onRemove }: CardProps) {
  const t = useTranslations("IntegrationEditor.definition");
  const typeLabel = useMessageTypeLabel();
  const serverError = useIntegrationErrorText();
  const { control } = useFormContext<EditorForm>();
  const ticked = useWatch({ control, name: `stepDefinitions.${index}.messageTypes` });
  const steps = useFieldArray({ control, name: `stepDefinitions.${index}.steps` });
  const available = MESSAGE_TYPES.filter((m) => ticked.includes(m));
  const [chosen, setChosen] = useState<MessageType>("error");
  const shown = available.includes(chosen) ? chosen : (available[0] ?? "error");
  const preview = useLivePreview(shown);

  return (
    <article className="overflow-hidden rounded-md border border-border" data-testid="step-definition">
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-border bg-raised/50 px-3 py-2">
        <div className="flex flex-wrap items-center gap-4">
          <h3 className="text-[12px] font-semibold">{t("title", { number: index + 1 })}</h3>
          <MessageTypeChecks index={index} readOnly={readOnly} />
        </div>
        {!readOnly && count > 1 ? (
          <Button variant="ghost" onClick={onRemove} aria-label={t("remove", { number: index + 1 })}>
            <Trash2 className="size-3.5" aria-hidden />
          </Button>
        ) : null}
      </header>
      <div className="grid xl:grid-cols-[minmax(0,1fr)_minmax(0,0.85fr)]">
        <IssuesProvider issues={preview.data?.issues ?? []}>
          {/* Read-only defaults stay legible: dimmed a little, not to the usual disabled look. */}
          <fieldset
            disabled={readOnly}
            className="flex min-w-0 flex-col gap-3 p-3 [&_:is(input,textarea,select):disabled]:opacity-80"
          >
            {steps.fields.map((field, s) => (
              <HttpStepEditor
                key={field.id}
                definition={index}
                step={s}
                count={steps.fields.length}
                onMove={(to) => steps.move(s, to)}
                onRemove={() => steps.remove(s)}
              />
            ))}
            {!readOnly && steps.fields.length < 10 ? (
              <div>
                <Button variant="ghost" onClick={() => steps.append(emptyStep())}>
                  <Plus className="size-3.5" aria-hidden /> {t("addStep")}
                </Button>
              </div>
            ) : null}
          </fieldset>
        </IssuesProvider>
        <div className="min-w-0 border-t border-border p-3 xl:border-t-0 xl:border-l">
          {available.length === 0 ? (
            <p className="text-[12px] text-muted">{t("tickToPreview")}</p>
          ) : (
            <MessagePreview
              preview={preview.data}
              loading={preview.isFetching}
              error={serverError(preview.error)}
              messageType={shown}
              control={
                <Segmented
                  label={t("previewType")}
                  value={shown}
                  onChange={setChosen}
                  options={available.map((m) => ({ value: m, label: typeLabel(m) }))}
                />
              }
            />
          )}
        </div>
      </div>
    </article>
  );
}
