import { redirectToSetupWhenNew } from "~/server/page-context";
import { SignUpForm } from "./sign-up-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Create an account · Alertflow" };

export default async function SignUpPage() {
  await redirectToSetupWhenNew();
  return <SignUpForm />;
}
