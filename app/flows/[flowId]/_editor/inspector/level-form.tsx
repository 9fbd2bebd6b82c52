"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useCallback } from "react";
import { useTranslations } from "next-intl";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import type { NodeData } from "~/app/_components/flow-canvas/canvas-types";
import { minutesToSeconds, secondsToMinutes } from "~/app/_components/flow-canvas/durations";
import { Field, Input, Textarea } from "~/app/_components/ui/field";
import { Section } from "./inspector-section";
import { numberError, useFormError, useLiveCommit } from "./use-live-form";

/** Minutes in the form, seconds in the document: people think in minutes, tests run in seconds. */
const levelFormSchema = z.object({
  label: z.string().max(200, "max200"),
  level: z.number(numberError).int("whole").min(1, "level").max(20, "level"),
  mode: z.enum(["duration", "count"]),
  afterMinutes: z.number(numberError).min(0, "notNegative").max(43_200, "max30Days"),
  errorCount: z.number(numberError).int("whole").min(1, "atLeast1").max(10_000, "max10000"),
  reminderCount: z.number(numberError).int("whole").min(0, "notNegative").max(100, "max100"),
  reminderEveryMinutes: z
    .number(numberError)
    .min(1 / 60, "atLeast1Second")
    .max(10_080, "maxWeek"),
  message: z.string().max(5000, "max5000"),
});
type LevelForm = z.infer<typeof levelFormSchema>;

const parse = (values: unknown) => levelFormSchema.safeParse(values);

export function LevelFormPanel({
  nodeId,
  data,
  onChange,
}: {
  nodeId: string;
  data: NodeData<"level">;
  onChange: (data: NodeData<"level">) => void;
}) {
  const form = useForm<LevelForm>({
    resolver: zodResolver(levelFormSchema),
    mode: "onChange",
    defaultValues: {
      label: data.label,
      level: data.level,
      mode: data.mode,
      afterMinutes: secondsToMinutes(data.afterSeconds),
      errorCount: data.errorCount,
      reminderCount: data.reminderCount,
      reminderEveryMinutes: secondsToMinutes(data.reminderEverySeconds),
      message: data.message,
    },
  });
  const commit = useCallback(
    ({ afterMinutes, reminderEveryMinutes, ...rest }: LevelForm) =>
      onChange({
        ...rest,
        afterSeconds: minutesToSeconds(afterMinutes),
        reminderEverySeconds: minutesToSeconds(reminderEveryMinutes),
      }),
    [onChange],
  );
  useLiveCommit(form.watch, parse, commit);
  const { register, control, formState } = form;
  const errors = formState.errors;
  const mode = useWatch({ control, name: "mode" });
  const reminders = useWatch({ control, name: "reminderCount" });
  const id = (field: string) => `${nodeId}-${field}`;
  const t = useTranslations("NodeForms");
  const formError = useFormError();

  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate>
      <Section title={t("level.title")}>
        <div className="grid grid-cols-[4.5rem_1fr] gap-2">
          <Field label={t("level.level")} htmlFor={id("level")} error={formError(errors.level)}>
            <Input
              id={id("level")}
              type="number"
              step={1}
              min={1}
              max={20}
              aria-invalid={Boolean(errors.level)}
              {...register("level", { valueAsNumber: true })}
            />
          </Field>
          <Field label={t("name")} htmlFor={id("label")} error={formError(errors.label)}>
            <Input id={id("label")} placeholder={t("level.namePlaceholder")} {...register("label")} />
          </Field>
        </div>
      </Section>
      <Section title={t("level.firesWhen")}>
        <div className="flex gap-3 text-[13px]" role="radiogroup" aria-label={t("level.condition")}>
          <label className="flex items-center gap-1.5">
            <input type="radio" value="duration" className="accent-[var(--accent)]" {...register("mode")} />{" "}
            {t("level.errorLasts")}
          </label>
          <label className="flex items-center gap-1.5">
            <input type="radio" value="count" className="accent-[var(--accent)]" {...register("mode")} />{" "}
            {t("level.consecutive")}
          </label>
        </div>
        {mode === "duration" ? (
          <Field
            label={t("level.afterMinutes")}
            htmlFor={id("after")}
            error={formError(errors.afterMinutes)}
            hint={t("level.afterHint")}
          >
            <Input
              id={id("after")}
              type="number"
              step="any"
              min={0}
              aria-invalid={Boolean(errors.afterMinutes)}
              {...register("afterMinutes", { valueAsNumber: true })}
            />
          </Field>
        ) : (
          <Field label={t("level.afterErrors")} htmlFor={id("count")} error={formError(errors.errorCount)}>
            <Input
              id={id("count")}
              type="number"
              step={1}
              min={1}
              aria-invalid={Boolean(errors.errorCount)}
              {...register("errorCount", { valueAsNumber: true })}
            />
          </Field>
        )}
      </Section>
      <Section title={t("level.reminders")}>
        <div className="grid grid-cols-2 gap-2">
          <Field label={t("level.atMost")} htmlFor={id("reminders")} error={formError(errors.reminderCount)}>
            <Input
              id={id("reminders")}
              type="number"
              step={1}
              min={0}
              aria-invalid={Boolean(errors.reminderCount)}
              {...register("reminderCount", { valueAsNumber: true })}
            />
          </Field>
          <Field label={t("level.every")} htmlFor={id("every")} error={formError(errors.reminderEveryMinutes)}>
            <Input
              id={id("every")}
              type="number"
              step="any"
              min={0}
              disabled={reminders === 0}
              aria-invalid={Boolean(errors.reminderEveryMinutes)}
              {...register("reminderEveryMinutes", { valueAsNumber: true })}
            />
          </Field>
        </div>
      </Section>
      <Section title={t("level.message")}>
        <Field
          label={t("level.customMessage")}
          htmlFor={id("message")}
          error={formError(errors.message)}
          hint={t("level.messageHint", { variable: "{{@escalationLevel.message}}" })}
        >
          <Textarea id={id("message")} rows={3} {...register("message")} />
        </Field>
      </Section>
    </form>
  );
}
