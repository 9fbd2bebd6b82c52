import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { Toaster } from "sonner";
import { requestProfileLocale } from "~/server/i18n/profile-locale";
import { AppShell } from "./_components/app-shell";
import { TrpcQueryProvider } from "./_lib/trpc";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("PageTitles");
  return { title: "Alertflow", description: t("appDescription") };
}

// Applied before paint so the theme never flashes.
const themeScript = `try{var t=localStorage.getItem("alertflow-theme");if(t==="dark"||(!t&&matchMedia("(prefers-color-scheme: dark)").matches))document.documentElement.classList.add("dark")}catch(e){}`;

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  // The request's nonce (proxy.ts): the policy runs no inline script without it.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  // The same (cached) session lookup that chose the language: a profile locale that is not
  // undefined means a signed-in session, known before any client query answers.
  const sessionSignedIn = (await requestProfileLocale()) !== undefined;
  return (
    <html lang={locale} suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body>
        <NextIntlClientProvider>
          <TrpcQueryProvider>
            <AppShell sessionSignedIn={sessionSignedIn}>{children}</AppShell>
            <Toaster position="bottom-right" richColors closeButton />
          </TrpcQueryProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
