"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { MIN_PASSWORD_LENGTH, setupInput } from "~/core/accounts/account-inputs";
import { AuthCard, FormError } from "../_components/auth/auth-card";
import { Button } from "../_components/ui/button";
import { Field, Input } from "../_components/ui/field";
import { useTRPC } from "../_lib/trpc";

type Setup = z.infer<typeof setupInput>;

/** The first owner and their workspace, in one step. */
export function SetupForm() {
  const trpc = useTRPC();
  const form = useForm<Setup>({
    resolver: zodResolver(setupInput),
    defaultValues: { name: "", email: "", password: "", workspaceName: "" },
  });
  const { errors } = form.formState;
  const setup = useMutation(trpc.account.setup.mutationOptions({ onSuccess: () => window.location.assign("/flows") }));

  return (
    <AuthCard title="Set up Alertflow" subtitle="Create the first owner. You can invite your team once you are in.">
      <form onSubmit={form.handleSubmit((values) => setup.mutate(values))} className="flex flex-col gap-3" noValidate>
        <FormError message={setup.error?.message ?? null} />
        <Field label="Your name" htmlFor="name" error={errors.name?.message}>
          <Input id="name" autoComplete="name" autoFocus {...form.register("name")} />
        </Field>
        <Field label="Email" htmlFor="email" error={errors.email?.message}>
          <Input id="email" type="email" autoComplete="email" {...form.register("email")} />
        </Field>
        <Field
          label="Password"
          htmlFor="password"
          error={errors.password?.message}
          hint={`At least ${MIN_PASSWORD_LENGTH} characters`}
        >
          <Input id="password" type="password" autoComplete="new-password" {...form.register("password")} />
        </Field>
        <Field
          label="Workspace name"
          htmlFor="workspaceName"
          error={errors.workspaceName?.message}
          hint="Your team or company; flows, integrations and runs live in it"
        >
          <Input id="workspaceName" placeholder="Acme SRE" {...form.register("workspaceName")} />
        </Field>
        <Button type="submit" variant="primary" className="mt-1 h-8 justify-center" disabled={setup.isPending}>
          {setup.isPending ? "Setting up…" : "Create owner and workspace"}
        </Button>
      </form>
    </AuthCard>
  );
}
