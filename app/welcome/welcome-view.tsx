"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { createWorkspaceInput } from "~/core/accounts/account-inputs";
import { AuthCard, FormError } from "../_components/auth/auth-card";
import { SignOutButton } from "../_components/auth/sign-out-button";
import { useAccountErrors } from "../_components/auth/use-account-errors";
import { Button } from "../_components/ui/button";
import { Field, Input } from "../_components/ui/field";
import { useTRPC } from "../_lib/trpc";

type CreateWorkspace = z.infer<typeof createWorkspaceInput>;

/** Signed in, in no workspace yet: create one, or open the invitation link a colleague sent. */
export function WelcomeView() {
  const t = useTranslations("Welcome");
  const errorText = useAccountErrors();
  const trpc = useTRPC();
  const me = useQuery(trpc.account.me.queryOptions());
  const form = useForm<CreateWorkspace>({ resolver: zodResolver(createWorkspaceInput), defaultValues: { name: "" } });
  const create = useMutation(
    trpc.account.createWorkspace.mutationOptions({ onSuccess: () => window.location.assign("/flows") }),
  );
  const name = me.data?.user?.name;

  return (
    <AuthCard title={name ? t("titleNamed", { name }) : t("title")} subtitle={t("subtitle")} footer={<SignOutButton />}>
      <form onSubmit={form.handleSubmit((values) => create.mutate(values))} className="flex flex-col gap-3" noValidate>
        <FormError
          message={errorText.server(create.error ? { status: create.error.data?.httpStatus } : null, "createWorkspace")}
        />
        <Field
          label={t("workspaceName")}
          htmlFor="workspace-name"
          error={errorText.field("workspaceName", form.formState.errors.name)}
        >
          <Input id="workspace-name" placeholder="Acme SRE" autoFocus {...form.register("name")} />
        </Field>
        <Button type="submit" variant="primary" className="h-8 justify-center" disabled={create.isPending}>
          {t("submit")}
        </Button>
      </form>
    </AuthCard>
  );
}
