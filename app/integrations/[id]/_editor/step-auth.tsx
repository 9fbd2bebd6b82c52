"use client";

import { useTranslations } from "next-intl";
import { useFormContext, useWatch } from "react-hook-form";
import { Field, Input, Select } from "~/app/_components/ui/field";
import { FieldIssues } from "./field-issues";
import { authTypes, type EditorForm } from "./form-model";

/** Authentication of one step. Credentials belong in secret variables, referenced by name. */
export function StepAuth({ definition, step }: { definition: number; step: number }) {
  const t = useTranslations("IntegrationEditor.auth");
  const { control, register } = useFormContext<EditorForm>();
  const base = `stepDefinitions.${definition}.steps.${step}`;
  const type = useWatch({ control, name: `stepDefinitions.${definition}.steps.${step}.auth.type` });
  const id = (part: string) => `auth-${definition}-${step}-${part}`;
  return (
    <div className="flex flex-col gap-2">
      <Field label={t("type")} htmlFor={id("type")}>
        <Select
          id={id("type")}
          className="max-w-72"
          {...register(`stepDefinitions.${definition}.steps.${step}.auth.type`)}
        >
          {authTypes.map((a) => (
            <option key={a} value={a}>
              {t(`kind.${a}`)}
            </option>
          ))}
        </Select>
      </Field>
      {type === "basic" || type === "digest" ? (
        <div className="grid gap-2 sm:grid-cols-2">
          <Field label={t("username")} htmlFor={id("user")}>
            <Input
              id={id("user")}
              className="font-mono"
              spellCheck={false}
              placeholder="{{Username}}"
              {...register(`stepDefinitions.${definition}.steps.${step}.auth.username`)}
            />
          </Field>
          <Field label={t("password")} htmlFor={id("password")}>
            <Input
              id={id("password")}
              className="font-mono"
              spellCheck={false}
              placeholder="{{Password}}"
              {...register(`stepDefinitions.${definition}.steps.${step}.auth.password`)}
            />
          </Field>
          <FieldIssues path={`${base}.auth.username`} />
          <FieldIssues path={`${base}.auth.password`} />
        </div>
      ) : null}
      {type === "bearer" ? (
        <Field label={t("token")} htmlFor={id("token")}>
          <Input
            id={id("token")}
            className="font-mono"
            spellCheck={false}
            placeholder="{{Token}}"
            {...register(`stepDefinitions.${definition}.steps.${step}.auth.token`)}
          />
        </Field>
      ) : null}
      {type === "bearer" ? <FieldIssues path={`${base}.auth.token`} /> : null}
      {type !== "none" ? (
        <p className="text-[11px] text-muted">{t("credentialsHint", { example: "{{Password}}" })}</p>
      ) : null}
    </div>
  );
}
