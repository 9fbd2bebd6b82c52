import { BellRing } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

/** Any address Alertflow does not have, in the visitor's language. */
export default async function NotFound() {
  const t = await getTranslations("ErrorPages");
  return (
    <main className="flex min-h-[60vh] flex-1 flex-col items-center justify-center gap-2 p-6 text-center">
      <BellRing className="size-5 text-accent" aria-hidden />
      <h1 className="text-[16px] font-semibold">{t("notFoundTitle")}</h1>
      <p className="max-w-sm text-muted">{t("notFoundText")}</p>
      <Link href="/flows" className="text-accent hover:underline">
        {t("backToFlows")}
      </Link>
    </main>
  );
}
