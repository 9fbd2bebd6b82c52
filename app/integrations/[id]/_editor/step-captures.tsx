"use client";

import { Plus, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useFieldArray, useFormContext } from "react-hook-form";
import { Button } from "~/app/_components/ui/button";
import { Input, Select } from "~/app/_components/ui/field";
import { useFormErrorText } from "./form-error-text";
import type { EditorForm } from "./form-model";

/** Values read from this step's response that later steps use as {{Name}} (a token, a record id). */
export function StepCaptures({ definition, step }: { definition: number; step: number }) {
  const t = useTranslations("IntegrationEditor.captures");
  const errorText = useFormErrorText();
  const { control, register, formState } = useFormContext<EditorForm>();
  const rows = useFieldArray({ control, name: `stepDefinitions.${definition}.steps.${step}.captures` });
  const errors = formState.errors.stepDefinitions?.[definition]?.steps?.[step]?.captures;
  return (
    <div className="flex flex-col gap-1.5">
      <p className="text-[11px] text-muted">{t("hint", { example: "{{Name}}" })}</p>
      {rows.fields.map((row, index) => {
        const error = errorText(errors?.[index]?.name?.message ?? errors?.[index]?.path?.message);
        return (
          <div key={row.id} className="flex flex-col gap-0.5">
            <div className="grid grid-cols-[minmax(0,0.7fr)_130px_minmax(0,1fr)_auto] gap-1.5">
              <Input
                aria-label={t("name")}
                placeholder="Token"
                className="font-mono"
                {...register(`stepDefinitions.${definition}.steps.${step}.captures.${index}.name`)}
              />
              <Select
                aria-label={t("from")}
                {...register(`stepDefinitions.${definition}.steps.${step}.captures.${index}.from`)}
              >
                <option value="jsonPath">{t("jsonPath")}</option>
                <option value="header">{t("header")}</option>
              </Select>
              <Input
                aria-label={t("path")}
                placeholder="$.result[0].sys_id"
                className="font-mono"
                {...register(`stepDefinitions.${definition}.steps.${step}.captures.${index}.path`)}
              />
              <Button variant="ghost" onClick={() => rows.remove(index)} aria-label={t("remove")}>
                <X className="size-3.5" aria-hidden />
              </Button>
            </div>
            {error ? <p className="text-[11px] text-danger">{error}</p> : null}
          </div>
        );
      })}
      <div>
        <Button variant="ghost" onClick={() => rows.append({ name: "", from: "jsonPath", path: "" })}>
          <Plus className="size-3.5" aria-hidden /> {t("add")}
        </Button>
      </div>
    </div>
  );
}
