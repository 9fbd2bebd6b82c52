"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Plus, X } from "lucide-react";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import type { NodeData } from "~/app/_components/flow-canvas/canvas-types";
import { FORMAT_LABELS } from "~/app/_components/flow-canvas/nodes/trigger-node";
import { Button } from "~/app/_components/ui/button";
import { Field, Input, Select } from "~/app/_components/ui/field";
import { alertFormatSchema, filterOpSchema } from "~/core/flow/document";
import { Section } from "./inspector-section";
import { useLiveCommit } from "./use-live-form";

const OP_LABELS: Record<z.infer<typeof filterOpSchema>, string> = {
  equals: "equals",
  notEquals: "does not equal",
  contains: "contains",
  matches: "matches regex",
  exists: "exists",
};

const triggerFormSchema = z.object({
  label: z.string().max(200, "At most 200 characters"),
  format: alertFormatSchema,
  alertKey: z.string().max(500, "At most 500 characters"),
  filters: z
    .array(
      z.object({
        field: z.string().trim().min(1, "Name a field, e.g. labels.severity"),
        op: filterOpSchema,
        value: z.string(),
      }),
    )
    .max(50, "At most 50 filters"),
});
type TriggerForm = z.infer<typeof triggerFormSchema>;
const parse = (values: unknown) => triggerFormSchema.safeParse(values);

export function TriggerFormPanel({
  nodeId,
  data,
  onChange,
}: {
  nodeId: string;
  data: NodeData<"trigger">;
  onChange: (data: NodeData<"trigger">) => void;
}) {
  const form = useForm<TriggerForm>({
    resolver: zodResolver(triggerFormSchema),
    mode: "onChange",
    defaultValues: { label: data.label, format: data.format, alertKey: data.alertKey, filters: data.filters },
  });
  useLiveCommit(form.watch, parse, onChange);
  const { register, control, formState } = form;
  const filters = useFieldArray({ control, name: "filters" });
  const filterValues = useWatch({ control, name: "filters" });
  const errors = formState.errors;
  const id = (field: string) => `${nodeId}-${field}`;

  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate>
      <Section title="Trigger">
        <Field label="Name" htmlFor={id("label")} error={errors.label?.message}>
          <Input id={id("label")} {...register("label")} />
        </Field>
        <Field
          label="Inbound format"
          htmlFor={id("format")}
          hint="The shape of the JSON your monitoring tool posts to this flow's endpoint."
        >
          <Select id={id("format")} {...register("format")}>
            {alertFormatSchema.options.map((f) => (
              <option key={f} value={f}>
                {FORMAT_LABELS[f]}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label="Alert key"
          htmlFor={id("key")}
          error={errors.alertKey?.message}
          hint="Which alerts are one incident. Empty: the alert's own key. E.g. {{labels.service}}"
        >
          <Input id={id("key")} className="font-mono" placeholder="{{labels.service}}" {...register("alertKey")} />
        </Field>
      </Section>
      <Section title="Filters">
        {filters.fields.length === 0 ? (
          <p className="text-[12px] text-muted">Every alert starts this flow. Add a filter to take only some.</p>
        ) : null}
        {filters.fields.map((f, i) => (
          <div key={f.id} className="flex flex-col gap-1 rounded-md border border-border p-2">
            <div className="flex items-center gap-1">
              <Input
                aria-label={`Filter ${i + 1} field`}
                className="font-mono"
                placeholder="labels.severity"
                {...register(`filters.${i}.field`)}
              />
              <button
                type="button"
                aria-label={`Remove filter ${i + 1}`}
                onClick={() => filters.remove(i)}
                className="rounded p-1 text-muted hover:bg-raised hover:text-fg"
              >
                <X className="size-3.5" aria-hidden />
              </button>
            </div>
            <div className="flex gap-1">
              <Select
                aria-label={`Filter ${i + 1} operator`}
                className="w-36 shrink-0"
                {...register(`filters.${i}.op`)}
              >
                {filterOpSchema.options.map((op) => (
                  <option key={op} value={op}>
                    {OP_LABELS[op]}
                  </option>
                ))}
              </Select>
              {filterValues[i]?.op === "exists" ? null : (
                <Input aria-label={`Filter ${i + 1} value`} {...register(`filters.${i}.value`)} />
              )}
            </div>
            {errors.filters?.[i]?.field ? (
              <p className="text-[11px] text-danger">{errors.filters[i]?.field?.message}</p>
            ) : null}
          </div>
        ))}
        <Button onClick={() => filters.append({ field: "", op: "equals", value: "" })} className="self-start">
          <Plus className="size-3.5" aria-hidden /> Add filter
        </Button>
      </Section>
    </form>
  );
}
