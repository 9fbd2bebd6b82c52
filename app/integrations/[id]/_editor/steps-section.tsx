"use client";

import { Plus, RotateCcw } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Button } from "~/app/_components/ui/button";
import { useCatalogueText } from "../../_lib/use-catalogue-text";
import { Section } from "../../_ui/section";
import { Switch } from "../../_ui/switch";
import { useEditorContext } from "./editor-context";
import { defaultDefinitionsToForm, emptyStep, type EditorForm } from "./form-model";
import { StepDefinitionCard } from "./step-definition-card";
import { TemplateReference } from "./template-reference";

/**
 * The HTTP messages: step definitions, each sending the message types it ticks through its
 * ordered steps. Uncustomized, the type's defaults are shown read-only and are what is sent.
 */
export function StepsSection() {
  const t = useTranslations("IntegrationEditor.steps");
  const locale = useLocale();
  const text = useCatalogueText();
  const { entry } = useEditorContext();
  const { control, setValue } = useFormContext<EditorForm>();
  const definitions = useFieldArray({ control, name: "stepDefinitions" });
  const customized = useWatch({ control, name: "customized" });
  const defaults = () => defaultDefinitionsToForm(entry, locale);

  const setCustomized = (on: boolean) => {
    setValue("customized", on, { shouldDirty: true });
    // Turning it off goes back to the defaults, which is what will be sent again.
    if (!on) definitions.replace(defaults());
  };

  return (
    <Section
      title={t("title")}
      id="messages"
      description={t("description")}
      actions={
        <>
          <TemplateReference />
          {customized ? (
            <Button variant="ghost" onClick={() => definitions.replace(defaults())}>
              <RotateCcw className="size-3.5" aria-hidden /> {t("resetDefaults")}
            </Button>
          ) : null}
          <label className="flex items-center gap-2 text-[12px]">
            <Switch
              checked={customized}
              onCheckedChange={setCustomized}
              label={t("customize")}
              disabled={!entry.capabilities.customizable}
            />
            {t("customize")}
          </label>
        </>
      }
    >
      <div className="flex flex-col gap-4">
        {!customized ? (
          <p className="text-[12px] text-muted">{t("defaultsHint", { type: text.typeLabel(entry) })}</p>
        ) : null}
        {definitions.fields.map((field, index) => (
          <StepDefinitionCard
            key={field.id}
            index={index}
            count={definitions.fields.length}
            readOnly={!customized}
            onRemove={() => definitions.remove(index)}
          />
        ))}
        {customized && definitions.fields.length < 3 ? (
          <div>
            <Button onClick={() => definitions.append({ messageTypes: [], steps: [emptyStep()] })}>
              <Plus className="size-3.5" aria-hidden /> {t("addDefinition")}
            </Button>
          </div>
        ) : null}
      </div>
    </Section>
  );
}
