"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useCallback } from "react";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import type { NodeData } from "~/app/_components/flow-canvas/canvas-types";
import { minutesToSeconds, secondsToMinutes } from "~/app/_components/flow-canvas/durations";
import { Field, Input, Textarea } from "~/app/_components/ui/field";
import { Section } from "./inspector-section";
import { numberError, useLiveCommit } from "./use-live-form";

/** Minutes in the form, seconds in the document: people think in minutes, tests run in seconds. */
const levelFormSchema = z.object({
  label: z.string().max(200, "At most 200 characters"),
  level: z.number(numberError).int("A whole number").min(1, "1 to 20").max(20, "1 to 20"),
  mode: z.enum(["duration", "count"]),
  afterMinutes: z.number(numberError).min(0, "0 or more").max(43_200, "At most 30 days"),
  errorCount: z.number(numberError).int("A whole number").min(1, "At least 1").max(10_000),
  reminderCount: z.number(numberError).int("A whole number").min(0, "0 or more").max(100, "At most 100"),
  reminderEveryMinutes: z
    .number(numberError)
    .min(1 / 60, "At least 1 second (0.0167 min)")
    .max(10_080, "At most a week"),
  message: z.string().max(5000, "At most 5000 characters"),
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

  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate>
      <Section title="Level">
        <div className="grid grid-cols-[4.5rem_1fr] gap-2">
          <Field label="Level" htmlFor={id("level")} error={errors.level?.message}>
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
          <Field label="Name" htmlFor={id("label")} error={errors.label?.message}>
            <Input id={id("label")} placeholder="e.g. On-call" {...register("label")} />
          </Field>
        </div>
      </Section>
      <Section title="Fires when">
        <div className="flex gap-3 text-[13px]" role="radiogroup" aria-label="Escalation condition">
          <label className="flex items-center gap-1.5">
            <input type="radio" value="duration" className="accent-[var(--accent)]" {...register("mode")} /> Error lasts
          </label>
          <label className="flex items-center gap-1.5">
            <input type="radio" value="count" className="accent-[var(--accent)]" {...register("mode")} /> Consecutive
            errors
          </label>
        </div>
        {mode === "duration" ? (
          <Field
            label="After (minutes)"
            htmlFor={id("after")}
            error={errors.afterMinutes?.message}
            hint="Measured from the first error; 0 fires at once. Fractions allowed (0.5 = 30 s)."
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
          <Field label="After this many consecutive errors" htmlFor={id("count")} error={errors.errorCount?.message}>
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
      <Section title="Reminders">
        <div className="grid grid-cols-2 gap-2">
          <Field label="At most" htmlFor={id("reminders")} error={errors.reminderCount?.message}>
            <Input
              id={id("reminders")}
              type="number"
              step={1}
              min={0}
              aria-invalid={Boolean(errors.reminderCount)}
              {...register("reminderCount", { valueAsNumber: true })}
            />
          </Field>
          <Field label="Every (minutes)" htmlFor={id("every")} error={errors.reminderEveryMinutes?.message}>
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
      <Section title="Message">
        <Field
          label="Custom message"
          htmlFor={id("message")}
          error={errors.message?.message}
          hint="Templates read it as {{@escalationLevel.message}}."
        >
          <Textarea id={id("message")} rows={3} {...register("message")} />
        </Field>
      </Section>
    </form>
  );
}
