"use client";

import { useTranslations } from "next-intl";
import { Controller, useFormContext } from "react-hook-form";
import { Field, Input } from "~/app/_components/ui/field";
import { Switch } from "../../_ui/switch";
import { Section } from "../../_ui/section";
import { useFormErrorText } from "./form-error-text";
import type { EditorForm } from "./form-model";

export function SettingsSection() {
  const t = useTranslations("IntegrationEditor.general");
  const errorText = useFormErrorText();
  const { register, control, formState } = useFormContext<EditorForm>();
  return (
    <Section title={t("title")} id="general">
      <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_auto]">
        <Field label={t("name")} htmlFor="integration-name" error={errorText(formState.errors.name?.message)}>
          <Input
            id="integration-name"
            autoComplete="off"
            aria-invalid={formState.errors.name ? true : undefined}
            {...register("name")}
          />
        </Field>
        <div className="flex flex-col gap-1">
          <label htmlFor="integration-enabled" className="text-[12px] font-medium text-muted">
            {t("enabled")}
          </label>
          <Controller
            control={control}
            name="enabled"
            render={({ field }) => (
              <div className="flex h-7 items-center gap-2">
                <Switch
                  id="integration-enabled"
                  checked={field.value}
                  onCheckedChange={field.onChange}
                  label={t("enabled")}
                />
                <span className="text-[12px] text-muted">
                  {field.value ? t("sendsMessages") : t("deliveriesSkipped")}
                </span>
              </div>
            )}
          />
        </div>
      </div>
    </Section>
  );
}
