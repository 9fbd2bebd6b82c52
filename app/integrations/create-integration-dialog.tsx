"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { integrationTypeSchema } from "~/core/integrations/integration-types";
import { Button } from "../_components/ui/button";
import { Dialog } from "../_components/ui/dialog";
import { Field, Input } from "../_components/ui/field";
import { useTRPC } from "../_lib/trpc";
import type { CatalogueEntry } from "./_lib/catalogue";
import { TypeTile } from "./_ui/type-icon";

/** The name may stay empty: the type's label is a fine first name, and it can be renamed later. */
const createSchema = z.object({ type: integrationTypeSchema, name: z.string().trim().max(200) });
type CreateForm = z.infer<typeof createSchema>;

interface Props {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  types: CatalogueEntry[];
}

/** Pick a type from the catalogue and name it; everything else is set in the editor. */
export function CreateIntegrationDialog({ open, onOpenChange, types }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const form = useForm<CreateForm>({
    resolver: zodResolver(createSchema),
    defaultValues: { type: "webhook", name: "" },
  });
  const chosen = useWatch({ control: form.control, name: "type" });
  const create = useMutation(
    trpc.integrations.create.mutationOptions({
      onSuccess: async ({ id }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.integrations.list.queryKey() });
        router.push(`/integrations/${id}`);
      },
      onError: (err) => toast.error(err.message),
    }),
  );
  const chosenEntry = types.find((t) => t.type === chosen);
  const submit = form.handleSubmit(({ type, name }) =>
    create.mutate({ type, name: name || (types.find((t) => t.type === type)?.label ?? type) }),
  );

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="New integration"
      description="Choose where messages go. You set its values and test it next."
      size="md"
      footer={
        <>
          <Button variant="ghost" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" form="create-integration" disabled={create.isPending}>
            Create
          </Button>
        </>
      }
    >
      <form id="create-integration" onSubmit={submit} className="flex flex-col gap-4 p-4" noValidate>
        <fieldset>
          <legend className="mb-2 text-[12px] font-medium text-muted">Type</legend>
          <div className="grid grid-cols-2 gap-1.5" role="radiogroup" aria-label="Integration type">
            {types.map((t) => (
              <label
                key={t.type}
                className={`flex cursor-pointer items-start gap-2.5 rounded-md border px-2.5 py-2 has-[input:focus-visible]:outline-2 has-[input:focus-visible]:outline-accent ${
                  chosen === t.type ? "border-accent bg-accent/5" : "border-border hover:bg-raised"
                }`}
              >
                <input type="radio" value={t.type} className="sr-only" {...form.register("type")} />
                <TypeTile type={t.type} />
                <span className="min-w-0">
                  <span className="block font-medium">{t.label}</span>
                  <span className="block text-[12px] leading-snug text-muted">{t.description}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <Field
          label="Name"
          htmlFor="integration-name"
          error={form.formState.errors.name?.message}
          hint="Optional; defaults to the type's name."
        >
          <Input
            id="integration-name"
            placeholder={chosenEntry?.label ?? ""}
            aria-invalid={form.formState.errors.name ? true : undefined}
            autoComplete="off"
            {...form.register("name")}
          />
        </Field>
      </form>
    </Dialog>
  );
}
