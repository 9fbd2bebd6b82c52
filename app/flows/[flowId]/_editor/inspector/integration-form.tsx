"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useCallback } from "react";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import type { NodeData } from "~/app/_components/flow-canvas/canvas-types";
import { CheckboxField, Field, Input, Select } from "~/app/_components/ui/field";
import { useCatalogueText } from "~/app/integrations/_lib/use-catalogue-text";
import { useEditor } from "../store/editor-context";
import { Section } from "./inspector-section";
import { useFormError, useLiveCommit } from "./use-live-form";

const integrationFormSchema = z.object({
  label: z.string().max(200, "max200"),
  /** "" while nothing is chosen: a select cannot hold null. */
  integrationId: z.string(),
  sendOk: z.boolean(),
  sendReminders: z.boolean(),
  variables: z.record(z.string(), z.string().max(5000, "max5000")),
});
type IntegrationForm = z.infer<typeof integrationFormSchema>;
const parse = (values: unknown) => integrationFormSchema.safeParse(values);

export function IntegrationFormPanel({
  nodeId,
  data,
  onChange,
}: {
  nodeId: string;
  data: NodeData<"integration">;
  onChange: (data: NodeData<"integration">) => void;
}) {
  const integrations = useEditor((s) => s.integrations);
  const loaded = useEditor((s) => s.integrationsLoaded);
  const form = useForm<IntegrationForm>({
    resolver: zodResolver(integrationFormSchema),
    mode: "onChange",
    defaultValues: {
      label: data.label,
      integrationId: data.integrationId ?? "",
      sendOk: data.sendOk,
      sendReminders: data.sendReminders,
      variables: data.variables,
    },
  });
  const commit = useCallback(
    ({ integrationId, variables, ...rest }: IntegrationForm) => {
      const chosen = integrations[integrationId];
      // Only the chosen integration's per-level variables are kept; blanks fall back to its own value.
      const names = chosen ? new Set(chosen.perLevelVariables.map((v) => v.name)) : null;
      const kept = Object.entries(variables).filter(
        ([name, value]) => value.trim() !== "" && (names === null || names.has(name)),
      );
      onChange({
        ...rest,
        integrationId: integrationId === "" ? null : integrationId,
        variables: Object.fromEntries(kept),
      });
    },
    [integrations, onChange],
  );
  useLiveCommit(form.watch, parse, commit);
  const { register, control, formState } = form;
  const chosen = integrations[useWatch({ control, name: "integrationId" })];
  const options = Object.values(integrations).sort((a, b) => a.name.localeCompare(b.name));
  const id = (field: string) => `${nodeId}-${field}`;
  const t = useTranslations("NodeForms");
  const text = useCatalogueText();
  const formError = useFormError();

  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate>
      <Section title={t("integration.title")}>
        <Field
          label={t("integration.sendThrough")}
          htmlFor={id("integration")}
          hint={loaded && options.length === 0 ? t("integration.noneYet") : undefined}
        >
          <Select id={id("integration")} {...register("integrationId")}>
            <option value="">{t("integration.choose")}</option>
            {options.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name} · {i.type}
                {i.enabled ? "" : ` ${t("integration.disabledTag")}`}
              </option>
            ))}
            {data.integrationId && loaded && !integrations[data.integrationId] ? (
              <option value={data.integrationId}>{t("integration.unknown")}</option>
            ) : null}
          </Select>
        </Field>
        {chosen && !chosen.enabled ? <p className="text-[12px] text-warn">{t("integration.disabled")}</p> : null}
        <Link href="/integrations" className="text-[12px] text-accent hover:underline">
          {t("integration.manage")}
        </Link>
        <Field label={t("integration.canvasName")} htmlFor={id("label")} error={formError(formState.errors.label)}>
          <Input
            id={id("label")}
            placeholder={chosen?.name ?? t("integration.canvasNamePlaceholder")}
            {...register("label")}
          />
        </Field>
      </Section>
      <Section title={t("integration.linkSends")}>
        <CheckboxField label={t("integration.sendOk")} {...register("sendOk")} />
        <CheckboxField
          label={t("integration.sendReminders")}
          hint={t("integration.sendRemindersHint")}
          {...register("sendReminders")}
        />
      </Section>
      {chosen && chosen.perLevelVariables.length > 0 ? (
        <Section title={t("integration.levelValues")}>
          {chosen.perLevelVariables.map((v) => (
            <Field
              key={`${chosen.id}-${v.name}`}
              label={text.variableLabel(chosen, v)}
              htmlFor={id(`var-${v.name}`)}
              hint={t("integration.levelValueHint", { variable: `{{${v.name}}}` })}
            >
              <Input id={id(`var-${v.name}`)} {...register(`variables.${v.name}`)} />
            </Field>
          ))}
        </Section>
      ) : null}
    </form>
  );
}
