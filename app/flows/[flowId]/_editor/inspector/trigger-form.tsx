"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Plus, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import type { NodeData } from "~/app/_components/flow-canvas/canvas-types";
import { formatLabel } from "~/app/_components/flow-canvas/nodes/trigger-node";
import { Button } from "~/app/_components/ui/button";
import { Field, Input, Select } from "~/app/_components/ui/field";
import { alertFormatSchema, filterOpSchema } from "~/core/flow/document";
import { Section } from "./inspector-section";
import { useFormError, useLiveCommit } from "./use-live-form";

const triggerFormSchema = z.object({
  label: z.string().max(200, "max200"),
  format: alertFormatSchema,
  alertKey: z.string().max(500, "max500"),
  filters: z
    .array(
      z.object({
        field: z.string().trim().min(1, "filterField"),
        op: filterOpSchema,
        value: z.string(),
      }),
    )
    .max(50, "max50Filters"),
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
  const t = useTranslations("NodeForms");
  const card = useTranslations("NodeCard");
  const formError = useFormError();

  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate>
      <Section title={t("trigger.title")}>
        <Field label={t("name")} htmlFor={id("label")} error={formError(errors.label)}>
          <Input id={id("label")} {...register("label")} />
        </Field>
        <Field label={t("trigger.format")} htmlFor={id("format")} hint={t("trigger.formatHint")}>
          <Select id={id("format")} {...register("format")}>
            {alertFormatSchema.options.map((f) => (
              <option key={f} value={f}>
                {formatLabel(f, card)}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label={t("trigger.alertKey")}
          htmlFor={id("key")}
          error={formError(errors.alertKey)}
          hint={t("trigger.alertKeyHint", { example: "{{labels.service}}" })}
        >
          <Input id={id("key")} className="font-mono" placeholder="{{labels.service}}" {...register("alertKey")} />
        </Field>
      </Section>
      <Section title={t("trigger.filters")}>
        {filters.fields.length === 0 ? <p className="text-[12px] text-muted">{t("trigger.noFilters")}</p> : null}
        {filters.fields.map((f, i) => (
          <div key={f.id} className="flex flex-col gap-1 rounded-md border border-border p-2">
            <div className="flex items-center gap-1">
              <Input
                aria-label={t("trigger.filterField", { n: i + 1 })}
                className="font-mono"
                placeholder="labels.severity"
                {...register(`filters.${i}.field`)}
              />
              <button
                type="button"
                aria-label={t("trigger.removeFilter", { n: i + 1 })}
                onClick={() => filters.remove(i)}
                className="rounded p-1 text-muted hover:bg-raised hover:text-fg"
              >
                <X className="size-3.5" aria-hidden />
              </button>
            </div>
            {/* Stacked: side by side, the narrow inspector left the value 15 px to type in. */}
            <div className="flex flex-col gap-1">
              <Select aria-label={t("trigger.filterOperator", { n: i + 1 })} {...register(`filters.${i}.op`)}>
                {filterOpSchema.options.map((op) => (
                  <option key={op} value={op}>
                    {t(`trigger.ops.${op}`)}
                  </option>
                ))}
              </Select>
              {filterValues[i]?.op === "exists" ? null : (
                <Input aria-label={t("trigger.filterValue", { n: i + 1 })} {...register(`filters.${i}.value`)} />
              )}
            </div>
            {errors.filters?.[i]?.field ? (
              <p className="text-[11px] text-danger">{formError(errors.filters[i]?.field)}</p>
            ) : null}
          </div>
        ))}
        <Button onClick={() => filters.append({ field: "", op: "equals", value: "" })} className="self-start">
          <Plus className="size-3.5" aria-hidden /> {t("trigger.addFilter")}
        </Button>
      </Section>
    </form>
  );
}
