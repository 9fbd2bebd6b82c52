import { getTranslations } from "next-intl/server";
import { BellRing } from "lucide-react";

export default async function SharedTemplateNotFound() {
  const t = await getTranslations("SharedTemplate");
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-2 p-6 text-center">
      <BellRing className="size-5 text-accent" aria-hidden />
      <h1 className="text-[16px] font-semibold">{t("notFound")}</h1>
      <p className="text-muted">{t("askAgain")}</p>
    </main>
  );
}
