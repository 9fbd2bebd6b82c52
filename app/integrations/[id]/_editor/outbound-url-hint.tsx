"use client";

import { useQuery } from "@tanstack/react-query";
import { ShieldAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useTRPC } from "~/app/_lib/trpc";
import { useDebounced } from "../../_lib/use-debounced";

const looksLikeUrl = (value: string) => /^https?:\/\/[^\s{}]+$/i.test(value.trim());

/**
 * Under a URL field: when the outbound guard would refuse the URL as typed (a private or loopback
 * address not on the allow-list), say so right there and what to do, before anything is sent.
 */
export function OutboundUrlHint({ value }: { value: string | undefined }) {
  const t = useTranslations("OutboundUrlHint");
  const trpc = useTRPC();
  const url = useDebounced((value ?? "").trim(), 400);
  const check = useQuery({
    ...trpc.integrations.checkOutboundUrl.queryOptions({ url }),
    enabled: looksLikeUrl(url),
    staleTime: 5_000,
  });
  const result = check.data;
  if (!looksLikeUrl(url) || result?.status !== "blocked") return null;
  return (
    <div
      role="status"
      data-testid="outbound-url-hint"
      className="flex items-start gap-1.5 rounded-md border border-warn/40 bg-warn/5 px-2 py-1.5 text-[12px]"
    >
      <ShieldAlert className="mt-0.5 size-3.5 shrink-0 text-warn" aria-hidden />
      <p>
        {t("blocked", { host: result.host })}{" "}
        {result.canAllow ? (
          <Link
            className="font-medium text-accent hover:underline"
            href={`/settings/workspace?add=${encodeURIComponent(result.host)}`}
          >
            {t("addToAllowList", { host: result.host })}
          </Link>
        ) : (
          t("askOwner", { host: result.host })
        )}
      </p>
    </div>
  );
}
