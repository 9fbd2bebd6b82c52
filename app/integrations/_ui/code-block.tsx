"use client";

import { useTranslations } from "next-intl";

/** Monospaced text exactly as sent or received; long lines wrap so nothing hides off to the side. */
export function CodeBlock({
  children,
  label,
  maxHeight = "max-h-72",
}: {
  children: string;
  label?: string;
  maxHeight?: string;
}) {
  const t = useTranslations("IntegrationExchange");
  return (
    <pre
      aria-label={label}
      className={`overflow-auto rounded-md border border-border bg-bg px-2.5 py-2 font-mono text-[11.5px] leading-relaxed break-all whitespace-pre-wrap text-fg ${maxHeight}`}
    >
      {children === "" ? <span className="text-muted">{t("empty")}</span> : children}
    </pre>
  );
}

/** Pretty-prints JSON bodies so a preview reads like the receiver's docs; other text is kept as is. */
export function prettyBody(body: string): string {
  const trimmed = body.trim();
  if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return body;
  try {
    return JSON.stringify(JSON.parse(trimmed), null, 2);
  } catch {
    return body;
  }
}
