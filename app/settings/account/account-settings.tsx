"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { changePasswordInput, MIN_PASSWORD_LENGTH } from "~/core/accounts/account-inputs";
import { FormError } from "../../_components/auth/auth-card";
import { Button } from "../../_components/ui/button";
import { Field, Input } from "../../_components/ui/field";
import { authClient } from "../../_lib/auth-client";

type ChangePassword = z.infer<typeof changePasswordInput>;

/** The signed-in user's own settings: who they are, and their password. */
export function AccountSettings() {
  const session = authClient.useSession();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<ChangePassword>({
    resolver: zodResolver(changePasswordInput),
    defaultValues: { currentPassword: "", newPassword: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await authClient.changePassword({ ...values, revokeOtherSessions: true });
    if (result.error) return setError(result.error.message ?? "Could not change the password");
    form.reset();
    toast.success("Password changed; other sessions were signed out");
  });
  const user = session.data?.user;

  return (
    <div className="flex max-w-md flex-col gap-8">
      <section className="flex flex-col gap-1">
        <h2 className="text-[13px] font-semibold">Profile</h2>
        <dl className="grid grid-cols-[6rem_1fr] gap-y-1 text-[13px]">
          <dt className="text-muted">Name</dt>
          <dd>{user?.name ?? "…"}</dd>
          <dt className="text-muted">Email</dt>
          <dd>{user?.email ?? "…"}</dd>
        </dl>
      </section>
      <section className="flex flex-col gap-3">
        <h2 className="text-[13px] font-semibold">Change password</h2>
        <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
          <FormError message={error} />
          <Field label="Current password" htmlFor="current-password" error={errors.currentPassword?.message}>
            <Input
              id="current-password"
              type="password"
              autoComplete="current-password"
              {...form.register("currentPassword")}
            />
          </Field>
          <Field
            label="New password"
            htmlFor="new-password"
            error={errors.newPassword?.message}
            hint={`At least ${MIN_PASSWORD_LENGTH} characters; other sessions are signed out`}
          >
            <Input id="new-password" type="password" autoComplete="new-password" {...form.register("newPassword")} />
          </Field>
          <div>
            <Button type="submit" variant="primary" disabled={isSubmitting}>
              Change password
            </Button>
          </div>
        </form>
      </section>
    </div>
  );
}
