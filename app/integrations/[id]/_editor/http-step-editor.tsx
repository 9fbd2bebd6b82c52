"use client";

import { ArrowDown, ArrowUp, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { Tabs } from "radix-ui";
import { useFormContext, useWatch } from "react-hook-form";
import { Button } from "~/app/_components/ui/button";
import { Input, Select } from "~/app/_components/ui/field";
import { httpMethodSchema } from "~/core/integrations/customizations-schema";
import { useIssuesUnder } from "./editor-context";
import { FieldIssues } from "./field-issues";
import { useFormErrorText } from "./form-error-text";
import type { EditorForm } from "./form-model";
import { KeyValueEditor } from "./key-value-editor";
import { OutboundUrlHint } from "./outbound-url-hint";
import { StepAuth } from "./step-auth";
import { StepBody } from "./step-body";
import { StepCaptures } from "./step-captures";

interface Props {
  definition: number;
  step: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
}

function TabTrigger({ value, label, flagged }: { value: string; label: string; flagged: boolean }) {
  const t = useTranslations("IntegrationEditor.step");
  return (
    <Tabs.Trigger
      value={value}
      className="-mb-px flex items-center gap-1 border-b-2 border-transparent px-2 py-1 text-[12px] text-muted hover:text-fg data-[state=active]:border-accent data-[state=active]:text-fg"
    >
      {label}
      {flagged ? <span className="size-1.5 rounded-full bg-danger" aria-label={t("hasProblems")} /> : null}
    </Tabs.Trigger>
  );
}

/** One HTTP step: method and URL, then body, headers, authentication and captures in tabs. */
export function HttpStepEditor({ definition, step, count, onMove, onRemove }: Props) {
  const t = useTranslations("IntegrationEditor.step");
  const errorText = useFormErrorText();
  const { register, control, formState } = useFormContext<EditorForm>();
  const base = `stepDefinitions.${definition}.steps.${step}`;
  const headers = useWatch({ control, name: `stepDefinitions.${definition}.steps.${step}.headers` });
  const captures = useWatch({ control, name: `stepDefinitions.${definition}.steps.${step}.captures` });
  const authType = useWatch({ control, name: `stepDefinitions.${definition}.steps.${step}.auth.type` });
  const url = useWatch({ control, name: `stepDefinitions.${definition}.steps.${step}.url` });
  const urlError = errorText(formState.errors.stepDefinitions?.[definition]?.steps?.[step]?.url?.message);
  const issues = useIssuesUnder(base);
  const flagged = (part: string) => issues.some((i) => i.path.startsWith(`${base}.${part}`));

  return (
    <div className="rounded-md border border-border bg-bg/40" data-testid="http-step">
      <div className="flex items-center gap-2 border-b border-border px-2.5 py-1.5">
        <span className="text-[11px] font-semibold text-muted tabular-nums">{step + 1}</span>
        <Input
          aria-label={t("name")}
          placeholder={t("namePlaceholder", { number: step + 1 })}
          className="h-6 max-w-60 border-transparent bg-transparent font-medium"
          {...register(`stepDefinitions.${definition}.steps.${step}.name`)}
        />
        <div className="ml-auto flex items-center">
          <Button
            variant="ghost"
            className="px-1.5"
            onClick={() => onMove(step - 1)}
            disabled={step === 0}
            aria-label={t("moveUp")}
          >
            <ArrowUp className="size-3.5" aria-hidden />
          </Button>
          <Button
            variant="ghost"
            className="px-1.5"
            onClick={() => onMove(step + 1)}
            disabled={step === count - 1}
            aria-label={t("moveDown")}
          >
            <ArrowDown className="size-3.5" aria-hidden />
          </Button>
          <Button variant="ghost" className="px-1.5" onClick={onRemove} disabled={count === 1} aria-label={t("remove")}>
            <X className="size-3.5" aria-hidden />
          </Button>
        </div>
      </div>
      <div className="flex flex-col gap-2 p-2.5">
        <div className="flex flex-col gap-0.5">
          <div className="flex gap-1.5">
            <div className="w-28 shrink-0">
              <Select
                aria-label={t("method")}
                className="font-mono"
                {...register(`stepDefinitions.${definition}.steps.${step}.method`)}
              >
                {httpMethodSchema.options.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </Select>
            </div>
            <Input
              aria-label={t("url")}
              placeholder="{{ApiUrl}}"
              className="font-mono"
              spellCheck={false}
              aria-invalid={urlError ? true : undefined}
              {...register(`stepDefinitions.${definition}.steps.${step}.url`)}
            />
          </div>
          {urlError ? <p className="text-[11px] text-danger">{urlError}</p> : null}
          <FieldIssues path={`${base}.url`} />
          <OutboundUrlHint value={url} />
        </div>
        <Tabs.Root defaultValue="body">
          <Tabs.List className="flex border-b border-border" aria-label={t("parts")}>
            <TabTrigger value="body" label={t("body")} flagged={flagged("body")} />
            <TabTrigger value="headers" label={t("headers", { count: headers.length })} flagged={flagged("headers")} />
            <TabTrigger
              value="auth"
              label={authType === "none" ? t("auth") : t("authOf", { type: authType })}
              flagged={flagged("auth")}
            />
            <TabTrigger value="captures" label={t("captures", { count: captures.length })} flagged={false} />
          </Tabs.List>
          <Tabs.Content value="body" className="pt-2">
            <StepBody definition={definition} step={step} />
          </Tabs.Content>
          <Tabs.Content value="headers" className="pt-2">
            <KeyValueEditor
              definition={definition}
              step={step}
              kind="headers"
              noun="header"
              namePlaceholder="Header-Name"
              issuePath={(name) => `${base}.headers.${name}`}
            />
          </Tabs.Content>
          <Tabs.Content value="auth" className="pt-2">
            <StepAuth definition={definition} step={step} />
          </Tabs.Content>
          <Tabs.Content value="captures" className="pt-2">
            <StepCaptures definition={definition} step={step} />
          </Tabs.Content>
        </Tabs.Root>
      </div>
    </div>
  );
}
