"use client";

import { useTranslations } from "next-intl";
import { Controller, useFormContext, useWatch } from "react-hook-form";
import { Textarea } from "~/app/_components/ui/field";
import { Segmented } from "../../_ui/segmented";
import { FieldIssues } from "./field-issues";
import { bodyTypes, type EditorForm } from "./form-model";
import { KeyValueEditor } from "./key-value-editor";

/** The request body: none, raw template text (JSON, XML, text) or URL-encoded form fields. */
export function StepBody({ definition, step }: { definition: number; step: number }) {
  const t = useTranslations("IntegrationEditor.body");
  const { control, register } = useFormContext<EditorForm>();
  const base = `stepDefinitions.${definition}.steps.${step}`;
  const type = useWatch({ control, name: `stepDefinitions.${definition}.steps.${step}.bodyType` });
  return (
    <div className="flex flex-col gap-2">
      <Controller
        control={control}
        name={`stepDefinitions.${definition}.steps.${step}.bodyType`}
        render={({ field }) => (
          <Segmented
            label={t("type")}
            value={field.value}
            onChange={field.onChange}
            options={bodyTypes.map((b) => ({ value: b, label: t(`kind.${b}`) }))}
          />
        )}
      />
      {type === "raw" ? (
        <>
          <Textarea
            aria-label={t("body")}
            wrap="off"
            spellCheck={false}
            className="max-h-[32rem] min-h-24 [field-sizing:content] overflow-auto font-mono text-[12px] leading-relaxed"
            {...register(`stepDefinitions.${definition}.steps.${step}.bodyContent`)}
          />
          <FieldIssues path={`${base}.body.content`} />
          <p className="text-[11px] text-muted">
            {t("escapeHint", { json: "{{@JsonEncode(…)}}", xml: "{{@XmlEncode(…)}}" })}
          </p>
        </>
      ) : null}
      {type === "form" ? (
        <KeyValueEditor
          definition={definition}
          step={step}
          kind="formFields"
          noun="field"
          namePlaceholder="field"
          issuePath={(name) => `${base}.body.fields.${name}`}
        />
      ) : null}
      {type === "none" ? <p className="text-[12px] text-muted">{t("none")}</p> : null}
    </div>
  );
}
