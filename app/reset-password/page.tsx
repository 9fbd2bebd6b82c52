import { ResetPasswordForm } from "./reset-password-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Choose a new password · Alertflow" };

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; error?: string }>;
}) {
  const { token, error } = await searchParams;
  return <ResetPasswordForm token={error ? null : (token ?? null)} />;
}
