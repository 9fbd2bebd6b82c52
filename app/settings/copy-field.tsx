"use client";

import { Check, Copy } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "../_components/ui/button";
import { Input } from "../_components/ui/field";

/** A read-only value (a link, a token) with a button that copies it. */
export function CopyField({ id, value, label }: { id: string; value: string; label: string }) {
  const t = useTranslations("CopyField");
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // No clipboard outside a secure context (plain http on a LAN address): select it for Ctrl-C.
      const input = document.getElementById(id);
      if (input instanceof HTMLInputElement) input.select();
    }
  };
  return (
    <div className="flex items-center gap-2">
      <Input
        id={id}
        readOnly
        value={value}
        aria-label={label}
        className="font-mono"
        onFocus={(e) => e.currentTarget.select()}
      />
      <Button onClick={() => void copy()} aria-label={t("copy")}>
        {copied ? <Check className="size-3.5" aria-hidden /> : <Copy className="size-3.5" aria-hidden />}
        {copied ? t("copied") : t("copy")}
      </Button>
    </div>
  );
}
