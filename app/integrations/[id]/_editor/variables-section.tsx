"use client";

import { useTranslations } from "next-intl";
import { useFormContext, useWatch } from "react-hook-form";
import { Input, Select } from "~/app/_components/ui/field";
import type { CatalogueVariable } from "../../_lib/catalogue";
import { useCatalogueText } from "../../_lib/use-catalogue-text";
import { Section } from "../../_ui/section";
import { CustomVariables } from "./custom-variables";
import { useEditorContext } from "./editor-context";
import type { EditorForm } from "./form-model";
import { OutboundUrlHint } from "./outbound-url-hint";
import { SecretInput } from "./secret-input";

const isBoolean = (v: CatalogueVariable) => v.defaultValue === "true" || v.defaultValue === "false";

function useHint() {
  const t = useTranslations("IntegrationEditor.variables");
  const text = useCatalogueText();
  const { entry } = useEditorContext();
  return (v: CatalogueVariable): string => {
    const parts: string[] = [];
    const description = text.variableDescription(entry, v);
    if (description) parts.push(/[.!?]$/.test(description) ? description : `${description}.`);
    if (v.modes.includes("perLevel")) parts.push(t("perLevelHint"));
    if (v.secret) parts.push(t("secretHint"));
    return parts.join(" ");
  };
}

/** The value as typed, for the outbound guard's hint under URL variables. */
function TypedUrlHint({ name }: { name: string }) {
  const value = useWatch<EditorForm>({ name: `variables.${name}` });
  return <OutboundUrlHint value={typeof value === "string" ? value : undefined} />;
}

function VariableControl({ v }: { v: CatalogueVariable }) {
  const t = useTranslations("IntegrationEditor.variables");
  const { register } = useFormContext<EditorForm>();
  const { integration } = useEditorContext();
  const id = `var-${v.name}`;
  if (v.secret)
    return (
      <SecretInput
        id={id}
        field={`secrets.${v.name}`}
        secretName={v.name}
        stored={integration.secretNames.includes(v.name)}
      />
    );
  if (isBoolean(v)) {
    return (
      <Select id={id} {...register(`variables.${v.name}`)}>
        <option value="true">{t("yes")}</option>
        <option value="false">{t("no")}</option>
      </Select>
    );
  }
  return (
    <Input
      id={id}
      autoComplete="off"
      spellCheck={false}
      className="font-mono"
      placeholder={
        v.defaultValue ? t("defaultValue", { value: v.defaultValue }) : v.required ? t("required") : t("optional")
      }
      {...register(`variables.${v.name}`)}
    />
  );
}

/** The type's predefined variables, then the person's own (for customized steps). */
export function VariablesSection() {
  const t = useTranslations("IntegrationEditor.variables");
  const text = useCatalogueText();
  const hint = useHint();
  const { entry } = useEditorContext();
  return (
    <Section title={t("title")} id="variables" description={t("description", { example: "{{Name}}" })}>
      <div className="flex flex-col divide-y divide-border">
        {entry.variables.map((v) => (
          <div
            key={v.name}
            className="grid gap-x-4 gap-y-1 py-2 first:pt-0 last:pb-0 md:grid-cols-[220px_minmax(0,1fr)]"
            data-testid={`variable-${v.name}`}
          >
            <div className="min-w-0 pt-1">
              <label htmlFor={`var-${v.name}`} className="font-medium">
                {text.variableLabel(entry, v)}
                {v.required ? (
                  <span className="ml-1 text-muted" title={t("required")}>
                    *
                  </span>
                ) : null}
              </label>
              <div className="font-mono text-[11px] text-muted">{`{{${v.name}}}`}</div>
            </div>
            <div className="flex min-w-0 flex-col gap-1">
              <VariableControl v={v} />
              {v.secret || isBoolean(v) ? null : <TypedUrlHint name={v.name} />}
              {hint(v) ? <p className="text-[11px] text-muted">{hint(v)}</p> : null}
            </div>
          </div>
        ))}
      </div>
      {entry.capabilities.customizable ? <CustomVariables /> : null}
    </Section>
  );
}
