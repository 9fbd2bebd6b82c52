"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { signUpInput } from "~/core/accounts/account-inputs";
import { AuthCard, FormError } from "../_components/auth/auth-card";
import { Button } from "../_components/ui/button";
import { Field, Input } from "../_components/ui/field";
import { authClient } from "../_lib/auth-client";

const forgotInput = signUpInput.pick({ email: true });
type Forgot = z.infer<typeof forgotInput>;

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
export function ForgotPasswordForm() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Forgot>({ resolver: zodResolver(forgotInput), defaultValues: { email: "" } });
  const submit = form.handleSubmit(async ({ email }) => {
    setError(null);
    const result = await authClient.requestPasswordReset({ email, redirectTo: "/reset-password" });
    if (result.error) return setError(result.error.message ?? "Could not send the link");
    setSentTo(email);
  });

  return (
    <AuthCard
      title="Reset your password"
      footer={
        <Link className="text-accent hover:underline" href="/sign-in">
          Back to sign in
        </Link>
      }
    >
      {sentTo ? (
        <p role="status">
          If <strong>{sentTo}</strong> has an account, a reset link is on its way. It works for an hour. Without a mail
          server configured, the link is printed in the Alertflow server log: ask your administrator.
        </p>
      ) : (
        <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
          <FormError message={error} />
          <Field label="Email" htmlFor="email" error={form.formState.errors.email?.message}>
            <Input id="email" type="email" autoComplete="email" autoFocus {...form.register("email")} />
          </Field>
          <Button type="submit" variant="primary" className="h-8 justify-center" disabled={form.formState.isSubmitting}>
            Send reset link
          </Button>
        </form>
      )}
    </AuthCard>
  );
}
