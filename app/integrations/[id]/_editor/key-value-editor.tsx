"use client";

import { Plus, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Button } from "~/app/_components/ui/button";
import { Input } from "~/app/_components/ui/field";
import { FieldIssues } from "./field-issues";
import { useFormErrorText } from "./form-error-text";
import type { EditorForm } from "./form-model";

interface KeyValueEditorProps {
  definition: number;
  step: number;
  kind: "headers" | "formFields";
  /** Server path of one entry's value, by its name, for template problems. */
  issuePath: (entryName: string) => string;
  /** What one row is, for its labels. */
  noun: "header" | "field";
  namePlaceholder: string;
}

/** Ordered name/value rows (headers, form fields); values are template text. */
export function KeyValueEditor({ definition, step, kind, issuePath, noun, namePlaceholder }: KeyValueEditorProps) {
  const t = useTranslations("IntegrationEditor.keyValue");
  const errorText = useFormErrorText();
  const { control, register, formState } = useFormContext<EditorForm>();
  const name: `stepDefinitions.${number}.steps.${number}.${typeof kind}` = `stepDefinitions.${definition}.steps.${step}.${kind}`;
  const rows = useFieldArray({ control, name });
  const values = useWatch({ control, name });
  const errorsOf = (index: number) =>
    errorText(formState.errors.stepDefinitions?.[definition]?.steps?.[step]?.[kind]?.[index]?.name?.message);
  return (
    <div className="flex flex-col gap-1.5">
      {rows.fields.map((row, index) => (
        <div key={row.id} className="flex flex-col gap-0.5">
          <div className="grid grid-cols-[minmax(120px,0.6fr)_minmax(0,1fr)_auto] gap-1.5">
            <Input
              aria-label={t("name", { noun })}
              placeholder={namePlaceholder}
              className="font-mono"
              spellCheck={false}
              aria-invalid={errorsOf(index) ? true : undefined}
              {...register(`${name}.${index}.name`)}
            />
            <Input
              aria-label={t("value", { noun })}
              placeholder={t("valuePlaceholder")}
              className="font-mono"
              spellCheck={false}
              {...register(`${name}.${index}.value`)}
            />
            <Button variant="ghost" onClick={() => rows.remove(index)} aria-label={t("remove", { noun })}>
              <X className="size-3.5" aria-hidden />
            </Button>
          </div>
          {errorsOf(index) ? <p className="text-[11px] text-danger">{errorsOf(index)}</p> : null}
          <FieldIssues path={issuePath(values[index]?.name ?? "")} />
        </div>
      ))}
      <div>
        <Button variant="ghost" onClick={() => rows.append({ name: "", value: "" })}>
          <Plus className="size-3.5" aria-hidden /> {t("add", { noun })}
        </Button>
      </div>
    </div>
  );
}
