"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { z } from "zod";
import type { NodeData } from "~/app/_components/flow-canvas/canvas-types";
import { Field, Input } from "~/app/_components/ui/field";
import { Section } from "./inspector-section";
import { useLiveCommit } from "./use-live-form";

const branchFormSchema = z.object({ label: z.string().max(200, "At most 200 characters") });
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
  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate>
      <Section title="Branch">
        <Field label="Name" htmlFor={`${nodeId}-label`} error={formState.errors.label?.message}>
          <Input id={`${nodeId}-label`} {...register("label")} />
        </Field>
        <p className="text-[12px] leading-5 text-muted">
          Each message type leaves through its own output: <span className="text-danger">Error</span> when the level
          fires, <span className="text-warn">Reminder</span> for each reminder, <span className="text-ok">Ok</span> when
          the problem clears. Leave an output unconnected to send nothing of that type.
        </p>
      </Section>
    </form>
  );
}
