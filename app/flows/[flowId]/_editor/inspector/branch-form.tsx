"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { z } from "zod";
import type { NodeData } from "~/app/_components/flow-canvas/canvas-types";
import { Field, Input } from "~/app/_components/ui/field";
import { Section } from "./inspector-section";
import { useFormError, useLiveCommit } from "./use-live-form";

const branchFormSchema = z.object({ label: z.string().max(200, "max200") });
type BranchForm = z.infer<typeof branchFormSchema>;
const parse = (values: unknown) => branchFormSchema.safeParse(values);

export function BranchFormPanel({
  nodeId,
  data,
  onChange,
}: {
  nodeId: string;
  data: NodeData<"branch">;
  onChange: (data: NodeData<"branch">) => void;
}) {
  const { register, watch, formState } = useForm<BranchForm>({
    resolver: zodResolver(branchFormSchema),
    mode: "onChange",
    defaultValues: { label: data.label },
  });
  useLiveCommit(watch, parse, onChange);
  const t = useTranslations("NodeForms");
  const formError = useFormError();
  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate>
      <Section title={t("branch.title")}>
        <Field label={t("name")} htmlFor={`${nodeId}-label`} error={formError(formState.errors.label)}>
          <Input id={`${nodeId}-label`} {...register("label")} />
        </Field>
        <p className="text-[12px] leading-5 text-muted">
          {t.rich("branch.explain", {
            error: (chunks) => <span className="text-danger">{chunks}</span>,
            reminder: (chunks) => <span className="text-warn">{chunks}</span>,
            ok: (chunks) => <span className="text-ok">{chunks}</span>,
          })}
        </p>
      </Section>
    </form>
  );
}
