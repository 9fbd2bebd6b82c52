"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { createWorkspaceInput } from "~/core/accounts/account-inputs";
import { AuthCard, FormError } from "../_components/auth/auth-card";
import { Button } from "../_components/ui/button";
import { Field, Input } from "../_components/ui/field";
import { useTRPC } from "../_lib/trpc";
import { SignOutButton } from "../_components/auth/sign-out-button";

type CreateWorkspace = z.infer<typeof createWorkspaceInput>;

/** Signed in, in no workspace yet: create one, or open the invitation link a colleague sent. */
export function WelcomeView() {
  const trpc = useTRPC();
  const me = useQuery(trpc.account.me.queryOptions());
  const form = useForm<CreateWorkspace>({ resolver: zodResolver(createWorkspaceInput), defaultValues: { name: "" } });
  const create = useMutation(
    trpc.account.createWorkspace.mutationOptions({ onSuccess: () => window.location.assign("/flows") }),
  );
  const name = me.data?.user?.name;

  return (
    <AuthCard
      title={name ? `Welcome, ${name}` : "Welcome"}
      subtitle="Create a workspace for your team's flows. Joining an existing one? Open the invitation link an owner sent you."
      footer={<SignOutButton />}
    >
      <form onSubmit={form.handleSubmit((values) => create.mutate(values))} className="flex flex-col gap-3" noValidate>
        <FormError message={create.error?.message ?? null} />
        <Field label="Workspace name" htmlFor="workspace-name" error={form.formState.errors.name?.message}>
          <Input id="workspace-name" placeholder="Acme SRE" autoFocus {...form.register("name")} />
        </Field>
        <Button type="submit" variant="primary" className="h-8 justify-center" disabled={create.isPending}>
          Create workspace
        </Button>
      </form>
    </AuthCard>
  );
}
