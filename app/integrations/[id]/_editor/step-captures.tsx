"use client";

import { Plus, X } from "lucide-react";
import { useFieldArray, useFormContext } from "react-hook-form";
import { Button } from "~/app/_components/ui/button";
import { Input, Select } from "~/app/_components/ui/field";
import type { EditorForm } from "./form-model";

/** Values read from this step's response that later steps use as {{Name}} (a token, a record id). */
export function StepCaptures({ definition, step }: { definition: number; step: number }) {
  const { control, register, formState } = useFormContext<EditorForm>();
  const rows = useFieldArray({ control, name: `stepDefinitions.${definition}.steps.${step}.captures` });
  const errors = formState.errors.stepDefinitions?.[definition]?.steps?.[step]?.captures;
  return (
    <div className="flex flex-col gap-1.5">
      <p className="text-[11px] text-muted">
        The steps after this one can use each captured value as {"{{Name}}"}. A missing value fails the message.
      </p>
      {rows.fields.map((row, index) => {
        const error = errors?.[index]?.name?.message ?? errors?.[index]?.path?.message;
        return (
          <div key={row.id} className="flex flex-col gap-0.5">
            <div className="grid grid-cols-[minmax(0,0.7fr)_130px_minmax(0,1fr)_auto] gap-1.5">
              <Input
                aria-label="Variable name"
                placeholder="Token"
                className="font-mono"
                {...register(`stepDefinitions.${definition}.steps.${step}.captures.${index}.name`)}
              />
              <Select
                aria-label="Read from"
                {...register(`stepDefinitions.${definition}.steps.${step}.captures.${index}.from`)}
              >
                <option value="jsonPath">JSON path</option>
                <option value="header">Header</option>
              </Select>
              <Input
                aria-label="Path"
                placeholder="$.result[0].sys_id"
                className="font-mono"
                {...register(`stepDefinitions.${definition}.steps.${step}.captures.${index}.path`)}
              />
              <Button variant="ghost" onClick={() => rows.remove(index)} aria-label="Remove capture">
                <X className="size-3.5" aria-hidden />
              </Button>
            </div>
            {error ? <p className="text-[11px] text-danger">{error}</p> : null}
          </div>
        );
      })}
      <div>
        <Button variant="ghost" onClick={() => rows.append({ name: "", from: "jsonPath", path: "" })}>
          <Plus className="size-3.5" aria-hidden /> Add capture
        </Button>
      </div>
    </div>
  );
}
