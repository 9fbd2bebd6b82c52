"use client";

import { useTranslations } from "next-intl";
import { Dialog } from "~/app/_components/ui/dialog";
import { Kbd } from "~/app/_components/ui/kbd";
import { SHORTCUTS } from "../use-shortcuts";

const isMac = () => typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

export function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useTranslations("Shortcuts");
  const mod = isMac() ? "⌘" : "Ctrl";
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={t("title")}>
      <table className="w-full text-[12px]">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.id} className="border-b border-border last:border-0">
              <td className="px-4 py-1.5 text-muted">{t(`items.${s.id}`)}</td>
              <td className="px-4 py-1.5 text-right whitespace-nowrap">
                <span className="inline-flex gap-1">
                  {s.keys.split(" ").map((k, i) =>
                    k === "/" || k === "–" ? (
                      <span key={`${k}-${i}`} className="text-muted">
                        {k}
                      </span>
                    ) : (
                      <Kbd key={`${k}-${i}`}>{k === "mod" ? mod : k}</Kbd>
                    ),
                  )}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
